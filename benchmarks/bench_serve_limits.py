"""Hold ``speechkit serve`` under clients that never read and half-finished requests; print memory and latency.

    python benchmarks/bench_serve_limits.py [--items 400] [--readers 300] [--slowloris 1000] [--nofile 1024]

The server runs with its open-file limit set to ``--nofile`` (soft and hard). The document is the
critique outline grown to ``--items`` requirements (400 ≈ 1 MB of HTML per event).
"""

from __future__ import annotations

import argparse
import http.client
import os
import resource
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FACTS = """\
kind: critique_outline
title: 支部书记述职点评提纲
date: 2025年6月1日
opening: 我们听取了述职，作简要点评。
sections:
  - type: achievements
    items:
      - title: 党建责任有效落实
        text: 年初创新提出工作法。
  - type: requirements
    items:
"""
ITEM = "      - title: 第{n}项要求\n        text: " + "各党支部要把这项工作抓紧抓实，确保取得实效。" * 40 + "\n"


def rss_mb(pid: int) -> float:
    """Return a process's resident memory in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def latency_ms(port: int, rounds: int = 20) -> tuple[float, float, int]:
    """Return the median and worst milliseconds of GET /state.json, and how many failed."""
    times, failed = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/state.json")
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                failed += 1
                continue
        except OSError:
            failed += 1
            continue
        times.append((time.perf_counter() - start) * 1000)
    if not times:
        return float("nan"), float("nan"), failed
    return statistics.median(times), max(times), failed


def show(measured: tuple[float, float, int]) -> str:
    """Format a latency measurement."""
    median, worst, failed = measured
    return f"median {median:.1f} ms, max {worst:.1f} ms, {failed} failed"


def edit(facts: Path, text: str, tag: str) -> None:
    """Change the facts three times, so the server rebuilds and sends three events."""
    for n in range(3):
        facts.write_text(text.replace("第0项要求", f"第{n}次{tag}"), encoding="utf-8")
        time.sleep(1.5)


def main() -> int:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--readers", type=int, default=300, help="event streams that never read")
    parser.add_argument("--slowloris", type=int, default=1000, help="requests whose headers never end")
    parser.add_argument("--nofile", type=int, default=1024)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="speechkit-bench-"))
    facts = folder / "facts.yaml"
    text = FACTS + "".join(ITEM.format(n=n) for n in range(args.items))
    facts.write_text(text, encoding="utf-8")
    errors = folder / "stderr.txt"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (args.nofile, args.nofile))

    with open(errors, "wb") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "speechkit", "serve", str(facts), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=err,
            preexec_fn=limit,
        )
    assert server.stdout is not None
    ready, _, _ = select.select([server.stdout], [], [], 120)
    assert ready, "serve did not start"
    port = int(server.stdout.readline().decode().strip().rstrip("/").rsplit(":", 1)[1])
    try:
        time.sleep(1)
        print(f"document: {len(text.encode()) / 1e6:.2f} MB of facts, {args.items} items")
        print(f"started: RSS {rss_mb(server.pid):.0f} MB, state.json {show(latency_ms(port))}")
        edit(facts, text, "warm")
        print(
            f"baseline after 3 rebuilds, no clients: RSS {rss_mb(server.pid):.0f} MB, "
            f"state.json {show(latency_ms(port))}"
        )
        held = []
        for _ in range(args.readers):
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect(("127.0.0.1", port))
            sock.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            held.append(sock)
        edit(facts, text, "held")
        print(
            f"{args.readers} non-reading event clients held: RSS {rss_mb(server.pid):.0f} MB, "
            f"state.json {show(latency_ms(port))}"
        )
        time.sleep(12)
        print(f"  12 s later (send bound 10 s): RSS {rss_mb(server.pid):.0f} MB, state.json {show(latency_ms(port))}")
        for sock in held:
            sock.close()
        time.sleep(3)
        print(f"after they left: RSS {rss_mb(server.pid):.0f} MB, state.json {show(latency_ms(port))}")
        half = []
        refused = 0
        for _ in range(args.slowloris):
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                half.append(sock)
            except OSError:
                refused += 1
        print(
            f"{args.slowloris} half-open requests ({refused} not connected): RSS {rss_mb(server.pid):.0f} MB, "
            f"state.json {show(latency_ms(port))}"
        )
        time.sleep(11)
        print(f"  11 s later (header bound 10 s): state.json {show(latency_ms(port))}")
        for sock in half:
            sock.close()
        time.sleep(2)
        print(f"after they left: RSS {rss_mb(server.pid):.0f} MB, state.json {show(latency_ms(port))}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()
    print(f"server stderr: {os.path.getsize(errors)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

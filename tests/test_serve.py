"""``speechkit serve``: the page in a real headless Chromium, the event stream, and the server surviving bad saves."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import select
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import chromium
from conftest import run_cli
from speechkit import SpeechkitError, load

FACTS = """\
kind: critique_outline
title: 支部书记述职点评提纲
date: 2025年x月xx日
opening: 我们听取了述职，作简要点评。
sections:
  - type: achievements
    items:
      - title: 党建责任有效落实
        text: 年初创新提出工作法。
  - type: requirements
    items:
      - title: 强化主业抓责任
        text: 各党支部书记要坚决承担责任。
"""
EDITED = FACTS.replace("支部书记述职点评提纲", "第二季度述职点评提纲").replace(
    "  - type: requirements",
    "  - type: common_problems\n    items:\n      - title: 制度执行不力\n  - type: requirements",
)
#: Line 6 names a section type nobody registered.
BROKEN = FACTS.replace("  - type: achievements", "  - type: no_such_type")

needs_chromium = pytest.mark.skipif(not chromium.available(), reason="chromium is not installed")


@dataclass
class Server:
    """A running ``speechkit serve`` subprocess, its address and the facts file it follows."""

    process: subprocess.Popen[bytes]
    url: str
    facts: Path

    def save(self, text: str) -> None:
        """Save the facts file as an editor does: write a temporary file, then rename it over."""
        temporary = self.facts.with_name(".facts.yaml.swp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self.facts)

    def state(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.url + "state.json", timeout=30) as response:
            return dict(json.load(response))

    def wait_for_version(self, version: int) -> dict[str, Any]:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            state = self.state()
            if state["version"] >= version:
                return state
            time.sleep(0.05)
        raise TimeoutError(f"the server never reached version {version}")


@contextlib.contextmanager
def running(facts: Path, *options: str, host: str = "127.0.0.1") -> Iterator[Server]:
    """Run ``speechkit serve FACTS`` with ``options``; stop it after, and check its standard error has no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "speechkit", "serve", str(facts), "--port", "0", "--host", host, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "speechkit serve did not announce its address"
        url = process.stdout.readline().decode().strip()
        shown = f"[{host}]" if ":" in host else host
        assert url.startswith(f"http://{shown}:") and url.endswith("/"), url
        yield Server(process, url, facts)
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
        assert b"Traceback" not in err, err.decode()
        assert not err.strip(), err.decode()[:2000]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    with running(facts) as started:
        yield started


def read_event(stream: http.client.HTTPResponse) -> dict[str, Any]:
    """Read one ``state`` event from a server-sent event stream."""
    event, data = "", ""
    while True:
        line = stream.readline().decode("utf-8")
        assert line, "the event stream ended"
        line = line.rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif not line and event == "state":
            return dict(json.loads(data))


def address(url: str) -> tuple[str, int]:
    """Return the host and port of a server's address."""
    host, port = url.removeprefix("http://").rstrip("/").rsplit(":", 1)
    return host.strip("[]"), int(port)


def open_events(url: str) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    host, port = address(url)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/events", headers={"Accept": "text/event-stream"})
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type", "").startswith("text/event-stream")
    return connection, response


def broken_message(facts: Path) -> str:
    with pytest.raises(SpeechkitError) as info:
        load(facts)
    return str(info.value)


@needs_chromium
def test_chromium_shows_the_pages_and_findings_and_follows_saves(server: Server, tmp_path: Path) -> None:
    page = chromium.dump_dom(server.url, tmp_path / "profile-dump")
    assert "<title>支部书记述职点评提纲</title>" in page
    assert 'class="sk-page"' in page, "the script laid the document out as pages"
    assert "一、主要成效" in page and "二、下一步的工作要求" in page
    assert "SK101" in page and "第 3 行" in page and "x月xx日" in page

    browser = chromium.Browser(tmp_path / "profile")
    try:
        browser.open(server.url)
        assert browser.wait_for("document.getElementById('sk-status').textContent") == "已同步"
        pages = "Array.from(document.querySelectorAll('.sk-page')).map(p => p.innerText).join('\\n')"
        shown = browser.evaluate(pages)
        assert "支部书记述职点评提纲" in shown and "一、主要成效" in shown
        assert "— 1 —" in shown
        assert "SK101" in browser.evaluate("document.getElementById('sk-panel').innerText")

        server.save(EDITED)
        shown = browser.wait_for(f"(t => t.includes('第二季度述职点评提纲') && t)({pages})")
        assert "二、存在问题" in shown and "三、下一步的工作要求" in shown and "一是制度执行不力。" in shown
        assert browser.evaluate("document.title") == "第二季度述职点评提纲"

        server.save(BROKEN)
        expected = broken_message(server.facts)
        assert f"{server.facts}:6:" in expected
        error = "(e => !e.hidden && e.textContent)(document.getElementById('sk-error'))"
        assert browser.wait_for(error) == expected
        assert server.process.poll() is None, "the server lives on"
        assert "第二季度述职点评提纲" in browser.evaluate(pages), "the last good document stays"
        assert browser.evaluate("document.body.classList.contains('sk-stale')")

        server.save(FACTS)
        browser.wait_for("document.getElementById('sk-error').hidden")
        assert "支部书记述职点评提纲" in browser.wait_for(f"(t => !t.includes('第二季度') && t)({pages})")
    finally:
        browser.close()
    dumped = chromium.dump_dom(server.url, tmp_path / "profile-dump")
    assert "第二季度" not in dumped and 'hidden=""' in dumped.split('id="sk-error"')[1][:40]


def test_event_stream_pushes_each_save(server: Server) -> None:
    connection, events = open_events(server.url)
    try:
        first = read_event(events)
        assert first["version"] == 1 and first["title"] == "支部书记述职点评提纲" and first["error"] == ""
        assert "SK101" in first["panel"] and '<h1 class="sk-title">支部书记述职点评提纲</h1>' in first["document"]

        server.save(EDITED)
        second = read_event(events)
        assert second["version"] == 2 and second["title"] == "第二季度述职点评提纲"
        assert "一是制度执行不力。" in second["document"]

        server.save(BROKEN)
        third = read_event(events)
        assert third["error"] == broken_message(server.facts)
        assert third["document"] == second["document"], "a broken save keeps the last good document"
        assert server.process.poll() is None
    finally:
        connection.close()
    state = server.state()
    assert state["version"] == 3 and state["error"] == third["error"]
    assert "SK101" in [f["code"] for f in state["findings"]], "the findings of the last good save stay"


def test_a_file_broken_at_start_is_shown_not_fatal(server: Server, tmp_path: Path) -> None:
    server.save("title: [unclosed\n")
    state = server.wait_for_version(2)
    assert state["error"].startswith(f"{server.facts}:2:1: ")
    with urllib.request.urlopen(server.url, timeout=30) as response:
        page = response.read().decode("utf-8")
    assert state["error"].replace("'", "&#39;") in page
    server.save(FACTS)
    assert server.wait_for_version(3)["error"] == ""


def test_other_host_names_are_refused(server: Server) -> None:
    host, port = server.url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/", headers={"Host": "attacker.example"})
    response = connection.getresponse()
    assert response.status == 400
    response.read()
    connection.close()
    request = urllib.request.Request(server.url, headers={"Host": f"localhost:{port}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    result = run_cli("serve", str(tmp_path / "nope.yaml"), "--port", "0")
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / 'nope.yaml'}: no such file\n"


def test_port_in_use_is_bad_input(server: Server) -> None:
    port = server.url.rstrip("/").rsplit(":", 1)[1]
    result = run_cli("serve", str(server.facts), "--port", port)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("speechkit: ") and result.stderr.count("\n") == 1


def test_help_imports_no_web_or_mcp_stack() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from speechkit.apps.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'watchfiles', 'mcp') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout == "[]\n"
    help_text = run_cli("--help").stdout
    assert "serve" in help_text and "mcp" in help_text


def test_urls_outside_the_app_are_not_found(server: Server) -> None:
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(server.url + "facts.yaml", timeout=30)
    assert info.value.code == 404
    info.value.close()


def test_preview_keeps_the_last_good_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from speechkit.apps.serve import Preview
    from speechkit.writers import html

    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    preview = Preview(facts)
    first = preview.snapshot
    assert (first.version, first.title, first.error) == (1, "支部书记述职点评提纲", "")
    assert [f.code for f in first.findings] == ["SK101"] and first.findings[0].line == 3
    assert not preview.changed()

    facts.write_text(BROKEN, encoding="utf-8")
    assert preview.changed()
    broken = preview.refresh()
    assert broken.version == 2 and broken.error == broken_message(facts)
    assert (broken.document, broken.findings, broken.server) == (first.document, first.findings, first.server)

    def fail(*args: object, **kwargs: object) -> str:
        raise ValueError("boom\nsecond line")

    facts.write_text(FACTS, encoding="utf-8")
    monkeypatch.setattr(html, "render_fragment", fail)
    crashed = preview.refresh()
    assert crashed.error == f"{facts}: internal error, please report it: ValueError: boom second line"
    monkeypatch.undo()
    assert preview.refresh().error == ""


@pytest.mark.parametrize(
    ("argv", "missing", "extra"), [(["serve", "FACTS"], "uvicorn", "serve"), (["mcp"], "mcp", "mcp")]
)
def test_a_missing_extra_is_named(argv: list[str], missing: str, extra: str, tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    args = [str(facts) if a == "FACTS" else a for a in argv]
    code = f"import sys; sys.modules[{missing!r}] = None; from speechkit.apps.cli import main; sys.exit(main({args!r}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith(f"speechkit {argv[0]} needs the {extra} extra: pip install 'speechkit[{extra}]'")
    assert result.stderr.count("\n") == 1


@needs_chromium
def test_an_update_keeps_the_readers_place(server: Server, tmp_path: Path) -> None:
    item = "      - title: 第{n}项要求\n        text: " + "各党支部要把这项工作抓紧抓实，确保取得实效。" * 6 + "\n"
    long = FACTS + "".join(item.format(n=n) for n in range(30))
    server.save(long)
    server.wait_for_version(2)
    browser = chromium.Browser(tmp_path / "profile")
    try:
        browser.open(server.url)
        assert browser.wait_for("document.querySelectorAll('.sk-page').length") >= 3
        browser.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        scrolled = browser.evaluate("window.scrollY")
        assert scrolled > 0
        server.save(long.replace("第29项要求", "最后一项要求"))
        browser.wait_for("document.getElementById('sk-pages').innerText.includes('最后一项要求')")
        assert browser.evaluate("window.scrollY") == scrolled
    finally:
        browser.close()


OVERLAPS = """(() => {
  const pane = document.getElementById('sk-panel').getBoundingClientRect();
  const sheets = Array.from(document.querySelectorAll('.sk-page')).map(p => p.getBoundingClientRect());
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return {
    sheets: sheets.length,
    overlaps: sheets.filter(s => meet(s, pane)).length,
    clipped: sheets.filter(s => s.left < 0 || s.right > window.innerWidth).length,
  };
})()"""


@needs_chromium
def test_the_findings_pane_never_covers_the_page(server: Server, tmp_path: Path) -> None:
    browser = chromium.Browser(tmp_path / "profile")
    try:
        browser.open(server.url)
        assert browser.wait_for("document.getElementById('sk-status').textContent") == "已同步"
        for width in (1024, 1200, 1280, 1440, 1920):
            metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}
            browser.call("Emulation.setDeviceMetricsOverride", metrics)
            browser.wait_for(f"window.innerWidth === {width}")
            seen = browser.evaluate(OVERLAPS)
            assert seen["sheets"] >= 1 and seen["overlaps"] == 0 and seen["clipped"] == 0, (width, seen)
    finally:
        browser.close()


@needs_chromium
def test_event_streams_beyond_the_cap_get_503_and_the_page_says_why(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    with running(facts, "--max-clients", "2") as started:
        held = [open_events(started.url) for _ in range(2)]
        try:
            for _, stream in held:
                assert read_event(stream)["version"] == 1
            host, port = address(started.url)
            connection = http.client.HTTPConnection(host, port, timeout=30)
            connection.request("GET", "/events")
            refused = connection.getresponse()
            assert refused.status == 503 and b"too many live previews" in refused.read()
            connection.close()
            browser = chromium.Browser(tmp_path / "profile")
            try:
                browser.open(started.url)
                status = browser.wait_for(
                    "(t => t.includes('上限') && t)(document.getElementById('sk-status').textContent)"
                )
                assert "请关闭其他预览页" in status
            finally:
                browser.close()
        finally:
            for connection, _ in held:
                connection.close()
        deadline = time.monotonic() + 30
        while True:  # the streams of the closed connections are let go
            connection = http.client.HTTPConnection(host, port, timeout=30)
            try:
                connection.request("GET", "/events")
                response = connection.getresponse()
                if response.status == 200:
                    assert read_event(response)["version"] == 1
                    break
                response.read()
            finally:
                connection.close()
            assert time.monotonic() < deadline, "the cap stayed full after the clients left"
            time.sleep(0.1)


def big_facts() -> str:
    """Return the facts grown to 400 requirements: about 1.1 MB of HTML per event."""
    item = "      - title: 第{n}项要求\n        text: " + "各党支部要把这项工作抓紧抓实，确保取得实效。" * 40 + "\n"
    return FACTS + "".join(item.format(n=n) for n in range(400))


def test_a_client_that_does_not_read_is_dropped(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    big = big_facts()
    facts.write_text(big, encoding="utf-8")
    with running(facts, "--send-seconds", "1") as started:
        sleeper = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sleeper.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sleeper.connect(address(started.url))
        sleeper.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        try:
            for n in range(10):  # each save sends the whole document again; the buffers fill, the client is cut off
                started.save(big.replace("第0项要求", f"第{n}次修改"))
                started.wait_for_version(n + 2)
            time.sleep(3)
            sleeper.settimeout(10)  # longer than the 1 s allowed to send, shorter than a keep-alive's 15 s
            received = 0
            with contextlib.suppress(ConnectionResetError):  # a dropped stream ends (or is reset) instead of timing out
                while chunk := sleeper.recv(1 << 16):
                    received += len(chunk)
            assert received < 10 * len(big), "not every event was sent to a client that read nothing"
            connection, stream = open_events(started.url)
            assert read_event(stream)["title"] == "支部书记述职点评提纲", "others are served on"
            connection.close()
        finally:
            sleeper.close()


def test_unfinished_requests_are_timed_out_and_serve_answers_on(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    with running(facts, "--header-seconds", "1") as started:
        host, port = address(started.url)
        slow = []
        for _ in range(50):
            half = socket.create_connection((host, port), timeout=30)
            half.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the headers never end
            slow.append(half)
        try:
            assert started.state()["version"] == 1, "a whole request is answered meanwhile"
            for half in slow:
                half.settimeout(30)
                with contextlib.suppress(ConnectionResetError):
                    assert half.recv(1024) == b"", "the server ends the unfinished request"
        finally:
            for half in slow:
                half.close()


def test_v6_loopback_host_is_allowed(tmp_path: Path) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 here")
    try:
        socket.create_server(("::1", 0), family=socket.AF_INET6).close()
    except OSError:
        pytest.skip("no IPv6 loopback here")
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    with running(facts, host="::1") as started:
        _, port = address(started.url)
        connection = http.client.HTTPConnection("::1", port, timeout=30)
        connection.request("GET", "/state.json", headers={"Host": f"[::1]:{port}"})
        response = connection.getresponse()
        assert response.status == 200 and json.loads(response.read())["version"] == 1
        connection.request("GET", "/state.json", headers={"Host": "attacker.example"})
        response = connection.getresponse()
        assert response.status == 400
        response.read()
        connection.close()


def resident_mb(pid: int) -> float:
    """Return a process's resident memory in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS line")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_memory_held_for_clients_that_do_not_read_is_returned_when_they_are_dropped(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    big = big_facts()
    facts.write_text(big, encoding="utf-8")
    with running(facts, "--send-seconds", "4") as started:
        pid = started.process.pid
        version = 1
        for n in range(3):  # the baseline is taken after rebuilds, with no client
            started.save(big.replace("第0项要求", f"第{n}次预热"))
            version += 1
            started.wait_for_version(version)
        baseline = resident_mb(pid)
        sleepers = []
        for _ in range(60):  # within the cap of 64 streams
            sleeper = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sleeper.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sleeper.connect(address(started.url))
            sleeper.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            sleepers.append(sleeper)
        time.sleep(0.5)
        held = baseline
        try:
            for n in range(3):  # three events of 1.1 MB each: more than the kernel's buffers take for a client
                started.save(big.replace("第0项要求", f"第{n}次修改"))
                version += 1
                started.wait_for_version(version)
                time.sleep(0.5)
                held = max(held, resident_mb(pid))
            time.sleep(5)  # every sleeper is dropped 4 s after its event stalled
        finally:
            for sleeper in sleepers:
                sleeper.close()
        time.sleep(1)
        after = resident_mb(pid)
    grown = held - baseline
    assert grown > 20, f"the test did not make the server hold copies ({baseline:.0f} → {held:.0f} MB)"
    assert after - baseline < grown / 3, (
        f"memory stayed after the clients left: {baseline:.0f} → {held:.0f} → {after:.0f} MB"
    )

"""Measure ``speechkit build`` with its checks on, at 1,000 and 10,000 items: linear means 10×.

    python benchmarks/bench_check_scale.py [--sizes 1000 10000] [--rounds 3]

Grows the critique-outline example by repeating its achievement items (each with a counting phrase,
a placeholder and half-width punctuation, so every rule has work), writes the YAML to a temporary
file, and times what ``speechkit build -f md`` does: read, build, check the built Speech, render.
Prints median seconds per stage and the ratio of the largest to the smallest size; the target is
at most 15× for 10× the items.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from speechkit import build, render
from speechkit.checks import check_speech
from speechkit.facts.reading import read_facts

ROOT = Path(__file__).resolve().parent.parent


def grown(items: int) -> str:
    """Return the critique-outline facts with ``items`` points in its first section."""
    data = yaml.safe_load((ROOT / "examples" / "critique_outline.yaml").read_text(encoding="utf-8"))
    section = data["sections"][0]
    base = [{"title": i.get("title", "要点"), "text": i.get("text", "正文。")} for i in section["items"]]
    extra = "其中有两个方面值得注意:一是抓学习。二是抓落实。会议定于x月xx日召开。"
    section["items"] = [
        dict(base[n % len(base)], title=f"{base[n % len(base)]['title']}{n}", text=base[n % len(base)]["text"] + extra)
        for n in range(items)
    ]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def timed(function: Callable[[], Any], rounds: int) -> float:
    """Return the median wall-clock seconds of ``rounds`` calls."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def build_with_checks(path: Path) -> int:
    """Do what ``speechkit build -f md`` does with checks on; return the number of findings."""
    text = path.read_text(encoding="utf-8")
    speech = build(read_facts(path))
    findings = check_speech(speech, str(path), source=text)
    render(speech, "md")
    return len(findings)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    totals: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"facts-{size}.yaml"
            path.write_text(grown(size), encoding="utf-8")
            text = path.read_text(encoding="utf-8")
            speech = build(read_facts(path))
            findings = build_with_checks(path)
            stages = {
                "build": timed(lambda p=path: build(read_facts(p)), args.rounds),
                "check": timed(lambda s=speech, p=path, t=text: check_speech(s, str(p), source=t), args.rounds),
                "total": timed(lambda p=path: build_with_checks(p), args.rounds),
            }
            totals[size] = stages["total"]
            shown = "  ".join(f"{name} {seconds:7.3f}s" for name, seconds in stages.items())
            print(f"{size:>6} items  {shown}  ({findings} findings)")
    if len(totals) >= 2:
        small, large = min(totals), max(totals)
        ratio = totals[large] / totals[small]
        print(f"{large}/{small} items: {ratio:.1f}× the time for {large / small:.0f}× the items (target ≤ 15×)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

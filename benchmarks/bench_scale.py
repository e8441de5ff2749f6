"""Measure how load + build + Markdown render time grows with document size (1k vs 10k items).

    python benchmarks/bench_scale.py [--sizes 1000 10000] [--rounds 3]

Grows the critique-outline example by repeating its achievement items, writes the YAML to a
temporary file, and reports median seconds per stage and the 10k/1k ratio (linear is 10×).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from speechkit import load, render
from speechkit.facts.reading import read_facts

ROOT = Path(__file__).resolve().parent.parent


def grown(items: int) -> str:
    """Return the critique-outline facts with ``items`` points in its first section."""
    data = yaml.safe_load((ROOT / "examples" / "critique_outline.yaml").read_text(encoding="utf-8"))
    section = data["sections"][0]
    base = [{"title": i.get("title", "要点"), "text": i.get("text", "正文。")} for i in section["items"]]
    section["items"] = [dict(base[n % len(base)], title=f"{base[n % len(base)]['title']}{n}") for n in range(items)]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def timed(function, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"facts-{size}.yaml"
            path.write_text(grown(size), encoding="utf-8")
            speech = load(path)
            parse = timed(lambda p=path: read_facts(p), args.rounds)
            total = timed(lambda p=path: load(p), args.rounds)
            md = timed(lambda s=speech: render(s, "md"), args.rounds)
            docx = timed(lambda s=speech: render(s, "docx"), args.rounds)
            results[size] = (parse, total, md, docx)
            print(
                f"{size:>6} items: read {parse:.3f} s, load+validate+build {total:.3f} s, "
                f"markdown {md:.3f} s, docx {docx:.3f} s"
            )
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        names = ("read", "load+build", "markdown", "docx")
        ratios = ", ".join(f"{n} {results[large][i] / results[small][i]:.1f}×" for i, n in enumerate(names))
        print(f"{large}/{small} items ({large / small:.0f}× the size): {ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

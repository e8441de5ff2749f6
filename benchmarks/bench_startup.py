"""Start-up cost of one build: regular-expression compiles per module, and whole-process wall time.

    python benchmarks/bench_startup.py [FACTS.yaml] [--rounds 11] [--format docx] [--top 15]

(a) In a fresh interpreter, time every regular-expression compile met while importing
    ``speechkit.cli`` and running ``speechkit build FACTS -f FORMAT`` (checks on), attributed to
    the module whose code asked for the pattern; the wrapper around ``re._compiler.compile`` lives
    in that measuring process only, never in speechkit.
(b) The median (and quartiles) of ``python -m speechkit build FACTS -f FORMAT -o TMP`` over
    ``--rounds`` fresh processes, next to ``python -c pass`` for the interpreter's own start.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = ROOT / "examples" / "critique_outline.yaml"

#: Runs in the measured interpreter: wraps the compiler, builds once, prints JSON.
PROBE = r"""
import json, re, re._compiler, sys, time
from collections import defaultdict

real = re._compiler.compile
per_module = defaultdict(float)
per_pattern = defaultdict(float)
SKIP = ("/re/", "/functools.py", "/enum.py", "/typing.py")

def caller():
    frame = sys._getframe(2)
    while frame is not None and any(part in frame.f_code.co_filename for part in SKIP):
        frame = frame.f_back
    if frame is None:
        return "?", 0
    return frame.f_globals.get("__name__", "?"), frame.f_lineno

def timed_compile(pattern, flags=0):
    start = time.perf_counter()
    try:
        return real(pattern, flags)
    finally:
        spent = time.perf_counter() - start
        module, line = caller()
        per_module[module] += spent
        per_pattern[f"{module}:{line}"] += spent

re._compiler.compile = timed_compile
started = time.perf_counter()
from speechkit.cli import main
imported = time.perf_counter()
status = main(sys.argv[1:])
finished = time.perf_counter()
json.dump(
    {
        "status": status,
        "import_ms": (imported - started) * 1000,
        "build_ms": (finished - imported) * 1000,
        "modules": {k: v * 1000 for k, v in per_module.items()},
        "patterns": {k: v * 1000 for k, v in per_pattern.items()},
    },
    sys.stderr,
)
"""


def compile_costs(facts: Path, fmt: str, out: Path) -> dict[str, object]:
    """Run the probe in a fresh interpreter and return its report."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "build", str(facts), "-f", fmt, "-o", str(out / f"probe.{fmt}")],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"probe failed ({done.returncode}):\n{done.stderr}")
    report: dict[str, object] = json.loads(done.stderr[done.stderr.index('{"status"') :])
    return report


def wall_times(command: list[str], rounds: int) -> list[float]:
    """Return the wall times in milliseconds of ``rounds`` runs of ``command`` (after one warm-up run)."""
    subprocess.run(command, check=False, capture_output=True)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> str:
    """Return the median and the quartiles of ``times``."""
    if len(times) < 2:
        return f"{times[0]:.0f} ms"
    q1, median, q3 = statistics.quantiles(times, n=4, method="inclusive")
    return f"median {median:.0f} ms (quartiles {q1:.0f}–{q3:.0f})"


def main() -> None:
    """Print the compile costs and the whole-process times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", nargs="?", type=Path, default=DEFAULT_FACTS)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--format", default="docx")
    parser.add_argument("--top", type=int, default=15, help="how many of the costliest patterns to list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        report = compile_costs(args.facts, args.format, out)
        modules: dict[str, float] = report["modules"]  # type: ignore[assignment]
        patterns: dict[str, float] = report["patterns"]  # type: ignore[assignment]
        print(f"# regex compiles in one build of {args.facts.name} -f {args.format} (fresh process)")
        own = sum(spent for name, spent in modules.items() if name.split(".")[0] == "speechkit")
        print(f"total {sum(modules.values()):.1f} ms over {len(patterns)} call sites; speechkit's own {own:.1f} ms")
        print(f"import speechkit.cli {report['import_ms']:.0f} ms, build {report['build_ms']:.0f} ms", end=" ")
        print("(the probe's own overhead included)")
        print("\n## per module (ms)")
        for name, spent in sorted(modules.items(), key=lambda kv: -kv[1]):
            if spent >= 0.05:
                print(f"{spent:7.2f}  {name}")
        print(f"\n## costliest {args.top} call sites (ms)")
        for name, spent in sorted(patterns.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"{spent:7.2f}  {name}")
        build = [sys.executable, "-m", "speechkit", "build", str(args.facts), "-f", args.format]
        build += ["-o", str(out / f"x.{args.format}")]
        bare = [sys.executable, "-c", "pass"]
        print(f"\n# whole process, {args.rounds} rounds")
        print(f"python -m speechkit build -f {args.format}: {summary(wall_times(build, args.rounds))}")
        print(f"python -c pass:                          {summary(wall_times(bare, args.rounds))}")


if __name__ == "__main__":
    main()

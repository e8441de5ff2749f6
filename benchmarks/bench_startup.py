"""Start-up cost of one build: regular-expression compiles per module, and whole-process wall time.

    python benchmarks/bench_startup.py [FACTS.yaml] [--rounds 11] [--probes 3] [--format docx] [--top 15]
                                       [--baseline OTHER/src]

(a) In a fresh interpreter, time every regular-expression compile met while importing
    ``speechkit.apps.cli`` and running ``speechkit build FACTS -f FORMAT`` (checks on), attributed to
    the module whose code asked for the pattern; the wrapper around ``re._compiler.compile``
    (``sre_compile.compile`` before Python 3.11) lives in that measuring process only, never in speechkit.
    Each call site keeps its least time over ``--probes`` fresh interpreters (a busy machine only
    ever adds time).
(b) The median (and quartiles) of ``python -m speechkit build FACTS -f FORMAT -o TMP`` over
    ``--rounds`` fresh processes, next to ``python -c pass`` for the interpreter's own start.

``--baseline`` names the ``src`` folder of another checkout (``git archive main | tar -x -C DIR``):
both are measured, the whole-process runs interleaved, so that before and after share the load.
speechkit's bytecode is compiled first, as in an installed package.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = ROOT / "examples" / "critique_outline.yaml"

#: Runs in the measured interpreter: wraps the compiler, builds once, prints JSON.
PROBE = r"""
import json, re, sys, time
from collections import defaultdict

try:
    import re._compiler as compiler  # Python 3.11+
except ImportError:
    import sre_compile as compiler  # Python 3.10

real = compiler.compile
per_pattern = defaultdict(float)
SKIP = ("/re/", "/re.py", "/sre_", "/functools.py", "/enum.py", "/typing.py")

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
        per_pattern[f"{module}:{line}"] += spent

compiler.compile = timed_compile
from speechkit.apps.cli import main
status = main(sys.argv[1:])
json.dump({"status": status, "patterns": {k: v * 1000 for k, v in per_pattern.items()}}, sys.stderr)
"""


def compile_costs(src: Path, facts: Path, fmt: str, out: Path, probes: int) -> dict[str, dict[str, float]]:
    """Run the probe ``probes`` times in fresh interpreters; return each call site's and module's least time."""
    sites: dict[str, float] = {}
    for _ in range(probes):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, "build", str(facts), "-f", fmt, "-o", str(out / f"probe.{fmt}")],
            capture_output=True,
            text=True,
            check=False,
            env=environment(src),
        )
        if done.returncode not in (0, 1):
            sys.exit(f"probe failed ({done.returncode}):\n{done.stderr}")
        report = json.loads(done.stderr[done.stderr.index('{"status"') :])
        for site, spent in report["patterns"].items():
            sites[site] = min(spent, sites.get(site, spent))
    modules: dict[str, float] = {}
    for site, spent in sites.items():
        module = site.rsplit(":", 1)[0]
        modules[module] = modules.get(module, 0.0) + spent
    return {"sites": sites, "modules": modules}


def environment(src: Path) -> dict[str, str]:
    """Return the environment that makes a child interpreter import speechkit from ``src``."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}


def interleaved(commands: dict[str, tuple[list[str], dict[str, str]]], rounds: int) -> dict[str, list[float]]:
    """Return the wall times in milliseconds of each command, one run of each per round, after a warm-up."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(rounds + 1):
        for name, (command, env) in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            if round_:
                times[name].append((time.perf_counter() - start) * 1000)
    return times


def summary(times: Sequence[float]) -> str:
    """Return the median and the quartiles of ``times``."""
    if len(times) < 2:
        return f"{times[0]:.0f} ms"
    q1, median, q3 = statistics.quantiles(times, n=4, method="inclusive")
    return f"median {median:.0f} ms (quartiles {q1:.0f}–{q3:.0f})"


def report_compiles(label: str, costs: dict[str, dict[str, float]], top: int) -> None:
    """Print the compile costs of one source tree."""
    modules, sites = costs["modules"], costs["sites"]
    own = sum(spent for name, spent in modules.items() if name.split(".")[0] == "speechkit")
    print(f"\n# {label}: regex compiles in one build")
    print(f"total {sum(modules.values()):.1f} ms over {len(sites)} call sites; speechkit's own {own:.1f} ms")
    print("\n## per module (ms)")
    for name, spent in sorted(modules.items(), key=lambda kv: -kv[1]):
        if spent >= 0.05:
            print(f"{spent:7.2f}  {name}")
    print(f"\n## costliest {top} call sites (ms)")
    for name, spent in sorted(sites.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{spent:7.2f}  {name}")


def main(argv: Sequence[str] | None = None) -> None:
    """Print the compile costs and the whole-process times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", nargs="?", type=Path, default=DEFAULT_FACTS)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--probes", type=int, default=3, help="fresh interpreters timing the compiles")
    parser.add_argument("--format", default="docx")
    parser.add_argument("--top", type=int, default=15, help="how many of the costliest call sites to list")
    parser.add_argument("--baseline", type=Path, help="the src folder of another checkout to compare with")
    args = parser.parse_args(argv)
    trees = {"this tree": ROOT / "src"}
    if args.baseline:
        trees["baseline"] = args.baseline.resolve()
    facts = args.facts.resolve()
    for src in trees.values():
        # An installed package has its bytecode compiled; make it so whatever PYTHONDONTWRITEBYTECODE says.
        # schemas/ (speechkit.schemas, the compiled validator among it) sits beside src/ in a checkout.
        for folder in (src / "speechkit", src.parent / "schemas"):
            compileall.compile_dir(str(folder), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print(f"{facts.name} -f {args.format}")
        for label, src in trees.items():
            report_compiles(f"{label} ({src})", compile_costs(src, facts, args.format, out, args.probes), args.top)
        commands = {
            f"speechkit build, {label}": (
                [sys.executable, "-m", "speechkit", "build", str(facts), "-f", args.format, "-o", str(out / "x")],
                environment(src),
            )
            for label, src in trees.items()
        }
        commands["python -c pass"] = ([sys.executable, "-c", "pass"], dict(os.environ))
        print(f"\n# whole process, {args.rounds} rounds interleaved")
        for name, times in interleaved(commands, args.rounds).items():
            print(f"{name}: {summary(times)}")


if __name__ == "__main__":
    main()

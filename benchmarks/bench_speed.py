"""Compare like with like: whole processes, in-process renders, and batches of documents.

    python benchmarks/bench_speed.py [FACTS.yaml] [--rounds 15] [--batch 1000] [--batch-rounds 3] [--sample 20]

Needs the ``bench`` extra (pandoc through pypandoc-binary). Every group runs interleaved (one of
each per round, so a busy machine slows all alike) and prints medians, the spread between the
first and third quartile, and ratios, as the Markdown table the README's "Speed" section quotes.

- whole process: ``speechkit build FACTS -f docx`` (checks on) against ``pandoc FACTS.md -o x.docx``
  on speechkit's own Markdown of the same facts, and ``python -m docxtpl`` rendering the same
  paragraphs through a loop template; ``speechkit --help`` too. speechkit runs as ``pip install .``
  installs it for a user: a wheel in a fresh virtual environment that borrows this one's
  dependencies (``--here`` runs this environment's speechkit instead, e.g. an editable install,
  whose import hook adds about 5 ms to every process).
- in process: ``speechkit.load`` + ``render(…, "docx")`` (from the YAML file) and ``render`` alone (from the
  Speech in memory, as docxtpl starts from its data in memory) against docxtpl's load + render + save.
- batch: ``--batch`` documents (FACTS with a different title each) built by one ``speechkit build``
  with ``-j 1`` and with ``-j`` the number of cores, against one process per file as before
  (timed on ``--sample`` files; each such process is independent, so its cost per document holds).
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pypandoc
import speechkit.schemas
import yaml
from docxtpl import DocxTemplate

import speechkit
from speechkit.builder.layout import Para, TableBlock, layout
from speechkit.default import default_registry
from speechkit.model.speech import Speech

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = ROOT / "examples" / "critique_outline.yaml"


def paragraphs(speech: Speech) -> list[dict[str, str]]:
    """Return the laid-out paragraphs (a table row as one) as docxtpl data."""
    out = []
    for block in layout(speech, registry=default_registry()):
        if isinstance(block, TableBlock):
            out += [{"role": "body", "text": " | ".join(r)} for r in (block.table.columns, *block.table.rows)]
        elif isinstance(block, Para):
            out.append({"role": block.role, "text": block.text})
    return out


def loop_template(path: Path) -> None:
    """Write a docxtpl template that writes one paragraph per item."""
    template = docx.Document()
    template.add_paragraph("{%p for p in paragraphs %}")
    template.add_paragraph("{{ p.text }}")
    template.add_paragraph("{%p endfor %}")
    template.save(path)


def run(command: Sequence[str], cwd: Path) -> None:
    """Run a command; its failure stops the benchmark."""
    subprocess.run(list(command), cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def user_install(where: Path) -> str:
    """Install speechkit as ``pip install .`` does, in a fresh venv borrowing our dependencies; return its python."""
    venv.create(where, with_pip=False)
    python = where / ("Scripts" if os.name == "nt" else "bin") / "python"
    query = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(subprocess.run([python, "-c", query], capture_output=True, text=True, check=True).stdout.strip())
    borrowed = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (site / "borrowed-dependencies.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="speechkit-source-") as source:
        shutil.copytree(
            ROOT, source, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info")
        )
        pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), source]
        subprocess.run(pip, check=True, stdout=subprocess.DEVNULL)
    compileall.compile_dir(str(site / "speechkit"), quiet=1)
    return str(python)


def timed(action: Callable[[], object]) -> float:
    """Return the seconds one call takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleave(actions: dict[str, Callable[[], object]], rounds: int, *, warm: bool = True) -> dict[str, list[float]]:
    """Warm up once (unless told not to), then run one of each action per round; return the times of each."""
    for action in actions.values() if warm else ():
        action()
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            times[name].append(timed(action))
    return times


def quartiles(samples: list[float]) -> tuple[float, float, float]:
    """Return the first quartile, the median and the third quartile."""
    if len(samples) < 2:
        return samples[0], samples[0], samples[0]
    q1, q2, q3 = statistics.quantiles(samples, n=4, method="inclusive")
    return q1, q2, q3


def ms(seconds: float) -> str:
    """Format seconds as milliseconds with three significant figures."""
    value = seconds * 1000
    return f"{value:.3g} ms" if value < 1000 else f"{value:,.0f} ms"


def rows(
    group: str, times: dict[str, list[float]], base: str, per: dict[str, int] | None = None
) -> list[tuple[str, str, str, str, str]]:
    """Return table rows: median, spread and ratio to ``base`` (per document when ``per`` says so)."""
    per = per or {}
    out = []
    base_median = quartiles(times[base])[1] / per.get(base, 1)
    for name, samples in times.items():
        q1, q2, q3 = (value / per.get(name, 1) for value in quartiles(samples))
        ratio = f"{q2 / base_median:.2f}×"
        spread = f"{ms(q1)} – {ms(q3)}"
        out.append((group, name, ms(q2), spread, ratio))
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the three groups and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("facts", nargs="?", default=str(DEFAULT_FACTS), help="facts YAML (default: corpus-000 outline)")
    parser.add_argument("--rounds", type=int, default=15, help="rounds of the single-document groups")
    parser.add_argument("--batch", type=int, default=1000, help="documents in the batch")
    parser.add_argument("--batch-rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=20, help="files built one process each, per round")
    parser.add_argument("--here", action="store_true", help="run this environment's speechkit, not a user's install")
    args = parser.parse_args(argv)
    # An installed package has its bytecode compiled; make it so here whatever PYTHONDONTWRITEBYTECODE says.
    for package in (speechkit, speechkit.schemas):
        compileall.compile_dir(str(Path(package.__file__ or "").parent), quiet=1)
    cores = os.cpu_count() or 1
    facts = Path(args.facts).resolve()
    speech = speechkit.load(facts)
    paras = paragraphs(speech)
    characters = sum(len(p["text"]) for p in paras)
    pandoc = pypandoc.get_pandoc_path()
    table: list[tuple[str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="speechkit-bench-") as tmp:
        work = Path(tmp)
        python = sys.executable if args.here else user_install(work / "venv")
        run([python, "-m", "speechkit", "build", str(facts), "-f", "md", "--no-check", "-o", str(work)], work)
        markdown = work / f"{facts.stem}.md"
        template = work / "loop.docx"
        loop_template(template)
        data = work / "data.json"
        data.write_text(json.dumps({"paragraphs": paras}, ensure_ascii=False), encoding="utf-8")

        whole = interleave(
            {
                "speechkit build -f docx": lambda: run(
                    [python, "-m", "speechkit", "build", str(facts), "-f", "docx", "-o", str(work / "sk")], work
                ),
                "pandoc FACTS.md -o x.docx": lambda: run([pandoc, str(markdown), "-o", str(work / "x.docx")], work),
                "python -m docxtpl": lambda: run(
                    [python, "-m", "docxtpl", "-o", "-q", str(template), str(data), str(work / "t.docx")], work
                ),
                "speechkit --help": lambda: run([python, "-m", "speechkit", "--help"], work),
            },
            args.rounds,
        )
        table += rows("whole process", whole, "pandoc FACTS.md -o x.docx")

        def docxtpl_render() -> bytes:
            document = DocxTemplate(str(template))
            document.render({"paragraphs": paras}, autoescape=True)
            buffer = io.BytesIO()
            document.save(buffer)
            return buffer.getvalue()

        inside = interleave(
            {
                "speechkit load + render docx": lambda: speechkit.render(speechkit.load(facts), "docx"),
                "speechkit render docx (Speech in memory)": lambda: speechkit.render(speech, "docx"),
                "docxtpl load + render + save": docxtpl_render,
            },
            args.rounds,
        )
        table += rows("in process", inside, "docxtpl load + render + save")

        folder = work / "batch"
        folder.mkdir()
        original = yaml.safe_load(facts.read_text(encoding="utf-8"))
        for number in range(args.batch):
            original["title"] = f"第{number}党支部书记抓党建工作述职点评提纲"
            text = yaml.safe_dump(original, allow_unicode=True)
            (folder / f"doc{number:05d}.yaml").write_text(text, encoding="utf-8")
        files = sorted(folder.iterdir())
        sample = files[: args.sample]

        def batch(jobs: int) -> Callable[[], None]:
            def go() -> None:
                out = work / f"out-j{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                run(
                    [python, "-m", "speechkit", "build", str(folder), "-f", "docx", "-j", str(jobs), "-o", str(out)],
                    work,
                )

            return go

        def one_process_each() -> None:
            for path in sample:
                run([python, "-m", "speechkit", "build", str(path), "-f", "docx", "-o", str(work / "each")], work)

        names = {
            f"one process per file ({args.sample} of them)": one_process_each,
            f"speechkit build DIR -j 1 ({args.batch})": batch(1),
            f"speechkit build DIR -j {cores} ({args.batch})": batch(cores),
        }
        batches = interleave(names, args.batch_rounds, warm=False)
        per = dict(zip(names, (args.sample, args.batch, args.batch), strict=True))
        table += rows("batch, per document", batches, next(iter(names)), per)

    print(
        f"{facts.name}: {len(paras)} paragraphs, {characters:,} characters; {cores} cores; "
        f"Python {sys.version.split()[0]}; pandoc {pypandoc.get_pandoc_version()}; "
        f"{args.rounds} rounds ({args.batch_rounds} for batches), interleaved; speechkit "
        + ("of this environment" if args.here else "installed as `pip install .` does")
    )
    print()
    print("| group | run | median | spread (p25 – p75) | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for group, name, median, spread, ratio in table:
        print(f"| {group} | {name} | {median} | {spread} | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time speechkit's DOCX writer against docxtpl, naive python-docx and pandoc on the same paragraphs.

    python benchmarks/bench_docx.py [FACTS.yaml] [--rounds N]

Without a facts file it renders a constructed critique outline of corpus-000 size (about 40
paragraphs, 10,000 characters). The four renderers run interleaved in one process; the script
prints each one's median time per document and its ratio to speechkit.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pypandoc
from docxtpl import DocxTemplate

from speechkit.layout import Para, TableBlock, layout
from speechkit.model import Enumeration, Item, Meta, Section, Speech
from speechkit.render.docx import render_docx

SENTENCE = (
    "今年以来，在镇党委的领导下，在座各位支部书记、第一书记和驻村党建指导员的共同努力下，较好地完成了"
    "全镇党建工作既定的各项目标任务，基本达到了抓党建、聚人心、强队伍、严管理、促发展的要求。"
)


def corpus_sized_speech() -> Speech:
    """Return a critique outline of corpus-000 size built from code."""

    def items(count: int) -> tuple[Item, ...]:
        return tuple(
            Item(f"第{n}项工作扎实推进", (SENTENCE * 3,), enumeration=Enumeration("heading"))
            for n in range(1, count + 1)
        )

    sections = (
        Section("heading", "主要成效", lead=(SENTENCE * 2,), items=items(10), enumeration=Enumeration("yishi")),
        Section("heading", "存在问题", lead=(SENTENCE,), items=items(8), enumeration=Enumeration("yishi")),
        Section(
            "heading",
            "",
            numbered=False,
            enumeration=Enumeration("none"),
            items=tuple(Item(unit=f"{n}号村", paragraphs=(SENTENCE,)) for n in range(1, 9)),
        ),
        Section("heading", "下一步的工作要求", items=items(6), enumeration=Enumeration("yiyao")),
    )
    return Speech(
        Meta("critique", "支部书记抓党建工作述职点评提纲"),
        sections,
        salutation="同志们：",
        opening=(SENTENCE * 2,),
        closing=("我的点评就到这里。谢谢大家。",),
    )


def paragraphs(speech: Speech) -> list[tuple[str, str]]:
    """Return (role, text) of every paragraph; a table row counts as one paragraph."""
    out = []
    for block in layout(speech):
        if isinstance(block, TableBlock):
            out += [("body", " | ".join(row)) for row in (block.table.columns, *block.table.rows)]
        elif isinstance(block, Para):
            out.append((block.role, block.text))
    return out


def docxtpl_template(path: Path) -> None:
    """Write a docxtpl template looping over the paragraphs."""
    template = docx.Document()
    template.add_paragraph("{%p for p in paragraphs %}")
    template.add_paragraph("{{ p.text }}")
    template.add_paragraph("{%p endfor %}")
    template.save(path)


def render_docxtpl(path: Path, paras: list[tuple[str, str]]) -> bytes:
    """Render the loop template with autoescape on."""
    template = DocxTemplate(str(path))
    template.render({"paragraphs": [{"role": r, "text": t} for r, t in paras]}, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_python_docx(paras: list[tuple[str, str]]) -> bytes:
    """Build the document naively with python-docx."""
    document = docx.Document()
    for role, text in paras:
        if role == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def markdown(paras: list[tuple[str, str]]) -> str:
    """Return the paragraphs as Markdown (headings as ``#``)."""
    return "\n\n".join(("# " if role in ("title", "heading") else "") + text for role, text in paras)


def render_pandoc(text: str, out: Path) -> bytes:
    """Convert Markdown to DOCX with pandoc."""
    pypandoc.convert_text(text, "docx", format="markdown", outputfile=str(out))
    return out.read_bytes()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("facts", nargs="?", help="a facts YAML file (default: a built-in outline)")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    if args.facts:
        import speechkit

        speech = speechkit.load(args.facts)
    else:
        speech = corpus_sized_speech()
    paras = paragraphs(speech)
    characters = sum(len(text) for _role, text in paras)
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "loop.docx"
        docxtpl_template(template)
        md = markdown(paras)
        runners: dict[str, Callable[[], bytes]] = {
            "speechkit": lambda: render_docx(speech),
            "docxtpl": lambda: render_docxtpl(template, paras),
            "python-docx": lambda: render_python_docx(paras),
            "pandoc": lambda: render_pandoc(md, Path(tmp) / "pandoc.docx"),
        }
        times: dict[str, list[float]] = {name: [] for name in runners}
        for run in runners.values():
            run()
        for _ in range(args.rounds):
            for name, run in runners.items():
                start = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - start)
    base = statistics.median(times["speechkit"])
    print(f"{len(paras)} paragraphs, {characters} characters, {args.rounds} rounds, interleaved")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:12} median {median * 1000:8.2f} ms   {median / base:7.1f} x speechkit")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One reading of each format: import and check read a .md or .docx through the same positioned lines.

What import sets aside as the copied page's (site lines, counters, cut marks) is what check reports as SK105,
at the same lines, in a Markdown or Word draft as in a text one; and check sees a Word paragraph as import does,
with the label of Word's list numbering in front.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
import yaml

import speechkit
from conftest import run_cli
from numbered_docx import Para, abstract, build_docx, level, num
from speechkit.checks.config import Config
from speechkit.checks.docx_source import doc_from_docx
from speechkit.default import default_registry
from speechkit.readers import read_draft

FIELD = Path(__file__).parent / "field"

#: A speech pasted from a page: breadcrumb, date stamp and counter above it, a cut mark inside, a footer below.
PAGE = [
    "首页 > 领导讲话 > 正文",
    "2021-05-08 10:21 来源：市政府办公室 浏览次数：1523",
    "在全市安全生产工作会议上的讲话",
    "同志们：",
    "今天我们召开会议，部署安全生产工作。……(未完，全文共3521字，当前仅显示1200字，请阅读下面提示信息。",
    "各地各部门要把安全生产摆在突出位置。",
    "版权所有：某某市人民政府 ICP备05001234号",
]


def _markdown(lines: list[str]) -> str:
    return "".join(line + "\n\n" for line in lines)


def _word(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _write(tmp_path: Path, fmt: str, lines: list[str]) -> Path:
    path = tmp_path / f"draft.{fmt}"
    if fmt == "md":
        path.write_text(_markdown(lines), encoding="utf-8")
    else:
        path.write_bytes(_word(lines))
    return path


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_import_sets_aside_what_check_reports(tmp_path: Path, fmt: str) -> None:
    draft = _write(tmp_path, fmt, PAGE)
    imported = run_cli("import", str(draft))
    assert imported.returncode == 0, imported.stderr
    aside = {int(m.group(1)) for m in re.finditer(r":(\d+): set aside: ", imported.stderr)}
    # Markdown lines are source lines (a paragraph every other line); Word paragraphs are numbered 1, 2, 3 …
    where = {1, 2, 5, 7} if fmt == "docx" else {1, 3, 9, 13}
    assert aside == where, imported.stderr
    facts = yaml.safe_load(imported.stdout)
    text = str(facts)
    assert "浏览次数" not in text and "ICP" not in text and "未完" not in text and "首页" not in text
    assert facts["title"] == "在全市安全生产工作会议上的讲话" and "各地各部门要把安全生产摆在突出位置。" in text
    checked = run_cli("check", "--select", "SK105", str(draft))
    assert {int(m.group(1)) for m in re.finditer(r":(\d+):\d+: SK105 ", checked.stdout)} == aside, checked.stdout


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_clean_draft_loses_nothing(tmp_path: Path, fmt: str) -> None:
    """speechkit's own bundled example, written as .md and .docx, reads back with nothing set aside."""
    speech = speechkit.load(Path(__file__).parents[1] / "examples" / "critique_outline.yaml")
    data = speechkit.render(speech, fmt)
    reading = read_draft(data if isinstance(data, bytes) else data.encode(), fmt, registry=default_registry())
    assert [note for note in reading.notes if note.action == "set aside"] == []


def _field_drafts() -> list[Path]:
    return sorted(FIELD.glob("*.txt"))[::4]  # every fourth draft of the field corpus: a spread of sites


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_field_drafts_as_md_and_docx_agree_with_check(tmp_path: Path, fmt: str) -> None:
    """Pasted into Markdown or Word line by line, each field draft's set-aside lines are its SK105 lines."""
    registry = default_registry()
    for source in _field_drafts():
        lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
        draft = _write(tmp_path, fmt, lines)
        notes = read_draft(draft, registry=registry).notes
        aside = {note.line for note in notes if note.action == "set aside"}
        found = {f.line for f in speechkit.check(draft, config=Config()) if f.code == "SK105"}
        assert aside <= found, (source.name, sorted(aside - found))


def test_check_sees_word_list_numbering_as_import_does(tmp_path: Path) -> None:
    numbering = abstract(0, level(0, "chineseCounting", "%1、")) + num(1, 0)
    data = build_docx([Para("讲话"), Para("提高认识", num=1, ilvl=0), Para("狠抓落实", num=1, ilvl=0)], numbering)
    path = tmp_path / "numbered.docx"
    path.write_bytes(data)
    units = [unit.text for unit in doc_from_docx(path).units]
    assert units == ["讲话", "一、提高认识", "二、狠抓落实"]
    read = read_draft(path, registry=default_registry()).speech
    assert [section.title for section in read.sections] == ["提高认识", "狠抓落实"]

"""A .docx as positioned lines: one pass over the package that both ``import`` and ``check`` read.

Every body paragraph becomes a :class:`DocxLine` numbered 1-based in document order, with the text a
word processor shows (the label of Word's list numbering in front, tracked deletions left out), its
paragraph style, its outline level and the character style of its first run; a table becomes a
:class:`DocxTable` of its cells' texts, reported at the paragraph before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import _
from ..safezip import DocxError, open_docx, parse_xml
from .docx_numbering import ListNumbering, W

#: The package parts read here.
PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")


@dataclass(frozen=True)
class DocxLine:
    """One paragraph of a .docx as it shows, and what its markup says of it."""

    text: str
    #: The 1-based number of the body paragraph (a table's paragraphs carry the number before the table).
    number: int
    #: The paragraph style ID (``""`` when the paragraph names none).
    style: str = ""
    #: The paragraph's own outline level (0-based), -1 if it sets none.
    outline: int = -1
    #: The character style ID of the first run, and where that run ends in ``text`` (-1 if no run).
    lead_style: str = ""
    lead_end: int = -1


@dataclass(frozen=True)
class DocxTable:
    """A table of a .docx: its rows of cell texts, every paragraph in it, and the paragraph it follows."""

    rows: tuple[tuple[str, ...], ...]
    paragraphs: tuple[DocxLine, ...]
    number: int


DocxBlock = DocxLine | DocxTable


@dataclass(frozen=True)
class DocxPackage:
    """The parts of a .docx read here, parsed: body, styles and numbering."""

    body: Any
    styles: Any
    numbering: ListNumbering


def open_package(data: bytes, name: str) -> DocxPackage:
    """Open a DOCX package within safe limits (:mod:`speechkit.safezip`) and parse the parts read here."""
    with open_docx(data, name) as package:
        if "word/document.xml" not in package:
            raise DocxError(_("{name}: not a .docx file (no word/document.xml)").format(name=name))
        parts = {part: package.read(part) for part in PARTS if part in package}
    parsed = {part: parse_xml(xml, name) for part, xml in parts.items()}
    styles = parsed.get("word/styles.xml")
    root = parsed["word/document.xml"]
    return DocxPackage(root.find(f"{W}body"), styles, ListNumbering(parsed.get("word/numbering.xml"), styles))


def docx_blocks(package: DocxPackage) -> list[DocxBlock]:
    """Return the body's paragraphs and tables in document order, each numbered as import and check report it."""
    blocks: list[DocxBlock] = []
    if package.body is None:
        return blocks
    number = 0
    for child in package.body:
        if child.tag == f"{W}p":
            number += 1
            blocks.append(paragraph_line(child, package.numbering, number))
        elif child.tag == f"{W}tbl":
            at = max(number, 1)
            lines = {p: paragraph_line(p, package.numbering, at) for p in child.iter(f"{W}p")}
            rows = tuple(
                tuple("\n".join(lines[p].text for p in cell.iter(f"{W}p")) for cell in row.iter(f"{W}tc"))
                for row in child.iter(f"{W}tr")
            )
            blocks.append(DocxTable(rows, tuple(lines.values()), at))
    return blocks


def paragraph_line(p: Any, numbering: ListNumbering, number: int) -> DocxLine:
    """Return paragraph ``p`` as it shows: the label Word's list numbering gives it in front of its runs."""
    style = p.find(f"{W}pPr/{W}pStyle")
    outline = p.find(f"{W}pPr/{W}outlineLvl")
    pieces: list[str] = []
    lead_style = ""
    for run in p.iter(f"{W}r"):
        if any(a.tag in (f"{W}del", f"{W}moveFrom") for a in run.iterancestors()):
            continue
        if not pieces:
            rstyle = run.find(f"{W}rPr/{W}rStyle")
            lead_style = rstyle.get(f"{W}val", "") if rstyle is not None else ""
        pieces.append(_run_text(run))
    text = "".join(pieces)
    lead_end = len(pieces[0]) if pieces else -1
    deleted = p.find(f"{W}pPr/{W}rPr/{W}del") is not None
    label = "" if deleted and not text else numbering.label(p)  # deleted outright: it neither shows nor counts
    return DocxLine(
        label + text,
        number,
        style.get(f"{W}val", "") if style is not None else "",
        int(outline.get(f"{W}val", "9")) if outline is not None else -1,
        lead_style,
        lead_end + len(label) if lead_end >= 0 else -1,
    )


def _run_text(run: Any) -> str:
    """The text of a run: its text, tabs and line breaks."""
    out = []
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
    return "".join(out)

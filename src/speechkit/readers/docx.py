"""Read a DOCX draft: speechkit's own styles back into roles; others' by heading styles and outline levels."""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _
from ..model.speech import Table
from ..model.text import join_lines
from ..safezip import DocxError, open_docx, parse_xml
from .docx_numbering import ListNumbering, W
from .raw import Draft, RawPara, RawTable

#: speechkit's paragraph style IDs and the roles they stand for.
STYLE_ROLES: dict[str, str] = {
    "Issuer": "issuer",
    "DocNumber": "doc_number",
    "Signer": "doc_number",
    "Title": "title",
    "Subtitle": "subtitle",
    "Dateline": "dateline",
    "Speaker": "speaker",
    "TOCHeading": "toc_title",
    "TOC1": "toc",
    "TOC2": "toc",
    "Addressee": "addressee",
    "Salutation": "salutation",
    "BodyText": "body",
    "BranchLine": "branch",
    "Closing": "closing",
    "Attachment": "attachment",
    "Signature": "signature",
    "Date": "date",
    "Caption": "caption",
    "CopyNumber": "copy_number",
    "Secrecy": "secrecy",
    "Urgency": "urgency",
    "Note": "note",
    "Imprint": "imprint",
}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_RUN = re.compile(r"^(HeadingRunIn\d|RunIn|RunInBold|BranchUnit)$")
#: The package parts read here.
PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")


def open_package(data: bytes, name: str) -> dict[str, bytes]:
    """Open a DOCX package within safe limits (:mod:`speechkit.safezip`) and return the parts read here."""
    with open_docx(data, name) as package:
        if "word/document.xml" not in package:
            raise DocxError(_("{name}: not a .docx file (no word/document.xml)").format(name=name))
        return {part: package.read(part) for part in PARTS if part in package}


def _parse(xml: bytes, name: str) -> Any:
    """Parse a part with no DTD, no entities and no network."""
    return parse_xml(xml, name)


def _styles(parts: dict[str, bytes], name: str) -> dict[str, tuple[str, int]]:
    """Return style ID → (role, heading level) for the paragraph styles that say something."""
    out: dict[str, tuple[str, int]] = {}
    if "word/styles.xml" not in parts:
        return out
    root = _parse(parts["word/styles.xml"], name)
    based: dict[str, str] = {}
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId", "")
        name_el = style.find(f"{W}name")
        style_name = name_el.get(f"{W}val", "") if name_el is not None else ""
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{W}val", "")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        heading = _HEADING_NAME.match(style_name) or _HEADING_NAME.match(sid)
        if re.fullmatch(r"Heading[1-9]", sid) or heading:
            out[sid] = ("heading", int(heading.group(1) if heading else sid[-1]))
        elif outline is not None and outline.get(f"{W}val", "9").isdigit() and int(outline.get(f"{W}val", "9")) < 9:
            out[sid] = ("heading", int(outline.get(f"{W}val", "0")) + 1)
        elif sid in STYLE_ROLES:
            out[sid] = (STYLE_ROLES[sid], 0)
        elif style_name.lower() in ("title", "标题"):
            out[sid] = ("title", 0)
    for sid, parent in based.items():
        if sid not in out and parent in out and out[parent][0] == "heading":
            out[sid] = out[parent]
    return out


def _list_numbering(parts: dict[str, bytes], name: str) -> ListNumbering:
    """Return Word's list numbering of the package (none if it has no numbering part)."""
    numbering = _parse(parts["word/numbering.xml"], name) if "word/numbering.xml" in parts else None
    styles = _parse(parts["word/styles.xml"], name) if "word/styles.xml" in parts else None
    return ListNumbering(numbering, styles)


def _mark_deleted(p: Any) -> bool:
    """Return whether a paragraph's mark is a tracked deletion."""
    return p.find(f"{W}pPr/{W}rPr/{W}del") is not None


def _numbered(p: Any, numbering: ListNumbering) -> tuple[str, str, int, int]:
    """Return :func:`_paragraph` of ``p`` with the label Word's list numbering shows put in front."""
    text, style_id, level, title_end = _paragraph(p)
    if _mark_deleted(p) and not text:
        return text, style_id, level, title_end  # deleted outright: it neither shows nor counts
    label = numbering.label(p)
    if label and title_end >= 0:
        title_end += len(label)
    return label + text, style_id, level, title_end


def _run_text(run: Any) -> str:
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


def _paragraph(p: Any) -> tuple[str, str, int, int]:
    """Return text, style ID, outline level (-1 if none) and where a title run ends."""
    style = p.find(f"{W}pPr/{W}pStyle")
    style_id = style.get(f"{W}val", "") if style is not None else ""
    outline = p.find(f"{W}pPr/{W}outlineLvl")
    level = int(outline.get(f"{W}val", "9")) if outline is not None else -1
    pieces: list[str] = []
    title_end = -1
    for run in p.iter(f"{W}r"):
        if any(a.tag in (f"{W}del", f"{W}moveFrom") for a in run.iterancestors()):
            continue
        text = _run_text(run)
        rstyle = run.find(f"{W}rPr/{W}rStyle")
        rid = rstyle.get(f"{W}val", "") if rstyle is not None else ""
        pieces.append(text)
        if not title_end + 1 and _TITLE_RUN.match(rid) and len(pieces) == 1:
            title_end = len(text)
    return "".join(pieces), style_id, level, title_end


def read_docx(data: bytes, path: str = "<docx>") -> Draft:
    """Read a DOCX body: one block per paragraph (numbered 1-based) or table."""
    parts = open_package(data, path)
    styles = _styles(parts, path)
    numbering = _list_numbering(parts, path)
    root = _parse(parts["word/document.xml"], path)
    body = root.find(f"{W}body")
    draft = Draft(path)
    if body is None:
        return draft
    number = 0
    for child in body:
        if child.tag == f"{W}p":
            number += 1
            text, style_id, outline, title_end = _numbered(child, numbering)
            if not text.strip():
                continue
            role, level = styles.get(style_id, ("", 0))
            if not role and 0 <= outline < 9:
                role, level = "heading", outline + 1
            if role == "title":
                level = 0
                text = join_lines(text)  # the title is balanced over lines with breaks
            elif role == "heading":
                level = max(level, 1)
            draft.blocks.append(RawPara(text, number, 1, role if role != "body" else "", level, title_end))
        elif child.tag == f"{W}tbl":
            paragraphs = {p: _numbered(p, numbering) for p in child.iter(f"{W}p")}
            rows = []
            for row in child.iter(f"{W}tr"):
                cells = ["\n".join(paragraphs[p][0] for p in cell.iter(f"{W}p")) for cell in row.iter(f"{W}tc")]
                rows.append(tuple(cells))
            imprint = [
                RawPara(text, max(number, 1), 1, "imprint")
                for text, style_id, _, _ in paragraphs.values()
                if style_id == "Imprint" and text.strip()
            ]
            if imprint:  # the 版记 of a speechkit notice: 抄送 and 印发 rows
                draft.blocks.extend(imprint)
                continue
            if rows:
                columns = rows[0]
                width = len(columns)
                body_rows = tuple(tuple((list(r) + [""] * width)[:width]) for r in rows[1:])
                draft.blocks.append(RawTable(Table(tuple(columns), body_rows), max(number, 1)))
    return draft

"""Read a DOCX draft from its positioned lines: speechkit's styles back into roles; others' by heading styles."""

from __future__ import annotations

import re
from typing import Any

from ..model.speech import Table
from ..model.text import join_lines
from .aside import set_page_aside
from .docx_lines import DocxBlock, DocxLine, DocxPackage, DocxTable, docx_blocks, open_package
from .docx_numbering import W
from .raw import Draft, RawPara, RawTable

#: speechkit's paragraph style IDs (the 公文 layout's own) and the roles they stand for; a section type's
#: styles are the registry's roles (:func:`speechkit.readers.roles.registered_roles`).
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
#: speechkit's run styles that hold a paragraph's label and title (a section type's are the registry's roles).
_TITLE_RUN = re.compile(r"^(HeadingRunIn\d|RunIn|RunInBold)$")


def _styles(root: Any) -> dict[str, tuple[str, int]]:
    """Return style ID → (role, heading level) for the paragraph styles that say something."""
    out: dict[str, tuple[str, int]] = {}
    if root is None:
        return out
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


def _para(line: DocxLine, styles: dict[str, tuple[str, int]]) -> RawPara | None:
    """A paragraph as the structurer reads it: its role and level by its style or outline level."""
    text = line.text
    if not text.strip():
        return None
    role, level = styles.get(line.style, ("", 0))
    if not role and 0 <= line.outline < 9:
        role, level = "heading", line.outline + 1
    if role == "title":
        level = 0
        text = join_lines(text)  # the title is balanced over lines with breaks
    elif role == "heading":
        level = max(level, 1)
    title_end = line.lead_end if _TITLE_RUN.match(line.lead_style) else -1
    return RawPara(
        text,
        line.number,
        1,
        role if role != "body" else "",
        level,
        title_end,
        line.style,
        line.lead_style,
        line.lead_end,
    )


def _table(table: DocxTable) -> list[RawPara] | RawTable | None:
    """A table: the 版记 rows of a speechkit notice as imprint lines, else a table of its cells."""
    imprint = [
        RawPara(line.text, table.number, 1, "imprint")
        for line in table.paragraphs
        if line.style == "Imprint" and line.text.strip()
    ]
    if imprint:  # the 版记 of a speechkit notice: 抄送 and 印发 rows
        return imprint
    if not table.rows:
        return None
    columns = table.rows[0]
    width = len(columns)
    body_rows = tuple(tuple((list(r) + [""] * width)[:width]) for r in table.rows[1:])
    return RawTable(Table(tuple(columns), body_rows), table.number)


def read_docx(data: bytes, path: str = "<docx>") -> Draft:
    """Read a DOCX body: one block per paragraph (numbered 1-based) or table."""
    package = open_package(data, path)
    return docx_draft(docx_blocks(package), package, path)


def docx_draft(blocks: list[DocxBlock], package: DocxPackage, path: str) -> Draft:
    """Make the draft of a .docx's positioned lines; a copied page's unstyled paragraphs are set aside."""
    styles = _styles(package.styles)
    draft = Draft(path)
    for block in blocks:
        if isinstance(block, DocxLine):
            para = _para(block, styles)
            if para is not None:
                draft.blocks.append(para)
            continue
        read = _table(block)
        if isinstance(read, list):
            draft.blocks.extend(read)
        elif read is not None:
            draft.blocks.append(read)
    return set_page_aside(draft)

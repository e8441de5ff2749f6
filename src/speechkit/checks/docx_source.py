"""Read a .docx into a Doc: one unit per paragraph, numbered 1-based over every body paragraph."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _
from ..safezip import DocxError, check_docx
from .sources import InputError, is_zip
from .text import Doc, DocTable, Unit


def doc_from_docx(path: Path) -> Doc:
    """Read paragraphs and tables; table cells are reported at the paragraph before the table."""
    if not path.exists():
        raise InputError(_("{path}: no such file").format(path=path))
    if not is_zip(path):
        raise InputError(_("{path}: not a .docx file (not a zip archive)").format(path=path))
    try:
        check_docx(path)
    except DocxError as exc:
        raise InputError(f"{path}: {exc.message}") from None
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
        body = document.element.body
        units: list[Unit] = []
        tables: list[DocTable] = []
        number = 0
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                number += 1
                text = Paragraph(child, document).text
                if text.strip():
                    units.append(Unit(text, number, fixable=False))
            elif tag == "tbl":
                line = max(number, 1)
                rows = [tuple(cell.text for cell in row.cells) for row in Table(child, document).rows]
                for row in rows:
                    units.extend(Unit(cell, line, fixable=False, role="cell") for cell in row if cell.strip())
                if len(rows) >= 2:
                    tables.append(DocTable(rows[0], tuple(rows[1:]), line))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many types for broken packages
        detail = f"{type(exc).__name__}: {exc}".replace("\n", " ")
        raise InputError(_("{path}: broken .docx ({detail})").format(path=path, detail=detail)) from None
    return Doc(str(path), units, tables)

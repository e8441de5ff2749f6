"""A .docx as check reads it: the readers' positioned lines, one unit per paragraph numbered 1-based."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _
from ..readers.docx_lines import DocxBlock, DocxLine, DocxPackage, docx_blocks, open_package
from ..readers.limits import read_draft_bytes
from ..safezip import DocxError
from .sources import InputError, is_zip
from .text import Doc, DocTable, Unit


def doc_from_docx(path: Path) -> Doc:
    """Read paragraphs (as they show, list labels included) and tables; cells are reported at the paragraph before."""
    return docx_doc(docx_package(path)[1], str(path))


def docx_package(path: Path) -> tuple[DocxPackage, list[DocxBlock]]:
    """Open a .docx for check and read its positioned lines; InputError, naming the file, when it cannot be."""
    if not path.exists():
        raise InputError(_("{path}: no such file").format(path=path))
    if not is_zip(path):
        raise InputError(_("{path}: not a .docx file (not a zip archive)").format(path=path))
    try:
        package = open_package(read_draft_bytes(path, str(path), InputError), str(path))
        return package, docx_blocks(package)
    except DocxError as exc:
        raise InputError(f"{path}: {exc.message}") from None
    except InputError:
        raise
    except Exception as exc:  # lxml and zipfile raise many types for broken packages
        detail = f"{type(exc).__name__}: {exc}".replace("\n", " ")
        raise InputError(_("{path}: broken .docx ({detail})").format(path=path, detail=detail)) from None


def docx_doc(blocks: list[DocxBlock], path: str) -> Doc:
    """Make the Doc of a .docx's positioned lines (the ones ``import`` reads)."""
    units: list[Unit] = []
    tables: list[DocTable] = []
    for block in blocks:
        if isinstance(block, DocxLine):
            if block.text.strip():
                units.append(Unit(block.text, block.number, fixable=False))
            continue
        for row in block.rows:
            units.extend(Unit(cell, block.number, fixable=False, role="cell") for cell in row if cell.strip())
        if len(block.rows) >= 2:
            tables.append(DocTable(block.rows[0], block.rows[1:], block.number))
    return Doc(path, units, tables)

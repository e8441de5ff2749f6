"""Read .txt, .md, .docx and facts .yaml into a :class:`Doc`, keeping source positions."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..i18n import _
from ..model.errors import SpeechkitError
from ..model.text import split_lines
from .text import Doc, DocTable, Unit


class InputError(SpeechkitError):
    """A file cannot be read or parsed as a check input."""


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file; raise InputError when it is unreadable, too large or not UTF-8 text."""
    from ..readers.limits import read_draft_bytes  # the readers' package, imported only when a file is read

    raw = read_draft_bytes(path, str(path), InputError)
    if b"\x00" in raw:
        raise InputError(_("{path}: not a text file (binary content)").format(path=path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(_("{path}: not UTF-8 text (byte {value})").format(path=path, value=exc.start + 1)) from None
    return text[1:] if text.startswith("\ufeff") else text


def doc_from_text(text: str, path: str = "<text>") -> Doc:
    """Make a Doc of plain text: one unit per non-blank line."""
    units = [Unit(line, number) for number, line in enumerate(split_lines(text), 1) if line.strip()]
    return Doc(path, units, _text_tables(units))


def _text_tables(units: list[Unit]) -> list[DocTable]:
    """Find pipe tables (``| a | b |``) in plain text, as Markdown writes them."""
    tables: list[DocTable] = []
    block: list[Unit] = []
    for unit in [*units, Unit("", 0)]:
        if unit.text.strip().startswith("|") and unit.line == (block[-1].line + 1 if block else unit.line):
            block.append(unit)
            continue
        rows = [tuple(c.strip() for c in u.text.strip().strip("|").split("|")) for u in block]
        rows = [r for r in rows if not all(set(c) <= set(":- ") for c in r)]
        if len(rows) >= 2:
            tables.append(DocTable(rows[0], tuple(rows[1:]), block[0].line))
        block = [unit] if unit.text.strip().startswith("|") else []
    return tables


def is_zip(path: Path) -> bool:
    """Return whether ``path`` is a zip archive (a .docx must be)."""
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def leaf_strings(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """Return every string in nested data with its data path, in document order."""
    if isinstance(data, str):
        return [(path, data)]
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in leaf_strings(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in leaf_strings(value, (*path, index))]
    return []

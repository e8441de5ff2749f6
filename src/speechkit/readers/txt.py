"""Read a plain-text draft: decode, set boilerplate aside, join broken lines, split run-on lines."""

from __future__ import annotations

from .clean import clean_lines
from .raw import Draft


def decode(data: bytes) -> str:
    """Decode a text draft: UTF-8 (with or without BOM), UTF-16 with BOM, else GB 18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def read_txt(data: str | bytes, path: str = "<text>") -> Draft:
    """Read a text draft into paragraphs with line and column."""
    text = decode(data) if isinstance(data, bytes) else data
    paragraphs, notes = clean_lines(text)
    return Draft(path, list(paragraphs), notes)

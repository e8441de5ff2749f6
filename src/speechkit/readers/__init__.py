"""Readers: drafts (.txt, .md, .docx) → the document model, with source positions.

``READERS`` maps a format name to its reader (bytes or text, path → :class:`Draft`);
``read_draft(source, format=None, kind=None)`` returns a :class:`Reading` (the Speech and
the notes of what was fixed or set aside); :func:`speechkit.read` returns only the Speech.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..i18n import _
from ..model.errors import SpeechkitError
from ..registry import Registry
from .assemble import Reading, assemble
from .docx import read_docx
from .limits import MAX_DRAFT_BYTES, read_draft_bytes
from .md import read_md
from .raw import Draft, Note
from .txt import read_txt

Reader = Callable[[bytes, str], Draft]

#: Format name → reader; suffixes map onto these names through SUFFIXES.
READERS: dict[str, Reader] = {
    "txt": lambda data, path: read_txt(data, path),
    "md": lambda data, path: read_md(data, path),
    "docx": read_docx,
}
SUFFIXES: dict[str, str] = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx"}
#: Drafts larger than this are refused (see speechkit.readers.limits).
MAX_BYTES = MAX_DRAFT_BYTES


class ReadError(SpeechkitError):
    """A draft that cannot be read: missing, unknown format, broken package."""


def _format_for(name: str, format: str | None) -> str:
    if format:
        key = format.lower().lstrip(".")
        key = {"markdown": "md", "text": "txt"}.get(key, key)
        if key not in READERS:
            raise ReadError(
                _("{name}: unknown draft format {format!r}; known: {readers}").format(
                    name=name, format=format, readers=", ".join(READERS)
                )
            )
        return key
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(
            _("{name}: cannot tell the format from the suffix {suffix!r}; give one of {readers}").format(
                name=name, suffix=suffix, readers=", ".join(READERS)
            )
        )
    return SUFFIXES[suffix]


def read_draft(
    source: str | os.PathLike[str] | bytes,
    format: str | None = None,
    *,
    kind: str | None = None,
    fix: bool = True,
    name: str | None = None,
    registry: Registry,
) -> Reading:
    """Read a draft (a path; or text/bytes with ``format``) into a :class:`Reading`."""
    if isinstance(source, bytes) or (isinstance(source, str) and format is not None and not _is_path(source)):
        data = source.encode("utf-8") if isinstance(source, str) else source
        path = name or f"<{format or 'draft'}>"
        if format is None:
            raise ReadError(_("{path}: give the format of a draft passed as text or bytes").format(path=path))
        fmt = _format_for(path, format)
    else:
        path = name or os.fspath(source)
        fmt = _format_for(path, format)
        data = read_draft_bytes(Path(os.fspath(source)), path, ReadError, directory=_("is a directory, not a draft"))
    try:
        draft = READERS[fmt](data, path)
    except UnicodeDecodeError:
        raise ReadError(_("{path}: not text in a known encoding").format(path=path)) from None
    return assemble(draft, kind, fix=fix, registry=registry)


def _is_path(text: str) -> bool:
    """Tell whether a string given with a format names an existing file rather than holding the draft."""
    return "\n" not in text and len(text) < 4096 and Path(text).is_file()


__all__ = ["READERS", "SUFFIXES", "Draft", "Note", "ReadError", "Reading", "read_draft"]

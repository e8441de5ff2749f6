"""Readers: drafts (.txt, .md, .docx) → the document model, with source positions.

A draft's format is a registered :class:`~speechkit.registry.Format` (found by name or suffix): a
built-in one gives its paragraphs and tables (``Format.draft``), which :func:`assemble` puts together;
a plugin's gives the Speech itself (``Format.read``). ``read_draft(source, format=None, kind=None)``
returns a :class:`Reading` (the Speech and the notes of what was fixed or set aside);
:func:`speechkit.read` returns only the Speech.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import _
from ..model.errors import SpeechkitError
from ..registry import Format, Registry
from .assemble import Reading, assemble
from .limits import MAX_DRAFT_BYTES, read_draft_bytes
from .raw import Draft, Note
from .roles import registered_roles

#: Drafts larger than this are refused (see speechkit.readers.limits).
MAX_BYTES = MAX_DRAFT_BYTES


class ReadError(SpeechkitError):
    """A draft that cannot be read: missing, unknown format, broken package."""


def _readers(registry: Registry) -> str:
    return ", ".join(name for name, fmt in registry.formats.items() if fmt.readable)


def _format_for(name: str, format: str | None, registry: Registry) -> Format:
    if format:
        fmt = registry.reader(format)
        if fmt is None:
            raise ReadError(
                _("{name}: unknown draft format {format!r}; known: {readers}").format(
                    name=name, format=format, readers=_readers(registry)
                )
            )
        return fmt
    suffix = Path(name).suffix.lower()
    fmt = registry.reader(suffix) if suffix else None
    if fmt is None:
        raise ReadError(
            _("{name}: cannot tell the format from the suffix {suffix!r}; give one of {readers}").format(
                name=name, suffix=suffix, readers=_readers(registry)
            )
        )
    return fmt


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
    given: bytes | None = None
    if isinstance(source, bytes) or (isinstance(source, str) and format is not None and not _is_path(source)):
        given = source.encode("utf-8") if isinstance(source, str) else source
        path = name or f"<{format or 'draft'}>"
        if format is None:
            raise ReadError(_("{path}: give the format of a draft passed as text or bytes").format(path=path))
        file = None
    else:
        where = os.fspath(source)
        assert isinstance(where, str)  # bytes are a draft's content, read above
        file, path = Path(where), name or where
    fmt = _format_for(path, format, registry)
    if fmt.draft is None:
        assert fmt.read is not None  # a readable format has one of the two
        speech = fmt.read(source, registry=registry, kind=kind)
        if file is not None and fmt.check is not None:  # checked as its file, as `speechkit check` does
            speech = speech.with_origin(path, fmt.name, read_draft_bytes(file, path, ReadError), kind or "")
        return Reading(speech, [], path)
    if file is None:
        assert given is not None
        data = given
    else:
        data = read_draft_bytes(file, path, ReadError, directory=_("is a directory, not a draft"))
    try:
        draft = fmt.draft(data, path)
    except UnicodeDecodeError:
        raise ReadError(_("{path}: not text in a known encoding").format(path=path)) from None
    reading = assemble(registered_roles(draft, registry), kind, fix=fix, registry=registry)
    # The draft as it was: checking the Speech checks this file as `speechkit check` does (rules that read lines).
    reading.speech = reading.speech.with_origin(path, fmt.name, data, kind or "")
    return reading


def _is_path(text: str) -> bool:
    """Tell whether a string given with a format names an existing file rather than holding the draft."""
    return "\n" not in text and len(text) < 4096 and Path(text).is_file()


__all__ = ["Draft", "Note", "ReadError", "Reading", "read_draft"]

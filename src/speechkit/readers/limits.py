"""Sizes of input that speechkit refuses to read, and the one guarded read of a draft, for readers and checker."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _
from ..model.errors import SpeechkitError

#: Drafts (.txt, .md, .docx files) larger than this are refused: a speech is a few hundred kilobytes at most.
MAX_DRAFT_BYTES = 50 * 1024 * 1024


def too_large(path: str, size: int) -> str | None:
    """Return the message for a draft of ``size`` bytes that is too large to read, or None."""
    if size > MAX_DRAFT_BYTES:
        return _("{path}: larger than {value} MB; not a draft").format(
            path=path, value=MAX_DRAFT_BYTES // (1024 * 1024)
        )
    return None


def read_draft_bytes(file: Path, name: str, error: type[SpeechkitError], *, directory: str = "is a directory") -> bytes:
    """Return a draft file's bytes; raise ``error`` in one line if it is missing, too large or unreadable."""
    try:
        refused = too_large(name, file.stat().st_size)
        if refused:
            raise error(refused)
        return file.read_bytes()
    except FileNotFoundError:
        raise error(_("{name}: no such file").format(name=name)) from None
    except IsADirectoryError:
        raise error(f"{name}: {directory}") from None
    except OSError as exc:
        raise error(_("{name}: cannot read: {strerror}").format(name=name, strerror=exc.strerror)) from None

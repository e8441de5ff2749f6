"""Sizes of input that speechkit refuses to read, shared by the readers and the checker."""

from __future__ import annotations

#: Drafts (.txt, .md, .docx files) larger than this are refused: a speech is a few hundred kilobytes at most.
MAX_DRAFT_BYTES = 50 * 1024 * 1024


def too_large(path: str, size: int) -> str | None:
    """Return the message for a draft of ``size`` bytes that is too large to read, or None."""
    if size > MAX_DRAFT_BYTES:
        return f"{path}: larger than {MAX_DRAFT_BYTES // (1024 * 1024)} MB; not a draft"
    return None

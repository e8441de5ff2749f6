"""The formats ``speechkit build`` writes when none is asked for (kept apart so the CLI can name them cheaply)."""

from __future__ import annotations

#: Written when no ``-f`` is given.
DEFAULT_FORMATS: tuple[str, ...] = ("md", "docx")

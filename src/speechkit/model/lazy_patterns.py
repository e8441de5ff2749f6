"""Regular expressions compiled on first need and kept: most texts never need most of speechkit's patterns."""

from __future__ import annotations

import re
from functools import cache


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """Return ``pattern`` compiled, compiling it only the first time (``re``'s own cache holds 512 and evicts)."""
    return re.compile(pattern)

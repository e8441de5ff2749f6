"""Character classes shared by the rules."""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
#: Full-width punctuation and CJK symbols.
FULL_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014"
CJK_RE = re.compile(f"[{HAN}{FULL_PUNCT}]")


def is_han(char: str) -> bool:
    """Return whether ``char`` is a Han character."""
    return bool(char) and HAN_RE.fullmatch(char) is not None


def is_cjk(char: str) -> bool:
    """Return whether ``char`` is a Han character or full-width punctuation."""
    return bool(char) and CJK_RE.fullmatch(char) is not None

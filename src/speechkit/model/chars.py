"""Character classes: Han characters and full-width punctuation, shared by the readers and the check rules.

The tests compare code points instead of matching a compiled class: ``re`` builds a class by visiting every
code point of its ranges in Python, about 3 ms for the Han ranges at each start.
"""

from __future__ import annotations

#: Han characters (CJK extension A, unified ideographs, compatibility ideographs) as a class body.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Full-width punctuation and CJK symbols.
FULL_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014"
_FULL_PUNCT_SINGLES = frozenset("\u2018\u2019\u201c\u201d\u2026\u2014")


def is_han(char: str) -> bool:
    """Return whether ``char`` is a Han character."""
    return len(char) == 1 and (
        "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"
    )


def is_cjk(char: str) -> bool:
    """Return whether ``char`` is a Han character or full-width punctuation."""
    return is_han(char) or (
        len(char) == 1
        and (
            "\u3000" <= char <= "\u303f"
            or "\uff01" <= char <= "\uff0f"
            or "\uff1a" <= char <= "\uff20"
            or "\uff3b" <= char <= "\uff40"
            or "\uff5b" <= char <= "\uff65"
            or char in _FULL_PUNCT_SINGLES
        )
    )

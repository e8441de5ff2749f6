"""SK101: placeholders left in the text (x月xx日, X余场, 20xx年, ***, **街道, ××, □)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...i18n import _
from ..finding import Hit
from ..text import Doc
from .chars import is_han

_X = "xXｘＸ×"
#: The placeholder patterns. Each starts only where its first run starts (a lookbehind), so a long run of
#: x, digits or 〇 is scanned once, not once per character.
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        f"(?<![{_X}])[{_X}]+\\s*月\\s*[{_X}]+\\s*日",
        f"(?<![A-Za-z+\\d])\\d*[{_X}]+\\d*(?![A-Za-z+])",
        r"\*{2,}",
        "[□■]+",
        "(?<![〇○])[〇○]{2,}",  # before a Han character (see _is_placeholder): not a class re must build
    )
)


_QUOTES = {"“": "”", '"': '"', "‘": "’", "「": "」"}


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each placeholder."""
    for index in doc.textual():
        text = doc.units[index].text
        taken = bytearray(len(text))
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span()
                if taken.find(1, start, end) >= 0 or not _is_placeholder(text, start, end):
                    continue
                taken[start:end] = b"\x01" * (end - start)
                yield Hit(
                    index, start, end, "SK101", _("placeholder {group!r} left in the text").format(group=match.group(0))
                )


def _is_placeholder(text: str, start: int, end: int) -> bool:
    """Return whether ``text[start:end]`` stands in for a missing fact."""
    token = text[start:end]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if token[0] in "□■":
        return True
    if token[0] in "〇○":
        return is_han(after)  # 〇〇年, ○○村; a run of circles alone is a mark, not a missing fact
    if token.startswith("*"):
        return len(token) >= 3 or is_han(before) or is_han(after)
    if "月" in token:
        return True
    letters = token.strip("0123456789")
    if letters == "×" and token != letters:
        return False  # 3×4 is a product
    if before in _QUOTES and after == _QUOTES[before]:
        return False  # “X”实体 names a term
    near = (
        text[start - 2] if start >= 2 and before == " " else before,
        text[end + 1] if after == " " and end + 1 < len(text) else after,
    )
    return any(is_han(ch) for ch in near)

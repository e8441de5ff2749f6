"""SK209: garbled text left by a broken conversion (``總?cè)丝?8萬人``, ``報告??傮w``, U+FFFD)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..finding import Hit
from ..text import Doc
from .chars import HAN, is_han

#: A question mark or replacement character touching a Han character on at least one side.
_ANCHOR = re.compile(f"(?<=[{HAN}])[?\ufffd]|[?\ufffd](?=[{HAN}])")
#: Signs of a broken decoding near an anchor: another ``?``/U+FFFD, or one or two Latin letters
#: (ASCII or accented) glued to a Han character, as a misaligned GBK byte leaves them.
_SIGN = re.compile(
    f"[?\ufffd]|(?<=[{HAN}])[A-Za-z\u00c0-\u024f]{{1,2}}(?![A-Za-z\u00c0-\u024f])"
    f"|(?<![A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f]{{1,2}}(?=[{HAN}])"
)
#: Words that make a half-width ``?`` a real question mark (SK201 reports it then).
_QUESTION = re.compile(
    "[吗嗎呢么麼吧啊嘛呀][?]|什么|什麼|怎么|怎麼|怎样|怎樣|如何|为什么|為什麼|哪|谁|誰|是否|否|难道|難道|多少|几|幾"
)
_WINDOW = 6
#: How far back a question word is looked for (bounded, so that a 1 MB line stays linear).
_CLAUSE_MAX = 60
_CLAUSE_END = "。！？!；;\n"


def garbled_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` that look mis-decoded (merged, in order)."""
    spans: list[tuple[int, int]] = []
    for match in _ANCHOR.finditer(text):
        at = match.start()
        if not _garbled_at(text, at):
            continue
        start, end = _extent(text, at)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def span_mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    """Return a mask with 1 at every offset inside one of ``spans`` (constant-time lookups on long lines)."""
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _garbled_at(text: str, at: int) -> bool:
    if text[at] == "\ufffd":
        return True
    low, high = max(0, at - _WINDOW), min(len(text), at + _WINDOW + 1)
    if any(m.start() != at for m in _SIGN.finditer(text, low, high) if low <= m.start() < high):
        return True
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if not (is_han(before) and is_han(after)):
        return False
    floor = max(0, at - _CLAUSE_MAX)
    clause_start = max(floor - 1, *(text.rfind(c, floor, at) for c in _CLAUSE_END)) + 1
    return not _QUESTION.search(text, clause_start, at + 1)


def _extent(text: str, at: int) -> tuple[int, int]:
    """Widen an anchor over the neighbouring signs, within the window."""
    start, end = at, at + 1
    low, high = max(0, at - _WINDOW), min(len(text), at + _WINDOW + 1)
    for sign in _SIGN.finditer(text, low, high):
        start, end = min(start, sign.start()), max(end, sign.end())
    return start, end


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each garbled stretch; it is never offered a fix."""
    for index in doc.textual():
        text = doc.units[index].text
        for start, end in garbled_spans(text):
            yield Hit(
                index,
                start,
                end,
                "SK209",
                f"garbled text {text[start:end]!r} (a broken encoding conversion); restore it from the source",
            )

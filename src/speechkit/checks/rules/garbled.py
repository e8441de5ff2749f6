"""SK209: garbled text left by a broken conversion (``總?cè)丝?8萬人``, ``報告??傮w``, U+FFFD)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ..finding import Hit
from ..text import Doc
from .chars import HAN, is_han

# The patterns below are compiled on first use.


@cache
def _anchor() -> re.Pattern[str]:
    """A question mark or replacement character touching a Han character on at least one side."""
    return re.compile(f"(?<=[{HAN}])[?\ufffd]|[?\ufffd](?=[{HAN}])")


@cache
def _sign() -> re.Pattern[str]:
    """Signs of a broken decoding near an anchor: another ``?``/U+FFFD, or one or two Latin letters
    (ASCII or accented) glued to a Han character, as a misaligned GBK byte leaves them."""
    return re.compile(
        f"[?\ufffd]|(?<=[{HAN}])[A-Za-z\u00c0-\u024f]{{1,2}}(?![A-Za-z\u00c0-\u024f])"
        f"|(?<![A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f]{{1,2}}(?=[{HAN}])"
    )


@cache
def _question() -> re.Pattern[str]:
    """Words that make a half-width ``?`` a real question mark (SK201 reports it then)."""
    return re.compile(
        "[吗嗎呢么麼吧啊嘛呀][?]|什么|什麼|怎么|怎麼|怎样|怎樣|如何|为什么|為什麼|哪|谁|誰|是否|否|难道|難道|多少|几|幾"
        "|([\u4e00-\u9fff])[不没沒]\\1"  # 对不对, 是不是, 有没有
    )


_WINDOW = 6


@cache
def _url() -> re.Pattern[str]:
    """A URL, Han characters included (``https://例子.cn/查询?词=党建``), up to the next space."""
    return re.compile(r"(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}://|www\.)\S*", re.IGNORECASE)


#: How far back a question word is looked for (bounded, so that a 1 MB line stays linear).
_CLAUSE_MAX = 60
_CLAUSE_END = "。！？!；;\n"


@cache
def _latin_run() -> re.Pattern[str]:
    """Text in UTF-8 read as Latin-1/Windows-1252 (``ä¸­æ–‡``, ``â€œ``): three or more such characters in a row."""
    return re.compile(
        "[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
        "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{3,}"
    )


@cache
def _signature() -> re.Pattern[str]:
    """The well-known remains of a replacement character or uninitialised memory read as GBK."""
    return re.compile("(?:锟斤拷)+|烫{3,}|屯{3,}")


def _latin_mojibake(text: str) -> list[tuple[int, int]]:
    """Return the runs that are UTF-8 Chinese (or typographic quotes) read as Windows-1252."""
    spans = []
    for match in _latin_run().finditer(text):
        try:
            decoded = match.group().encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if any(is_han(char) or char in "“”‘’…—" for char in decoded):
            spans.append(match.span())
    return spans


def garbled_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` that look mis-decoded (merged, in order)."""
    extra = [m.span() for m in _signature().finditer(text)] + _latin_mojibake(text)
    if extra:
        return sorted(_merge([*_marks(text), *extra]))
    return _marks(text)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marks(text: str) -> list[tuple[int, int]]:
    """Return the garbled spans around ``?`` and U+FFFD."""
    spans: list[tuple[int, int]] = []
    urls = [m.span() for m in _url().finditer(text)]
    signs = [m.span() for m in _sign().finditer(text)]
    starts = [start for start, _ in signs]
    next_url = 0
    for match in _anchor().finditer(text):
        at = match.start()
        while next_url < len(urls) and urls[next_url][1] <= at:
            next_url += 1
        if next_url < len(urls) and urls[next_url][0] <= at:
            continue
        near = signs[bisect_left(starts, at - _WINDOW) : bisect_right(starts, at + _WINDOW)]
        if not _garbled_at(text, at, near):
            continue
        start, end = min([at, *(s for s, _ in near)]), max([at + 1, *(e for _, e in near)])
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


def _garbled_at(text: str, at: int, near: list[tuple[int, int]]) -> bool:
    """Return whether the ``?``/U+FFFD at ``at`` is garbage: U+FFFD, another sign close by, or a ``?``
    between two Han characters with no question word before it in its clause."""
    if text[at] == "\ufffd" or any(start != at for start, _ in near):
        return True
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if not (is_han(before) and is_han(after)):
        return False
    floor = max(0, at - _CLAUSE_MAX)
    clause_start = max(floor - 1, *(text.rfind(c, floor, at) for c in _CLAUSE_END)) + 1
    return not _question().search(text, clause_start, at + 1)


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
                _("garbled text {text!r} (a broken encoding conversion); restore it from the source").format(
                    text=text[start:end]
                ),
            )

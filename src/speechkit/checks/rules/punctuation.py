"""SK201–SK204: half-width punctuation, unbalanced pairs, doubled characters, leftover pinyin."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ...model.repair import FULLWIDTH as FULLWIDTH
from ...model.repair import ends_url as _ends_url  # noqa: F401  (the tests' name)
from ...model.repair import halfwidth_spans as halfwidth_spans
from ...model.repair import is_pinyin as _is_pinyin  # noqa: F401  (the tests' name)
from ...model.repair import pinyin_spans as pinyin_spans
from ...model.repair import url_spans as url_spans
from ..finding import Hit
from ..text import Doc
from .boilerplate import boilerplate_spans, sprinkled_in
from .chars import is_han
from .garbled import garbled_spans, span_mask


def check_pinyin(doc: Doc) -> Iterator[Hit]:
    """SK204: yield a fixable hit for each ``(zhèn)`` left after a Han character."""
    for index in doc.textual():
        for start, end in pinyin_spans(doc.units[index].text):
            token = doc.units[index].text[start:end]
            yield Hit(
                index, start, end, "SK204", _("pinyin {token} left by a script conversion").format(token=token), ""
            )


def check_halfwidth(doc: Doc) -> Iterator[Hit]:
    """SK201: yield a fixable hit for half-width ``,:;?!()`` next to Chinese text and ``.`` ending a Chinese
    sentence (not in boilerplate, which SK105 deletes whole, nor the marks a draft is sprinkled with as junk, which
    SK105 deletes one by one)."""
    sprinkled: str | None = None
    for index in doc.textual():
        spans = halfwidth_spans(doc.units[index].text)
        if not spans:
            continue
        if sprinkled is None:
            sprinkled = sprinkled_in(doc)
        removed = span_mask(len(doc.units[index].text), boilerplate_spans(doc.simple(index)))
        for start, end, char in spans:
            if removed[start] or char in sprinkled:
                continue
            yield Hit(
                index,
                start,
                end,
                "SK201",
                _("half-width {char!r} in Chinese text; use {fullwidth!r}").format(
                    char=char, fullwidth=FULLWIDTH[char]
                ),
                FULLWIDTH[char],
            )


_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（(", "）)"), ("【", "】"))


@cache
def _label_close() -> re.Pattern[str]:
    """A label closed by its own bracket (``1)``, ``一）``)."""
    return re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zA-Z])[)）]")


def _label_bracket(text: str) -> int:
    """Return where the bracket that closes a label at the start of ``text`` stands, or -1."""
    match = _label_close().match(text)
    return match.end() - 1 if match else -1


def check_pairs(doc: Doc) -> Iterator[Hit]:
    """SK202: yield a hit for each opening mark never closed and each closing mark never opened."""
    for index in doc.textual():
        text = doc.units[index].text
        label: int | None = None  # where a label's own closing bracket stands, read on first need
        garbled = span_mask(len(text), garbled_spans(text)) if "?" in text or "\ufffd" in text else None
        for opens, closes in _PAIRS:
            if not any(char in text for char in opens + closes):
                continue  # nothing to pair: skip the walk over every character
            stack: list[int] = []
            for i, char in enumerate(text):
                if garbled and garbled[i]:
                    continue  # a bracket inside mis-decoded text is noise (SK209)
                if char in opens:
                    stack.append(i)
                elif char in closes:
                    if stack:
                        stack.pop()
                        continue
                    if label is None:
                        label = _label_bracket(text)
                    if i != label:
                        yield Hit(
                            index,
                            i,
                            i + 1,
                            "SK202",
                            _("{char!r} closes nothing (no {opens!r} before it)").format(char=char, opens=opens[0]),
                        )
            for i in stack:
                yield Hit(
                    index,
                    i,
                    i + 1,
                    "SK202",
                    _("{text!r} is never closed (no {closes!r} after it)").format(text=text[i], closes=closes[0]),
                )


_DOUBLE_PUNCT = set("。，、；：？！?")
#: Function words that are never doubled in standard writing, with contexts where doubling is a word.
_DOUBLE_WORDS: dict[str, tuple[str, str]] = {
    # char: (characters allowed before the pair, characters allowed after it)
    "的": ("目", "确確"),
    "了": ("不时時", "之分"),
    "和": ("总總温溫平饱飽调調柔缓緩祥共谐諧随隨讲講中人议議附暖", ""),
    "与": ("", ""),
    "與": ("", ""),
    "及": ("", ""),
    "把": ("", ""),
    "被": ("", ""),
    "从": ("", ""),
    "從": ("", ""),
    "向": ("", ""),
    "于": ("", ""),
    "於": ("", ""),
    "并": ("", ""),
    "並": ("", ""),
    "而": ("", ""),
    "或": ("", ""),
    "也": ("", ""),
}


#: The characters :func:`_is_doubled` can report.
_DOUBLE_CANDIDATES = "".join(sorted(_DOUBLE_PUNCT | set(_DOUBLE_WORDS)))


def check_doubled(doc: Doc) -> Iterator[Hit]:
    """SK203: yield a hit for a doubled function word (的的) or mark (。。), not for reduplicated words."""
    for index in doc.textual():
        text = doc.units[index].text
        if not any(char + char in text for char in _DOUBLE_CANDIDATES):
            continue  # no character that can be doubled stands twice in a row
        garbled = span_mask(len(text), garbled_spans(text)) if "?" in text else None
        i = 0
        while i < len(text) - 1:
            char = text[i]
            if text[i + 1] == char and _is_doubled(text, i) and not (garbled and garbled[i]):
                end = i + 2
                while end < len(text) and text[end] == char:
                    end += 1
                yield Hit(index, i, end, "SK203", _("doubled {text!r}").format(text=text[i:end]))
                i = end
                continue
            i += 1


def _is_doubled(text: str, i: int) -> bool:
    char = text[i]
    if char in _DOUBLE_PUNCT:
        return True
    if char not in _DOUBLE_WORDS:
        return False
    before_ok, after_ok = _DOUBLE_WORDS[char]
    before = text[i - 1] if i else ""
    after = text[i + 2] if i + 2 < len(text) else ""
    if (before and before in before_ok) or (after and after in after_ok):
        return False
    # AABB reduplication: 的的确确, 和和美美
    return not (i + 3 < len(text) and text[i + 2] == text[i + 3] and is_han(text[i + 2]))

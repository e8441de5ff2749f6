"""SK201–SK204: half-width punctuation, unbalanced pairs, doubled characters, leftover pinyin."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ..finding import Hit
from ..text import Doc
from .boilerplate import boilerplate_spans
from .chars import is_cjk, is_han
from .garbled import garbled_spans, span_mask

FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: A bracketed syllable, ``(zhèn)`` or ``（zhen4）``; :func:`pinyin_spans` keeps those after a Han character.
_BRACKETED = f"[（(]([a-zü{_TONED}]{{1,6}}[1-5]?)[）)]"
_VISIBLE = re.compile("[^ ]")


@cache
def _bracketed() -> re.Pattern[str]:
    return re.compile(_BRACKETED, re.IGNORECASE)


def pinyin_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``(zhèn)``-style pinyin after a Han character (U+4E00–U+9FFF)."""
    # The Han character before is tested here, not in a lookbehind: a class of 20,992 code points,
    # case-folded, costs ``re`` about 4 ms to build. A bracketed syllable holds no bracket, so no
    # match skipped here can hide another one.
    return [
        m.span()
        for m in _bracketed().finditer(text)
        if m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff" and _is_pinyin(m.group(1))
    ]


#: Where a URL starts: the scheme starts only where a word starts and is at most 32 characters, so a
#: long run of letters is scanned once (the unbounded ``[a-z][a-z0-9+.-]*://`` backtracked quadratically).
_URL_START = r"(?i:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}://|www\.|mailto:)"


@cache
def _url_start() -> re.Pattern[str]:
    return re.compile(_URL_START)


def _ends_url(char: str) -> bool:
    """Return whether ``char`` ends a URL: a space, CJK punctuation, a Han or a full-width character."""
    return (
        char.isspace() or "\u3000" <= char <= "\u303f" or "\u4e00" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
    )


_NON_SPACE_RUN = re.compile(r"\S*")
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")


def _url_end(text: str, start: int) -> int:
    """Return where a URL whose tail starts at ``start`` ends (the first character :func:`_ends_url`)."""
    run = _NON_SPACE_RUN.match(text, start)
    stop = run.end() if run else start
    at = start
    # Only a character beyond Latin-1 can end the URL inside a run of non-spaces: jump from one to the next.
    while (char := _BEYOND_LATIN1.search(text, at, stop)) is not None:
        if _ends_url(char.group()):
            return char.start()
        at = char.end()
    return stop


def url_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the URLs in ``text``: a scheme, ``www.`` or ``mailto:`` up to the first space,
    CJK character or full-width character."""
    if ":" not in text and "." not in text:
        return []
    spans = []
    pos = 0
    while match := _url_start().search(text, pos):
        end = _url_end(text, match.end())
        spans.append((match.start(), end))
        pos = end
    return spans


def _is_pinyin(token: str) -> bool:
    return any(ch in _TONED for ch in token.lower()) or token[-1] in "12345"


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
    sentence (not in boilerplate, which SK105 deletes whole)."""
    for index in doc.textual():
        spans = halfwidth_spans(doc.units[index].text)
        if not spans:
            continue
        removed = span_mask(len(doc.units[index].text), boilerplate_spans(doc.simple(index)))
        for start, end, char in spans:
            if removed[start]:
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


def halfwidth_spans(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, char) for each half-width mark to replace; ``end`` takes trailing spaces."""
    if not any(char in text for char in FULLWIDTH):
        return []  # nothing to replace: no need to look for pinyin, URLs or garbled text
    skip = span_mask(len(text), [*pinyin_spans(text), *url_spans(text), *garbled_spans(text)])
    flagged: dict[int, bool] = {}
    for i, char in enumerate(text):
        if char not in FULLWIDTH or skip[i]:
            continue
        before = text[i - 1] if i else ""
        after = _next_visible(text, i + 1)
        if char in ",:." and before.isdigit() and after.isdigit() and before.isascii() and after.isascii():
            continue
        if char == ".":
            # A full stop ends a Chinese sentence: after a Han character, before the end, a space or more
            # Chinese. ``1.`` (a label), ``...`` and ``v1.2`` are not sentence ends.
            nxt = text[i + 1 : i + 2]
            flagged[i] = is_han(before) and nxt != "." and (not after or nxt.isspace() or is_cjk(after))
            continue
        flagged[i] = is_cjk(before) or is_cjk(after)
    for open_at, close_at in _paren_pairs(text):
        if flagged.get(open_at) or flagged.get(close_at):
            flagged[open_at] = flagged[close_at] = True
    out = []
    for i in sorted(k for k, v in flagged.items() if v):
        visible = _VISIBLE.search(text, i + 1)
        end = visible.start() if visible and is_cjk(visible.group(0)) else i + 1
        out.append((i, end, text[i]))
    return out


def _next_visible(text: str, start: int) -> str:
    """Return the first character other than a space at or after ``start`` ("" at the end)."""
    visible = _VISIBLE.search(text, start)
    return visible.group(0) if visible else ""


def _paren_pairs(text: str) -> list[tuple[int, int]]:
    stack: list[int] = []
    pairs = []
    for i, char in enumerate(text):
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


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

"""Mis-decoded text (mojibake): find it, and repair it where the repair is certain.

One detection serves the reader (which repairs) and SK209 (which reports): :func:`find_garbles` returns each
garbled stretch with its repair, or ``None`` where the bytes are lost (``總?cè)丝?8萬人``, ``報告??傮w``, U+FFFD).
A repair is a round trip that turns text with few common characters into text of common Han characters:
UTF-8 read as Windows-1252 or Latin-1 (``ä¸­æ–‡``, with ftfy), GBK or Big5 read as Latin-1 (``ÖÐÎÄ``) and
UTF-8 read as GBK (``鎶ュ憡``).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import NamedTuple

from .chars import HAN, is_cjk, is_han


class Garble(NamedTuple):
    """A garbled stretch ``text[start:end]`` and what it reads once repaired (``None``: it cannot be)."""

    start: int
    end: int
    repair: str | None


def span_mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    """Return a mask with 1 at every offset inside one of ``spans`` (constant-time lookups on long lines)."""
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


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
#: The characters Windows-1252 adds in 0x80–0x9F, which UTF-8 read as Windows-1252 leaves.
_CP1252_EXTRA = (
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)


@cache
def _latin_run() -> re.Pattern[str]:
    """Text in UTF-8 read as Latin-1/Windows-1252 (``ä¸­æ–‡``, ``â€œ``): three or more such characters in a row."""
    return re.compile(f"[\u0080-\u00ff\ufffd{_CP1252_EXTRA}]{{3,}}")


@cache
def _lead_and_continuation() -> re.Pattern[str]:
    """The first two bytes of a UTF-8 Han character read as Latin-1/Windows-1252 (``ä¸``, ``å½``)."""
    return re.compile(f"[\u00e3-\u00e9][\u0080-\u00bf{_CP1252_EXTRA}]")


@cache
def _legacy_run() -> re.Pattern[str]:
    """GBK or Big5 bytes read as Latin-1/Windows-1252 (``ÖÐÎÄ``): a byte of 0x81–0xFE, then a trail byte."""
    high = f"\u0081-\u00fe{_CP1252_EXTRA}"
    return re.compile(f"(?:[{high}][\u0040-\u007e\u0080-\u00fe{_CP1252_EXTRA}]){{2,}}")


@cache
def _gbk_run() -> re.Pattern[str]:
    """A run of characters beyond Latin-1 and Windows-1252, not spaces: where UTF-8 read as GBK hides (``鎶ュ憡``)."""
    return re.compile(f"[^\\x00-\\xff\\s\ufffd{_CP1252_EXTRA}]{{3,}}")


_LATIN1 = re.compile("[\u0080-\u00ff]")
#: Three-byte UTF-8 characters, at least two in a row (the GBK bytes of a ``鎶ュ憡`` run).
_UTF8_CHAIN = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf]{2}){2,}")


@cache
def _signature() -> re.Pattern[str]:
    """The well-known remains of a replacement character or uninitialised memory read as GBK."""
    return re.compile("(?:锟斤拷)+|烫{3,}|屯{3,}")


def _common(char: str) -> bool:
    """Return whether ``char`` is a common character: GB 2312 level 1, Big5's frequent ones, or CJK punctuation."""
    if not is_han(char):
        return is_cjk(char) or char in "“”‘’…—·"
    return _simplified_common(char) or _traditional_common(char)


def _simplified_common(char: str) -> bool:
    """Return whether ``char`` is in GB 2312 level 1 (the 3,755 commonest characters of Simplified text)."""
    try:
        return 0xB0 <= char.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def _alien(char: str) -> bool:
    """Return whether ``char`` is foreign to Chinese text: neither CJK punctuation nor a Han character of
    GB 2312 or Big5 (kana, symbols, GBK's extensions)."""
    if not is_han(char):
        return not is_cjk(char)
    for codec in ("gb2312", "big5"):
        try:
            char.encode(codec)
            return False
        except UnicodeEncodeError:
            pass
    return True


def _share(text: str) -> float:
    """The share of common characters in ``text``."""
    return sum(map(_common, text)) / len(text) if text else 0.0


def _traditional_common(char: str) -> bool:
    """Return whether ``char`` is one of Big5's 5,401 frequent characters (A440–C67E)."""
    try:
        return 0xA440 <= int.from_bytes(char.encode("big5"), "big") <= 0xC67E
    except UnicodeEncodeError:
        return False


def _clearly_chinese(text: str) -> bool:
    """Return whether a repair reads as Chinese: Han and CJK marks only, two Han at least, and nine in ten of
    the Han common in one script (GB 2312 level 1, or Big5's frequent characters)."""
    if not all(is_cjk(char) or char in "“”‘’…—·" for char in text):
        return False
    han = [char for char in text if is_han(char)]
    return len(han) >= 2 and _one_script(han)


def _one_script(han: list[str]) -> bool:
    """Return whether nine in ten of ``han`` are common in one script (GB 2312 level 1, or Big5's frequent)."""
    return max(sum(map(_simplified_common, han)), sum(map(_traditional_common, han))) >= 0.9 * len(han)


def _as_bytes(text: str) -> bytes | None:
    """The bytes a Latin-1/Windows-1252 reading made ``text`` of (C1 controls stand for themselves), or None."""
    out = bytearray()
    for char in text:
        if char == "\ufffd":
            return None
        if ord(char) < 0x100:
            out.append(ord(char))
            continue
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def _utf8_repair(run: str) -> tuple[bool, str | None]:
    """UTF-8 read as Windows-1252 or Latin-1: whether the run is that, and its repair by ftfy (``None``: unsure)."""
    raw = _as_bytes(run)
    try:
        strict = raw.decode("utf-8") if raw is not None else ""
    except UnicodeDecodeError:
        strict = ""
    import ftfy  # imported on the first run of Latin letters only (it takes some 0.1 s)

    fixed = ftfy.fix_encoding(run)
    if fixed == run:
        fixed = strict
    if not fixed:
        # the bytes 0x80–0x9F dropped (``åºå½æ°`` for 库函数): a lead byte of Han glued to a continuation, twice
        return len(_lead_and_continuation().findall(run)) >= 2, None
    seen = any(is_han(char) or char in "“”‘’…—" for char in strict or fixed)
    if any(char == "\ufffd" or "\u0080" <= char <= "\u00ff" or ord(char) < 0x20 for char in fixed):
        return seen, None
    if any(is_han(char) for char in fixed):
        return True, fixed if _one_script([char for char in fixed if is_han(char)]) else None
    return seen, fixed if seen and all(char in "“”‘’…—" for char in fixed) else None


def _legacy_repair(run: str) -> str | None:
    """GBK or Big5 read as Latin-1: the one reading of the run's bytes that is clearly Chinese, else None."""
    raw = _as_bytes(run)
    if raw is None or len(set(run)) < 3:
        return None  # ``××××`` reads as GBK 鬃鬃: a mis-read run of text has more than two characters
    readings = []
    for codec in ("gbk", "big5"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _clearly_chinese(text):
            readings.append(text)
    return readings[0] if len(set(readings)) == 1 else None


def _gbk_garbles(text: str) -> list[Garble]:
    """UTF-8 read as GBK (``鎶ュ憡鎬讳綋`` for 报告总体): repaired runs, and the split character at a run's end."""
    found: list[Garble] = []
    for run in _gbk_run().finditer(text):
        for offset, chars in _gbk_parts(run.start(), run.group()):
            raw = chars.encode("gbk")
            if len(raw) != 2 * len(chars) or not _UTF8_CHAIN.search(raw):
                continue
            first = 0
            while first < len(chars) - 2:
                garbled = _gbk_chain(chars, raw, first)
                if not garbled:
                    first += 1
                    continue
                found.extend(Garble(offset + g.start, offset + g.end, g.repair) for g in garbled)
                first = garbled[-1].end
    return found


def _gbk_parts(offset: int, chars: str) -> list[tuple[int, str]]:
    """Split a run at the characters GBK cannot encode; return (offset, part) for the parts of three or more."""
    parts = []
    while len(chars) >= 3:
        try:
            chars.encode("gbk")
        except UnicodeEncodeError as exc:
            parts.append((offset, chars[: exc.start]))
            offset, chars = offset + exc.end, chars[exc.end :]
            continue
        parts.append((offset, chars))
        break
    return [(at, part) for at, part in parts if len(part) >= 3]


def _gbk_chain(chars: str, raw: bytes, first: int) -> list[Garble]:
    """The UTF-8 characters whose bytes the GBK characters from ``first`` on are, if they are clearly Chinese."""
    chain = _UTF8_CHAIN.match(raw, 2 * first)
    if chain is None:
        return []
    whole = (chain.end() - chain.start()) // 6 * 6  # whole GBK characters: a multiple of 2 and of 3
    last = first + whole // 2
    try:
        repaired = raw[chain.start() : chain.start() + whole].decode("utf-8")
    except UnicodeDecodeError:
        return []  # a surrogate or an overlong form: no UTF-8 encoder writes those
    rest = raw[2 * last :]
    cut = bool(rest) and _utf8_prefix(rest)  # the run ends inside a character: its bytes are lost
    if not cut and chain.end() > 2 * last:
        return []  # the bytes go on as UTF-8 in the middle of a GBK character: no GBK reading of UTF-8
    # a GBK reading of UTF-8 holds GBK's rare characters (鎶, 憡) and kana (ュ): half of it at most is common
    source = chars[first:last]
    if sum(map(_simplified_common, source)) > len(source) / 2 or not any(map(_alien, source)):
        return []
    if not _clearly_chinese(repaired):
        return []
    return [Garble(first, last, repaired), *([Garble(last, len(chars), None)] if cut else [])]


def _utf8_prefix(tail: bytes) -> bool:
    """Return whether ``tail`` is UTF-8 cut short inside its last character."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(tail, final=False)
    except UnicodeDecodeError:
        return False
    try:
        tail.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _repaired(text: str) -> list[Garble]:
    """The runs of ``text`` a round trip repairs."""
    found: list[Garble] = []
    if _LATIN1.search(text):  # mis-read bytes leave Latin-1 characters (Windows-1252's own ones are CJK marks too)
        for match in _latin_run().finditer(text):
            seen, repair = _utf8_repair(match.group())
            if seen:
                found.append(Garble(match.start(), match.end(), repair))
        taken = span_mask(len(text), [(g.start, g.end) for g in found])
        for match in _legacy_run().finditer(text):
            if not any(taken[match.start() : match.end()]):
                repair = _legacy_repair(match.group())
                if repair is not None:
                    found.append(Garble(match.start(), match.end(), repair))
    found.extend(_gbk_garbles(text))
    return sorted(found, key=_place)


def find_garbles(text: str) -> list[Garble]:
    """Return the garbled stretches of ``text`` in order, each with its repair or ``None``."""
    found = _stable(text, _repaired(text))
    lost = [m.span() for m in _signature().finditer(text)] + _marks(text)
    lost += [(g.start, g.end) for g in found if g.repair is None]
    if not lost:
        return found
    lost = _merge(lost)
    out: list[Garble] = []
    for garble in found:
        if garble.repair is None:
            continue
        if any(start < garble.end and garble.start < end for start, end in lost):
            lost = _merge([*lost, (garble.start, garble.end)])  # a lost byte inside: the stretch is lost
        else:
            out.append(garble)
    out.extend(Garble(start, end, None) for start, end in lost)
    return sorted(out, key=_place)


def _place(garble: Garble) -> tuple[int, int]:
    return garble.start, garble.end


def _stable(text: str, found: list[Garble]) -> list[Garble]:
    """Keep the repairs that leave nothing to repair next to them: a repair whose result makes another one with
    the text beside it is not certain (and a second reading would not agree with the first)."""
    repairs = [g for g in found if g.repair is not None]
    if not repairs:
        return found
    pieces, spans, last, at = [], [], 0, 0
    for garble in repairs:
        pieces.append(text[last : garble.start])
        at += garble.start - last
        spans.append((at, at + len(garble.repair or "")))
        pieces.append(garble.repair or "")
        at, last = spans[-1][1], garble.end
    again = [g for g in _repaired("".join(pieces) + text[last:]) if g.repair is not None]
    if not again:
        return found
    doubtful = {
        (garble.start, garble.end)
        for garble, (start, end) in zip(repairs, spans, strict=True)
        if any(g.start <= end and start <= g.end for g in again)
    }
    return [Garble(g.start, g.end, None) if (g.start, g.end) in doubtful else g for g in found]


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
    if "?" not in text and "\ufffd" not in text:
        return []
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


def _garbled_at(text: str, at: int, near: list[tuple[int, int]]) -> bool:
    """Return whether the ``?``/U+FFFD at ``at`` is garbage: U+FFFD, another sign close by, or a ``?``
    between two Han characters with no question word before it in its clause."""
    if text[at] == "\ufffd" or any(start != at and not _asks(text, start) for start, _ in near):
        return True  # another sign close by: a ? that ends a question (哪些?哪些?) is none
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return is_han(before) and is_han(after) and not _asks(text, at)


def _asks(text: str, at: int) -> bool:
    """Return whether the ``?`` at ``at`` ends a question: a question word stands before it in its clause."""
    if text[at] != "?":
        return False
    floor = max(0, at - _CLAUSE_MAX)
    clause_start = max(floor - 1, *(text.rfind(c, floor, at) for c in _CLAUSE_END)) + 1
    return _question().search(text, clause_start, at + 1) is not None

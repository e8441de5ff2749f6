"""Chinese numerals, heading label schemes, run-in markers and parsing labels back."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import HeadingScheme

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿")
_DIGIT_VALUE = {c: i for i, c in enumerate(_DIGITS)} | {"〇": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_BIG_VALUE = {"万": 10_000, "亿": 100_000_000}


def cn(n: int) -> str:
    """Write a non-negative integer in Chinese numerals as headings do: 十一, 二十, 一百零一."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"cn() needs an integer, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"cn() needs a non-negative integer, not {n}")
    if n == 0:
        return "零"
    if n >= 10**12:
        raise ValueError(f"{n} is too large for Chinese numerals")
    groups: list[int] = []
    while n:
        groups.append(n % 10_000)
        n //= 10_000
    out = ""
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out += "零"
        out += _group(group) + _BIG_UNITS[index]
        need_zero = False
    if out.startswith("一十"):
        out = out[1:]
    return out


def _group(group: int) -> str:
    """Write 1..9999 without a leading 零."""
    text = ""
    zero = False
    for power in (3, 2, 1, 0):
        digit = group // 10**power % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += _DIGITS[digit] + _SMALL_UNITS[power]
    return text


def parse_cn(text: str) -> int:
    """Read Chinese numerals back into an integer: 一百零一 → 101; raise ValueError otherwise."""
    if not text:
        raise ValueError("empty numeral")
    total = 0
    section = 0
    number = 0
    seen_digit = False
    for char in text:
        if char in _DIGIT_VALUE:
            number = _DIGIT_VALUE[char]
            seen_digit = True
        elif char in _UNIT_VALUE:
            unit = _UNIT_VALUE[char]
            if number == 0 and unit == 10 and not seen_digit:
                number = 1
            section += number * unit
            number = 0
            seen_digit = False
        elif char in _BIG_VALUE:
            big = _BIG_VALUE[char]
            section += number
            if big == 100_000_000:
                total = (total + section) * big
            else:
                total += section * big
            section = 0
            number = 0
            seen_digit = False
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + number


def count_cn(n: int) -> str:
    """Write a count before a measure word: 2 → 两, otherwise as :func:`cn` (六个方面)."""
    return "两" if n == 2 else cn(n)


_CIRCLED = (
    [chr(0x2460 + i) for i in range(20)] + [chr(0x3251 + i) for i in range(15)] + [chr(0x32B1 + i) for i in range(15)]
)


def circled(n: int) -> str:
    """Write 1..50 as a circled number: ①, ⑳, ㊿."""
    if not 1 <= n <= len(_CIRCLED):
        raise ValueError(f"circled numbers go from 1 to {len(_CIRCLED)}, not {n}")
    return _CIRCLED[n - 1]


SCHEMES: dict[str, HeadingScheme] = {
    "gbt9704": HeadingScheme(),
    "arabic-comma": HeadingScheme(("{cn}、", "（{cn}）", "{n}、", "（{n}）", "{circled}"), "arabic-comma"),
    "halfwidth": HeadingScheme(("{cn}、", "({cn})", "{n}.", "({n})", "{circled}"), "halfwidth"),
    "fullwidth-dot": HeadingScheme(("{cn}、", "（{cn}）", "{n}．", "（{n}）", "{circled}"), "fullwidth-dot"),
}


def scheme(name: str) -> HeadingScheme:
    """Return a named heading scheme; raise KeyError listing the known names."""
    try:
        return SCHEMES[name]
    except KeyError:
        raise KeyError(f"unknown numbering scheme {name!r}; known: {', '.join(SCHEMES)}") from None


def heading_label(position: int, level: int, scheme: HeadingScheme) -> str:
    """Return the label of the ``position``-th heading (1-based) at ``level`` (1-based)."""
    if position < 1:
        raise ValueError(f"positions start at 1, not {position}")
    if not 1 <= level <= len(scheme.levels):
        raise ValueError(f"heading level {level} is deeper than the scheme's {len(scheme.levels)} levels")
    fmt = scheme.levels[level - 1]
    return (
        fmt.replace("{cn}", cn(position) if "{cn}" in fmt else "")
        .replace("{n}", str(position))
        .replace("{circled}", circled(position) if "{circled}" in fmt else "")
    )


_SEQUENCE = {2: ("首先，", "其次，"), 3: ("首先，", "其次，", "最后，"), 4: ("首先，", "其次，", "再次，", "最后，")}


def runin_marker(style: str, position: int, count: int) -> str:
    """Return the run-in marker of item ``position`` of ``count``: 一是, 二要, 第三，, 首先，."""
    if style == "yishi":
        return cn(position) + "是"
    if style == "yiyao":
        return cn(position) + "要"
    if style == "diyi":
        return "第" + cn(position) + "，"
    if style == "shouxian":
        if count == 1:
            return ""
        if count not in _SEQUENCE:
            raise ValueError(f"首先/其次/再次/最后 enumerates 2 to 4 items, not {count}")
        return _SEQUENCE[count][position - 1]
    if style == "none":
        return ""
    raise ValueError(f"unknown run-in style {style!r}")


@dataclass(frozen=True)
class Label:
    """A label found at the start of a text: its family, its number and the text after it."""

    family: str
    number: int
    rest: str
    text: str


_CN = "[零〇一二两三四五六七八九十百千万]+"
_LABEL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("（一）", re.compile(rf"^[（(]({_CN})[）)]")),
    ("（1）", re.compile(r"^[（(](\d+)[）)]")),
    ("一、", re.compile(rf"^({_CN})[、，,]")),
    ("一是", re.compile(rf"^({_CN})是")),
    ("一要", re.compile(rf"^({_CN})要")),
    ("第一", re.compile(rf"^第({_CN})[，,、：:]")),
    ("1.", re.compile(r"^(\d{1,3})(?:[.．](?!\d)|[、])")),
    ("①", re.compile("^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])")),
)
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 4}


def parse_label(text: str) -> Label | None:
    """Recognise a heading label or run-in marker at the start of ``text``; None if there is none."""
    stripped = text.lstrip(" \u3000\t")
    for family, pattern in _LABEL_PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        token = match.group(1)
        if family == "①":
            number = _CIRCLED.index(token) + 1
        elif token.isdigit():
            number = int(token)
        else:
            try:
                number = parse_cn(token)
            except ValueError:
                continue
        if family in ("一是", "一要") and number > 99:
            continue
        return Label(family, number, stripped[match.end() :], match.group(0))
    for word, number in _SEQUENCE_WORDS.items():
        if stripped.startswith(word) and stripped[len(word) : len(word) + 1] in ("，", ",", "、", ""):
            return Label("首先", number, stripped[len(word) :].lstrip("，,、"), word)
    return None

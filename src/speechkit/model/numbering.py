"""Chinese numerals, heading label schemes, run-in markers, and one grammar that reads labels back.

Writing: :func:`heading_label` and :func:`runin_marker` compute every label from a
:class:`~speechkit.model.speech.HeadingScheme` or a run-in style.

Reading: the grammar is derived from the same schemes (every level format of :data:`SCHEMES`,
or of the scheme passed in) and from the run-in styles:

- ``find_labels(text, scheme=None, midline=True) -> list[LabelMatch]`` finds every label in a
  text: at its start, and (``midline``) after a sentence end (``。！？；：``) or white space, as in
  drafts that arrive as one long line. ``label_at(text, scheme=None)`` reads the label at the
  start only (leading white space skipped); ``parse_label(text)`` reads the same label and names
  its family as the checks do (``一、``, ``（一）``, ``1.``, ``（1）``, ``①``, ``一是``, ``一要``, ``第一``,
  ``首先``): one grammar for the builder, the readers and the checks.
- ``LabelMatch`` has ``kind`` (``"heading"`` or ``"runin"``), ``style`` (``"heading"``,
  ``"yishi"``, ``"yiyao"``, ``"diyi"``, ``"shouxian"``), ``fmt`` (the level format such as
  ``"（{cn}）"``, or the marker family ``"{cn}是"``), ``level`` (the format's level in the scheme,
  the first that has it; 0 for run-ins), ``scheme`` (the first scheme that has the format),
  ``ordinal``, ``start``/``end`` (the label's span in the text) and ``text``.
- ``scheme_from_formats(formats)`` names the scheme whose levels begin with the formats seen,
  or builds a custom one.

Not labels: ``第一书记``, ``1.5万``, ``2016.04``, ``一是一，二是二``, ``一、二季度``, ``两是``, ``〇、``,
a bare label with nothing after it, a numeral inside a word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..i18n import _
from .speech import HeadingScheme

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿")
_DIGIT_VALUE = {c: i for i, c in enumerate(_DIGITS)} | {"〇": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_BIG_VALUE = {"万": 10_000, "亿": 100_000_000}


def cn(n: int) -> str:
    """Write a non-negative integer in Chinese numerals as headings do: 十一, 二十, 一百零一."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(_("cn() needs an integer, not {name}").format(name=type(n).__name__))
    if n < 0:
        raise ValueError(_("cn() needs a non-negative integer, not {n}").format(n=n))
    if n == 0:
        return "零"
    if n >= 10**12:
        raise ValueError(_("{n} is too large for Chinese numerals").format(n=n))
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
        raise ValueError(_("empty numeral"))
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
            raise ValueError(_("not a Chinese numeral: {text!r}").format(text=text))
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
        raise ValueError(_("circled numbers go from 1 to {n_circled}, not {n}").format(n_circled=len(_CIRCLED), n=n))
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
        raise KeyError(
            _("unknown numbering scheme {name!r}; known: {schemes}").format(name=name, schemes=", ".join(SCHEMES))
        ) from None


def heading_label(position: int, level: int, scheme: HeadingScheme) -> str:
    """Return the label of the ``position``-th heading (1-based) at ``level`` (1-based)."""
    if position < 1:
        raise ValueError(_("positions start at 1, not {position}").format(position=position))
    if not 1 <= level <= len(scheme.levels):
        raise ValueError(
            _("heading level {level} is deeper than the scheme's {n_levels} levels").format(
                level=level, n_levels=len(scheme.levels)
            )
        )
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
            raise ValueError(_("首先/其次/再次/最后 enumerates 2 to 4 items, not {count}").format(count=count))
        return _SEQUENCE[count][position - 1]
    if style == "none":
        return ""
    raise ValueError(_("unknown run-in style {style!r}").format(style=style))


# -- the reading grammar -------------------------------------------------------------------

_CN_CLASS = "零〇一二两三四五六七八九十百"
_CIRCLED_CLASS = "\u2460-\u2473\u3251-\u325f\u32b1-\u32bf"
_FULL_TO_HALF = {"（": "(", "）": ")", "．": "."}
#: Characters after which a label may start in mid-line.
LABEL_BOUNDARY = "。！？；：!?;:…\n \u3000\t"
_SPACE = " \u3000\t"
RUNIN_STYLES: dict[str, str] = {"{cn}是": "yishi", "{cn}要": "yiyao", "第{cn}，": "diyi"}
_SHOUXIAN = ("首先", "其次", "再次", "最后")


class LabelMatch(NamedTuple):
    """A label found in a text: heading label or run-in marker, its format, number and span."""

    kind: str
    style: str
    fmt: str
    level: int
    scheme: str
    ordinal: int
    start: int
    end: int
    text: str


def _format_regex(fmt: str, tolerant: bool = True) -> str:
    """Return a regex for one level format; the number is captured; ``tolerant``: （ and ( alike."""
    out = ""
    rest = fmt
    while rest:
        for token, pattern in (
            ("{cn}", f"([{_CN_CLASS}]{{1,6}})"),
            ("{n}", "([1-9][0-9]{0,2})"),
            ("{circled}", f"([{_CIRCLED_CLASS}])"),
        ):
            if rest.startswith(token):
                out += pattern
                rest = rest[len(token) :]
                break
        else:
            char = rest[0]
            half = _FULL_TO_HALF.get(char, char)
            full = {v: k for k, v in _FULL_TO_HALF.items()}.get(char, char)
            out += f"[{re.escape(half)}{re.escape(full)}]" if tolerant and half != full else re.escape(char)
            rest = rest[1:]
    return out


def _canonical(fmt: str) -> str:
    """Return a format with half-width brackets and dots made full-width, for comparing variants."""
    return fmt.replace("(", "（").replace(")", "）")


def heading_formats(scheme: HeadingScheme | None = None) -> list[tuple[str, int, str]]:
    """Return ``(format, level, scheme name)`` for every level format the grammar reads."""
    schemes = [scheme] if scheme is not None else []
    schemes += list(SCHEMES.values())
    seen: dict[str, tuple[str, int, str]] = {}
    for candidate in schemes:
        for level, fmt in enumerate(candidate.levels, 1):
            seen.setdefault(fmt, (fmt, level, candidate.name))
    return list(seen.values())


def _heading_patterns(scheme: HeadingScheme | None) -> list[tuple[str, int, str, re.Pattern[str]]]:
    """Return ``(format, level, scheme name, pattern)`` in the order they are tried."""
    key = None if scheme is None else scheme.levels
    found = _PATTERN_CACHE.get(key)
    if found is None:
        patterns = []
        for tolerant in (False, True):
            for fmt, level, name in heading_formats(scheme):
                pattern = _format_regex(fmt, tolerant)
                if fmt.endswith(("{n}.", "{n}．")):
                    pattern += "(?![0-9０-９.．])"
                patterns.append((fmt, level, name, pattern))
        # Exact formats before tolerant ones; longer formats first: （{cn}） before {cn}、.
        patterns.sort(key=lambda entry: -len(entry[0].replace("{cn}", "").replace("{n}", "")))
        patterns.sort(key=lambda entry: entry[3].count("["))
        found = [(fmt, level, name, re.compile(pattern)) for fmt, level, name, pattern in patterns]
        _PATTERN_CACHE[key] = found
    return found


_PATTERN_CACHE: dict[tuple[str, ...] | None, list[tuple[str, int, str, re.Pattern[str]]]] = {}
_RUNIN_MARK = re.compile(f"([{_CN_CLASS}]{{1,3}})([是要])|第([{_CN_CLASS}]{{1,3}})[，,、]")
_SHOUXIAN_MARK = re.compile("(首先|其次|再次|最后)[，,、]")


def _number(token: str) -> int | None:
    if len(token) == 1 and token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    if token.isascii() and token.isdigit():
        return int(token)
    if token[0] in "零〇" or "两" in token:
        return None
    try:
        value = parse_cn(token)
    except ValueError:
        return None
    return value if value >= 1 and cn(value) == token else None


#: A numeral and what follows it in a list of numbers: 二季度, 二月, 二、, 二年级.
_LISTED = re.compile(f"([{_CN_CLASS}]+)(?:[季月、，,]|年级)")


def _lists_numbers(text: str, end: int, ordinal: int) -> bool:
    """Return whether the ``一、`` that ends at ``end`` opens a list of numbers rather than a title: the next
    number follows on (一、二季度, 三、四月, 一、二、三), or a unit comes straight after the 、 (一、季度).
    一、一年来, 一、一节 and 一、一、二季度工作情况 are labels."""
    if text[end] in "季月年":
        return True
    listed = _LISTED.match(text, end)
    return listed is not None and listed.group(1) == cn(ordinal + 1)


def _heading_at(text: str, pos: int, scheme: HeadingScheme | None) -> LabelMatch | None:
    for fmt, level, name, pattern in _heading_patterns(scheme):
        match = pattern.match(text, pos)
        if not match:
            continue
        ordinal = _number(match.group(1))
        if ordinal is None:
            continue
        end = match.end()
        if end >= len(text) or text[end] in "，,。、；;：:）)":
            continue  # a bare label, or 1、、 / （一）） doubled marks
        if fmt.startswith("{cn}") and _lists_numbers(text, end, ordinal):
            continue  # 一、二季度, 一、二、三: a list of numbers, not a label
        return LabelMatch("heading", "heading", fmt, level, name, ordinal, pos, end, match.group(0))
    return None


def _runin_at(text: str, pos: int) -> LabelMatch | None:
    match = _RUNIN_MARK.match(text, pos)
    if match:
        token = match.group(1) or match.group(3)
        ordinal = _number(token)
        if ordinal is None or ordinal > 99:
            return None
        end = match.end()
        if match.group(2):
            fmt = "{cn}" + match.group(2)
            after = text[end : end + len(token) + 1]
            # 一是一，二是二 / 一要一 are idioms, not markers; so is 一是 at the end of a text.
            if after.startswith(token) or end >= len(text) or text[end] in "，,。、；;":
                return None
        else:
            fmt = "第{cn}，"
        return LabelMatch("runin", RUNIN_STYLES[fmt], fmt, 0, "", ordinal, pos, end, match.group(0))
    match = _SHOUXIAN_MARK.match(text, pos)
    if match:
        ordinal = _SHOUXIAN.index(match.group(1)) + 1
        return LabelMatch("runin", "shouxian", "首先，", 0, "", ordinal, pos, match.end(), match.group(0))
    return None


def label_at(text: str, pos: int = 0, scheme: HeadingScheme | None = None) -> LabelMatch | None:
    """Read the heading label or run-in marker that starts at ``pos`` (white space skipped)."""
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    return _heading_at(text, pos, scheme) or _runin_at(text, pos)


class Label(NamedTuple):
    """A label at the start of a text as the checks name it: its family, its number and the text after it."""

    family: str
    number: int
    rest: str
    text: str


#: The label family of each level format the grammar reads (half- and full-width variants alike).
_HEADING_FAMILIES = {
    "{cn}、": "一、",
    "（{cn}）": "（一）",
    "({cn})": "（一）",
    "{n}.": "1.",
    "{n}．": "1.",
    "{n}、": "1.",
    "（{n}）": "（1）",
    "({n})": "（1）",
    "{circled}": "①",
}
#: The label family of each run-in style.
_RUNIN_FAMILIES = {"yishi": "一是", "yiyao": "一要", "diyi": "第一", "shouxian": "首先"}


def label_family(match: LabelMatch) -> str:
    """Return the family a label belongs to (``一、``, ``（一）``, ``1.``, ``（1）``, ``①``, ``一是``, ``第一``…)."""
    if match.kind == "runin":
        return _RUNIN_FAMILIES[match.style]
    return _HEADING_FAMILIES.get(match.fmt, match.fmt)


def parse_label(text: str) -> Label | None:
    """Read the label at the start of ``text`` with :func:`label_at` and name its family; None if there is none."""
    match = label_at(text)
    if match is None:
        return None
    return Label(label_family(match), match.ordinal, text[match.end :], match.text)


def find_labels(text: str, scheme: HeadingScheme | None = None, *, midline: bool = True) -> list[LabelMatch]:
    """Find the labels of a text: at its start and, with ``midline``, after a sentence end or a space."""
    found: list[LabelMatch] = []
    first = label_at(text, 0, scheme)
    if first is not None:
        found.append(first)
    if not midline:
        return found
    pos = first.end if first is not None else 1
    while pos < len(text):
        if text[pos - 1] in LABEL_BOUNDARY and text[pos] not in _SPACE:
            label = _heading_at(text, pos, scheme) or _runin_at(text, pos)
            if label is not None:
                found.append(label)
                pos = label.end
                continue
        pos += 1
    return found


def scheme_from_formats(formats: list[str]) -> HeadingScheme:
    """Return the scheme whose levels begin with ``formats`` (a named one if any fits), else a custom one."""
    wanted = [_canonical(f) for f in formats]
    for named in SCHEMES.values():
        if list(named.levels[: len(formats)]) == formats:
            return named
    for named in SCHEMES.values():
        if [_canonical(f) for f in named.levels[: len(formats)]] == wanted and not any("(" in f for f in formats):
            return named
    levels = list(formats)
    for fmt in SCHEMES["gbt9704"].levels:
        if len(levels) >= 5:
            break
        if fmt not in levels and _canonical(fmt) not in [_canonical(x) for x in levels]:
            levels.append(fmt)
    return HeadingScheme(tuple(levels), "custom")


# -- divisions of a law or regulation: 第一编, 第二章, 第三节, 第十二条 -------------------------------------

#: The division labels, outermost first, as a scheme: :func:`heading_label` writes them (第十二条).
DIVISIONS = HeadingScheme(("第{cn}编", "第{cn}章", "第{cn}节", "第{cn}条"), "divisions")
#: The same divisions numbered in digits (第12条), as some drafts write them.
DIVISIONS_DIGITS = HeadingScheme(("第{n}编", "第{n}章", "第{n}节", "第{n}条"), "divisions-digits")
#: The unit of each division and its Traditional form.
_UNIT_FORMS = {"编": "编編", "章": "章", "节": "节節", "条": "条條"}


class Division(NamedTuple):
    """A division label read: its unit (编, 章, 节 or 条, Simplified), its number and its span."""

    unit: str
    number: int
    start: int
    end: int
    text: str


def division_pattern(units: str = "编章节条") -> str:
    """Return the regex of a division label of these units: 第, a number (numerals or digits, a space either
    side allowed: 第 3 条), the unit (Simplified or Traditional); the number's groups are 1 (numerals) and 2
    (digits, half- or full-width), the unit's 3."""
    numeral = _format_regex("{cn}")
    digits = "([1-9１-９][0-9０-９]{0,2})"
    forms = "".join(_UNIT_FORMS[unit] for unit in units)
    return f"第[ \u3000]?(?:{numeral}|{digits})[ \u3000]?([{forms}])"


_DIVISION_CACHE: dict[str, re.Pattern[str]] = {}


def division_at(text: str, pos: int = 0, units: str = "编章节条") -> Division | None:
    """Read the division label (第十二条, 第 3 章, 第一編) that starts at ``pos`` (white space skipped)."""
    pattern = _DIVISION_CACHE.get(units)
    if pattern is None:
        pattern = _DIVISION_CACHE[units] = re.compile(division_pattern(units))
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    match = pattern.match(text, pos)
    if match is None:
        return None
    number = _number(match.group(1)) if match.group(1) else int(match.group(2))
    if number is None:
        return None
    unit = next(u for u, forms in _UNIT_FORMS.items() if match.group(3) in forms)
    return Division(unit, number, pos, match.end(), match.group(0))


def division_label(number: int, unit: str, *, digits: bool = False) -> str:
    """Write the label of a division: ``division_label(12, "条")`` → 第十二条 (``digits``: 第12条)."""
    if unit not in _UNIT_FORMS:
        raise ValueError(_("unknown division {unit!r}; known: {units}").format(unit=unit, units="、".join(_UNIT_FORMS)))
    return heading_label(number, list(_UNIT_FORMS).index(unit) + 1, DIVISIONS_DIGITS if digits else DIVISIONS)

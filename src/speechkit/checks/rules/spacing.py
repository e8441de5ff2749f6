"""SK207: a space inside Chinese text (``召开 会议``, ``X 区``) or between a number and ``%``/a unit (fixable)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ...model.numbering import division_at, division_pattern, parse_label
from ..finding import Hit
from ..text import Doc
from .boilerplate import boilerplate_spans
from .chars import is_han
from .garbled import span_mask

#: Chinese units and measure words that follow a number directly (GB/T 15835: no space).
UNITS = "个名人位万亿元角分年月日号时岁次项条家户所场期批件篇份台辆套处座座米亩吨倍届周天"
#: The spaces a run is made of.
_SPACES = " \u3000\u00a0"
_GAP = f"[{_SPACES}]+"
_PERCENT = "%‰％"
#: A time after the space (``14日 16:30``): a Han character and a number are then not joined.
_TIME = "\\d{1,2}[:：]\\d{2}"


def space_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield the spans of the spaces in ``text[start:end]`` that Chinese text does not take.

    A run of spaces counts between two Han characters (``召开 会议``), a Han character and a number
    that is not a time (``共有 25``), a number and ``%`` or a unit (``19.2 %``, ``25 个``), or a
    Latin letter and a Han character (``X 区``, ``国家 A级``). The run is read whole; as a compiled
    pattern the Han class, five times over, cost about 9 ms at each start.
    """
    end = len(text) if end is None else end
    for gap in re.compile(_GAP).finditer(text, start, end):
        if not gap.start() or gap.end() >= end:
            continue
        before, after = text[gap.start() - 1], text[gap.end()]
        if is_han(before):
            joined = (
                is_han(after)
                or _is_letter(after)
                or (after.isdecimal() and not re.compile(_TIME).match(text, gap.end(), end))
            )
        elif before.isdecimal():
            joined = after in _PERCENT or after in UNITS
        else:
            joined = _is_letter(before) and is_han(after)
        if joined:
            yield gap.span()


def _is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


#: Sentence marks: a unit without any is a list of names or links, where spaces separate items.
_PROSE = "，。；：、？！"


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a fixable hit deleting each space inside a Chinese sentence."""
    for index in doc.textual():
        text = doc.units[index].text
        if not any(mark in text for mark in _PROSE):
            continue
        removed = None
        body_start = len(text) - len(text.lstrip())
        body_end = len(text.rstrip())
        for start, end in space_spans(text, body_start, body_end):
            if removed is None:
                removed = span_mask(len(text), boilerplate_spans(doc.simple(index)))
            if removed[start] or not _single_letter_ok(text, start, end) or _line_break(text, start, end):
                continue
            before, after = text[max(0, start - 4) : start], text[end : end + 4]
            yield Hit(
                index,
                start,
                end,
                "SK207",
                _("space in Chinese text ({before}␣{after}); delete it").format(before=before, after=after),
                "",
            )


# A lost line break, not a typo: the space ends a title or a heading, or starts a salutation, a heading
# or a run-in label. Deleting it would glue two paragraphs, so it is no SK207 (the readers split there).
# Both patterns are compiled on first use.


@cache
def _title_end() -> re.Pattern[str]:
    return re.compile(
        "(?:讲话|講話|报告|報告|通知|提纲|提綱|意见|意見|方案|总结|總結|发言|發言|致辞|致辭|请示|請示|通报|通報|纪要|紀要)$"
    )


@cache
def _line_start() -> re.Pattern[str]:
    return re.compile(
        "[^，。；：,;:\\s]{1,16}[：:]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\\d]{1,3}[）)]|\\d{1,2}[.．、]"
        # a run-in label (一是 一要 第一， 首先，) or 第一章/第一条/第一部分: a paragraph starts there
        "|[一二三四五六七八九十]{1,3}[是要](?![否非素点件害求])|第[一二三四五六七八九十]{1,3}(?:[，,、章条节]|部分)|(?:首先|其次|再次|最后)[，,]"
    )


_MARKS = "，。；：！？,;:!?"
#: How far back the start of a heading is looked for (bounded, so that long lines stay linear).
_HEADING_MAX = 40
#: The longest heading text after its label (``一、主要成效``).
_HEADING_REST = 15


def _line_break(text: str, start: int, end: int) -> bool:
    """Return whether the space stands where lines were joined (a speech that arrives as one line)."""
    if not ((is_han(text[start - 1]) and is_han(text[end])) or _line_start().match(text, end)):
        return False  # a number and its unit, a letter: never a line break
    if _line_start().match(text, end):
        return True
    floor = max(0, start - _HEADING_MAX)
    mark = max(floor - 1, *(text.rfind(c, floor, start) for c in _MARKS))
    segment = text[mark + 1 : start].strip()
    if mark < floor and floor > 0:
        return False
    article = _article().search(segment)
    if article and division_at(segment, article.start()):
        return True  # 第一条　为了…: a regulation's article or chapter label takes a space after it
    label = parse_label(segment)
    return (label is not None and len(label.rest) <= _HEADING_REST) or bool(_title_end().search(segment))


@cache
def _article() -> re.Pattern[str]:
    return re.compile(f"(?:^|(?<=\\s)){division_pattern('章节条')}$")


def _single_letter_ok(text: str, start: int, end: int) -> bool:
    """A Latin word before or after the space must be a single letter (``X 区``), not ``QQ 群``."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before.isascii() and before.isalpha():
        return start < 2 or not (text[start - 2].isascii() and text[start - 2].isalpha())
    if after.isascii() and after.isalpha():
        return end + 1 >= len(text) or not (text[end + 1].isascii() and text[end + 1].isalpha())
    return True

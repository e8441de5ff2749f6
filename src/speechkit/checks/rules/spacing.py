"""SK207: a space inside Chinese text (``召开 会议``, ``X 区``) or between a number and ``%``/a unit (fixable)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...numbering import parse_label
from ..finding import Hit
from ..text import Doc
from .boilerplate import boilerplate_spans
from .chars import HAN, is_han
from .garbled import span_mask

#: Chinese units and measure words that follow a number directly (GB/T 15835: no space).
UNITS = "个名人位万亿元角分年月日号时岁次项条家户所场期批件篇份台辆套处座座米亩吨倍届周天"
_GAP = "[ \u3000\u00a0]+"
_SPACE = re.compile(
    f"(?<=[{HAN}]){_GAP}(?=[{HAN}])"  # 召开 会议
    f"|(?<=[{HAN}]){_GAP}(?=\\d)(?!\\d{{1,2}}[:：]\\d{{2}})"  # 共有 25 (not a time: 14日 16:30)
    f"|(?<=\\d){_GAP}(?=[%‰％])"  # 19.2 %
    f"|(?<=\\d){_GAP}(?=[{UNITS}])"  # 25 个
    f"|(?<=[A-Za-z]){_GAP}(?=[{HAN}])"  # X 区 (a single letter only, see below)
    f"|(?<=[{HAN}]){_GAP}(?=[A-Za-z])"  # 国家 A级
)
#: Sentence marks: a unit without any is a list of names or links, where spaces separate items.
_PROSE = re.compile("[，。；：、？！]")


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a fixable hit deleting each space inside a Chinese sentence."""
    for index in doc.textual():
        text = doc.units[index].text
        if not _PROSE.search(text):
            continue
        removed = span_mask(len(text), boilerplate_spans(doc.simple(index)))
        body_start = len(text) - len(text.lstrip())
        body_end = len(text.rstrip())
        for match in _SPACE.finditer(text, body_start, body_end):
            if removed[match.start()] or not _single_letter_ok(text, match) or _line_break(text, match):
                continue
            before, after = text[max(0, match.start() - 4) : match.start()], text[match.end() : match.end() + 4]
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK207",
                f"space in Chinese text ({before}␣{after}); delete it",
                "",
            )


#: A lost line break, not a typo: the space ends a title or a heading, or starts a salutation or a label.
_TITLE_END = re.compile(
    "(?:讲话|講話|报告|報告|通知|提纲|提綱|意见|意見|方案|总结|總結|发言|發言|致辞|致辭|请示|請示|通报|通報|纪要|紀要)$"
)
_LINE_START = re.compile(
    "[^，。；：,;:\\s]{1,16}[：:]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\\d]{1,3}[）)]|\\d{1,2}[.．、]"
)
_MARKS = "，。；：！？,;:!?"
#: How far back the start of a heading is looked for (bounded, so that long lines stay linear).
_HEADING_MAX = 40
#: The longest heading text after its label (``一、主要成效``).
_HEADING_REST = 15


def _line_break(text: str, match: re.Match[str]) -> bool:
    """Return whether the space stands where lines were joined (a speech that arrives as one line)."""
    if not ((is_han(text[match.start() - 1]) and is_han(text[match.end()])) or _LINE_START.match(text, match.end())):
        return False  # a number and its unit, a letter: never a line break
    if _LINE_START.match(text, match.end()):
        return True
    floor = max(0, match.start() - _HEADING_MAX)
    mark = max(floor - 1, *(text.rfind(c, floor, match.start()) for c in _MARKS))
    segment = text[mark + 1 : match.start()].strip()
    if mark < floor and floor > 0:
        return False
    label = parse_label(segment)
    return (label is not None and len(label.rest) <= _HEADING_REST) or bool(_TITLE_END.search(segment))


def _single_letter_ok(text: str, match: re.Match[str]) -> bool:
    """A Latin word before or after the space must be a single letter (``X 区``), not ``QQ 群``."""
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if before.isascii() and before.isalpha():
        return match.start() < 2 or not (text[match.start() - 2].isascii() and text[match.start() - 2].isalpha())
    if after.isascii() and after.isalpha():
        return match.end() + 1 >= len(text) or not (text[match.end() + 1].isascii() and text[match.end() + 1].isalpha())
    return True

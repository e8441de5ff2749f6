"""SK206: a hyphen in a numeric range (``1-2个``), ``...`` for ``……``, a title ending in a full stop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ..finding import Hit
from ..text import Doc
from .chars import is_han

_UNIT = "个名人位万亿元年月日天周岁次项条家户所场期批件篇份台辆套处座米亩吨倍届%‰"


@cache
def _range() -> re.Pattern[str]:
    """``1-2个``, ``10-20%``, ``2016-2018年``: ASCII numbers joined by a hyphen, followed by a unit."""
    return re.compile(f"(?<![\\d.\\-/A-Za-z])(\\d{{1,6}}(?:\\.\\d+)?)-(\\d{{1,6}}(?:\\.\\d+)?)(?=[{_UNIT}])")


#: The marks an ellipsis is wrongly written with, and a lone ``…``.
_MARKS = re.compile("[.。·・…]")
#: Besides Han characters: what may stand before a wrong ellipsis, and what after a run of dots or dots mid-line.
_BEFORE, _AFTER = "，。；：”’）", "“‘（"


def _run(text: str, start: int, chars: str) -> int:
    """Return the end of the run of ``chars`` that starts at ``start``."""
    end = start
    while end < len(text) and text[end] in chars:
        end += 1
    return end


def _ellipsis_at(text: str, start: int) -> int | None:
    """Return the end of a wrong ellipsis at ``start``, or None.

    After Chinese text (a Han character or ``，。；：”’）``): ``...``, ``。。。``, ``···`` or a lone ``…``; anywhere
    else, a whole run of ``...`` or ``···`` before Chinese text (a Han character or ``“‘（``). Told by character
    tests: a class of Han characters costs ``re`` milliseconds to compile at every check.
    """
    mark, before = text[start], text[start - 1] if start else ""
    if before and (is_han(before) or before in _BEFORE):
        for chars in (".", "。", "·・"):
            if mark in chars and _run(text, start, chars) - start >= 3:
                return _run(text, start, chars)
        if mark == "…" and text[start + 1 : start + 2] != "…":
            return start + 1
    for chars in (".", "·・"):
        if mark in chars and (not before or before not in chars):
            end = _run(text, start, chars)
            if end - start >= 3 and end < len(text) and (is_han(text[end]) or text[end] in _AFTER):
                return end
    return None


def ellipses(text: str) -> Iterator[tuple[int, int]]:
    """Yield the spans of the wrong ellipses of a text, left to right."""
    found = _MARKS.search(text)
    while found is not None:
        start = found.start()
        end = _ellipsis_at(text, start)
        if end is not None:
            yield start, end
        found = _MARKS.search(text, end if end is not None else start + 1)


_SENTENCE_MARKS = "，。；：！？,;!?"


def _has_sentence_mark(text: str) -> bool:
    return any(mark in text for mark in _SENTENCE_MARKS)


def check(doc: Doc) -> Iterator[Hit]:
    """Yield hits for hyphenated ranges, wrong ellipses and a title ending in ``。``."""
    for index in doc.textual():
        text = doc.units[index].text
        for match in _range().finditer(text):
            low, high = float(match.group(1)), float(match.group(2))
            if low >= high:
                continue  # not a range (a code or a date such as 2018-10)
            unit = text[match.end()] if match.end() < len(text) else ""
            first, second = match.group(1), match.group(2)
            if unit == "年" and len(first) == len(second) == 4:
                better = _("{dash} or {to}").format(dash=f"{first}—{second}年", to=f"{first}年至{second}年")
            elif unit in "月日":  # a span of time takes the 一字线 (GB/T 15834 §4.13)
                better = _("{dash} or {to}").format(dash=f"{first}—{second}{unit}", to=f"{first}{unit}至{second}{unit}")
            else:
                better = _("{dash} or {to}").format(dash=f"{first}～{second}{unit}", to=f"{first}至{second}{unit}")
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK206",
                _("hyphen in a range {group!r}; write {better}").format(group=match.group(), better=better),
            )
        for start, end in ellipses(text):
            yield Hit(
                index, start, end, "SK206", _("{group!r} for an ellipsis; write '……'").format(group=text[start:end])
            )
    title = _title(doc)
    if title is not None:
        text = doc.units[title].text.rstrip()
        yield Hit(title, len(text) - 1, len(text), "SK206", _("a title takes no full stop; delete the final '。'"))


def _title(doc: Doc) -> int | None:
    """Return the title unit if it ends in ``。``: the first short line with no sentence mark before its end."""
    textual = doc.textual()
    roles = [i for i in textual if doc.units[i].role == "title"]
    for index in roles or textual[:3]:
        text = doc.units[index].text.strip()
        if not text or len(text) > 50:
            continue
        if text.endswith("。") and len(text) > 4 and not _has_sentence_mark(text[:-1]):
            return index if _looks_like_title(text) else None
        if roles or not _has_sentence_mark(text):
            return None
    return None


@cache
def _title_words() -> re.Pattern[str]:
    """The words a title ends in."""
    return re.compile(
        "(?:通知|报告|報告|讲话|講話|意见|意見|方案|决定|決定|请示|請示|提纲|提綱|总结|總結|办法|辦法|规定|規定|纪要|紀要|函|通报|通報|批复|批覆|公告|通告|发言|發言|致辞|致辭)。$"
    )


def _looks_like_title(text: str) -> bool:
    return bool(_title_words().search(text))

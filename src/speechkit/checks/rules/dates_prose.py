"""SK303: dates in running text — dotted or hyphenated ranges (``2008.04-2016.06``), ``25年`` for a year,
``1号`` for a day (GB/T 15835: ``2008年4月至2016年6月``, ``2025年``, ``1日``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ...model.notice_parts import is_date_line
from ..finding import Hit
from ..text import Doc

_YM = r"(?P<{0}y>(?:19|20)\d{{2}})\.(?P<{0}m>0?[1-9]|1[0-2])(?:\.(?P<{0}d>0?[1-9]|[12]\d|3[01]))?"


@cache
def _dotted_range() -> re.Pattern[str]:
    """``2008.04-2016.06``, ``2008.4—2016.6``, ``2008.04至今``."""
    return re.compile(
        "(?<![\\d.])" + _YM.format("a") + r"\s*[-－—–～~至到]\s*(?:" + _YM.format("b") + "(?![\\d.])|(?P<now>至今|今))"
    )


@cache
def _dotted_day() -> re.Pattern[str]:
    """``2018.10.7`` in prose (three dotted parts cannot be a decimal number)."""
    return re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<m>0?[1-9]|1[0-2])\.(?P<d>0?[1-9]|[12]\d|3[01])(?![\d.])")


@cache
def _short_year() -> re.Pattern[str]:
    """``18年10月``, ``25年底``: a year written with two digits."""
    return re.compile(r"(?<![\d.\-/第])(?P<y>\d{2})年(?=\d{1,2}月|初|底|末|度|上半年|下半年|春节|元旦)")


@cache
def _day_hao() -> re.Pattern[str]:
    """``10月1号``: 号 for a day."""
    return re.compile(r"(?<=月)(?P<d>\d{1,2})号(?![楼文线院令机门口房室])")


def _date(match: re.Match[str], prefix: str = "") -> str:
    year, month, day = match.group(prefix + "y"), match.group(prefix + "m"), match.group(prefix + "d")
    return f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")


def check(doc: Doc) -> Iterator[Hit]:
    """Yield hits for dates in prose that GB/T 15835 writes out in 年月日."""
    for index in doc.textual():
        text = doc.units[index].text
        if is_date_line(text):
            continue  # a dateline is SK302's
        ranges = []
        for match in _dotted_range().finditer(text):
            end = "今" if match.group("now") else _date(match, "b")
            better = f"{_date(match, 'a')}至{end}"
            ranges.append(match.span())
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK303",
                _("date range {group!r} in prose; write {better!r}").format(group=match.group(), better=better),
            )
        for match in _dotted_day().finditer(text):
            if any(s <= match.start() < e for s, e in ranges):
                continue
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK303",
                _("date {group!r} in prose; write {date!r}").format(group=match.group(), date=_date(match)),
            )
        for match in _short_year().finditer(text):
            year = match.group("y")
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK303",
                _("year {group!r} in two digits; write the full year (20{year}年)").format(
                    group=match.group(), year=year
                ),
            )
        for match in _day_hao().finditer(text):
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK303",
                _("{group!r} for a day; write {group2}日").format(group=match.group(), group2=match.group("d")),
            )

"""SK301 document numbers (党办发〔2018〕12号) and SK302 dates (2018年10月7日)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...i18n import _
from ...model.notice_parts import (
    DATE_LINE_CN,
    DATE_LINE_NUMERIC,
    DATE_LINE_SHORT,
    date_core,
    may_be_date,
)
from ...model.notice_parts import (
    is_date_line as is_date_line,  # the tests' name for the notice reading's
)
from ...model.repair import doc_number as _doc_number
from ...model.repair import doc_number_problems as _doc_number_problems
from ..finding import Hit
from ..text import Doc


def check_doc_numbers(doc: Doc) -> Iterator[Hit]:
    """SK301: yield a hit for each document number not written as 党办发〔2018〕12号."""
    for index in doc.textual():
        text = doc.units[index].text
        for match in _doc_number().finditer(text):
            problems = _doc_number_problems(match)
            if problems:
                year, num = match.group("year"), match.group("num").lstrip("0") or "N"
                hint = f"{match.group('prefix')}〔{year}〕{num}号"
                yield Hit(
                    index,
                    match.start(),
                    match.end(),
                    "SK301",
                    _("document number {group!r}: {problems} (write {hint!r})").format(
                        group=match.group(0), problems=_("; ").join(problems), hint=hint
                    ),
                )


_CN_DIGIT = "〇零一二三四五六七八九"
_DATE = r"(?<!\d)(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?"
# The date-line forms are the notice reading's (``model.notice_parts``): one grammar of a 成文日期.
_DATE_LINE_CN, _DATE_LINE_NUMERIC, _DATE_LINE_SHORT = DATE_LINE_CN, DATE_LINE_NUMERIC, DATE_LINE_SHORT
_core, _may_be_date = date_core, may_be_date


def check_dates(doc: Doc) -> Iterator[Hit]:
    """SK302: yield a hit for a malformed date; Chinese numerals and 2018-10-07 only on a date line."""
    for index in doc.textual():
        text = doc.units[index].text
        line_hit = _date_line(text)
        if line_hit:
            start, end, message = line_hit
            yield Hit(index, start, end, "SK302", message)
            continue
        for match in re.compile(_DATE).finditer(text):
            message = _date_problem(match.group("y"), match.group("m"), match.group("d"))
            if message:
                yield Hit(
                    index,
                    match.start(),
                    match.end(),
                    "SK302",
                    _("date {group!r}: {message}").format(group=match.group(0), message=message),
                )


def _date_problem(year: str, month: str, day: str | None) -> str:
    m, d = int(month), int(day) if day else 1
    if not 1 <= m <= 12 or not 1 <= d <= 31:
        return _("no such month or day")
    if month.startswith("0") or (day or "").startswith("0"):
        written = f"{int(year)}年{m}月" + (f"{d}日" if day else "")
        return _("no leading zeros (write {written!r})").format(written=written)
    return ""


def _date_line(text: str) -> tuple[int, int, str] | None:
    """Return a hit span and message when the whole text is a date written the wrong way."""
    core = _core(text)
    start = text.find(core)
    end = start + len(core)
    if re.compile(_DATE_LINE_CN).fullmatch(core):
        return (
            start,
            end,
            _("date {core!r} in Chinese numerals; a 成文日期 uses Arabic numerals (2018年10月7日)").format(core=core),
        )
    for pattern in (_DATE_LINE_NUMERIC, _DATE_LINE_SHORT):
        match = re.compile(pattern).fullmatch(core)
        if match:
            year = match.group("y")
            year = year if len(year) == 4 else "20" + year
            fixed = f"{year}年{int(match.group('m'))}月{int(match.group('d'))}日"
            return (
                start,
                end,
                _("date {core!r} not in the form 2018年10月7日 (write {fixed!r})").format(core=core, fixed=fixed),
            )
    return None

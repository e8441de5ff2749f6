"""SK301 document numbers (党办发〔2018〕12号) and SK302 dates (2018年10月7日)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

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
from ..finding import Hit
from ..text import Doc


@cache
def _doc_number() -> re.Pattern[str]:
    """A document number (compiled on first use)."""
    return re.compile(
        "(?P<prefix>[\u4e00-\u9fff]{1,10})(?P<open>[〔\\[【(（［〖｛{„])(?P<year>(?:19|20)\\d{2})"
        "(?P<close>[〕\\]】)）］〗｝}‟]?)(?P<di>第?)(?P<num>\\d{0,5})(?P<hao>[号號]?)"
    )


#: Last characters of an issuing body's code (机关代字) before the year.
_CODE_ENDINGS = set("发發字函办辦文令电電报報复復批示呈通告议議纪紀委组組宣政")


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


def mend_doc_numbers(text: str) -> tuple[str, list[str]]:
    """Put the year of each document number whose two brackets are there in 〔〕; return the text and the mends.

    The one repair of SK301's findings the text reader makes (``国办发„2009‟3号``, ``沈政令[1997]29号``);
    a number with a bracket missing or other faults stays as written, for SK301 to report.
    """
    mends: list[str] = []
    out: list[str] = []
    kept = 0
    for match in _doc_number().finditer(text):
        if match.group("open") == "〔" or not match.group("close") or not match.group("num"):
            continue
        if _doc_number_problems(match) != ["put the year in 〔〕"]:
            continue
        mended = f"{match.group('prefix')}〔{match.group('year')}〕{match.group('num')}{match.group('hao')}"
        out += [text[kept : match.start()], mended]
        kept = match.end()
        mends.append(f"SK301 {match.group(0)} → {mended}")
    return ("".join(out) + text[kept:], mends) if mends else (text, [])


def _doc_number_problems(match: re.Match[str]) -> list[str]:
    opening, close, num = match.group("open"), match.group("close"), match.group("num")
    coded = match.group("prefix")[-1] in _CODE_ENDINGS
    if not coded and not (num and match.group("hao")):
        return []
    if opening in "(（" and not (coded and num):
        return []
    problems = []
    if opening != "〔" or close not in ("", "〕"):
        problems.append(_("put the year in 〔〕"))
    if not close:
        problems.append(_("the year's closing bracket is missing"))
    if match.group("di"):
        problems.append(_("no 第 before the number"))
    if not num:
        problems.append(_("the serial number is missing"))
    elif num.startswith("0"):
        problems.append(_("no leading zeros in the serial number"))
    if num and not match.group("hao"):
        problems.append(_("号 is missing"))
    return problems


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

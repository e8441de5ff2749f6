"""A notice's parts told from its lines: 主送机关, body, 署名 and 成文日期 — one reading for readers and checks.

``speechkit check`` (SK401 and the 公文 rules), the build's own check and the draft readers (``import``) all
ask these functions, so that a line one of them takes for the addressee or the date line is that for all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .chars import is_han
from .numbering import parse_label

#: Marks that end a sentence, full-width and half-width (a body line typed on an English keyboard ends in ``.``).
SENTENCE_END = "。！？；.!?;"
#: Marks that only a sentence holds: a line with one of them inside is body text, not a heading or a part.
_SENTENCE_INSIDE = "。！？；"
#: A 主送机关 line: up to 80 characters with no sentence mark, ending in a colon; organs may be joined by
#: ``、`` or ``，`` (``各乡镇人民政府，县直各有关单位：``).
_ADDRESSEE = r"^[^。；！？;!?]{2,80}[：:]$"
#: Colon lines that are not addressees: a lead-in (``通知如下：``), a speech's salutation, a label.
_NOT_ADDRESSEE = (
    r"如下|以下|下列|同志们|各位|尊敬的|亲爱的|来宾|朋友们|女士|先生"
    r"|^(?:附\s*件|抄\s*送|抄\s*报|联系人|联系电话|电话|地址|邮编|主题词)\s*[：:]$"
)
#: An organ or a person a notice is sent to: ``各…``, ``所属…``, or a name ending in an organ's or an office's word.
_ORGAN = (
    r"^(?:各|所属|下属|直属|全)|(?:人民政府|政府|委员会|委|局|厅|部|部门|办公室|办公厅|办|处|科|署|院|所|站|中心|会|"
    r"校|学校|学院|公司|集团|企业|党委|党组|支部|总支|街道|办事处|单位|机构|组织|村|社区|省|市|县|区|州|乡|镇|"
    r"政协|人大|协|联|团|队|社|馆|台|行|厂|场|园|军|组|室|长|书记|主任|主席|总理|同志|领导)$"
)
#: How organs are joined in an addressee or 抄送 line.
_SPLIT = "[、，,；;\\s\u3000]+"

_CN_DIGIT = "〇零一二三四五六七八九"
#: Date lines in their forms; each starts with a digit or a Chinese numeral and ends with 月, 日 or a digit.
DATE_LINE_CN = f"[{_CN_DIGIT}]{{4}}年[{_CN_DIGIT}十]{{1,3}}月(?:[{_CN_DIGIT}十]{{1,3}}日)?"
DATE_LINE_NUMERIC = r"(?P<y>\d{4})\s*(?P<sep>[-./／－．])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
DATE_LINE_SHORT = r"(?P<y>\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
_WRAP = " \u3000\t（）()"
#: A speech's dateline: the date alone in parentheses under the title (（2016年4月10日）).
DATELINE = re.compile(r"^[（(]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]$")
_DATE_LINE_DIGITS = f"\\d{{2,4}}年\\d{{1,2}}月\\d{{1,2}}日|{DATE_LINE_NUMERIC}"


def date_core(text: str) -> str:
    """Strip whitespace (any, NBSP included) and the brackets a dateline is wrapped in."""
    return text.strip().strip(_WRAP).strip()


def may_be_date(core: str) -> bool:
    """Return whether ``core`` starts with a digit or a Chinese numeral and ends with 月, 日 or a digit."""
    return bool(core) and (core[0].isdecimal() or core[0] in _CN_DIGIT) and (core[-1] in "月日" or core[-1].isdecimal())


def is_date_line(text: str) -> bool:
    """Return whether the whole text is a date (the 成文日期 line of a notice)."""
    core = date_core(text)
    if not may_be_date(core):
        return False
    return re.compile(DATE_LINE_CN if core[0] in _CN_DIGIT else _DATE_LINE_DIGITS).fullmatch(core) is not None


#: The plural forms of address a salutation ends with (``同志们``, ``各位代表、朋友们``).
_PLURALS = ("同志们", "朋友们", "代表们", "同学们", "老师们", "来宾们", "嘉宾们", "女士们", "先生们", "青年们")
#: The longest run of names before a plural form of address, and after ``各位`` or ``尊敬的``.
_BEFORE_PLURAL, _AFTER_LEAD = 24, 20


def is_salutation_line(text: str) -> bool:
    """Return whether a (Simplified) line is a speech's salutation, which makes the draft a speech, not a 公文.

    A salutation is a run of Han characters (``、`` and ``，`` between names) and a colon: ``同志们：``,
    ``各位代表：``, ``尊敬的各位领导、同志们：``. Told by character tests: a class of Han characters costs
    ``re`` milliseconds to compile.
    """
    line = text.strip()
    if not line or line[-1] not in ":：":
        return False
    run = line[:-1].rstrip()
    if not run or not all(is_han(char) or char in "、，" for char in run):
        return False
    if run.startswith("各位") and len(run) <= 2 + _AFTER_LEAD:
        return True
    if run.startswith("尊敬的") and 3 < len(run) <= 3 + _AFTER_LEAD:
        return True
    return any(run.endswith(word) and len(run) - len(word) <= _BEFORE_PLURAL for word in _PLURALS)


def is_addressee_line(text: str) -> bool:
    """Return whether a line is a 主送机关 line (``各党支部：``, ``市委、市政府：``, ``各乡镇，县直各单位：``)."""
    line = text.strip()
    if not re.compile(_ADDRESSEE).match(line) or any(colon in line[:-1] for colon in "：:"):
        return False
    if re.compile(_NOT_ADDRESSEE).search(line):
        return False
    names = [re.sub(r"[（(][^（()）]*[）)]$", "", name) for name in addressee_names(line)]
    return any(re.compile(_ORGAN).search(name) for name in names)


def addressee_names(line: str) -> tuple[str, ...]:
    """Return the organs an addressee or 抄送 line names."""
    body = line.strip().rstrip("：:。.").strip()
    return tuple(part.strip() for part in re.compile(_SPLIT).split(body) if part.strip())


def is_body_line(text: str) -> bool:
    """Return whether a line is body text: long, holding a sentence mark, or ending a sentence (``。`` or ``.``)."""
    line = text.strip()
    return len(line) > 40 or any(mark in line for mark in _SENTENCE_INSIDE) or line.endswith(tuple(SENTENCE_END))


def is_signature_line(text: str) -> bool:
    """Return whether a line above a date line can be its 署名: short, no sentence, no outline label."""
    return not is_body_line(text) and not parse_label(text.strip())


@dataclass(frozen=True)
class NoticeParts:
    """Where a notice's parts stand among its lines (indexes into the lines read; ``None`` when absent)."""

    addressee: int | None = None
    #: The first body line (``len(lines)`` when none is told).
    body: int = 0
    date: int | None = None
    signature: int | None = None


def read_parts(lines: Sequence[str], title: int, roles: Sequence[str] = ()) -> NoticeParts:
    """Read the addressee, body, signature and date of a notice whose title is line ``title``.

    ``roles`` (parallel to ``lines``, optional) are what a reader already knows of a line (a DOCX style);
    a line marked ``addressee``, ``signature`` or ``date`` is that part whatever its text.
    """
    role = list(roles) + [""] * (len(lines) - len(roles))
    marked = {name: i for i in range(len(lines) - 1, title, -1) for name in [role[i]]}
    addressee = marked.get("addressee")
    if addressee is None:  # the first colon line naming organs before the body (a subtitle may come between)
        body = next((i for i in range(title + 1, len(lines)) if is_body_line(lines[i])), len(lines))
        addressee = next((i for i in range(title + 1, body) if is_addressee_line(lines[i])), None)
    start = (addressee if addressee is not None else title) + 1
    body = next((i for i in range(start, len(lines)) if is_body_line(lines[i]) and role[i] != "date"), len(lines))
    date = marked.get("date")
    if date is None:
        first = body if body < len(lines) else start
        date = next((i for i in range(first, len(lines)) if is_date_line(lines[i])), None)
    signature = marked.get("signature")
    if signature is None and date is not None and date > start and is_signature_line(lines[date - 1]):
        signature = date - 1
    return NoticeParts(addressee, body, date, signature)


__all__ = [
    "SENTENCE_END",
    "NoticeParts",
    "addressee_names",
    "date_core",
    "is_addressee_line",
    "is_body_line",
    "is_date_line",
    "is_signature_line",
    "may_be_date",
    "read_parts",
]

"""Normalise fact texts: paragraph splitting, line joining, refusing control characters."""

from __future__ import annotations

import re
from functools import cache

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_STRIP = " \t\n\u3000"
SENTENCE_END = "。！？；：!?;:…"
#: What a branch line's unit may end with (``小关社区``, ``第一党小组``).
_UNIT_ENDS = (
    "村", "社区", "支部", "街道", "镇", "乡", "居委会", "单位",
    "部门", "科室", "站", "所", "中心", "小组", "学校", "组",
)  # fmt: skip
_UNIT_MARKS = "×*＊"


def _unit_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or (char.isascii() and char.isalnum()) or char in _UNIT_MARKS


def branch_unit_end(text: str) -> int | None:
    """Return where the unit of a branch line ends (``小关社区：党员发展把关不严`` → 4), or None when it is none.

    A branch line of a critique outline is a unit's name (at most 14 characters before a word such as 村, 社区,
    支部), a colon and what the unit lacks, on one line. Told by character tests: a class of Han characters costs
    ``re`` milliseconds to compile at every process.
    """
    colon = next((index for index, char in enumerate(text) if char in ":："), -1)
    if colon < 1 or not all(_unit_char(char) for char in text[:colon]):
        return None
    rest = text[colon + 1 :]
    if rest.endswith("\n"):
        rest = rest[:-1]
    if not rest or "\n" in rest:
        return None
    unit = text[:colon]
    if any(unit.endswith(end) and len(unit) - len(end) <= 14 for end in _UNIT_ENDS):
        return colon
    return None


@cache
def _blank_line() -> re.Pattern[str]:
    return re.compile(r"\n[ \t\u3000]*\n\s*")


def control_character(text: str) -> str | None:
    """Return the first control character (other than tab and newline) in text, or None."""
    match = _CONTROL.search(text)
    return match.group(0) if match else None


def split_lines(text: str) -> list[str]:
    """Split on ``\\n`` only (dropping a trailing ``\\r``), so that readers, checks and ``--fix`` agree on lines."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def split_paragraphs(text: str) -> list[str]:
    """Split text on blank lines into paragraphs; join wrapped lines inside a paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip(_STRIP)
    if not text:
        return []
    return [join_lines(part) for part in _blank_line().split(text) if part.strip(_STRIP)]


def join_lines(text: str) -> str:
    """Join a wrapped paragraph: no space between Chinese characters, one space otherwise."""
    text = text.strip(_STRIP)
    if "\n" not in text:
        return text
    lines = [line.strip(" \t") for line in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        if out and (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += line
        else:
            out += " " + line
    return out


def _is_cjk(char: str) -> bool:
    """Return whether ``char`` is CJK: radicals to unified ideographs, compatibility ideographs, full-width forms."""
    # Compared by code point: ``re`` would spend about 3 ms building a class of these ranges at each start.
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"


def clean_line(text: str) -> str:
    """Normalise a one-line text such as a title: line breaks joined, ends stripped."""
    return join_lines(text.replace("\r\n", "\n").replace("\r", "\n"))


def strip_end(text: str) -> str:
    """Remove sentence-ending punctuation from the end of a text."""
    return text.rstrip(SENTENCE_END + "，,、 \u3000")

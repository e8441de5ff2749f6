"""SK402 (warning): a problem stated with nothing specific — no number, no named unit, no example."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from ...i18n import _
from ...model.speech import Item, ModelPath
from ...model.text import branch_unit_end
from ..finding import Hit
from ..model_walk import item_label, unit_index
from ..outline import Mark, Outline, analyze
from ..text import Doc
from .chars import holds
from .punctuation import pinyin_spans

_PROBLEM_HEADING = "问题"
#: Words that make a heading about problems one about something else (问题的原因, 整改问题的措施).
_NOT_PROBLEMS = ("原因", "要求", "打算", "措施", "建议", "对策", "整改", "解决", "思路", "经验")
_DIGIT = "[0-9０-９]"
#: Numerals, and the measure words that make them a count (三个, 十项, 一名; not 一个, 一月).
_NUMERALS = "两三四五六七八九十百千万"
_COUNTED = "个名次项人户家条件起场天年月元成批所处份篇位"
_COUNTED_AFTER_ONE = "名次项人户家条件起场天年元批所处份篇位"
#: Words that introduce an example at the start of a text or after one of ``_CLAUSE_MARKS``; each ends in 如.
_EXAMPLE_WORDS = ("如", "比如", "例如", "譬如", "诸如")
_CLAUSE_MARKS = "，。；：,;:"
#: A quoted term of two or more characters, or a title in book-title marks.
_QUOTED = "“[^”]{2,}”|《[^》]+》"
_UNIT_WORDS = (
    "村|社区|街道|镇|乡|局|公司|集团|学校|中学|小学|医院|中心|市场|"
    "党委|党组|党工委|企业|委员会|办公室|支部|大队|工厂|园区|合作社|景区"
)
#: Words that make a unit's name generic (本村, 各支部).
_GENERIC = (
    *("部分", "个别", "一些", "有的", "少数", "多数", "全", "各", "本", "该", "基层"),
    *("所有", "相关", "有关", "下级", "上级", "乡镇", "村级", "农村"),
    *("城市", "我", "党", "黨", "在", "的", "和", "与", "等", "到", "对", "个", "些"),
)


@cache
def _unit() -> re.Pattern[str]:
    """A named unit, read in :func:`_letters_and_han`'s copy of a text: up to four letters or Han
    characters (the copy's non-spaces) before a unit word. A class of the 20,992 Han characters
    cost ``re`` 1.5 ms to build."""
    return re.compile(f"([^ ]{{1,4}})({_UNIT_WORDS})")


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a warning for each item of a problem section that names nothing specific."""
    if not doc.structural:
        return
    if doc.speech is not None:
        yield from model_hits(doc)
        return
    outline = analyze(doc)
    for start, heading in enumerate(outline.marks):
        if heading.inline:
            continue
        text = doc.simple(heading.unit)
        if text.find(_PROBLEM_HEADING, heading.end) < 0 or holds(text, _NOT_PROBLEMS, heading.end):
            continue
        for item, body in _items(doc, outline, start):
            if not is_specific(body):
                yield Hit(
                    item.unit,
                    item.start,
                    item.end,
                    "SK402",
                    _("problem {text}… names no number, unit or example").format(text=item.text),
                )


def model_hits(doc: Doc) -> Iterator[Hit]:
    """Yield a warning for each item under a problem heading of the model that names nothing specific."""
    speech = doc.speech
    assert speech is not None
    where = unit_index(doc)
    for index, section in enumerate(speech.sections):
        base: ModelPath = ("sections", index)
        tail = _section_tail(doc, index)
        yield from _problems(doc, where, base, section.items, section.enumeration.style, 1, tail)


def _section_tail(doc: Doc, index: int) -> list[int]:
    """Return the units read after a section's last item before the next heading: its closing, and the
    sections without a title that continue it (as a reader of the page reads them)."""
    assert doc.speech is not None
    sections = doc.speech.sections
    last = index + 1
    while last < len(sections) and not sections[last].title:
        last += 1
    out = []
    for unit, path in enumerate(doc.paths):
        if path[0] != "sections" or not index <= int(path[1]) < last:
            continue
        if int(path[1]) > index or path[2] == "closing":
            if (int(path[1]) > index and path[2] == "items") or _is_branch_line(doc.simple(unit)):
                break  # a later section's items (小关社区：…) are their own problems, not the last common one's
            out.append(unit)
    return out


def _problems(
    doc: Doc,
    where: dict[ModelPath, int],
    parent: ModelPath,
    items: tuple[Item, ...],
    style: str,
    level: int,
    tail: list[int] | None = None,
) -> Iterator[Hit]:
    """Yield warnings for ``items`` when the title at ``parent`` names problems, then look deeper."""
    assert doc.speech is not None
    heading = where.get((*parent, "title"))
    text = doc.simple(heading) if heading is not None else ""
    problems = _PROBLEM_HEADING in text and not holds(text, _NOT_PROBLEMS)
    child_level = level + 1 if style == "heading" else level
    for number, item in enumerate(items):
        path = (*parent, "items", number)
        if problems:
            covered = _subtree(doc, where, path)
            read = covered + (tail or []) if number == len(items) - 1 else covered
            if covered and not is_specific("\n".join(doc.simple(i) for i in read)):
                label = item_label(doc.speech, style, number + 1, len(items), level)
                yield Hit(
                    covered[0],
                    0,
                    1,
                    "SK402",
                    _("problem {label}… names no number, unit or example").format(label=label),
                )
        yield from _problems(doc, where, path, item.items, item.enumeration.style, child_level)


def _subtree(doc: Doc, where: dict[ModelPath, int], path: ModelPath) -> list[int]:
    """Return the units of the item at ``path`` and its descendants (they follow each other)."""
    first = next((where[p] for p in ((*path, "title"), (*path, "paragraphs", 0)) if p in where), None)
    if first is None:
        return []
    out = []
    for index in range(first, len(doc.paths)):
        if doc.paths[index][: len(path)] != path:
            break
        out.append(index)
    return out


def _is_branch_line(text: str) -> bool:
    """Return whether ``text`` is a branch line (``小关社区：…``), pinyin left by a conversion (``社區(qū):``) aside."""
    for start, end in reversed(pinyin_spans(text)):
        text = text[:start] + text[end:]
    return branch_unit_end(text) is not None


def is_specific(text: str) -> bool:
    """Return whether a problem's text holds a number, a named unit, a quoted name or an example."""
    if _has_number(text) or _gives_example(text) or re.compile(_QUOTED).search(text):
        return True
    return any(not holds(m.group(1)[-2:], _GENERIC) for m in _unit().finditer(_letters_and_han(text)))


def _has_number(text: str) -> bool:
    """Return whether ``text`` holds a digit or a numeral counting something (三个, 十项, 一名)."""
    if re.compile(_DIGIT).search(text):
        return True
    return any(
        after in (_COUNTED_AFTER_ONE if numeral == "一" else _COUNTED)
        for numeral, after in pairwise(text)
        if numeral == "一" or numeral in _NUMERALS
    )


def _gives_example(text: str) -> bool:
    """Return whether one of ``_EXAMPLE_WORDS`` starts ``text`` or follows one of ``_CLAUSE_MARKS``."""
    at = text.find("如")
    while at >= 0:
        for word in _EXAMPLE_WORDS:
            start = at + 1 - len(word)
            if start >= 0 and text.startswith(word, start) and (start == 0 or text[start - 1] in _CLAUSE_MARKS):
                return True
        at = text.find("如", at + 1)
    return False


def _letters_and_han(text: str) -> str:
    """Return ``text`` with each character but an ASCII letter or a Han character (U+4E00–U+9FFF) made a
    space: the same length, so that :func:`_unit` finds there what a class of those characters finds."""
    return "".join(c if "\u4e00" <= c <= "\u9fff" or (c.isascii() and c.isalpha()) else " " for c in text)


def _items(doc: Doc, outline: Outline, start: int) -> Iterator[tuple[Mark, str]]:
    """Yield the direct children of the heading at ``start`` and the (Simplified) text each covers."""
    marks = outline.marks
    heading = marks[start]
    children: list[int] = []
    end = len(marks)
    for position in range(start + 1, len(marks)):
        mark = marks[position]
        if mark.depth <= heading.depth or outline.reset_between(marks[position - 1].unit, mark.unit):
            end = position
            break
        if mark.depth == heading.depth + 1:
            children.append(position)
    for n, position in enumerate(children):
        item = marks[position]
        stop = marks[children[n + 1]] if n + 1 < len(children) else (marks[end] if end < len(marks) else None)
        yield item, _span_text(doc, outline, item, stop)


def _span_text(doc: Doc, outline: Outline, first: Mark, stop: Mark | None) -> str:
    units = sorted(outline.order, key=outline.order.__getitem__)
    begin = outline.order[first.unit]
    parts: list[str] = []
    for index in units[begin:]:
        text = doc.simple(index)
        lo = first.end if index == first.unit else 0
        if stop is not None and index == stop.unit:
            parts.append(text[lo : stop.start])
            break
        if index != first.unit and _is_branch_line(text):
            break  # a branch line (小关社区：…) ends the common problems
        parts.append(text[lo:])
    return "\n".join(parts)

"""Find enumeration labels in free text (paragraph starts and inline 一是…二是…) and nest them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..i18n import _
from ..model.notice_parts import is_salutation_line
from ..model.numbering import LabelMatch, circled, cn, find_labels, label_at, parse_label
from ..model.script import to_simplified
from .finding import Hit
from .text import Doc

_TOC = re.compile(r"^\s*(目\s*录|目\s*錄|提\s*纲|提\s*綱)")
_ANNEX = re.compile(r"^\s*附\s*件")


def _opens_anew(stripped: str) -> bool:
    """Return whether a line is a salutation (同志们：, the reader's and SK401's test): numbering starts afresh."""
    return is_salutation_line(to_simplified(stripped))


class Mark(NamedTuple):
    """An enumeration label: where it is, its family, number and variant, and its nesting depth."""

    unit: int
    start: int
    end: int
    family: str
    number: int
    variant: str
    inline: bool
    text: str
    depth: int = 0

    @property
    def key(self) -> str:
        """Return the family, prefixed for labels that run on inside a paragraph."""
        return ("inline:" if self.inline else "") + self.family


@dataclass
class Outline:
    """The labels of a document in reading order, the units where numbering starts afresh, and faults."""

    marks: list[Mark] = field(default_factory=list)
    resets: set[int] = field(default_factory=set)
    hits: list[Hit] = field(default_factory=list)
    order: dict[int, int] = field(default_factory=dict)

    def reset_between(self, first: int, second: int) -> bool:
        """Return whether numbering starts afresh after unit ``first`` and at or before unit ``second``."""
        low, high = self.order.get(first, 0), self.order.get(second, 0)
        return any(low < self.order.get(r, -1) <= high for r in self.resets)


def label_text(family: str, number: int, variant: str) -> str:
    """Write the label of ``number`` in ``family`` (and variant) for messages."""
    if family in ("（一）", "（1）"):
        inner = cn(number) if family == "（一）" else str(number)
        return f"{variant[:1] or '（'}{inner}{variant[1:] or '）'}"
    if family == "1.":
        return f"{number}{variant or '.'}"
    if family == "①":
        return circled(number) if 1 <= number <= 50 else str(number)
    if family == "第一":
        return f"第{cn(number)}{variant}"
    suffix = {"一、": variant or "、", "一是": "是", "一要": "要"}.get(family, "")
    return cn(number) + suffix


def find_marks(doc: Doc) -> tuple[list[Mark], set[int]]:
    """Return every label at a paragraph start or run on after a sentence, and the reset units."""
    marks: list[Mark] = []
    resets: set[int] = set()
    units = doc.structure()
    first_text = doc.units[units[0]].text.strip() if units else ""
    in_toc = False
    for position, index in enumerate(units):
        unit = doc.units[index]
        text = unit.text
        stripped = text.strip()
        toc = bool(_TOC.match(text)) or unit.role == "toc_title"
        if (
            toc
            or _ANNEX.match(text)
            or (position and stripped == first_text)
            or (_opens_anew(stripped) and not parse_label(text))
        ):
            resets.add(index)
            in_toc = toc
            continue
        if in_toc or unit.role == "toc":
            continue  # an outline (目录/提纲) repeats the headings; the body is checked
        label = parse_label(text)
        offset = len(text) - len(text.lstrip(" \u3000\t"))
        body_from = 0
        if label:
            end = offset + len(label.text)
            variant = _variant(label.family, label.text)
            marks.append(Mark(index, offset, end, label.family, label.number, variant, False, label.text))
            body_from = end
        opened = next((style for style, family in _RUNIN_FAMILIES.items() if label and label.family == family), None)
        for found in _inline_runins(text, body_from, opened):
            variant = found.text[-1] if found.style == "diyi" else ""
            family = _RUNIN_FAMILIES[found.style]
            marks.append(Mark(index, found.start, found.end, family, found.ordinal, variant, True, found.text))
    return marks, resets


#: Run-in styles of the numbering grammar and the label families the outline nests by.
_RUNIN_FAMILIES = {"yishi": "一是", "yiyao": "一要", "diyi": "第一"}
#: What may stand before a run-in marker inside a paragraph: a sentence or clause end.
_AFTER = "。；;！？!?：:"
#: What may also stand before a later marker of a list already open in the paragraph.
_AFTER_IN_LIST = "，,"


def _inline_runins(text: str, start: int, opened: str | None = None) -> list[LabelMatch]:
    """Return the run-in markers (一是, 二要, 第三，) the numbering grammar reads after a sentence end.

    Once a list of one style is open in the paragraph (after a sentence end, or the label ``opened`` that
    starts the paragraph), its later markers may follow a comma as well: ``一是加强领导，二是抓好落实``.
    """
    out = []
    open_styles = {opened} if opened else set()
    labels = find_labels(text)
    if opened or any(label.kind == "runin" for label in labels):
        labels = _with_comma_runins(text, labels)  # a marker after a comma counts only in an open list
    for found in labels:
        if found.kind != "runin" or found.style not in _RUNIN_FAMILIES or found.start < max(start, 1):
            continue
        back = found.start - 1
        while back >= 0 and text[back] in " \u3000":
            back -= 1
        if back < 0:
            continue
        after_comma = text[back] in _AFTER_IN_LIST and found.style in open_styles and found.ordinal > 1
        if text[back] in _AFTER or after_comma:
            out.append(found)
            open_styles.add(found.style)
    return out


def _with_comma_runins(text: str, labels: list[LabelMatch]) -> list[LabelMatch]:
    """Return ``labels`` and the run-in markers the grammar reads right after a comma, in text order."""
    taken = {label.start for label in labels}
    extra = []
    for mark in _AFTER_IN_LIST:
        at = text.find(mark)
        while at != -1:
            found = label_at(text, at + 1)
            if found is not None and found.kind == "runin" and found.start not in taken:
                extra.append(found)
            at = text.find(mark, at + 1)
    return sorted([*labels, *extra], key=lambda label: label.start) if extra else labels


def _variant(family: str, text: str) -> str:
    if family in ("（一）", "（1）"):
        return text[0] + text[-1]
    if family in ("1.", "一、", "第一"):
        return text[-1]
    return ""


@dataclass
class _Level:
    key: str
    family: str
    last: int
    variant: str
    unit: int
    label: str


def analyze(doc: Doc) -> Outline:
    """Nest the labels by family (a new family opens a level, a known one closes deeper levels); once per Doc."""
    found: Outline | None = doc.memo.get("outline")
    if found is None:
        found = doc.memo["outline"] = _analyze(doc)
    return found


def _analyze(doc: Doc) -> Outline:
    marks, resets = find_marks(doc)
    order = {index: position for position, index in enumerate(doc.structure())}
    outline = Outline(resets=resets, order=order)
    stack: list[_Level] = []
    previous: int | None = None
    for mark in marks:
        if previous is not None and outline.reset_between(previous, mark.unit):
            stack.clear()
        previous = mark.unit
        found = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].key == mark.key), None)
        if found is None and mark.inline:
            found = _continued(stack, mark)
        if found is None:
            if not mark.inline:
                while stack and stack[-1].key.startswith("inline:"):
                    stack.pop()
            if mark.number != 1:
                missing = label_text(mark.family, 1, mark.variant)
                _report(
                    outline,
                    mark,
                    _("{text} starts a list; {missing} is missing").format(text=mark.text, missing=missing),
                )
            stack.append(_Level(mark.key, mark.family, mark.number, mark.variant, mark.unit, mark.text))
            outline.marks.append(_with_depth(mark, len(stack) - 1))
            continue
        del stack[found + 1 :]
        level = stack[found]
        message = _sequence_fault(doc, order, level, mark)
        if message == "new list":
            stack[found] = _Level(mark.key, mark.family, mark.number, mark.variant, mark.unit, mark.text)
        else:
            if message:
                _report(outline, mark, message)
            elif mark.variant != level.variant:
                _report(
                    outline,
                    mark,
                    _("{text} mixes numbering schemes at one level (earlier {label})").format(
                        text=mark.text, label=level.label
                    ),
                )
            level.last, level.unit, level.label = max(level.last, mark.number), mark.unit, mark.text
        outline.marks.append(_with_depth(mark, found))
    return outline


def _continued(stack: list[_Level], mark: Mark) -> int | None:
    """Return the level an inline 二是 (or a skipping 三是) continues: the 一是 that opens its own paragraph."""
    for position in range(len(stack) - 1, -1, -1):
        level = stack[position]
        if level.key == mark.family and level.unit == mark.unit and mark.number > 1:
            return position
    return None


def _sequence_fault(doc: Doc, order: dict[int, int], level: _Level, mark: Mark) -> str:
    """Return what is wrong with ``mark`` following ``level``'s last label, ``new list`` or ``""``."""
    if mark.number == level.last + 1:
        return ""
    if mark.number == 1:
        if mark.inline and mark.unit != level.unit:
            return "new list"
        between = [i for i, p in order.items() if order[level.unit] < p < order[mark.unit]]
        if any(doc.units[i].text.rstrip().endswith(("：", ":")) for i in between):
            return "new list"
        return _("{text} restarts the list after {label}").format(text=mark.text, label=level.label)
    if mark.number == level.last:
        return _("{text} repeats {label}").format(text=mark.text, label=level.label)
    if mark.number < level.last:
        return _("{text} comes after {label}").format(text=mark.text, label=level.label)
    missing = "、".join(label_text(mark.family, n, mark.variant) for n in range(level.last + 1, mark.number))
    return _("{text} follows {label}; {missing} is missing").format(text=mark.text, label=level.label, missing=missing)


def _with_depth(mark: Mark, depth: int) -> Mark:
    return Mark(mark.unit, mark.start, mark.end, mark.family, mark.number, mark.variant, mark.inline, mark.text, depth)


def _report(outline: Outline, mark: Mark, message: str) -> None:
    """Add an SK103 hit; 首先/其次/再次/最后 nest lists but are never judged (最后 may follow 其次)."""
    if mark.family != "首先":
        outline.hits.append(Hit(mark.unit, mark.start, mark.end, "SK103", message))

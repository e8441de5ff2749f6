"""SK102 counting phrases that disagree with what follows, SK103 enumerations that skip or restart."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ...model.numbering import find_labels, parse_cn
from ...model.speech import Item, ModelPath, Speech
from ..finding import Hit
from ..model_walk import item_label, lists, remap, text_outlines, unit_index
from ..outline import Mark, Outline, analyze
from ..text import Doc
from .attachments import note_units

_COUNT = (
    "(?<![第\\d一二两三四五六七八九十几])(?P<num>[一二两三四五六七八九十]{1,3}|\\d{1,2})"
    "(?P<unit>个方面|方面|点|条|项|个问题|个要求|个重点|个环节|个特点|件事|句话)"
    "(?![钟\\d一二三四五六七八九十])"
)
#: What may follow a counting phrase before its items: the rest of one short clause, that is up to 30
#: characters but ``_CLAUSE_BREAKS``, one of ``_CLAUSE_ENDS``, then only white space and quotes.
_CLAUSE_BREAKS = "。！？!?，,；;"
_CLAUSE_ENDS = "。：:！？!?；;"
_QUOTES = '“”"'
_REST_MAX = 30


def _counting_phrases(simple: str) -> Iterator[re.Match[str]]:
    """Yield the counting phrases (``六个方面``) of a text in Simplified script."""
    yield from re.compile(_COUNT).finditer(simple)


def _rest_of_sentence(text: str) -> bool:
    """Return whether ``text`` is at most the rest of one short clause (see ``_CLAUSE_BREAKS``)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _QUOTES):
        end -= 1
    if end and text[end - 1] in _CLAUSE_ENDS:
        end -= 1  # the clause's own end: taking it leaves the fewest characters to the clause
    return end <= _REST_MAX and not any(mark in text[:end] for mark in _CLAUSE_BREAKS)


def check(doc: Doc) -> Iterator[Hit]:
    """Yield SK103 hits for enumeration faults and SK102 hits for counting phrases."""
    if not doc.structural:
        return
    if doc.speech is not None:
        yield from model_hits(doc)
        return
    outline = analyze(doc)
    annex = note_units(doc)  # 附件：1.… / 2.… is a list of attachments (SK107), not an enumeration
    judge = _Judge(doc, outline)
    yield from (hit for hit in outline.hits if hit.unit not in annex and not judge.cannot_tell(hit))
    yield from counting_hits(doc, outline)


#: Where a heading label may run on after a sentence (a cheap first look before the label grammar).
_MIDLINE_CANDIDATE = r"[。！？；!?;]\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"


@cache
def _midline_candidate() -> re.Pattern[str]:
    return re.compile(_MIDLINE_CANDIDATE)


def _midline_heading(text: str) -> bool:
    """Return whether a heading label runs on inside ``text`` (read with ``numbering.find_labels``)."""
    for tried, match in enumerate(_midline_candidate().finditer(text)):
        if tried == 5:
            return False
        window = text[match.start() : match.end() + 40]
        if any(label.kind == "heading" and label.start > 0 for label in find_labels(window)):
            return True
    return False


class _Judge:
    """Decide which SK103 hits on run-in labels cannot be judged (lookups built once: long lines stay linear)."""

    def __init__(self, doc: Doc, outline: Outline) -> None:
        self.doc = doc
        self.marks = {(m.unit, m.start): m for m in outline.marks}
        self.first: dict[int, Mark] = {}
        for mark in outline.marks:
            if not mark.inline:
                self.first.setdefault(mark.unit, mark)
        self.midline: dict[int, bool] = {}

    def cannot_tell(self, hit: Hit) -> bool:
        """Return whether the hit's paragraph holds mid-line headings, or starts with the label before it
        (``一是…。二是…`` in one paragraph)."""
        mark = self.marks.get((hit.unit, hit.start))
        if mark is None or not mark.inline:
            return False
        if hit.unit not in self.midline:
            # A heading label run on inside the paragraph (``…。二、存在问题。``, read with the readers'
            # label grammar): the paragraph is a whole document on one line, whose levels the outline misses.
            self.midline[hit.unit] = _midline_heading(self.doc.units[hit.unit].text)
        if self.midline[hit.unit]:
            return True
        first = self.first.get(hit.unit)
        return first is not None and first.family == mark.family and first.number == mark.number - 1


def model_hits(doc: Doc) -> Iterator[Hit]:
    """Yield the hits of a document model: lists typed into its texts, and phrases before its own lists."""
    for sub, indexes, outline in text_outlines(doc):
        for hit in (*outline.hits, *counting_hits(sub, outline)):
            yield remap(hit, indexes)
    assert doc.speech is not None
    where = unit_index(doc)
    for found in lists(doc.speech):
        index = where.get(found.before)
        if index is not None:
            yield from _announced(doc, index, found.labels)
    yield from _restarts_after_untitled(doc)


def _restarts_after_untitled(doc: Doc) -> Iterator[Hit]:
    """Yield SK103 where a section without a title starts a run-in list that reads as restarting one above.

    A section with no title prints no heading, so its ``一是`` follows the ``三是`` of the section before
    on the page as if one list restarted; this is what ``check`` reports on the built Markdown or DOCX.
    """
    assert doc.speech is not None
    last: dict[str, str] = {}  # run-in style → the last label printed since the last heading
    for index, section in enumerate(doc.speech.sections):
        if section.title:
            last.clear()
        items, style = section.items, section.enumeration.style
        if not section.title and items and style in last:
            unit = _first_unit(doc, ("sections", index, "items", 0))
            if unit is not None:
                first = item_label(doc.speech, style, 1, len(items), 1)
                yield Hit(
                    unit,
                    0,
                    0,
                    "SK103",
                    _("{first} restarts the list after {last}: the section has no title to end the list above").format(
                        first=first, last=last[style]
                    ),
                )
        _note_lists(doc.speech, items, style, 1, last)


def _note_lists(speech: Speech, items: tuple[Item, ...], style: str, level: int, last: dict[str, str]) -> None:
    """Record in ``last`` the run-in labels ``items`` print, in reading order; a heading clears it."""
    for item in items:
        if style == "heading":
            last.clear()
        _note_lists(speech, item.items, item.enumeration.style, level + 1 if style == "heading" else level, last)
    if items and style not in ("heading", "none"):
        last[style] = item_label(speech, style, len(items), len(items), level)


def _first_unit(doc: Doc, prefix: ModelPath) -> int | None:
    """Return the first unit whose model path lies under ``prefix``."""
    for index, path in enumerate(doc.paths):
        if path[: len(prefix)] == prefix:
            return index
    return None


def _announced(doc: Doc, index: int, labels: tuple[str, ...]) -> Iterator[Hit]:
    """Yield SK102 when the phrase that ends unit ``index`` announces another number than ``labels`` hold."""
    simple = doc.simple(index)
    for match in _counting_phrases(simple):
        announced = _number(match.group("num"))
        if announced is None or announced < 2 or _quoted(simple, match.start()):
            continue
        if not _rest_of_sentence(simple[match.end() :]) or announced == len(labels):
            continue
        phrase = doc.units[index].text[match.start() : match.end()]
        listed = f"{labels[0]}…{labels[-1]}" if len(labels) > 1 else labels[0]
        yield Hit(
            index,
            match.start(),
            match.end(),
            "SK102",
            _("{phrase!r} announces {announced} but {n_labels} follow ({listed})").format(
                phrase=phrase, announced=announced, n_labels=len(labels), listed=listed
            ),
        )


def counting_hits(doc: Doc, outline: Outline) -> Iterator[Hit]:
    """Yield SK102 for ``主要表现在六个方面：`` followed by another number of items."""
    units = doc.structure()
    following = {index: units[position + 1] for position, index in enumerate(units[:-1])}
    for index in units:
        simple = doc.simple(index)
        for match in _counting_phrases(simple):
            announced = _number(match.group("num"))
            if announced is None or announced < 2 or _quoted(simple, match.start()):
                continue
            first = _first_item(doc, outline, index, match.end(), following.get(index))
            if first is None:
                continue
            items = _siblings(outline, first)
            if len(items) != announced:
                phrase = doc.units[index].text[match.start() : match.end()]
                listed = f"{items[0].text}…{items[-1].text}" if len(items) > 1 else items[0].text
                yield Hit(
                    index,
                    match.start(),
                    match.end(),
                    "SK102",
                    _("{phrase!r} announces {announced} but {n_items} follow ({listed})").format(
                        phrase=phrase, announced=announced, n_items=len(items), listed=listed
                    ),
                )


def _quoted(text: str, offset: int) -> bool:
    """Return whether ``offset`` lies inside “…” (a name such as “两点两线”, not a count)."""
    before = text[:offset]
    return before.count("“") > before.count("”") or before.count("「") > before.count("」")


def _number(text: str) -> int | None:
    try:
        return int(text) if text.isdigit() else parse_cn(text)
    except ValueError:
        return None


def _first_item(doc: Doc, outline: Outline, index: int, end: int, next_index: int | None) -> Mark | None:
    """Return the label numbered 1 that directly follows the phrase, in its sentence or the next paragraph."""
    text = doc.units[index].text
    inline = [m for m in outline.marks if m.unit == index and m.start >= end]
    if inline:
        mark = inline[0]
        if _rest_of_sentence(text[end : mark.start]) and mark.number == 1:
            return mark
        return None
    if next_index is None or next_index in outline.resets or not _rest_of_sentence(text[end:]):
        return None
    head = doc.units[next_index].text
    starts = [m for m in outline.marks if m.unit == next_index and not head[: m.start].strip()]
    if starts and starts[0].number == 1 and starts[0].family != "首先":
        return starts[0]
    return None


def _siblings(outline: Outline, first: Mark) -> list[Mark]:
    """Return ``first`` and the labels of its list that follow it at the same depth."""
    items = [first]
    after = outline.marks[outline.marks.index(first) + 1 :]
    for mark in after:
        if outline.reset_between(items[-1].unit, mark.unit) or mark.depth < first.depth:
            break
        if mark.depth == first.depth and mark.family == first.family:
            if mark.number == 1:
                break
            items.append(mark)
        elif mark.depth == first.depth:
            break
    return items

"""Structural checks of a document model: lists are the model's items, labels are computed.

A built (or read) Speech needs no label parsing to know its lists: a section's items are its list,
and their number is what a counting phrase before them must announce. Labels the layout computes are
never seen here, so only what the texts themselves hold (a list typed into one paragraph) is parsed,
one paragraph list at a time. Every function is one pass over the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..model.numbering import heading_label, runin_marker
from ..model.speech import Item, ModelPath, Section, Speech
from .finding import Hit
from .outline import Outline, analyze
from .text import Doc


class ModelList(NamedTuple):
    """A list of the model and the text just before it: its items' labels, as the layout writes them."""

    before: ModelPath
    labels: tuple[str, ...]


def unit_index(doc: Doc) -> dict[ModelPath, int]:
    """Return the unit of each model path."""
    return {path: index for index, path in enumerate(doc.paths)}


def containers(doc: Doc) -> Iterator[tuple[Doc, list[int]]]:
    """Yield, for each run of texts of one part (a lead, an item's paragraphs, a title), a Doc of them.

    The second value maps the units of that Doc back to the units of ``doc``.
    """
    groups: dict[ModelPath, list[int]] = {}
    for index, path in enumerate(doc.paths):
        if doc.units[index].role == "cell":
            continue
        key = _container(path)
        groups.setdefault(key, []).append(index)
    for indexes in groups.values():
        sub = Doc(doc.path, [doc.units[i] for i in indexes], kind=doc.kind)
        yield sub, indexes


def _container(path: ModelPath) -> ModelPath:
    """Return the run of texts a text belongs to: its paragraph list, or the titles of its siblings."""
    if path[0] == "meta":
        return path
    if path[-1] == "title":
        return (*path[:-2], "title")  # the titles of one list read as one sequence (一是… 三是… typed in)
    return path[:-1] if isinstance(path[-1], int) else path


def lists(speech: Speech) -> Iterator[ModelList]:
    """Yield each enumerated list of the model with the text it follows (a lead, a title, a paragraph)."""
    numbered = [s for s in speech.sections if s.has_number]
    if numbered and speech.opening and isinstance(speech.opening[-1], str):
        labels = tuple(heading_label(n, 1, speech.scheme) for n in range(1, len(numbered) + 1))
        yield ModelList(("opening", len(speech.opening) - 1), labels)
    for index, section in enumerate(speech.sections):
        base: ModelPath = ("sections", index)
        before = _section_before(section, base)
        style = section.enumeration.style
        yield from _item_lists(speech, section.items, style, 1, before, (*base, "items"))


def _section_before(section: Section, base: ModelPath) -> ModelPath | None:
    if section.lead:
        last = section.lead[-1]
        return (*base, "lead", len(section.lead) - 1) if isinstance(last, str) else None
    return (*base, "title") if section.title else None


def _item_lists(
    speech: Speech, items: tuple[Item, ...], style: str, level: int, before: ModelPath | None, base: ModelPath
) -> Iterator[ModelList]:
    """Yield the list ``items`` (after ``before``) and, depth first, the lists nested in it."""
    if items and before is not None and style != "none":
        yield ModelList(
            before, tuple(item_label(speech, style, n, len(items), level) for n in range(1, len(items) + 1))
        )
    child_level = level + 1 if style == "heading" else level
    for number, item in enumerate(items):
        path = (*base, number)
        if item.paragraphs:
            last: ModelPath | None = (*path, "paragraphs", len(item.paragraphs) - 1)
        else:
            last = (*path, "title") if item.title else None
        yield from _item_lists(speech, item.items, item.enumeration.style, child_level, last, (*path, "items"))


def item_label(speech: Speech, style: str, position: int, count: int, level: int) -> str:
    """Return the label the layout gives item ``position`` of ``count`` in a list under heading ``level``."""
    try:
        if style == "heading":
            return heading_label(position, level + 1, speech.scheme)
        return runin_marker(style, position, count).rstrip("，,") or str(position)
    except ValueError:
        return str(position)


def text_outlines(doc: Doc) -> Iterator[tuple[Doc, list[int], Outline]]:
    """Yield each run of texts with the outline of the labels its own texts hold."""
    for sub, indexes in containers(doc):
        yield sub, indexes, analyze(sub)


def remap(hit: Hit, indexes: list[int]) -> Hit:
    """Return a hit of a container's Doc as a hit of the whole Doc."""
    return Hit(indexes[hit.unit], hit.start, hit.end, hit.code, hit.message, hit.replacement)

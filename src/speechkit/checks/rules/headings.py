"""SK106: the heading hierarchy (GB/T 9704 §7.3.3: 一、 → （一） → 1. → （1））— a level skipped, or
levels in the wrong order. Only labels that start a paragraph are headings here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ...i18n import _
from ...model.numbering import parse_label
from ..finding import Hit
from ..text import Doc
from .attachments import note_units

#: Depth of each heading family in GB/T 9704; run-in markers (一是, 第一，, ①) are not headings.
RANKS = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4}
_EXAMPLE = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


class Heading(NamedTuple):
    """A paragraph-start label: where it is, its depth and number."""

    unit: int
    end: int
    rank: int
    number: int
    text: str


def headings(doc: Doc) -> list[Heading]:
    """Return the paragraph-start heading labels in reading order (outlines and attachment notes left out)."""
    skip = note_units(doc)
    found = []
    for index in doc.structure():
        unit = doc.units[index]
        if index in skip or unit.role in ("toc", "cell"):
            continue
        label = parse_label(unit.text)
        if label is None or label.family not in RANKS:
            continue
        offset = len(unit.text) - len(unit.text.lstrip(" \u3000\t"))
        found.append(Heading(index, offset + len(label.text), RANKS[label.family], label.number, label.text))
    return found


def check(doc: Doc) -> Iterator[Hit]:
    """Yield one hit per kind of skipped level (saying how often it recurs) and one per inverted level."""
    if not doc.structural:
        return
    found = headings(doc)
    stack: list[Heading] = []
    skips: dict[tuple[int, int], list[tuple[Heading, Heading]]] = {}
    seen_parents: set[int] = set()
    for position, heading in enumerate(found):
        if stack and heading.number == 1 and all(h.rank > heading.rank for h in stack):
            outer = stack[0]
            if any(h.rank == outer.rank and h.number == outer.number + 1 for h in found[position + 1 :]):
                yield _hit(
                    heading,
                    _("{text} opens a level inside {text2}: levels in the wrong order").format(
                        text=heading.text, text2=outer.text
                    ),
                )
        while stack and stack[-1].rank >= heading.rank:
            stack.pop()
        if stack and heading.rank > stack[-1].rank + 1 and id(stack[-1]) not in seen_parents:
            seen_parents.add(id(stack[-1]))
            skips.setdefault((stack[-1].rank, heading.rank), []).append((heading, stack[-1]))
        stack.append(heading)
    for (parent_rank, rank), cases in skips.items():
        heading, parent = cases[0]
        missing = "、".join(_EXAMPLE[r] for r in range(parent_rank + 1, rank))
        again = _("; {n_cases} times in this document").format(n_cases=len(cases)) if len(cases) > 1 else ""
        yield _hit(
            heading,
            _("{text} follows {text2} directly: the {missing} level is skipped{again}").format(
                text=heading.text, text2=parent.text, missing=missing, again=again
            ),
        )


def _hit(heading: Heading, message: str) -> Hit:
    order = " → ".join(_EXAMPLE[r] for r in sorted(_EXAMPLE))
    return Hit(heading.unit, heading.end - len(heading.text), heading.end, "SK106", f"{message} ({order})")

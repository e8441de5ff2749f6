"""The headings and run-in items of a Speech, as the field bench counts them (for the reader tests)."""

from __future__ import annotations

from speechkit.model.speech import Item, Speech


def headings(speech: Speech) -> list[tuple[int, str]]:
    """Section titles at level 1 and titled heading-style items below, as the field bench counts them."""
    found: list[tuple[int, str]] = []

    def walk(items: tuple[Item, ...], style: str, level: int) -> None:
        for item in items:
            if style == "heading" and item.title:
                found.append((level, item.title))
            walk(item.items, item.enumeration.style, level + 1)

    for section in speech.sections:
        if section.title:
            found.append((1, section.title))
        walk(section.items, section.enumeration.style, 2)
    return found


def runin(speech: Speech) -> list[tuple[str, str]]:
    """(style, title) of every run-in item of the sections."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[str, tuple[Item, ...]]] = [(s.enumeration.style, s.items) for s in speech.sections]
    while stack:
        style, items = stack.pop(0)
        out += [(style, item.title) for item in items if style != "heading"]
        stack += [(item.enumeration.style, item.items) for item in items]
    return out

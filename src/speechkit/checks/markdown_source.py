"""Read Markdown into a Doc: markup stripped with markdown-it-py, every character mapped to its source."""

from __future__ import annotations

from typing import Any

from .sources import split_lines
from .text import Doc, DocTable, Unit

_BLOCKS = {"paragraph_open": "body", "heading_open": "heading", "th_open": "cell", "td_open": "cell"}


class _Source:
    """Source characters of a line range, with a cursor for in-order matching."""

    def __init__(self, lines: list[str], first: int, last: int) -> None:
        self.chars = [
            (ch, (n + 1, c + 1)) for n in range(first, min(last, len(lines))) for c, ch in enumerate(lines[n] + "\n")
        ]
        self.cursor = 0

    def find(self, char: str) -> tuple[int, int]:
        """Return the position of the next ``char`` at or after the cursor (the cursor's if absent)."""
        for index in range(self.cursor, len(self.chars)):
            if self.chars[index][0] == char:
                self.cursor = index + 1
                return self.chars[index][1]
        if self.chars:
            return self.chars[min(self.cursor, len(self.chars) - 1)][1]
        return (1, 1)


def doc_from_markdown(text: str, path: str = "<markdown>") -> Doc:
    """Parse Markdown (CommonMark + tables) into units; ordered-list numbers are kept as labels."""
    from markdown_it import MarkdownIt

    lines = split_lines(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    units: list[Unit] = []
    tables: list[DocTable] = []
    rows: list[list[str]] = []
    pending_label: tuple[str, Any] | None = None
    role = "body"
    table_line = 1
    source: _Source | None = None
    source_map: Any = None
    for token in tokens:
        if token.type == "list_item_open" and token.info:
            pending_label = (token.info + token.markup, token.map)
        elif token.type in _BLOCKS:
            role = _BLOCKS[token.type]
        elif token.type == "table_open" and token.map:
            table_line = token.map[0] + 1
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "table_close":
            if len(rows) >= 2:
                tables.append(DocTable(tuple(rows[0]), tuple(tuple(r) for r in rows[1:]), table_line))
            rows = []
        elif token.type == "inline" and token.map:
            if token.map != source_map:
                source, source_map = _Source(lines, *token.map), token.map
            assert source is not None
            chars, where = _inline(token, source)
            if pending_label is not None:
                label, label_map = pending_label
                start = _Source(lines, *label_map)
                where = [start.find(ch) for ch in label] + where
                chars = label + chars
                pending_label = None
            if role == "cell" and rows:
                rows[-1].append(chars)
            if chars.strip():
                units.append(Unit(chars, where[0][0], where[0][1], tuple(where), role))
    return Doc(path, units, tables)


def _inline(token: Any, source: _Source) -> tuple[str, list[tuple[int, int]]]:
    """Return the plain text of an inline token and the source position of each character."""
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    for child in token.children or ():
        if child.type == "text":
            for ch in child.content:
                chars.append(ch)
                where.append(source.find(ch))
        elif child.type in ("softbreak", "hardbreak"):
            source.find("\n")
    return "".join(chars), where

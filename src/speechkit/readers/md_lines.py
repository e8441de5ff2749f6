"""Markdown as positioned lines: one markdown-it-py pass that both ``import`` and ``check`` read.

Each inline run of text (a heading, a paragraph, a table cell) becomes an :class:`MdLine` with the source
(line, column) of every character, the block it stands in and what the markup says of it (heading depth,
bullet-list depth, the number of the ordered-list item it opens, where a leading bold run ends).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.text import split_lines

#: The block an inline run stands in, by the token that opens it.
_BLOCKS = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "cell", "td_open": "cell"}

Position = tuple[int, int]


@dataclass
class MdLine:
    """One inline run of a Markdown file: its plain text and where each character stands in the source."""

    text: str
    where: list[Position]
    #: ``heading``, ``paragraph`` or ``cell``.
    block: str
    #: The 1-based source line the block starts on.
    line: int
    #: ``#`` count of a heading; 0 otherwise.
    depth: int = 0
    #: How deep in bullet lists the paragraph stands (0: in none).
    bullets: int = 0
    #: The label of the ordered-list item this paragraph opens (``1.``, ``2)``), with its positions.
    label: str = ""
    label_where: list[Position] = field(default_factory=list)
    #: Where a leading bold run ends in ``text`` (-1 if the text opens with none).
    title_end: int = -1


@dataclass
class MdTable:
    """A table of a Markdown file: its rows of cells (the first is the header) and the line it starts on."""

    rows: list[list[MdLine]]
    line: int


MdBlock = MdLine | MdTable


class _Source:
    """Source characters of a line range, with a cursor for in-order matching."""

    def __init__(self, lines: list[str], first: int, last: int) -> None:
        self.chars = [
            (ch, (n + 1, c + 1)) for n in range(first, min(last, len(lines))) for c, ch in enumerate(lines[n] + "\n")
        ]
        self.cursor = 0

    def find(self, char: str) -> Position:
        """Return the position of the next ``char`` at or after the cursor (the cursor's if absent)."""
        for index in range(self.cursor, len(self.chars)):
            if self.chars[index][0] == char:
                self.cursor = index + 1
                return self.chars[index][1]
        if self.chars:
            return self.chars[min(self.cursor, len(self.chars) - 1)][1]
        return (1, 1)


def md_blocks(text: str) -> list[MdBlock]:
    """Parse Markdown (CommonMark + tables) once into positioned lines and tables, in reading order."""
    from markdown_it import MarkdownIt

    lines = split_lines(text)
    blocks: list[MdBlock] = []
    block, depth, bullets = "paragraph", 0, 0
    label: tuple[str, list[Position]] | None = None
    table: MdTable | None = None
    source: _Source | None = None
    source_map: Any = None
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        kind = token.type
        if kind in _BLOCKS:
            block = _BLOCKS[kind]
            depth = int(token.tag[1:]) if kind == "heading_open" else 0
        elif kind == "bullet_list_open":
            bullets += 1
        elif kind == "bullet_list_close":
            bullets -= 1
        elif kind == "list_item_open" and token.info:
            item = _Source(lines, *token.map) if token.map else None
            chars = token.info + token.markup
            label = (chars, [item.find(ch) if item else (1, 1) for ch in chars])
        elif kind == "table_open":
            table = MdTable([], token.map[0] + 1 if token.map else 1)
        elif kind == "tr_open" and table is not None:
            table.rows.append([])
        elif kind == "table_close" and table is not None:
            blocks.append(table)
            table = None
        elif kind == "inline":
            if token.map != source_map or source is None:
                source, source_map = _Source(lines, *token.map) if token.map else _Source([], 0, 0), token.map
            chars, where, title_end = _inline(token, source)
            first = token.map[0] + 1 if token.map else 1
            line = MdLine(chars, where, block, first, depth, bullets, title_end=title_end)
            if label is not None and block != "cell":
                line.label, line.label_where = label
                label = None
            if block == "cell" and table is not None and table.rows:
                table.rows[-1].append(line)
            else:
                blocks.append(line)
    return blocks


def _inline(token: Any, source: _Source) -> tuple[str, list[Position], int]:
    """Return the text of an inline token, the source position of each character, and where a bold lead ends."""
    chars: list[str] = []
    where: list[Position] = []
    title_end = -1
    bold = False
    for child in token.children or ():
        if child.type == "strong_open" and not chars:
            bold = True
        elif child.type == "strong_close" and bold:
            title_end, bold = len(chars), False
        elif child.type in ("text", "code_inline", "html_inline"):
            for ch in child.content:
                chars.append(ch)
                where.append(source.find(ch))
        elif child.type == "hardbreak":
            chars.append("\n")
            where.append(source.find("\n"))
        elif child.type == "softbreak":
            source.find("\n")
    return "".join(chars), where, title_end

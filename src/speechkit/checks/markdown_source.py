"""A Markdown file as check reads it: the readers' positioned lines, one unit per run of text."""

from __future__ import annotations

from ..readers.md_lines import MdBlock, MdLine, MdTable, md_blocks
from .text import Doc, DocTable, Unit

#: The role of a unit by the block its text stands in.
_ROLES = {"paragraph": "body", "heading": "heading", "cell": "cell"}


def doc_from_markdown(text: str, path: str = "<markdown>") -> Doc:
    """Make a Doc of Markdown (CommonMark + tables): ordered-list numbers are kept as labels."""
    return markdown_doc(md_blocks(text), path)


def markdown_doc(blocks: list[MdBlock], path: str) -> Doc:
    """Make the Doc of a Markdown file's positioned lines (the ones ``import`` reads)."""
    units: list[Unit] = []
    tables: list[DocTable] = []
    for block in blocks:
        if isinstance(block, MdTable):
            for row in block.rows:
                units.extend(_unit(cell) for cell in row if cell.text.strip())
            rows = [tuple(cell.text for cell in row) for row in block.rows]
            if len(rows) >= 2:
                tables.append(DocTable(rows[0], tuple(rows[1:]), block.line))
        elif (block.label + block.text).strip():
            units.append(_unit(block))
    return Doc(path, units, tables)


def _unit(line: MdLine) -> Unit:
    """One positioned line as a unit, its list label in front."""
    where = [*line.label_where, *line.where]
    return Unit(line.label + line.text, where[0][0], where[0][1], tuple(where), _ROLES[line.block])

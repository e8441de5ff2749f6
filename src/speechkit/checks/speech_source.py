"""Turn a built Speech into a Doc, and locate a built document's paragraphs in the facts."""

from __future__ import annotations

from typing import Any

from ..layout import Para, TableBlock, layout
from .text import Doc, DocTable, Unit


def doc_from_speech(speech: Any, path: str = "<speech>") -> Doc:
    """Make a Doc of a Speech's laid-out paragraphs; lines are paragraph numbers (1-based)."""
    units: list[Unit] = []
    tables: list[DocTable] = []
    number = 0
    for block in layout(speech):
        if isinstance(block, Para):
            number += 1
            if block.text.strip():
                units.append(Unit(block.text, number, role=block.role, fixable=False))
        elif isinstance(block, TableBlock):
            table = block.table
            line = max(number, 1)
            tables.append(DocTable(table.columns, table.rows, line, table.caption))
            for row in (table.columns, *table.rows):
                units.extend(Unit(cell, line, role="cell", fixable=False) for cell in row if cell.strip())
    return Doc(path, units, tables, kind=getattr(speech.meta, "kind", ""))


def located_units(speech: Any, leaves: list[Unit]) -> list[Unit]:
    """Return the built paragraphs as derived units whose characters point at the facts they came from."""
    ordered = sorted(leaves, key=lambda unit: -len(unit.text))
    out: list[Unit] = []
    for unit in doc_from_speech(speech).units:
        where: list[tuple[int, int] | None] = [None] * len(unit.text)
        for leaf in ordered:
            start = unit.text.find(leaf.text)
            if start >= 0 and all(w is None for w in where[start : start + len(leaf.text)]):
                where[start : start + len(leaf.text)] = [leaf.pos(i) for i in range(len(leaf.text))]
        known = next((w for w in where if w is not None), leaves[0].pos(0) if leaves else (1, 1))
        filled: list[tuple[int, int]] = []
        for w in where:
            known = w or known
            filled.append(known)
        out.append(Unit(unit.text, filled[0][0], filled[0][1], tuple(filled), unit.role, fixable=False, derived=True))
    return out

"""The ``table`` block: ``{table: {columns: […], rows: [[…]], caption: …}}``."""

from __future__ import annotations

from typing import Any

from ..builder.build import SectionContext
from ..i18n import _
from ..model.speech import Block, Table
from ..registry import BlockType

SCHEMA = {
    "type": "object",
    "properties": {
        "caption": {"type": "string"},
        "columns": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "rows": {"type": "array", "items": {"type": "array", "items": {"type": ["string", "number"]}}},
    },
    "required": ["columns", "rows"],
    "additionalProperties": False,
}


def build_table(value: Any, ctx: SectionContext) -> tuple[Block, ...]:
    """Build a table, checking that every row has as many cells as there are columns."""
    columns = tuple(ctx.text(c, "columns", i) for i, c in enumerate(value["columns"]))
    rows = []
    for r, row in enumerate(value["rows"]):
        if len(row) != len(columns):
            raise ctx.error(
                _("row has {n_row} cells but the table has {n_columns} columns").format(
                    n_row=len(row), n_columns=len(columns)
                ),
                "rows",
                r,
            )
        rows.append(tuple(ctx.text(cell, "rows", r, c) for c, cell in enumerate(row)))
    return (Table(columns, tuple(rows), ctx.text(value.get("caption", ""), "caption")),)


TABLE = BlockType("table", "A table with a header row, e.g. 问题清单 (问题、措施、责任人、时限).", SCHEMA, build_table)

"""The ``stats`` block: a statistics group as a table, ``{stats: age}`` or ``{stats: {group: age, …}}``."""

from __future__ import annotations

from typing import Any

from ..builder.build import SectionContext
from ..facts.stat_groups import StatGroup
from ..i18n import _
from ..model.speech import Block, Table
from ..registry import BlockType

SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1, "description": "Name of a group under 'statistics:'."},
        {
            "type": "object",
            "properties": {
                "group": {"type": "string", "minLength": 1},
                "caption": {"type": "string", "description": "Defaults to the group's title."},
                "total_row": {"type": "boolean", "description": "Add a 合计 row (default true)."},
                "columns": {"type": "array", "minItems": 3, "maxItems": 3, "items": {"type": "string"}},
            },
            "required": ["group"],
            "additionalProperties": False,
        },
    ]
}


def build_stats(value: Any, ctx: SectionContext) -> tuple[Block, ...]:
    """Build the table of a statistics group: category, count, share, and a 合计 row."""
    options = {"group": value} if isinstance(value, str) else value
    name = options["group"]
    sub = ("stats",) if isinstance(value, str) else ("stats", "group")
    group = ctx.builder.context.get(name)
    if not isinstance(group, StatGroup):
        known = [k for k, v in ctx.builder.context.items() if isinstance(v, StatGroup)]
        hint = _("; groups: {known}").format(known=", ".join(known)) if known else _("; declare it under 'statistics:'")
        raise ctx.error(_("unknown statistics group {name!r}{hint}").format(name=name, hint=hint), *sub)
    columns = options.get("columns", group.columns)
    word = ctx.builder.word  # the words the table adds itself follow the script of the facts
    columns = tuple(
        ctx.text(c, "stats", "columns", i) if "columns" in options else word(c) for i, c in enumerate(columns)
    )
    caption = ctx.text(options["caption"], "stats", "caption") if "caption" in options else group.title
    total_row = bool(options.get("total_row", True))
    rows = group.rows(total_row)
    listed = len(group.parts)  # the rows after the parts (合计, or 以上合计 and 总数) are the build's own words
    rows = (*rows[:listed], *((word(row[0]), *row[1:]) for row in rows[listed:]))
    return (Table(columns, rows, caption),)


STATS = BlockType("stats", "A statistics group as a table (类别、人数、占比, with a 合计 row).", SCHEMA, build_stats)

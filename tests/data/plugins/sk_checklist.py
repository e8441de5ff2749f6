"""A third-party plugin whose section type reads its own draft lines and dumps itself, and a kind of its own.

The ``checklist`` section holds ☑/☐ lines (``☑ 完成支部换届``): its line reader claims them in a draft, its
dump hook writes them back as ``checks: [{text, done}]``. The ``pledge_letter`` kind (承诺书) is told from a
draft's title by its own pattern, by ``import`` and by ``check`` (SK401) alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from speechkit import DocumentKind, Enumeration, Para, Registry, Run, SectionType
from speechkit.builder.build import SectionContext
from speechkit.builder.layout import LayoutBlock
from speechkit.model.speech import Item, Section
from speechkit.writers.dump import DumpContext

MARKS = {True: "☑", False: "☐"}
NONE = Enumeration("none")
CHECKS = {
    "checks": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"text": {"type": "string", "minLength": 1}, "done": {"type": "boolean"}},
            "required": ["text"],
            "additionalProperties": False,
        },
    }
}


def build_checklist(ctx: SectionContext) -> Section:
    """One item a check: the mark as its title, the check as its text."""
    items = tuple(
        Item(MARKS[bool(check.get("done"))], (ctx.text(check["text"], "checks", index, "text"),), (), NONE)
        for index, check in enumerate(ctx.data["checks"])
    )
    return ctx.section(items=items, enumeration=Enumeration("none"))


def layout_checklist(section: Section) -> Iterator[LayoutBlock]:
    """A body paragraph a check: ``☑ 完成支部换届``."""
    for item in section.items:
        yield Para("body", (Run(f"{item.title} {''.join(item.paragraphs)}"),))


def read_check_line(text: str, role: str) -> Item | None:
    """Claim a draft line that opens with a check mark."""
    mark, _space, rest = text.partition(" ")
    if role or mark not in MARKS.values() or not rest.strip():
        return None
    return Item(mark, (rest.strip(),), (), Enumeration("none"))


def dump_checklist(ctx: DumpContext) -> dict[str, Any]:
    """Write the checks back: their texts, and ``done`` for the ticked ones."""
    data = dict(ctx.data)
    if ctx.section.lead:
        data["lead"] = ctx.blocks(ctx.section.lead, f"{ctx.where}.lead")
    data["checks"] = [
        {"text": ctx.text("".join(item.paragraphs)), **({"done": True} if item.title == MARKS[True] else {})}
        for item in ctx.section.items
    ]
    return data


def setup(registry: Registry) -> None:
    """Register the checklist section type and the pledge letter kind."""
    registry.add_section(
        SectionType(
            "checklist",
            "检查清单: one ☑/☐ line a check.",
            "",
            Enumeration("none"),
            properties=CHECKS,
            required=("checks",),
            build=build_checklist,
            layout=layout_checklist,
            read_line=read_check_line,
            lead_pattern="清单如下",
            dump=dump_checklist,
        )
    )
    registry.add_kind(
        DocumentKind(
            "pledge_letter",
            "承诺书: what a member pledges, signed by the 承诺人.",
            sections=("generic",),
            required_parts={"承诺人": "承诺人"},
            title_pattern="承诺书$",
        )
    )

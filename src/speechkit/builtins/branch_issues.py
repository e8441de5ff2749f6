"""The ``branch_issues`` section: one line per branch, ``xx村：问题一；问题二。``, order kept.

The section owns its presentation: a branch line is a plain :class:`Item` (the unit as title, the
issues as its paragraph), laid out here as a ``branch`` paragraph opening with a ``unit`` run, two
roles this module registers with their DOCX styles (支部问题行, 支部名称).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..builder.build import SectionContext
from ..builder.layout import LayoutBlock, Para, Run
from ..i18n import N_
from ..model.script import to_simplified
from ..model.speech import Enumeration, Item, Section
from ..model.text import branch_unit_end, strip_end
from ..registry import Registry, Role, SectionType
from .derive import common_tags

if TYPE_CHECKING:
    from ..writers.dump import DumpContext

_ISSUE = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ]
}

PROPERTIES = {
    "items": {
        "type": "array",
        "items": {
            "type": "object",
            "description": "A branch (村, 社区, 支部) and its particular issues.",
            "properties": {
                "branch": {"type": "string", "minLength": 1, "description": "Name: xx村, xx社区…"},
                "issues": {
                    "anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "minItems": 1, "items": _ISSUE}]
                },
            },
            "required": ["branch", "issues"],
            "additionalProperties": False,
        },
    },
}


def build_branch_issues(ctx: SectionContext) -> Section:
    """Build one line per branch: the unit name, a colon, its issues joined by semicolons."""
    items = []
    common = common_tags(ctx.builder)
    for index, raw in enumerate(ctx.data.get("items", [])):
        issues = raw["issues"]
        issues = [issues] if isinstance(issues, str) else issues
        texts = []
        for number, issue in enumerate(issues):
            if common and not isinstance(issue, str) and common.intersection(issue.get("tags", ())):
                continue
            text = issue if isinstance(issue, str) else issue["text"]
            sub = (
                ("items", index, "issues")
                if isinstance(raw["issues"], str)
                else (
                    ("items", index, "issues", number)
                    if isinstance(issue, str)
                    else ("items", index, "issues", number, "text")
                )
            )
            texts.append(strip_end(ctx.text(text, *sub)))
        if not texts:
            continue
        body = "；".join(t for t in texts if t) + "。"
        items.append(branch_item(ctx.text(raw["branch"], "items", index, "branch"), body))
    return ctx.section(items=tuple(items), enumeration=Enumeration("none"))


def branch_item(unit: str, text: str) -> Item:
    """Return the model of one branch line ``unit：text`` (readers build branch lines through this too)."""
    return Item(title=unit, paragraphs=(text,), enumeration=Enumeration("none"))


def read_branch_line(text: str, role: str) -> Item | None:
    """Claim a draft's branch line (``小关社区：党员发展把关不严``, or a paragraph styled 支部问题行) as an item."""
    if role not in ("", "branch"):
        return None
    unit_end = branch_unit_end(to_simplified(text))
    if unit_end is None and role != "branch":
        return None
    colon = unit_end if unit_end is not None else text.find("：")
    return branch_item(text[:colon], text[colon + 1 :])


def dump_branch_section(ctx: DumpContext) -> dict[str, Any]:
    """Write a branch section back as facts: each line's unit and its issues split at the semicolons."""
    section, data = ctx.section, ctx.data
    if section.lead:
        data["lead"] = ctx.blocks(section.lead, f"{ctx.where}.lead")
    items = []
    for item in section.items:
        text = "".join(item.paragraphs)
        issues = [ctx.text(part) for part in strip_end(text).split("；") if part.strip()]
        items.append({"branch": ctx.text(item.title), "issues": issues or [ctx.text(text or item.title)]})
    if items:
        data["items"] = items
    if section.closing:
        data["closing"] = ctx.blocks(section.closing, f"{ctx.where}.closing")
    return data


def layout_branch_lines(section: Section) -> Iterator[LayoutBlock]:
    """Lay out each branch line: the unit and a colon (``unit`` runs), then its issues, as one paragraph."""
    for item in section.items:
        head = [Run(item.title, "unit"), Run("：", "unit")] if item.title else []
        first, *rest = item.paragraphs or ("",)
        yield Para("branch", (*head, Run(first)))
        for text in rest:
            yield Para("body", (Run(text),))


def roles() -> tuple[Role, ...]:
    """Return the ``branch`` paragraph role and the ``unit`` run role with their DOCX styles."""
    from ..writers.docx_styles import Style

    return (
        Role(
            "branch",
            "paragraph",
            {"docx": Style("paragraph", "BranchLine", "支部问题行", "BodyText", "", "", "BranchLine")},
        ),
        Role("unit", "run", {"docx": Style("character", "BranchUnit", "支部名称", "DefaultParagraphFont")}),
    )


def setup(registry: Registry) -> None:
    """Register the section type and the roles its layout uses."""
    registry.add_section(BRANCH_ISSUES)
    for role in roles():
        registry.add_role(role)


BRANCH_ISSUES = SectionType(
    "branch_issues",
    N_("个性问题: one line per branch (xx村：…；…。), in the order given."),
    "",
    Enumeration("none"),
    properties=PROPERTIES,
    build=build_branch_issues,
    layout=layout_branch_lines,
    read_line=read_branch_line,
    lead_pattern="个性问题|逐一|如下|分别",
    dump=dump_branch_section,
)

"""The ``branch_issues`` section: one line per branch, ``xx村：问题一；问题二。``, order kept."""

from __future__ import annotations

from ..build import SectionContext
from ..model import Enumeration, Item, Section
from ..registry import SectionType
from ..text import strip_end
from .derive import common_tags

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
    return Item(paragraphs=(text,), unit=unit, enumeration=Enumeration("none"))


BRANCH_ISSUES = SectionType(
    "branch_issues",
    "个性问题: one line per branch (xx村：…；…。), in the order given.",
    "",
    Enumeration("none"),
    properties=PROPERTIES,
    build=build_branch_issues,
)

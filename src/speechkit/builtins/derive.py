"""Common problems derived from tagged branch issues: a tag in N or more branches becomes a point."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..builder.build import Builder, SectionContext
from ..facts.reading import DataPath
from ..i18n import N_, _
from ..model.errors import FactsError
from ..model.speech import Enumeration, Item, Section
from ..registry import SectionType

#: The sentence a derived problem gets unless ``text`` says otherwise.
DEFAULT_TEXT = "{{ count }}个{{ unit }}不同程度存在{{ problem }}的问题。"
BRANCH_TYPE = "branch_issues"

_STATEMENT = {
    "anyOf": [
        {"type": "string", "minLength": 1, "description": "The problem as stated: 主业意识不强."},
        {
            "type": "object",
            "properties": {
                "title": {"type": "string", "minLength": 1, "description": "Run-in sentence (一是 + this)."},
                "text": {"type": "string", "description": "Body; may use count, branches, problem, issues."},
            },
            "required": ["title"],
            "additionalProperties": False,
        },
    ]
}

DERIVE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Derive common problems from the tags of the branch_issues section.",
    "properties": {
        "min_branches": {
            "type": "integer",
            "minimum": 1,
            "description": "A tag found in this many branches or more is common (default 3).",
        },
        "tags": {
            "type": "object",
            "additionalProperties": _STATEMENT,
            "description": "tag: 问题表述 (or {title, text}); listed tags come first, in this order.",
        },
        "text": {"type": "string", "description": f"Body of each derived point (default {DEFAULT_TEXT})."},
        "unit": {"type": "string", "description": "What a branch is called in the text (default 支部)."},
        "prune": {
            "type": "boolean",
            "description": "Drop issues with a common tag from the branch lines (default true).",
        },
    },
    "additionalProperties": False,
}


class CommonProblem(NamedTuple):
    """A tag shared by enough branches: the branches (in document order) and their issue texts."""

    tag: str
    branches: tuple[str, ...]
    issues: tuple[str, ...]


@dataclass
class Derivation:
    """What derivation found in one document, computed once per build."""

    problems: dict[int, list[CommonProblem]] = field(default_factory=dict)
    pruned: set[str] = field(default_factory=set)


def derivation(builder: Builder) -> Derivation:
    """Return the document's derivation, computed on first use (one pass over the branches) and kept in
    the build's own state."""
    found: Derivation = builder.state("derive", lambda: _derive(builder))
    return found


def _records(builder: Builder) -> Iterator[tuple[str, list[tuple[str, list[str]]]]]:
    """Yield (branch, [(issue text, tags)]) for every branch of every branch_issues section."""
    for section in builder.data["sections"]:
        if section.get("type") != BRANCH_TYPE:
            continue
        for raw in section.get("items", []):
            issues = raw["issues"]
            if isinstance(issues, str):
                yield raw["branch"], [(issues, [])]
                continue
            yield raw["branch"], [(i, []) if isinstance(i, str) else (i["text"], i.get("tags", [])) for i in issues]


def _derive(builder: Builder) -> Derivation:
    branches: dict[str, list[str]] = {}
    issues: dict[str, list[str]] = {}
    any_branch = False
    for branch, records in _records(builder):
        any_branch = True
        seen: set[str] = set()
        for text, tags in records:
            for tag in tags:
                issues.setdefault(tag, []).append(text)
                if tag not in seen:
                    seen.add(tag)
                    branches.setdefault(tag, []).append(branch)
    result = Derivation()
    for index, section in enumerate(builder.data["sections"]):
        spec = section.get("derive")
        if section.get("type") == BRANCH_TYPE or spec is None:
            continue
        path: DataPath = ("sections", index, "derive")
        if not any_branch:
            raise FactsError(
                _("derive needs a branch_issues section with branches in this document"),
                builder.facts.locate(path, key=True),
            )
        listed = spec.get("tags", {})
        for tag in listed:
            if tag not in branches:
                where = builder.facts.locate((*path, "tags", tag), key=True)
                raise FactsError(_("no branch issue has the tag {tag!r}").format(tag=tag), where)
        least = spec.get("min_branches", 3)
        order = [*listed, *(t for t in branches if t not in listed)]
        chosen = [CommonProblem(t, tuple(branches[t]), tuple(issues[t])) for t in order if len(branches[t]) >= least]
        result.problems[index] = chosen
        if spec.get("prune", True):
            result.pruned.update(p.tag for p in chosen)
    return result


def common_tags(builder: Builder) -> set[str]:
    """Return the tags that became common problems; branch lines leave out issues bearing them."""
    return derivation(builder).pruned


def derived_items(ctx: SectionContext) -> tuple[Item, ...]:
    """Build one point per common problem: its statement, and a sentence with the number of branches."""
    spec: Mapping[str, Any] = ctx.data["derive"]
    index = ctx.path[1]
    assert isinstance(index, int)
    base = (*ctx.path, "derive")
    listed = spec.get("tags", {})
    items = []
    for problem in derivation(ctx.builder).problems.get(index, []):
        statement = listed.get(problem.tag, problem.tag)
        title, title_path = statement, (*base, "tags", problem.tag)
        text, text_path = spec.get("text", DEFAULT_TEXT), (*base, "text") if "text" in spec else base
        if isinstance(statement, Mapping):
            title, title_path = statement["title"], (*title_path, "title")
            if "text" in statement:
                text, text_path = statement["text"], (*base, "tags", problem.tag, "text")
        context = {
            **ctx.context(),
            "tag": problem.tag,
            "branches": problem.branches,
            "count": len(problem.branches),
            "issues": problem.issues,
            "unit": spec.get("unit", "支部"),
        }
        context["problem"] = ctx.builder.line(title, title_path, context)
        body = ctx.builder.paragraphs(text, text_path, context)
        items.append(Item(title=context["problem"], paragraphs=body, enumeration=Enumeration("heading")))
    return tuple(items)


def build_common_problems(ctx: SectionContext) -> Section:
    """Build the common problems: derived points first (when ``derive`` is set), then the given items."""
    if "derive" not in ctx.data:
        return ctx.section()
    enumeration = ctx.enumeration()
    items = (*derived_items(ctx), *ctx.items(enumeration=enumeration))
    ctx.check_count(enumeration, len(items), "derive")
    return ctx.section(items=items, enumeration=enumeration)


COMMON_PROBLEMS = SectionType(
    "common_problems",
    N_(
        "存在问题 / 共性问题: problems many units share, as 一是/二是 points; may be derived from tagged branch issues."
    ),
    "存在问题",
    Enumeration("yishi"),
    properties={"derive": DERIVE_SCHEMA},
    build=build_common_problems,
    title_pattern="问题|不足|差距",
)

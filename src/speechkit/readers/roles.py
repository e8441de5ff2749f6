"""The roles a section type lays out, read back: a paragraph or first run in a role's DOCX style takes that role."""

from __future__ import annotations

from dataclasses import replace

from ..registry import Registry
from .raw import Draft, RawPara


def _styles(registry: Registry, kind: str) -> dict[str, str]:
    """Return DOCX style ID → role name for the registered roles of one kind (``paragraph`` or ``run``)."""
    out: dict[str, str] = {}
    for role in registry.roles.values():
        style_id = str(getattr(role.render.get("docx"), "id", "") or "")
        if role.kind == kind and style_id:
            out[style_id] = role.name
    return out


def registered_roles(draft: Draft, registry: Registry) -> Draft:
    """Give each paragraph the role its style stands for among the registry's roles (a 支部问题行 is a branch line).

    A paragraph the format already gave a role keeps it; a first run in a run role's style (支部名称) ends the
    paragraph's title, as a run-in heading's run does.
    """
    paragraph, run = _styles(registry, "paragraph"), _styles(registry, "run")
    if not paragraph and not run:
        return draft
    blocks = list(draft.blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, RawPara) or not (block.style or block.lead_style):
            continue
        role = block.role or paragraph.get(block.style, "")
        title_end = block.lead_end if block.title_end < 0 and block.lead_style in run else block.title_end
        if (role, title_end) != (block.role, block.title_end):
            blocks[index] = replace(block, role=role, title_end=title_end)
    return Draft(draft.path, blocks, list(draft.notes))

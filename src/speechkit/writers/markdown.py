"""Render a Speech as CommonMark through Jinja2 templates; a user's folder overrides built-ins."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache

import jinja2

from ..builder.layout import Para, TableBlock, layout
from ..i18n import _
from ..model.errors import RenderError
from ..model.speech import Speech
from ..model.text import control_character
from ..registry import Registry
from . import markdown_text
from .templating import rendering, template_dirs, template_environment

TEMPLATE = "document.md.j2"


@lru_cache(maxsize=16)
def environment(dirs: tuple[str, ...] = ()) -> jinja2.Environment:
    """Return the environment: plain for the built-in templates alone, the budgeted sandbox with a user's folders."""
    filters = {
        "md_escape": markdown_text.escape,
        "md_heading": markdown_text.heading,
        "md_cell": markdown_text.cell,
        "md_row": lambda cells: "| " + " | ".join(markdown_text.cell(c) for c in cells) + " |",
        "md_rule": lambda cells: "|" + " --- |" * len(cells),
    }
    return template_environment("markdown", dirs, autoescape=False, filters=filters)


def render_markdown(
    speech: Speech,
    *,
    templates: str | os.PathLike[str] | Sequence[str] | None = None,
    runin_bold: bool = False,
    registry: Registry,
) -> str:
    """Render a Speech as Markdown; ``templates`` names folders whose templates win.

    Section types of ``registry`` lay out their own items; the roles they register write themselves
    through their ``"md"`` renderers (a paragraph role: ``render(para, inline)``; a run role: of its text).
    """
    dirs = template_dirs(templates)
    blocks = layout(speech, registry)
    bold = frozenset({"heading", "runin"} if runin_bold else {"heading"})
    para_md: dict[str, Callable[[Para, Callable[[Para], str]], str]] = {}
    run_md: dict[str, Callable[[str], str]] = {}
    for name, role in registry.roles.items():
        writer = role.render.get("md")
        if callable(writer):
            (para_md if role.kind == "paragraph" else run_md)[name] = writer

    def plain(para: Para) -> str:
        return markdown_text.inline(para, bold_roles=bold, run_renderers=run_md)

    def write_inline(para: Para) -> str:
        custom = para_md.get(para.role)
        return custom(para, plain) if custom is not None else plain(para)

    for block in blocks:
        texts = (
            [block.text]
            if isinstance(block, Para)
            else [*block.table.columns, *(c for row in block.table.rows for c in row)]
        )
        for text in texts:
            bad = control_character(text)
            if bad is not None:
                raise RenderError(
                    _("control character U+{code:04X} cannot be written to Markdown").format(code=ord(bad))
                )
    env = environment(dirs)
    with rendering(TEMPLATE, len(blocks)):
        out = env.get_template(TEMPLATE).render(
            speech=speech,
            meta=speech.meta,
            blocks=blocks,
            inline=write_inline,
            is_table=lambda block: isinstance(block, TableBlock),
        )
    return out.rstrip("\n") + "\n"

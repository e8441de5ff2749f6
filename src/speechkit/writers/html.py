"""Render a Speech as one self-contained HTML page: A4 sheets, GB/T 9704 margins and faces."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from .. import __version__
from ..builder.layout import LayoutBlock, Para, TableBlock, layout
from ..i18n import _
from ..model.errors import RenderError, TemplateError
from ..model.speech import Meta, Speech
from ..model.text import control_character
from ..registry import Registry
from .page_words import page_language, speech_texts
from .templating import rendering, template_dirs, template_environment

TEMPLATE = "document.html.j2"
BLOCKS = "blocks.html.j2"
STYLE = "page.css"
SCRIPT = "paginate.js"


@dataclass(frozen=True)
class Assets:
    """The page's style sheet and pagination script, inlined into every page."""

    css: Markup
    script: Markup


@lru_cache(maxsize=16)
def environment(dirs: tuple[str, ...] = ()) -> jinja2.Environment:
    """Return the autoescaping environment: the budgeted sandbox when a user's folders (which win) are given."""
    env = template_environment("html", dirs, autoescape=True)
    env.globals.update(
        is_table=lambda block: isinstance(block, TableBlock), version=__version__, signature_indents=signature_indents
    )
    return env


def _width(text: str) -> float:
    """Return the width of a text in body characters: half-width characters count a half."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "“”‘’—…" else 1.0 for ch in text)


def signature_indents(meta: Meta) -> dict[str, float]:
    """Return how far (in characters) the signature and the date of a notice sit in from the right (§7.3.5).

    Without a seal the signature is two characters in and the date starts two characters right of the
    signature's start (a longer date moves in to two characters and pushes the signature left); with a
    seal the date is four characters in and the signature is centred over it.
    """
    sig, date = _width(meta.signature), _width(meta.date)
    if meta.seal:
        return {"signature": max(0.0, 4 + (date - sig) / 2), "date": 4.0}
    sig_right, date_right = 2.0, 2 + sig - 2 - date
    if date_right < 2:
        date_right = 2.0
        sig_right = date_right + date + 2 - sig
    return {"signature": sig_right, "date": date_right}


def assets(dirs: tuple[str, ...] = ()) -> Assets:
    """Return the style sheet and script, taken from the user's folders first."""
    return Assets(css=asset(STYLE, dirs), script=asset(SCRIPT, dirs))


def asset(name: str, dirs: tuple[str, ...] = ()) -> Markup:
    """Return a style sheet or script to inline, from the user's folders first; it may not close its element."""
    env = environment(dirs)
    assert env.loader is not None
    try:
        text, _filename, _uptodate = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound:
        raise TemplateError(_("template not found: {name}").format(name=name)) from None
    for closing in ("</style", "</script"):
        if closing in text.lower():
            raise TemplateError(_("{name}: must not contain {closing}>").format(name=name, closing=closing))
    return Markup(text)


def _matter(meta: Meta) -> list[str]:
    """Return the GB/T 9704 matter the page prints beside the layout's paragraphs."""
    singles = (meta.copy_number, meta.secrecy, meta.urgency, meta.issuer_suffix, meta.note, meta.cc, meta.printer)
    return [*singles, meta.print_date, *meta.signers, *(t for texts in meta.attachment_texts for t in texts)]


def _texts(blocks: tuple[LayoutBlock, ...], meta: Meta) -> Iterator[str]:
    """Yield every text the page prints: the layout's paragraphs and cells, then the notice matter."""
    for block in blocks:
        if isinstance(block, Para):
            yield block.text
        else:
            yield from (*block.table.columns, *(c for row in block.table.rows for c in row), block.table.caption)
    yield from _matter(meta)


def _refuse_control_characters(blocks: tuple[LayoutBlock, ...], meta: Meta) -> None:
    for text in _texts(blocks, meta):
        bad = control_character(text)
        if bad is not None:
            raise RenderError(_("control character U+{code:04X} cannot be written to HTML").format(code=ord(bad)))


@dataclass(frozen=True)
class RoleWriters:
    """What the roles a section type registers bring for ``"html"``.

    A paragraph role maps to ``render(para, default) -> str`` (``default(para)`` is the built-in HTML), a
    run role to ``render(escaped_text) -> str``; what they return is put in the page as it is.
    """

    paras: dict[str, Callable[[Para, Callable[[Para], Markup]], str]]
    runs: dict[str, Callable[[Markup], str]]

    @classmethod
    def of(cls, registry: Registry) -> RoleWriters:
        """Collect the ``"html"`` writers of the registry's roles."""
        paras: dict[str, Callable[[Para, Callable[[Para], Markup]], str]] = {}
        runs: dict[str, Callable[[Markup], str]] = {}
        for name, role in registry.roles.items():
            writer = role.render.get("html")
            if callable(writer):
                (paras if role.kind == "paragraph" else runs)[name] = writer
        return cls(paras, runs)


def _document(speech: Speech, dirs: tuple[str, ...], registry: Registry) -> Markup:
    """Lay the Speech out and write its blocks through ``blocks.html.j2`` and the roles' own writers."""
    blocks = layout(speech, registry)
    _refuse_control_characters(blocks, speech.meta)
    writers = RoleWriters.of(registry)
    para_writers: dict[str, Callable[[Para], Markup]] = {}
    run_writers = {name: _run_writer(write) for name, write in writers.runs.items()}
    context: dict[str, Any] = {"meta": speech.meta, "para_writers": para_writers, "run_writers": run_writers}
    with rendering(BLOCKS, len(blocks)):
        module: Any = environment(dirs).get_template(BLOCKS).make_module(context)

        def default(para: Para) -> Markup:
            return Markup(module.para(para, speech.meta))

        for name, write in writers.paras.items():
            para_writers[name] = _para_writer(write, default)
        html = str(module.document(blocks, speech.meta))
    return Markup(html.strip("\n") + "\n")


def _run_writer(write: Callable[[Markup], str]) -> Callable[[str], Markup]:
    return lambda text: Markup(write(Markup.escape(text)))


def _para_writer(
    write: Callable[[Para, Callable[[Para], Markup]], str], default: Callable[[Para], Markup]
) -> Callable[[Para], Markup]:
    return lambda para: Markup(write(para, default))


def render_fragment(
    speech: Speech,
    *,
    templates: str | os.PathLike[str] | Sequence[str] | None = None,
    registry: Registry,
) -> str:
    """Return the document as an HTML fragment: what the page's flow holds."""
    return str(_document(speech, template_dirs(templates), registry))


def render_html(
    speech: Speech,
    *,
    templates: str | os.PathLike[str] | Sequence[str] | None = None,
    runin_bold: bool = False,
    registry: Registry,
) -> str:
    """Render a Speech as a self-contained HTML page (inline style and script, no network).

    Section types of ``registry`` lay out their own items; the roles they register may bring an ``"html"``
    writer (see :class:`RoleWriters`), others are written as ``<p class="sk-ROLE">``.
    """
    dirs = template_dirs(templates)
    document = _document(speech, dirs, registry)
    page_assets = assets(dirs)
    with rendering(TEMPLATE, 1):
        out = (
            environment(dirs)
            .get_template(TEMPLATE)
            .render(
                speech=speech,
                meta=speech.meta,
                document=document,
                runin_bold=runin_bold,
                css=page_assets.css,
                script=page_assets.script,
                lang=page_language(speech_texts(speech)),
            )
        )
    return out.rstrip("\n") + "\n"

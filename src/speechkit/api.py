"""The public functions (load, loads, build, layout, render, read, dump); only they reach for the default registry."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from .builder.build import build as _build
from .default import default_registry
from .facts.reading import Facts, parse_facts, read_facts
from .i18n import _
from .model.errors import FactsError, Location
from .model.speech import Speech
from .registry import Registry

if TYPE_CHECKING:
    from .builder.layout import LayoutBlock


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes], *, registry: Registry | None = None) -> Speech:
    """Read a facts file (path, ``-`` or stream), validate it and build the Speech; YAML text goes to :func:`loads`."""
    if isinstance(source, str) and _looks_like_yaml(source) and not os.path.exists(source):
        raise FactsError(
            _("load() takes a file name, and no file is named so; to read YAML text, call speechkit.loads(text)"),
            Location("<string>"),
        )
    return _build(read_facts(source), registry=registry or default_registry())


def loads(text: str, *, name: str = "<string>", registry: Registry | None = None) -> Speech:
    """Read facts from YAML text, validate them and build the Speech; errors name ``name`` and the line."""
    return _build(parse_facts(text, name), registry=registry or default_registry())


def _looks_like_yaml(source: str) -> bool:
    """Return whether a string given as a file name is rather the text of a facts file."""
    return "\n" in source or source.lstrip().startswith(("kind:", "title:", "{", "---"))


def build(data: Mapping[str, Any] | Facts, *, registry: Registry | None = None) -> Speech:
    """Validate facts given as plain data and build the Speech."""
    return _build(data, registry=registry or default_registry())


def read(
    source: str | os.PathLike[str] | bytes,
    format: str | None = None,
    *,
    kind: str | None = None,
    registry: Registry | None = None,
) -> Speech:
    """Read a draft (.txt, .md, .docx path; or text/bytes with ``format``) into a Speech with positions."""
    from .readers import read_draft

    return read_draft(source, format, kind=kind, registry=registry or default_registry()).speech


def dump(speech: Speech, *, registry: Registry | None = None) -> str:
    """Write a Speech as facts YAML that validates and rebuilds to the same document."""
    from .writers.dump import dump as _dump

    return _dump(speech, registry=registry or default_registry())


def layout(speech: Speech, registry: Registry | None = None) -> tuple[LayoutBlock, ...]:
    """Lay a Speech out as paragraphs and tables in reading order (section types lay out their own items)."""
    from .builder.layout import layout as _layout

    return _layout(speech, registry or default_registry())


def render(
    speech: Speech,
    fmt: str = "md",
    *,
    path: str | os.PathLike[str] | None = None,
    templates: str | os.PathLike[str] | Sequence[str] | None = None,
    reference_doc: str | os.PathLike[str] | None = None,
    layout_template: str | os.PathLike[str] | None = None,
    runin_bold: bool = False,
    registry: Registry | None = None,
) -> str | bytes:
    """Render a Speech in a registered format: ``"md"`` and ``"html"`` give text, ``"docx"`` and ``"pdf"`` bytes.

    The options are keyword-only; a misspelt one is a TypeError naming it. ``templates`` serves ``md`` and
    ``html``, ``reference_doc`` and ``layout_template`` serve ``docx`` and ``pdf``. With ``path`` the result
    is also written there (atomically; text as UTF-8) and still returned.
    """
    registry = registry or default_registry()
    writer = registry.writer(fmt).write
    assert writer is not None
    options = {
        "templates": templates,
        "reference_doc": reference_doc,
        "layout_template": layout_template,
        "runin_bold": runin_bold,
    }
    result = writer(speech, registry=registry, **{k: v for k, v in options.items() if v is not None})
    if path is not None:
        from .writers.output import write_atomic

        write_atomic(path, result)
    return result

"""The public functions: load, build, layout, render, read, dump — the only ones that reach for the default registry."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

from .builder.build import build as _build
from .default import default_registry
from .facts.reading import Facts, read_facts
from .model.speech import Speech
from .registry import Registry

if TYPE_CHECKING:
    from .builder.layout import LayoutBlock


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes], *, registry: Registry | None = None) -> Speech:
    """Read a facts file (path, ``-`` or stream), validate it and build the Speech."""
    return _build(read_facts(source), registry=registry or default_registry())


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


def render(speech: Speech, fmt: str = "md", *, registry: Registry | None = None, **options: Any) -> str | bytes:
    """Render a Speech in a registered format: ``"md"`` and ``"html"`` give text, ``"docx"`` and ``"pdf"`` bytes.

    ``options`` go to the format's writer; each takes what it knows (``templates``, ``reference_doc``,
    ``layout_template``, ``runin_bold``) and ignores the rest.
    """
    registry = registry or default_registry()
    writer = registry.writer(fmt).write
    assert writer is not None
    return writer(speech, registry=registry, **options)

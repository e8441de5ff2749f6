"""The public functions: load, build, read, dump."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any

from .builder.build import build as _build
from .facts.reading import Facts, read_facts
from .model.speech import Speech
from .registry import Registry


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes], *, registry: Registry | None = None) -> Speech:
    """Read a facts file (path, ``-`` or stream), validate it and build the Speech."""
    return _build(read_facts(source), registry=registry)


def build(data: Mapping[str, Any] | Facts, *, registry: Registry | None = None) -> Speech:
    """Validate facts given as plain data and build the Speech."""
    return _build(data, registry=registry)


def read(source: str | os.PathLike[str] | bytes, format: str | None = None, *, kind: str | None = None) -> Speech:
    """Read a draft (.txt, .md, .docx path; or text/bytes with ``format``) into a Speech with positions."""
    from .readers import read_draft

    return read_draft(source, format, kind=kind).speech


def dump(speech: Speech, *, registry: Registry | None = None) -> str:
    """Write a Speech as facts YAML that validates and rebuilds to the same document."""
    from .writers.dump import dump as _dump

    return _dump(speech, registry=registry)

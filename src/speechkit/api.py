"""The public functions (load, loads, build, layout, render, read, dump, check); only they reach for the default
registry."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
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
    from .checks.config import Config
    from .checks.finding import Finding


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes], *, registry: Registry | None = None) -> Speech:
    """Read a facts file (path, ``-`` or stream), validate it and build the Speech; YAML text goes to :func:`loads`."""
    if isinstance(source, str) and _looks_like_yaml(source) and not os.path.exists(source):
        raise FactsError(
            _("load() takes a file name, and no file is named so; to read YAML text, call speechkit.loads(text)"),
            Location("<string>"),
        )
    speech = _build(read_facts(source), registry=registry or default_registry())
    if isinstance(source, (str, os.PathLike)) and os.fspath(source) != "-":
        where = os.fspath(source)
        assert isinstance(where, str)
        with contextlib.suppress(OSError):  # read once already; a file gone since is checked as the model
            speech = speech.with_origin(where, "facts", Path(where).read_bytes())
    return speech


def loads(text: str, *, name: str = "<string>", registry: Registry | None = None) -> Speech:
    """Read facts from YAML text, validate them and build the Speech; errors name ``name`` and the line."""
    speech = _build(parse_facts(text, name), registry=registry or default_registry())
    return speech.with_origin(name, "facts", text.encode("utf-8"))  # checked as that text


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
    from .readers import ReadError, read_draft

    if isinstance(source, str) and format is None and "\n" in source and not os.path.exists(source):
        raise ReadError(
            _(
                "read() takes a file name, and no file is named so; to read a draft's text, give its format: "
                'speechkit.read(text, "txt")'
            )
        )

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


def check(
    source: str | os.PathLike[str] | Speech,
    *,
    format: str | None = None,
    config: str | os.PathLike[str] | Config | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Check a file (.txt, .md, .docx, facts .yaml, a plugin's) or a Speech; the findings ``speechkit check`` gives.

    ``format`` names the file's registered format when its suffix does not. ``config`` is the configuration
    (select, ignores, word lists): ``None`` finds ``speechkit.toml`` or ``pyproject.toml`` upward from the file
    as the CLI does, a path reads that file (``--config``), a :class:`~speechkit.checks.config.Config` is used
    as given (``Config()`` is ``--isolated``). A Speech from :func:`read`, :func:`load` or :func:`loads`,
    unchanged, is checked as the file (or text) it came from; any other Speech as its model. Unreadable input
    raises ``InputError``.
    """
    from .checks.rules.citations import extra_repealed
    from .checks.rules.words import extra_words
    from .checks.runner import check_configured, check_speech
    from .checks.sources import InputError

    registry = registry or default_registry()
    if isinstance(source, Speech):
        if format is not None:
            raise TypeError(_("check() takes format= with a file name, not with a Speech"))
        origin = source.unchanged_origin()
        where = origin.path if origin is not None else None
        settings = _config(config, where)
        select, ignore = settings.codes_for(where) if where is not None else (settings.select, settings.ignore)
        with extra_words(settings.words), extra_repealed(settings.repealed):
            return check_speech(source, select=select, ignore=ignore, registry=registry)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(_("check() takes a file name or a Speech, not {type}").format(type=type(source).__name__))
    path = os.fspath(source)
    assert isinstance(path, str)
    if not os.path.exists(path) and ("\n" in path or _looks_like_yaml(path)):
        raise InputError(
            _("check() takes a file name or a Speech; to check text, call speechkit.checks.check_text(text)")
        )
    return check_configured(path, _config(config, path), format=format, registry=registry)


def _config(config: str | os.PathLike[str] | Config | None, path: str | None) -> Config:
    """Return the configuration ``check`` applies: given, read from a path, or found upward from ``path``."""
    from .checks.config import Config, ConfigError, config_for, load_config

    if isinstance(config, Config):
        return config
    if config is not None:
        file = Path(config)
        if not file.is_file():
            raise ConfigError(_("{value}: no such configuration file").format(value=file))
        return load_config(file)
    if path is None or not Path(path).exists():
        return Config()
    return config_for(path)

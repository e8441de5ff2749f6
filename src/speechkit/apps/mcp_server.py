"""``speechkit mcp``: a Model Context Protocol server over stdio, so that an assistant drafts and verifies."""

from __future__ import annotations

import argparse
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..i18n import N_, _
from ..model.errors import SpeechkitError
from .mcp_access import Access

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

    from ..checks import Finding
    from ..model.speech import Speech
    from .mcp_access import Root

MCP_EXTRA = N_("speechkit mcp needs the mcp extra: pip install 'speechkit[mcp]'")
INSTRUCTIONS = """\
speechkit writes Chinese official speeches, critique outlines and notices from YAML facts.
Work in this order: get_schema (and list_kinds, list_section_types) to learn the fields; draft the
facts YAML; validate_facts until it says valid and the findings are gone (each error and finding
names file:line:col); build to get the Markdown (or write DOCX/HTML/PDF to a folder); check_draft
to check any draft text, Markdown or facts file; import_draft to turn an existing draft into facts.
Never write numbering labels (一、（一）一是) or counts (三个方面) into the facts: speechkit computes
them from the structure."""

DraftFormat = Literal["md", "txt", "yaml"]


def register(subparsers: Any) -> None:
    """Add the ``mcp`` subcommand (the MCP SDK is imported only when it runs)."""
    p = subparsers.add_parser(
        "mcp",
        help=_("run a Model Context Protocol server on standard input and output (for LLM assistants)"),
        description=_(
            "Serve speechkit's tools over MCP on stdio: get_schema, list_kinds, list_section_types, "
            "validate_facts, build, check_draft, import_draft. The tools read and write only inside the roots "
            "the client shares, else inside --root folders, else the working directory. Needs speechkit[mcp]."
        ),
    )
    p.add_argument(
        "--root",
        action="append",
        metavar="DIR",
        help=_(
            "a folder the tools may read and write (repeatable; default: the working directory); "
            "a client that shares roots is held to its own"
        ),
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=TOOL_SECONDS,
        metavar="SECONDS",
        help=_("longest a tool call may take before it is answered with an error (default {seconds:g})").format(
            seconds=TOOL_SECONDS
        ),
    )
    p.set_defaults(func=run_mcp)


#: Seconds a tool call may run before the client gets an error instead (the server answers on).
TOOL_SECONDS = 120.0


def run_mcp(args: argparse.Namespace) -> int:
    """Run the MCP server until its client closes standard input."""
    from .mcp_access import Root

    folders = args.root or [os.getcwd()]
    for folder in folders:
        if not Path(folder).is_dir():
            raise SpeechkitError(_("--root {folder}: not a folder").format(folder=folder))
    try:
        server = make_server(tuple(Root.of(folder) for folder in folders), timeout=args.timeout)
        import anyio

        from .mcp_runtime import serve_stdio
    except ImportError as exc:
        raise SpeechkitError(f"{_(MCP_EXTRA)} ({exc})") from None
    anyio.run(serve_stdio, server)
    return 0


class Source(NamedTuple):
    """What a tool reads: the caller's label for it, its bytes, and its suffix (``.yaml``, ``.md`` …)."""

    label: str
    data: bytes
    suffix: str


def _source(access: Access, path: str | None, text: str | None, name: str, suffix: str) -> Source:
    """Read ``path`` inside the roots (bounded), or take ``text`` under ``name``."""
    if (path is None) == (text is None):
        raise SpeechkitError(_("give either path or text, not both and not neither"))
    if path is not None:
        return Source(path, access.read(path), Path(path).suffix.lower() or suffix)
    return Source(name, (text or "").encode("utf-8", "replace"), suffix)


def _load(source: Source) -> Speech:
    from ..api import build
    from ..facts.reading import parse_facts

    return build(parse_facts(source.data, source.label))


def _findings(source: Source) -> list[Finding]:
    """Check a source: its bytes are written to a private temporary file; findings and errors name its label."""
    from ..checks import check_path

    with tempfile.TemporaryDirectory(prefix="speechkit-mcp-") as folder:
        draft = Path(folder) / f"draft{source.suffix}"
        draft.write_bytes(source.data)
        try:
            return [f._replace(path=source.label) for f in check_path(draft)]
        except SpeechkitError as exc:
            raise SpeechkitError(str(exc).replace(str(draft), source.label)) from None


def _report(findings: list[Finding]) -> dict[str, Any]:
    return {
        "clean": not findings,
        "lines": [f.format() for f in findings],
        "findings": [f.as_dict() for f in findings],
    }


def get_schema() -> str:
    """Return the JSON Schema of facts files (every field, section type and kind, with descriptions)."""
    from ..default import default_registry
    from ..facts.schema import schema_json

    return schema_json(default_registry())


def list_kinds() -> list[dict[str, Any]]:
    """List the document kinds: name, form (speech or notice), the section types expected, description."""
    from ..default import default_registry

    kinds = sorted(default_registry().kinds.values(), key=lambda k: k.name)
    return [{"name": k.name, "form": k.form, "sections": list(k.sections), "description": k.description} for k in kinds]


def list_section_types() -> list[dict[str, Any]]:
    """List the section types: name, default title, how their items are enumerated, description."""
    from ..default import default_registry

    types = sorted(default_registry().sections.values(), key=lambda t: t.name)
    return [
        {"name": t.name, "title": t.title, "style": t.enumeration.style, "description": t.description} for t in types
    ]


def validate_facts(
    access: Access, path: str | None = None, text: str | None = None, name: str = "facts.yaml"
) -> dict[str, Any]:
    """Validate facts YAML given as a file path (inside the roots) or as text (reported under ``name``).

    Returns ``valid``; when invalid, ``error`` is one line ``file:line:col: data.path: message``;
    when valid, a summary and the findings of ``speechkit check`` (placeholders, counts, punctuation),
    each with its file:line:col.
    """
    from ..model.speech import count_parts

    source = _source(access, path, text, name, ".yaml")
    try:
        speech = _load(source)
    except SpeechkitError as exc:
        return {"valid": False, "error": str(exc)}
    sections, items = count_parts(speech)
    summary = {"kind": speech.meta.kind, "title": speech.meta.title, "sections": sections, "items": items}
    return {"valid": True, "error": None, "summary": summary, **_report(_findings(source))}


def build(
    access: Access,
    path: str | None = None,
    text: str | None = None,
    outdir: str | None = None,
    formats: list[str] | None = None,
    stem: str | None = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Build a document from facts (a file path inside the roots, or YAML text).

    Without ``outdir`` the Markdown is returned. With ``outdir`` (a folder inside the roots) each of
    ``formats`` (md, docx, html, pdf; default md and docx) is written there as ``stem.ext`` (``stem``
    a plain file name; default: the facts file's, else ``speech``) and the paths are returned. An
    existing file is replaced only with ``overwrite: true`` (then atomically); nothing is written
    through a symbolic link. Either way the findings of ``speechkit check`` come back too.
    """
    from ..api import render
    from ..default import default_registry
    from ..writers import DEFAULT_FORMATS
    from ..writers.output import write_outputs
    from .mcp_access import AccessError, check_target, plain_name

    source = _source(access, path, text, "facts.yaml", ".yaml")
    name = plain_name(stem) if stem is not None else (Path(path).stem if path else "speech")
    speech = _load(source)
    findings = _report(_findings(source))
    if outdir is None:
        if formats and formats != ["md"]:
            raise SpeechkitError(_("without outdir only Markdown is returned; give outdir to write other formats"))
        return {"markdown": render(speech, "md"), **findings}
    registry = default_registry()
    writers = [registry.writer(fmt) for fmt in formats or DEFAULT_FORMATS]  # an unknown format raises RenderError
    folder = access.folder(outdir)
    shown = {writer: str(Path(outdir) / f"{name}.{writer.extension}") for writer in dict.fromkeys(writers)}
    for writer, label in shown.items():
        check_target(folder / f"{name}.{writer.extension}", label, overwrite=overwrite)
    outputs = {folder / f"{name}.{writer.extension}": render(speech, writer.name) for writer in shown}
    try:
        write_outputs(outputs, replace=overwrite)  # every format or none
    except FileExistsError as exc:
        raise AccessError(_("{name}: exists; pass overwrite: true to replace it").format(name=exc.filename)) from None
    return {"files": list(shown.values()), **findings}


def check_draft(
    access: Access,
    path: str | None = None,
    text: str | None = None,
    format: DraftFormat = "md",
    name: str | None = None,
) -> dict[str, Any]:
    """Check a draft for what reviewers send back: placeholders, counts, numbering, punctuation, script.

    Give a file path inside the roots (.md, .txt, .docx or facts .yaml) or the text itself with its
    ``format`` (md, txt or yaml; reported under ``name``). Each finding has path, line, column, code and message.
    """
    return _report(_findings(_source(access, path, text, name or f"draft.{format}", f".{format}")))


def import_draft(
    access: Access,
    path: str | None = None,
    text: str | None = None,
    format: Literal["md", "txt", "docx"] | None = None,
    kind: str | None = None,
    output: str | None = None,
    name: str | None = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Import a draft (.md, .txt or .docx path inside the roots; or Markdown or plain text) into facts YAML.

    Labels become structure and counts become expressions. ``notes`` say what the reader fixed or set
    aside (``file:line: action: text``). ``kind`` forces the document kind (else it is guessed). With
    ``output`` (a file inside the roots) the facts are also written there; an existing file is replaced
    only with ``overwrite: true`` (then atomically), never through a symbolic link. Check the result
    with validate_facts.
    """
    from ..api import dump, load
    from ..default import default_registry
    from ..readers import read_draft
    from ..writers.output import write_outputs
    from .mcp_access import AccessError

    if (path is None) == (text is None):
        raise SpeechkitError(_("give either path or text, not both and not neither"))
    if kind is not None:
        resolved = default_registry().resolve("kinds", kind)
        if resolved is None:
            known = ", ".join(default_registry().listed("kinds"))
            raise SpeechkitError(
                _("unknown document kind {kind!r}; known kinds: {known}").format(kind=kind, known=known)
            )
        kind = resolved
    if text is not None:
        if format == "docx":
            raise SpeechkitError(_("a .docx draft is read from a path, not from text"))
        label = name or f"draft.{format or 'md'}"
        data = text.encode("utf-8", "replace")
        fmt: str = format or "md"
    else:
        assert path is not None
        label = path
        data = access.read(path)
        fmt = format or (Path(path).suffix.lower().lstrip(".") or "txt")
    target = access.file(output, overwrite=overwrite) if output is not None else None
    reading = read_draft(data, fmt, kind=kind, name=label, registry=default_registry())
    facts = dump(reading.speech)
    load(io.StringIO(facts))  # what is returned validates and builds
    answer: dict[str, Any] = {
        "facts": facts,
        "kind": reading.speech.meta.kind,
        "sections": len(reading.speech.sections),
        "notes": [note.format(reading.path) for note in reading.notes],
    }
    if target is not None:
        try:
            write_outputs({target: facts}, replace=overwrite)
        except FileExistsError:
            raise AccessError(_("{name}: exists; pass overwrite: true to replace it").format(name=output)) from None
        answer["written"] = output
    return answer


TOOLS: tuple[Callable[..., Any], ...] = (
    get_schema,
    list_kinds,
    list_section_types,
    validate_facts,
    build,
    check_draft,
    import_draft,
)


def make_server(roots: tuple[Root, ...], timeout: float = TOOL_SECONDS) -> MCPServer:
    """Return the MCP server with speechkit's tools registered, held to ``roots`` unless the client shares its own."""
    from .mcp_runtime import make

    return make(TOOLS, roots, timeout=timeout, instructions=INSTRUCTIONS)

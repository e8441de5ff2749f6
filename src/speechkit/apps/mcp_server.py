"""``speechkit mcp``: a Model Context Protocol server over stdio, so that an assistant drafts and verifies."""

from __future__ import annotations

import argparse
import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ..i18n import N_, _
from ..model.errors import SpeechkitError

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

    from ..checks import Finding
    from ..model.speech import Speech

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
_T = TypeVar("_T")


def register(subparsers: Any) -> None:
    """Add the ``mcp`` subcommand (the MCP SDK is imported only when it runs)."""
    p = subparsers.add_parser(
        "mcp",
        help=_("run a Model Context Protocol server on standard input and output (for LLM assistants)"),
        description=_(
            "Serve speechkit's tools over MCP on stdio: get_schema, list_kinds, list_section_types, "
            "validate_facts, build, check_draft, import_draft. Needs speechkit[mcp]."
        ),
    )
    p.set_defaults(func=run_mcp)


def run_mcp(args: argparse.Namespace) -> int:
    """Run the MCP server until its client closes standard input."""
    try:
        server = make_server()
    except ImportError as exc:
        raise SpeechkitError(f"{_(MCP_EXTRA)} ({exc})") from None
    server.run("stdio")
    return 0


def _tool_errors(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Report speechkit's one-line errors to the client as tool errors (not as crashes)."""
    import functools

    from mcp.server.mcpserver.exceptions import ToolError

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> _T:
        try:
            return fn(*args, **kwargs)
        except SpeechkitError as exc:
            raise ToolError(str(exc)) from None
        except OSError as exc:
            name = f"{exc.filename}: " if exc.filename else ""
            raise ToolError(f"{name}{exc.strerror or exc}") from None

    return wrapper


def _one_source(path: str | None, text: str | None) -> None:
    if (path is None) == (text is None):
        raise SpeechkitError(_("give either path or text, not both and not neither"))


def _load(path: str | None, text: str | None, name: str) -> Speech:
    from ..api import load

    _one_source(path, text)
    if path is not None:
        return load(path)
    from ..api import build
    from ..facts.reading import read_facts

    return build(read_facts(io.StringIO(text or ""), name))


def _findings(path: str | None, text: str | None, name: str, suffix: str) -> list[Finding]:
    """Check a file, or text under a name (written to a private temporary file with the right suffix)."""
    from ..checks import check_path

    _one_source(path, text)
    if path is not None:
        return check_path(path)
    with tempfile.TemporaryDirectory(prefix="speechkit-mcp-") as folder:
        draft = Path(folder) / f"draft{suffix}"
        draft.write_text(text or "", encoding="utf-8")
        return [f._replace(path=name) for f in check_path(draft)]


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


def validate_facts(path: str | None = None, text: str | None = None, name: str = "facts.yaml") -> dict[str, Any]:
    """Validate facts YAML given as a file path or as text (reported under ``name``).

    Returns ``valid``; when invalid, ``error`` is one line ``file:line:col: data.path: message``;
    when valid, a summary and the findings of ``speechkit check`` (placeholders, counts, punctuation),
    each with its file:line:col.
    """
    from ..model.speech import walk_items

    _one_source(path, text)
    try:
        speech = _load(path, text, name)
    except SpeechkitError as exc:
        return {"valid": False, "error": str(exc)}
    items = sum(1 for s in speech.sections for _ in walk_items(s.items))
    summary = {"kind": speech.meta.kind, "title": speech.meta.title, "sections": len(speech.sections), "items": items}
    return {"valid": True, "error": None, "summary": summary, **_report(_findings(path, text, name, ".yaml"))}


def build(
    path: str | None = None,
    text: str | None = None,
    outdir: str | None = None,
    formats: list[str] | None = None,
    stem: str | None = None,
) -> dict[str, Any]:
    """Build a document from facts (a file path or YAML text).

    Without ``outdir`` the Markdown is returned. With ``outdir`` each of ``formats`` (md, docx, html, pdf;
    default md and docx) is written there as ``stem.ext`` (default stem: the facts file's, else ``speech``)
    and the paths are returned. Either way the findings of ``speechkit check`` come back too.
    """
    from ..api import render
    from ..default import default_registry
    from ..writers import DEFAULT_FORMATS
    from ..writers.output import write_outputs

    speech = _load(path, text, "facts.yaml")
    findings = _report(_findings(path, text, "facts.yaml", ".yaml"))
    if outdir is None:
        if formats and formats != ["md"]:
            raise SpeechkitError(_("without outdir only Markdown is returned; give outdir to write other formats"))
        return {"markdown": render(speech, "md"), **findings}
    registry = default_registry()
    writers = [registry.writer(fmt) for fmt in formats or DEFAULT_FORMATS]  # an unknown format raises RenderError
    outputs = {writer: render(speech, writer.name) for writer in dict.fromkeys(writers)}
    folder = Path(outdir)
    if folder.exists() and not folder.is_dir():
        raise SpeechkitError(_("{folder}: exists and is not a folder").format(folder=folder))
    folder.mkdir(parents=True, exist_ok=True)
    name = stem or (Path(path).stem if path else "speech")
    files = {folder / f"{name}.{writer.extension}": data for writer, data in outputs.items()}
    write_outputs(files)  # every format or none
    return {"files": [str(target) for target in files], **findings}


def check_draft(
    path: str | None = None, text: str | None = None, format: DraftFormat = "md", name: str | None = None
) -> dict[str, Any]:
    """Check a draft for what reviewers send back: placeholders, counts, numbering, punctuation, script.

    Give a file path (.md, .txt, .docx or facts .yaml) or the text itself with its ``format``
    (md, txt or yaml; reported under ``name``). Each finding has path, line, column, code and message.
    """
    label = name or f"draft.{format}"
    return _report(_findings(path, text, label, f".{format}"))


def import_draft(
    path: str | None = None,
    text: str | None = None,
    format: Literal["md", "txt", "docx"] | None = None,
    kind: str | None = None,
    output: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """Import a draft (.md, .txt or .docx path; or Markdown or plain text) into facts YAML that rebuilds it.

    Labels become structure and counts become expressions. ``notes`` say what the reader fixed or set
    aside (``file:line: action: text``). ``kind`` forces the document kind (else it is guessed). With
    ``output`` the facts are also written to that file. Check the result with validate_facts.
    """
    from ..api import dump, load
    from ..default import default_registry
    from ..readers import read_draft

    _one_source(path, text)
    if kind is not None and kind not in default_registry().kinds:
        known = ", ".join(sorted(default_registry().kinds))
        raise SpeechkitError(_("unknown document kind {kind!r}; known kinds: {known}").format(kind=kind, known=known))
    if text is not None:
        if format == "docx":
            raise SpeechkitError(_("a .docx draft is read from a path, not from text"))
        reading = read_draft(
            text.encode("utf-8"),
            format or "md",
            kind=kind,
            name=name or f"draft.{format or 'md'}",
            registry=default_registry(),
        )
    else:
        reading = read_draft(str(path), format, kind=kind, registry=default_registry())
    facts = dump(reading.speech)
    load(io.StringIO(facts))  # what is returned validates and builds
    answer: dict[str, Any] = {
        "facts": facts,
        "kind": reading.speech.meta.kind,
        "sections": len(reading.speech.sections),
        "notes": [note.format(reading.path) for note in reading.notes],
    }
    if output is not None:
        from ..writers.output import write_atomic

        write_atomic(output, facts)
        answer["written"] = output
    return answer


def make_server() -> MCPServer:
    """Return the MCP server with speechkit's tools registered."""
    from mcp.server.mcpserver import MCPServer

    from .. import __version__

    server: MCPServer = MCPServer("speechkit", instructions=INSTRUCTIONS, version=__version__, log_level="WARNING")
    for tool in (get_schema, list_kinds, list_section_types, validate_facts, build, check_draft, import_draft):
        server.add_tool(_tool_errors(tool), name=tool.__name__, description=tool.__doc__)
    return server

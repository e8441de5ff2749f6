"""The built-in formats: the writers of Markdown, DOCX, PDF and HTML, the readers of drafts, and facts YAML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model.speech import Speech
from ..registry import Format, Registry
from ..writers import write_docx, write_html, write_markdown, write_pdf

if TYPE_CHECKING:
    from ..checks.text import Doc
    from ..readers.raw import Draft

# The readers and the check sources are imported when a draft is read or checked, not when the
# registry is composed: a build that reads no draft does not pay for them (about 30 ms of imports).


def reader(name: str) -> Callable[..., Speech]:
    """Return the reader of a draft format: ``read(source, registry=…, kind=None) -> Speech``."""

    def read(source: Any, *, registry: Registry, **options: Any) -> Speech:
        from ..readers import read_draft

        return read_draft(source, name, kind=options.get("kind"), registry=registry).speech

    read.__doc__ = f"Read a {name} draft into a Speech with source positions."
    return read


#: The largest draft check also reads as import does (a speech is some ten thousand characters).
_READ_AGAIN = 200_000


def _set_aside(doc: Doc, size: int, draft: Callable[[], Draft], registry: Registry) -> Doc:
    """Give a draft's Doc what import sets aside in it, by line (SK105 reports the same lines).

    ``draft`` makes import's draft of the same lines; it is not made for a draft of more than ``_READ_AGAIN``
    characters (``size``): a draft no one pastes keeps check linear, and SK105's own rules still run.
    """
    from ..model.errors import SpeechkitError
    from ..readers.assemble import assemble
    from ..readers.roles import registered_roles

    if size > _READ_AGAIN:
        return doc
    try:
        notes = assemble(registered_roles(draft(), registry), registry=registry).notes
    except SpeechkitError:
        notes = []
    aside: dict[int, list[str]] = {}
    for note in notes:
        if note.action == "set aside":
            aside.setdefault(note.line, []).append(note.text)
    doc.memo["set_aside"] = aside
    return doc


def _size(doc: Doc) -> int:
    """The characters of a draft's text as check reads it."""
    return sum(len(unit.text) for unit in doc.units)


def _check_text(path: Path, registry: Registry) -> Doc:
    """A text draft's lines for check, with what import sets aside in them."""
    from ..checks.sources import doc_from_text, read_text_file
    from ..readers.txt import read_txt

    text = read_text_file(path)
    doc = doc_from_text(text, str(path))
    return _set_aside(doc, len(text), lambda: read_txt(text + "\n", str(path)), registry)


def _check_markdown(path: Path, registry: Registry) -> Doc:
    """A Markdown draft's positioned lines for check, read once for its units and for what import sets aside."""
    from ..checks.markdown_source import markdown_doc
    from ..checks.sources import read_text_file
    from ..readers.md import md_draft
    from ..readers.md_lines import md_blocks

    blocks = md_blocks(read_text_file(path))
    doc = markdown_doc(blocks, str(path))
    return _set_aside(doc, _size(doc), lambda: md_draft(blocks, str(path)), registry)


def _check_docx(path: Path, registry: Registry) -> Doc:
    """A .docx's positioned lines for check, read once for its units and for what import sets aside."""
    from ..checks.docx_source import docx_doc, docx_package
    from ..readers.docx import docx_draft

    package, blocks = docx_package(path)
    doc = docx_doc(blocks, str(path))
    return _set_aside(doc, _size(doc), lambda: docx_draft(blocks, package, str(path)), registry)


def _check_yaml(path: Path, registry: Registry) -> Doc:
    from ..checks.yaml_source import doc_from_yaml

    return doc_from_yaml(path, registry)


def _draft_txt(data: bytes, name: str) -> Draft:
    from ..readers.txt import read_txt

    return read_txt(data, name)


def _draft_md(data: bytes, name: str) -> Draft:
    from ..readers.md import read_md

    return read_md(data, name)


def _draft_docx(data: bytes, name: str) -> Draft:
    from ..readers.docx import read_docx

    return read_docx(data, name)


def builtin_formats() -> tuple[Format, ...]:
    """Return the built-in formats: writers, the readers of drafts, and facts YAML (which ``check`` reads)."""
    return (
        Format(
            "txt",
            (".txt", ".text"),
            None,
            reader("txt"),
            "plain text (drafts)",
            draft=_draft_txt,
            check=_check_text,
            fixable=True,
        ),
        Format(
            "md",
            (".md", ".markdown"),
            write_markdown,
            reader("md"),
            "Markdown (CommonMark)",
            draft=_draft_md,
            check=_check_markdown,
            fixable=True,
        ),
        Format(
            "docx",
            (".docx",),
            write_docx,
            reader("docx"),
            "Word (GB/T 9704 styles)",
            draft=_draft_docx,
            check=_check_docx,
        ),
        Format("pdf", (".pdf",), write_pdf, None, "PDF through LibreOffice"),
        Format("html", (".html", ".htm"), write=write_html, description="HTML page (A4 sheets, print CSS)"),
        Format(
            "facts", (".yaml", ".yml"), description="facts YAML (checked as built)", check=_check_yaml, fixable=True
        ),
    )

"""Writers: turn a Speech into Markdown, HTML, DOCX or PDF — each a registered format, as plugins' formats are."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model.speech import Speech
from .default_formats import DEFAULT_FORMATS as DEFAULT_FORMATS

if TYPE_CHECKING:
    from ..registry import Format, Registry


def render(speech: Speech, fmt: str = "md", *, registry: Registry | None = None, **options: Any) -> str | bytes:
    """Render a Speech in a registered format: ``"md"`` and ``"html"`` give text, ``"docx"`` and ``"pdf"`` bytes.

    ``options`` go to the format's writer; each takes what it knows (``templates``, ``reference_doc``,
    ``layout_template``, ``runin_bold``) and ignores the rest.
    """
    from ..registry import default_registry

    registry = registry or default_registry()
    writer = registry.writer(fmt).write
    assert writer is not None
    return writer(speech, registry=registry, **options)


def write_markdown(speech: Speech, *, registry: Registry | None = None, **options: Any) -> str:
    """Write Markdown (CommonMark) through the Jinja2 templates."""
    from .markdown import render_markdown

    return render_markdown(
        speech,
        templates=options.get("templates"),
        runin_bold=bool(options.get("runin_bold", False)),
        registry=registry,
    )


def write_html(speech: Speech, *, registry: Registry | None = None, **options: Any) -> str:
    """Write one self-contained HTML page: A4 sheets, GB/T 9704 margins and faces."""
    from .html import render_html

    return render_html(
        speech,
        templates=options.get("templates"),
        runin_bold=bool(options.get("runin_bold", False)),
        registry=registry,
    )


def write_docx(speech: Speech, *, registry: Registry | None = None, **options: Any) -> bytes:
    """Write a GB/T 9704 DOCX."""
    from .docx import render_docx

    return render_docx(
        speech,
        reference_doc=options.get("reference_doc"),
        layout_template=options.get("layout_template"),
        runin_bold=bool(options.get("runin_bold", False)),
        registry=registry,
    )


def write_pdf(speech: Speech, *, registry: Registry | None = None, **options: Any) -> bytes:
    """Write a PDF: the DOCX, converted by LibreOffice."""
    from .pdf import render_pdf

    return render_pdf(write_docx(speech, registry=registry, **options))


def reader(name: str) -> Callable[..., Speech]:
    """Return the reader of a draft format: ``read(source, kind=None) -> Speech`` (source: path, text, bytes)."""

    def read(source: Any, **options: Any) -> Speech:
        from ..readers import read_draft

        return read_draft(source, name, kind=options.get("kind")).speech

    read.__doc__ = f"Read a {name} draft into a Speech with source positions."
    return read


def builtin_formats() -> tuple[Format, ...]:
    """Return the built-in formats: writers and the readers of drafts."""
    from ..registry import Format

    return (
        Format("md", (".md", ".markdown"), write_markdown, reader("md"), "Markdown (CommonMark)"),
        Format("docx", (".docx",), write_docx, reader("docx"), "Word (GB/T 9704 styles)"),
        Format("pdf", (".pdf",), write_pdf, None, "PDF through LibreOffice"),
        Format("txt", (".txt", ".text"), None, reader("txt"), "plain text (drafts)"),
        Format("html", (".html", ".htm"), write=write_html, description="HTML page (A4 sheets, print CSS)"),
    )

"""Writers: turn a Speech into Markdown, HTML, DOCX or PDF — each a registered format, as plugins' formats are."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model.speech import Speech
from .default_formats import DEFAULT_FORMATS as DEFAULT_FORMATS

if TYPE_CHECKING:
    from ..registry import Registry


def write_markdown(speech: Speech, *, registry: Registry, **options: Any) -> str:
    """Write Markdown (CommonMark) through the Jinja2 templates."""
    from .markdown import render_markdown

    return render_markdown(
        speech,
        templates=options.get("templates"),
        runin_bold=bool(options.get("runin_bold", False)),
        registry=registry,
    )


def write_html(speech: Speech, *, registry: Registry, **options: Any) -> str:
    """Write one self-contained HTML page: A4 sheets, GB/T 9704 margins and faces."""
    from .html import render_html

    return render_html(
        speech,
        templates=options.get("templates"),
        runin_bold=bool(options.get("runin_bold", False)),
        registry=registry,
    )


def write_docx(speech: Speech, *, registry: Registry, **options: Any) -> bytes:
    """Write a GB/T 9704 DOCX."""
    from .docx import render_docx

    return render_docx(
        speech,
        reference_doc=options.get("reference_doc"),
        layout_template=options.get("layout_template"),
        runin_bold=bool(options.get("runin_bold", False)),
        registry=registry,
    )


def write_pdf(speech: Speech, *, registry: Registry, **options: Any) -> bytes:
    """Write a PDF: the DOCX, converted by LibreOffice."""
    from .pdf import render_pdf

    return render_pdf(write_docx(speech, registry=registry, **options))

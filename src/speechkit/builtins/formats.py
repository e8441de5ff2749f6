"""The built-in formats: the writers of Markdown, DOCX, PDF and HTML, and the readers of drafts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model.speech import Speech
from ..registry import Format, Registry
from ..writers import write_docx, write_html, write_markdown, write_pdf


def reader(name: str) -> Callable[..., Speech]:
    """Return the reader of a draft format: ``read(source, registry=…, kind=None) -> Speech``."""

    def read(source: Any, *, registry: Registry, **options: Any) -> Speech:
        from ..readers import read_draft

        return read_draft(source, name, kind=options.get("kind"), registry=registry).speech

    read.__doc__ = f"Read a {name} draft into a Speech with source positions."
    return read


def builtin_formats() -> tuple[Format, ...]:
    """Return the built-in formats: writers and the readers of drafts."""
    return (
        Format("md", (".md", ".markdown"), write_markdown, reader("md"), "Markdown (CommonMark)"),
        Format("docx", (".docx",), write_docx, reader("docx"), "Word (GB/T 9704 styles)"),
        Format("pdf", (".pdf",), write_pdf, None, "PDF through LibreOffice"),
        Format("txt", (".txt", ".text"), None, reader("txt"), "plain text (drafts)"),
        Format("html", (".html", ".htm"), write=write_html, description="HTML page (A4 sheets, print CSS)"),
    )

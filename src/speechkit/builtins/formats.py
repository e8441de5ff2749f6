"""The built-in formats: the writers of Markdown, DOCX, PDF and HTML, the readers of drafts, and facts YAML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..checks.docx_source import doc_from_docx
from ..checks.markdown_source import doc_from_markdown
from ..checks.sources import doc_from_text, read_text_file
from ..checks.text import Doc
from ..checks.yaml_source import doc_from_yaml
from ..model.speech import Speech
from ..readers.docx import read_docx
from ..readers.md import read_md
from ..readers.txt import read_txt
from ..registry import Format, Registry
from ..writers import write_docx, write_html, write_markdown, write_pdf


def reader(name: str) -> Callable[..., Speech]:
    """Return the reader of a draft format: ``read(source, registry=…, kind=None) -> Speech``."""

    def read(source: Any, *, registry: Registry, **options: Any) -> Speech:
        from ..readers import read_draft

        return read_draft(source, name, kind=options.get("kind"), registry=registry).speech

    read.__doc__ = f"Read a {name} draft into a Speech with source positions."
    return read


def _check_text(path: Path, registry: Registry) -> Doc:
    return doc_from_text(read_text_file(path), str(path))


def _check_markdown(path: Path, registry: Registry) -> Doc:
    return doc_from_markdown(read_text_file(path), str(path))


def _check_docx(path: Path, registry: Registry) -> Doc:
    return doc_from_docx(path)


def builtin_formats() -> tuple[Format, ...]:
    """Return the built-in formats: writers, the readers of drafts, and facts YAML (which ``check`` reads)."""
    return (
        Format(
            "txt",
            (".txt", ".text"),
            None,
            reader("txt"),
            "plain text (drafts)",
            draft=read_txt,
            check=_check_text,
            fixable=True,
        ),
        Format(
            "md",
            (".md", ".markdown"),
            write_markdown,
            reader("md"),
            "Markdown (CommonMark)",
            draft=read_md,
            check=_check_markdown,
            fixable=True,
        ),
        Format(
            "docx",
            (".docx",),
            write_docx,
            reader("docx"),
            "Word (GB/T 9704 styles)",
            draft=read_docx,
            check=_check_docx,
        ),
        Format("pdf", (".pdf",), write_pdf, None, "PDF through LibreOffice"),
        Format("html", (".html", ".htm"), write=write_html, description="HTML page (A4 sheets, print CSS)"),
        Format(
            "facts", (".yaml", ".yml"), description="facts YAML (checked as built)", check=doc_from_yaml, fixable=True
        ),
    )

"""Writers: turn a Speech into Markdown, HTML, DOCX or PDF."""

from __future__ import annotations

from typing import Any

from ..errors import RenderError
from ..model import Speech

#: Output formats and the file extension each writes.
FORMATS: dict[str, str] = {"md": "md", "docx": "docx", "pdf": "pdf", "html": "html"}
#: What ``speechkit build`` writes when no ``--format`` is given.
DEFAULT_FORMATS: tuple[str, ...] = ("md", "docx")


def render(speech: Speech, fmt: str = "md", **options: Any) -> str | bytes:
    """Render a Speech: ``"md"`` and ``"html"`` give text, ``"docx"`` and ``"pdf"`` give bytes."""
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(
            speech, templates=options.get("templates"), runin_bold=bool(options.get("runin_bold", False))
        )
    if fmt == "html":
        from .html import render_html

        return render_html(
            speech, templates=options.get("templates"), runin_bold=bool(options.get("runin_bold", False))
        )
    if fmt in ("docx", "pdf"):
        try:
            from .docx import render_docx
        except ImportError as exc:  # pragma: no cover - only while the DOCX writer is absent
            raise RenderError(f"DOCX output is not available: {exc}") from None
        docx = render_docx(
            speech,
            reference_doc=options.get("reference_doc"),
            layout_template=options.get("layout_template"),
            runin_bold=bool(options.get("runin_bold", False)),
        )
        if fmt == "docx":
            return docx
        from .pdf import render_pdf

        return render_pdf(docx)
    raise RenderError(f"unknown format {fmt!r}; known formats: {', '.join(FORMATS)}")

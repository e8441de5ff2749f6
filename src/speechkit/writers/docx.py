"""The DOCX writer: GB/T 9704 page and type, every paragraph named by a style, byte-reproducible."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..builder.layout import layout
from ..i18n import _
from ..model.errors import RenderError
from ..model.speech import Speech
from ..registry import Registry
from .docx_body import BodyWriter, role_styles
from .docx_package import builtin_package, package_docx
from .docx_xml import check_text

__all__ = ["pretty_document_xml", "render_docx"]


def render_docx(
    speech: Speech,
    *,
    reference_doc: str | Path | None = None,
    layout_template: str | Path | None = None,
    runin_bold: bool = False,
    registry: Registry,
) -> bytes:
    """Render a Speech as DOCX bytes; the same Speech and options always give the same bytes.

    Section types of ``registry`` lay out their own items, and the
    roles they register bring their DOCX styles.
    """
    extra = role_styles(registry.roles)
    if reference_doc is None:
        package = builtin_package(extra)
    else:
        from .docx_reference import reference_package

        package = reference_package(reference_doc, extra)
    blocks = layout(speech, registry)
    title = speech.meta.title
    check_text(title)
    if layout_template is not None:
        from .docx_layout_template import render_layout_template

        return render_layout_template(layout_template, speech, blocks, package, runin_bold)
    document = BodyWriter(package, runin_bold, registry.roles, speech.meta).document(blocks)
    return package_docx(package, document, title)


def pretty_document_xml(docx: bytes) -> str:
    """Return ``word/document.xml`` of a DOCX, pretty-printed (for golden-file tests)."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            data = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise RenderError(_("not a DOCX: {exc}").format(exc=exc)) from None
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    return etree.tostring(root, pretty_print=True, encoding="unicode")

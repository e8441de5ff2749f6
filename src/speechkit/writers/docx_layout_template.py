"""Layout templates: a user's DOCX with docxtpl placeholders rendered around the generated body.

Context: every text field of the front and back matter (``title``, ``subtitle``, ``doc_number``, ``issuer``,
``addressee``, ``signature``, ``date``, ``speaker``, ``occasion``, ``note``, ``cc`` …, as declared in
:mod:`speechkit.model.meta_fields`) and ``kind``, as plain text (autoescaped), and two blocks of
generated WordprocessingML for ``{{p ... }}`` placeholders: ``body`` (everything after the
heading matter: addressee, text, attachments, signature, date) and ``content`` (everything).
speechkit's styles (built-in or from the reference document) replace the template's styles of the
same ID, so the generated body keeps its GB/T 9704 type; the template keeps its own page setup,
headers, footers and directly formatted letterhead.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from markupsafe import Markup

from ..builder.layout import LayoutBlock, Para
from ..facts.budgets import budget, clean_message
from ..facts.sandbox import RENDER_FAILURES, BudgetedSandbox, failure_message
from ..i18n import _
from ..model.errors import Location, RenderError
from ..model.meta_fields import META_FIELDS
from ..model.speech import Speech
from ..safezip import DocxError, check_docx, open_docx
from .docx_body import BodyWriter
from .docx_package import Package, core_xml, write_zip
from .docx_reference import merge_fonts, override_styles, part_targets
from .docx_xml import plain_text

#: Paragraph roles a layout template places itself (the heading matter of a document).
HEAD_ROLES = frozenset({"issuer", "doc_number", "title", "subtitle", "dateline", "speaker"})
#: The metadata a template gets as text: every text field of the front and back matter, and the kind.
_META_FIELDS = (*(m.name for m in META_FIELDS if m.value in ("line", "date", "issuer")), "kind")


def template_context(speech: Speech, blocks: tuple[LayoutBlock, ...], writer: BodyWriter) -> dict[str, object]:
    """Return the docxtpl context: metadata as text, ``body`` and ``content`` as markup."""
    context: dict[str, object] = {}
    for name in _META_FIELDS:
        value = getattr(speech.meta, name)
        context[name] = plain_text(value)
    body = [block for block in blocks if not (isinstance(block, Para) and block.role in HEAD_ROLES)]
    context["body"] = Markup(writer.body(body))
    context["content"] = Markup(writer.body(blocks))
    return context


def render_layout_template(
    template: str | Path, speech: Speech, blocks: tuple[LayoutBlock, ...], package: Package, runin_bold: bool
) -> bytes:
    """Render a docxtpl layout template, sandboxed and within budgets, around the generated body."""
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined

    path = Path(template)
    if not path.is_file():
        raise RenderError(_("layout template {path} does not exist").format(path=path))
    try:
        check_docx(path)
    except DocxError as exc:
        raise RenderError(_("layout template: {message}").format(message=exc.message), exc.location) from None
    writer = BodyWriter(package, runin_bold)
    where = Location(str(path))
    try:
        with budget():
            document = DocxTemplate(str(path))
            environment = BudgetedSandbox(autoescape=True, undefined=StrictUndefined)
            document.render(template_context(speech, blocks, writer), environment, autoescape=True)
            buffer = io.BytesIO()
            document.save(buffer)
    except DocxError as exc:
        raise RenderError(_("layout template: {message}").format(message=exc.message), where) from None
    except (*RENDER_FAILURES, etree.LxmlError, zipfile.BadZipFile) as exc:  # type: ignore[misc]
        raise RenderError(_("layout template: {failure}").format(failure=_failure(exc)), where) from None
    return _normalize(buffer.getvalue(), speech.meta.title, package)


def _failure(exc: BaseException) -> str:
    """Describe a failure of docxtpl or of the template code in one safe line."""
    if isinstance(exc, etree.LxmlError):
        return clean_message(_("the rendered template is not valid XML: {exc}").format(exc=exc))
    if isinstance(exc, zipfile.BadZipFile):
        return clean_message(_("not a usable DOCX: {exc}").format(exc=exc))
    return failure_message(exc)


def _normalize(data: bytes, title: str, package: Package) -> bytes:
    """Put speechkit's styles and font hints in, fix core properties and zip timestamps."""
    with open_docx(data, "<rendered layout template>") as archive:
        files = archive.read_all()
    targets = part_targets(files)
    if targets.get("styles") in files:
        ours = next(part.data for part in package.parts if part.kind == "styles")
        files[targets["styles"]] = override_styles(files[targets["styles"]], ours)
    if targets.get("fontTable") in files:
        files[targets["fontTable"]] = merge_fonts(files[targets["fontTable"]])
    if "docProps/core.xml" in files:
        files["docProps/core.xml"] = core_xml(title).encode()
    first = [name for name in ("[Content_Types].xml", "_rels/.rels") if name in files]
    rest = sorted(name for name in files if name not in first)
    return write_zip([(name, files[name]) for name in first + rest])

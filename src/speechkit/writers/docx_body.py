"""Write the body of ``word/document.xml`` from layout blocks: styles named, no direct fonts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from ..builder.layout import LayoutBlock, Para, Run, TableBlock
from ..i18n import _
from ..model.errors import RenderError
from ..model.speech import Meta, Table
from ..registry import Role
from .docx_letter import LetterWriter
from .docx_notice import NoticeWriter, text_height
from .docx_order import W_NS
from .docx_package import R_NS, Package
from .docx_styles import HEADING_LEVELS, LINE, Style
from .docx_xml import run_content

#: Paragraph style of each paragraph role (headings and outline entries add their level).
PARA_STYLES: dict[str, str] = {
    "issuer": "Issuer",
    "doc_number": "DocNumber",
    "title": "Title",
    "subtitle": "Subtitle",
    "dateline": "Dateline",
    "speaker": "Speaker",
    "toc_title": "TOCHeading",
    "toc": "TOC",
    "addressee": "Addressee",
    "salutation": "Salutation",
    "heading": "Heading",
    "body": "BodyText",
    "closing": "Closing",
    "attachment": "Attachment",
    "signature": "Signature",
    "date": "Date",
    "caption": "Caption",
}
_MAX_LEVEL = HEADING_LEVELS[-1]
#: Roles of the title block; the paragraph after it stands one blank line below.
HEAD_ROLES = frozenset({"issuer", "doc_number", "title", "subtitle", "speaker", "dateline"})
#: Roles the notice writer places itself (版头, 署名和成文日期).
NOTICE_ROLES = frozenset({"issuer", "doc_number", "signature", "date"})
#: A cell holding a number (count, share, amount): right-aligned.
_NUMBER = r"^[+\-−]?[0-9０-９][0-9０-９,，.．]*\s*[%％‰]?$"


@cache
def _number() -> re.Pattern[str]:
    return re.compile(_NUMBER)


def is_number(text: str) -> bool:
    """Return whether a cell holds a number."""
    return _number().match(text) is not None


#: A title the author broke by hand keeps its breaks.
_MANUAL_BREAK = re.compile("[\t\n\r\x0b]")
#: The TOC field Word fills in (F9): outline levels 1–2, from heading styles and outline levels.
TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '


def role_styles(roles: Mapping[str, Role]) -> tuple[Style, ...]:
    """Return the DOCX styles registered roles bring (added to the package's styles)."""
    return tuple(role.render["docx"] for role in roles.values() if isinstance(role.render.get("docx"), Style))


def para_style(para: Para, roles: Mapping[str, Role] | None = None) -> str:
    """Return the speechkit style ID of a paragraph (a registered role's own style for its roles)."""
    style = PARA_STYLES.get(para.role) or _registered(para.role, "paragraph", roles)
    if not style:
        raise RenderError(_("no DOCX style for paragraph role {role!r}").format(role=para.role))
    if para.role == "heading":
        return f"Heading{_clamp(para.level)}"
    if para.role == "toc":
        return "TOC2" if para.level >= 2 else "TOC1"
    return style


def run_style(run: Run, para: Para, runin_bold: bool, roles: Mapping[str, Role] | None = None) -> str:
    """Return the character style ID of a run, or ``""`` for plain paragraph text."""
    if run.role == "text" or para.role == "heading":
        return ""
    if run.role == "heading":
        return f"HeadingRunIn{_clamp(run.level)}"
    if run.role == "runin":
        return "RunInBold" if runin_bold else "RunIn"
    style = _registered(run.role, "run", roles)
    if style:
        return style
    if roles is not None and run.role in roles:
        return ""  # a registered run role without a DOCX style is written as plain text
    raise RenderError(_("no DOCX style for run role {role!r}").format(role=run.role))


def _registered(name: str, kind: str, roles: Mapping[str, Role] | None) -> str:
    """Return the style ID a registered role of ``kind`` gives in DOCX, or ``""``."""
    role = (roles or {}).get(name)
    if role is None or role.kind != kind:
        return ""
    style = role.render.get("docx")
    if isinstance(style, Style):
        return style.id
    return "BodyText" if kind == "paragraph" else ""


def _clamp(level: int) -> int:
    return min(max(level, 1), _MAX_LEVEL)


class BodyWriter:
    """Write layout blocks as WordprocessingML for one package's style IDs."""

    def __init__(
        self,
        package: Package,
        runin_bold: bool = False,
        roles: Mapping[str, Role] | None = None,
        meta: Meta | None = None,
    ) -> None:
        self.roles = roles if roles is not None else {}
        self.styles: Mapping[str, str] = package.style_ids
        self.text_width = package.text_width
        self.runin_bold = runin_bold
        self.package = package
        self.meta = meta
        writer = LetterWriter if meta is not None and meta.form == "letter" else NoticeWriter
        self.notice = (
            writer(meta, self.styles, self.text_width, text_height(package.page_setup)) if meta is not None else None
        )

    def body(self, blocks: Iterable[LayoutBlock]) -> str:
        """Return the XML of ``blocks`` (paragraphs and tables), without ``w:body``.

        With the document's Meta, the 版头 replaces the issuer and number lines, 署名 and 成文日期
        are placed per GB/T 9704 §7.3.5, and attachment pages follow.
        """
        out: list[str] = []
        last_table = False
        previous = ""
        notice = self.notice
        blocks = tuple(blocks)
        toc = [index for index, block in enumerate(blocks) if isinstance(block, Para) and block.role == "toc"]
        field = bool(self.meta is not None and self.meta.toc_field and toc)
        for index, block in enumerate(blocks):
            if isinstance(block, TableBlock):
                out.append(self.table(block.table))
                last_table = True
                previous = "table"
                continue
            last_table = False
            role = block.role
            if notice is not None and role in NOTICE_ROLES:
                if role in ("issuer", "doc_number") and previous not in ("issuer", "doc_number"):
                    out.append(notice.head())
                elif role in ("signature", "date") and previous not in ("signature", "date"):
                    out.append(notice.signature_and_date())
                previous = role
                continue
            before = 0
            if role == "title" and previous not in ("issuer", "doc_number") and notice and notice.has_head():
                out.append(notice.head())  # 份号, 密级 or 紧急程度 without an issuer or number
                previous = "doc_number" if self.meta and self.meta.doc_number else "marks"
            if role == "title" and previous in ("issuer", "doc_number"):
                before = 2 * LINE
            elif role == "title" and previous == "marks":
                before = LINE
            elif (previous in HEAD_ROLES and role not in HEAD_ROLES) or (previous == "toc" and role != "toc"):
                before = LINE  # one blank line after the title block, and after the printed outline
            begin = field and index == toc[0]
            end = field and index == toc[-1]
            out.append(self.paragraph(block, before, begin, end))
            previous = role
        if notice is not None and self.meta is not None:
            if not any(isinstance(b, Para) and b.role in ("signature", "date") for b in blocks) and (self.meta.note):
                out.append(notice.signature_and_date())
            pages = notice.attachment_pages(lambda text: f"<w:r>{run_content(text)}</w:r>")
            out.append(pages)
            last_table = last_table and not pages
        if last_table:
            out.append(self.paragraph(Para("body", ())))
        return "".join(out)

    def document(self, blocks: Iterable[LayoutBlock]) -> str:
        """Return the whole ``word/document.xml``; a 版记 gets a section of its own on an even page."""
        body = self.body(blocks)
        notice = self.notice
        if notice is not None and notice.has_imprint():
            body = _close_section(body, self.package.sect_pr())
            body += notice.imprint() + notice.imprint_end()
            sect_pr = self.package.imprint_sect_pr()
        else:
            sect_pr = self.package.sect_pr(first_page_blank=isinstance(notice, LetterWriter))
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            f"{body}{sect_pr}</w:body></w:document>"
        )

    def paragraph(self, para: Para, before: int = 0, toc_begin: bool = False, toc_end: bool = False) -> str:
        """Return one ``w:p``; ``before`` twips of space above it; the TOC field begins or ends in it."""
        styles = self.styles
        runs = []
        texts = para.runs
        if para.role == "title" and self.meta is not None and not _MANUAL_BREAK.search(para.text):
            from .title_lines import title_lines

            texts = (Run("\n".join(title_lines(para.text))),)
        for run in texts:
            if not run.text:
                continue
            style = run_style(run, para, self.runin_bold, self.roles)
            if style:
                runs.append(f'<w:r><w:rPr><w:rStyle w:val="{styles[style]}"/></w:rPr>{run_content(run.text)}</w:r>')
            else:
                runs.append(f"<w:r>{run_content(run.text)}</w:r>")
        if toc_begin:
            runs.insert(0, _toc_begin())
        if toc_end:
            runs.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        # pStyle, spacing, outlineLvl: the three are written in the order of the schema's w:pPr sequence.
        props = [f'<w:pStyle w:val="{styles[para_style(para, self.roles)]}"/>']
        if before:
            props.append(f'<w:spacing w:before="{before}"/>')
        level = outline_level(para)
        if level is not None:
            props.append(f'<w:outlineLvl w:val="{level}"/>')
        return f"<w:p><w:pPr>{''.join(props)}</w:pPr>{''.join(runs)}</w:p>"

    def table(self, table: Table) -> str:
        """Return a bordered ``w:tbl`` as wide as the text block, the header row repeated."""
        columns = len(table.columns)
        if columns == 0:
            raise RenderError(_("a table needs at least one column"))
        widths = column_widths(table, self.text_width)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        rows = [self.row(table.columns, widths, header=True)]
        for number, row in enumerate(table.rows, 1):
            if len(row) > columns:
                raise RenderError(
                    _("table row {number} has {n_row} cells but the table has {columns} columns").format(
                        number=number, n_row=len(row), columns=columns
                    )
                )
            rows.append(self.row(tuple(row) + ("",) * (columns - len(row)), widths, header=False))
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles["TableGrid"]}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )

    def row(self, cells: tuple[str, ...], widths: list[int], header: bool) -> str:
        """Return one ``w:tr``; a header row repeats on every page; numbers are right-aligned."""
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
        out = []
        for text, width in zip(cells, widths, strict=True):
            kind = "TableHeader" if header else "TableNumber" if is_number(text) else "TableText"
            style = self.styles[kind]
            run = f"<w:r>{run_content(text)}</w:r>" if text else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p></w:tc>'
            )
        return f"<w:tr>{trpr}{''.join(out)}</w:tr>"


def outline_level(para: Para) -> int | None:
    """Return the outline level (0-based) of a body paragraph that opens with a run-in heading.

    Character styles cannot carry an outline level, so the paragraph takes its heading's: Word's
    navigation pane and a TOC field then show run-in level-2 headings too.
    """
    if para.role != "body":
        return None
    for run in para.runs:
        if run.text:
            return _clamp(run.level) - 1 if run.role == "heading" else None
    return None


def _toc_begin() -> str:
    """Return the runs that open the TOC field; the printed outline is its result until Word updates it."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{TOC_INSTRUCTION}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


def _close_section(body: str, sect_pr: str) -> str:
    """Put ``sect_pr`` into the last paragraph of ``body`` (adding an empty one after a table)."""
    end = body.rfind("</w:p>")
    if end < 0 or body.endswith("</w:tbl>"):
        return body + f"<w:p><w:pPr>{sect_pr}</w:pPr></w:p>"
    start = body.rfind("<w:p>", 0, end)
    paragraph = body[start : end + len("</w:p>")]
    if "<w:pPr>" in paragraph:
        closed = paragraph.replace("</w:pPr>", f"{sect_pr}</w:pPr>", 1)
    else:
        closed = paragraph.replace("<w:p>", f"<w:p><w:pPr>{sect_pr}</w:pPr>", 1)
    return body[:start] + closed + body[end + len("</w:p>") :]


def column_widths(table: Table, total: int) -> list[int]:
    """Split ``total`` twips between columns by their longest text (2 to 16 characters)."""
    columns = len(table.columns)
    weights = []
    for index in range(columns):
        cells = [table.columns[index], *(row[index] for row in table.rows if index < len(row))]
        weights.append(min(max(max(len(cell) for cell in cells), 2), 16))
    scale = total / sum(weights)
    widths = [int(weight * scale) for weight in weights]
    widths[-1] += total - sum(widths)
    return widths

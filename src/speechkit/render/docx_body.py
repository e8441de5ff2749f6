"""Write the body of ``word/document.xml`` from layout blocks: styles named, no direct fonts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import RenderError
from ..layout import LayoutBlock, Para, Run, TableBlock
from ..model import Table
from ..registry import Role
from .docx_package import R_NS, Package
from .docx_styles import HEADING_LEVELS, W_NS, Style
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


def role_styles(roles: Mapping[str, Role]) -> tuple[Style, ...]:
    """Return the DOCX styles registered roles bring (added to the package's styles)."""
    return tuple(role.render["docx"] for role in roles.values() if isinstance(role.render.get("docx"), Style))


def para_style(para: Para, roles: Mapping[str, Role] | None = None) -> str:
    """Return the speechkit style ID of a paragraph (a registered role's own style for its roles)."""
    style = PARA_STYLES.get(para.role) or _registered(para.role, "paragraph", roles)
    if not style:
        raise RenderError(f"no DOCX style for paragraph role {para.role!r}")
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
    raise RenderError(f"no DOCX style for run role {run.role!r}")


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

    def __init__(self, package: Package, runin_bold: bool = False, roles: Mapping[str, Role] | None = None) -> None:
        if roles is None:
            from ..registry import default_registry

            roles = default_registry().roles
        self.roles = roles
        self.styles: Mapping[str, str] = package.style_ids
        self.text_width = package.text_width
        self.runin_bold = runin_bold
        self.package = package

    def body(self, blocks: Iterable[LayoutBlock]) -> str:
        """Return the XML of ``blocks`` (paragraphs and tables), without ``w:body``."""
        out: list[str] = []
        last_table = False
        for block in blocks:
            if isinstance(block, TableBlock):
                out.append(self.table(block.table))
                last_table = True
            else:
                out.append(self.paragraph(block))
                last_table = False
        if last_table:
            out.append(self.paragraph(Para("body", ())))
        return "".join(out)

    def document(self, blocks: Iterable[LayoutBlock]) -> str:
        """Return the whole ``word/document.xml``."""
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            f"{self.body(blocks)}{self.package.sect_pr()}</w:body></w:document>"
        )

    def paragraph(self, para: Para) -> str:
        """Return one ``w:p``."""
        styles = self.styles
        runs = []
        for run in para.runs:
            if not run.text:
                continue
            style = run_style(run, para, self.runin_bold, self.roles)
            if style:
                runs.append(f'<w:r><w:rPr><w:rStyle w:val="{styles[style]}"/></w:rPr>{run_content(run.text)}</w:r>')
            else:
                runs.append(f"<w:r>{run_content(run.text)}</w:r>")
        return f'<w:p><w:pPr><w:pStyle w:val="{styles[para_style(para, self.roles)]}"/></w:pPr>{"".join(runs)}</w:p>'

    def table(self, table: Table) -> str:
        """Return a bordered ``w:tbl`` as wide as the text block, the header row repeated."""
        columns = len(table.columns)
        if columns == 0:
            raise RenderError("a table needs at least one column")
        widths = column_widths(table, self.text_width)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        rows = [self.row(table.columns, widths, header=True)]
        for number, row in enumerate(table.rows, 1):
            if len(row) > columns:
                raise RenderError(f"table row {number} has {len(row)} cells but the table has {columns} columns")
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
        """Return one ``w:tr``; a header row repeats on every page."""
        style = self.styles["TableHeader" if header else "TableText"]
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else ""
        out = []
        for text, width in zip(cells, widths, strict=True):
            run = f"<w:r>{run_content(text)}</w:r>" if text else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p></w:tc>'
            )
        return f"<w:tr>{trpr}{''.join(out)}</w:tr>"


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

"""The reference package: every DOCX part except the body, prepared once, and the zip writer."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from .docx_order import W_NS
from .docx_styles import Style, all_styles, font_table_xml, styles_part
from .docx_xml import escape

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument"
_PKG = "application/vnd.openxmlformats-package"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

#: Zip entry time: the earliest a zip can store, so builds never depend on the clock.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

#: Content type and relationship type of each part kind the writer knows.
PART_KINDS: dict[str, tuple[str, str]] = {
    "styles": (f"{_WML}.styles+xml", f"{_REL}/styles"),
    "settings": (f"{_WML}.settings+xml", f"{_REL}/settings"),
    "fontTable": (f"{_WML}.fontTable+xml", f"{_REL}/fontTable"),
    "footer": (f"{_WML}.footer+xml", f"{_REL}/footer"),
    "header": (f"{_WML}.header+xml", f"{_REL}/header"),
    "theme": ("application/vnd.openxmlformats-officedocument.theme+xml", f"{_REL}/theme"),
    "numbering": (f"{_WML}.numbering+xml", f"{_REL}/numbering"),
}

#: Page setup per GB/T 9704: A4, margins 37/35/28/26 mm, 22 lines of 28 characters.
PAGE_SETUP = (
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" '
    'w:header="851" w:footer="1247" w:gutter="0"/>'
    '<w:cols w:space="425"/>'
    '<w:docGrid w:type="lines" w:linePitch="579"/>'
)

#: ``— N —``: two half-width spaces each side, wide enough that PDF text extraction keeps them.
DASH_LEFT, DASH_RIGHT = "—  ", "  —"
ODD_FOOTER_ID = "rId101"
EVEN_FOOTER_ID = "rId102"
#: An empty footer for pages that carry no number (the 版记 page and a blank page before it).
BLANK_FOOTER_ID = "rId103"


class Part(NamedTuple):
    """A package part: its name in the zip, its kind (see PART_KINDS) and its bytes."""

    name: str
    kind: str
    data: bytes
    rel_id: str = ""


class Package(NamedTuple):
    """Everything but the body: parts, page setup and the style IDs the body may use."""

    parts: tuple[Part, ...]
    page_setup: str = PAGE_SETUP
    #: speechkit style ID -> the ID of the style to use in this package (left out: none, read-only).
    style_ids: Mapping[str, str] = MappingProxyType({})
    #: Width of the text block in twips (tables are laid out to it).
    text_width: int = 8845

    def sect_pr(self, *, first_page_blank: bool = False) -> str:
        """Return the body's ``w:sectPr``: odd and even footers, then the page setup.

        ``first_page_blank`` gives the first page a footer without a number (a letter's, GB/T 9704 §10.1).
        """
        footers: tuple[tuple[str, str], ...] = (("default", ODD_FOOTER_ID), ("even", EVEN_FOOTER_ID))
        if first_page_blank:
            footers += (("first", BLANK_FOOTER_ID),)
        refs = "".join(
            f'<w:footerReference w:type="{kind}" r:id="{rel}"/>'
            for kind, rel in footers
            if any(part.rel_id == rel for part in self.parts)
        )
        setup = self.page_setup
        if first_page_blank and "first" in refs:
            setup = setup.replace("<w:docGrid", "<w:titlePg/><w:docGrid", 1)
        return f"<w:sectPr>{refs}{setup}</w:sectPr>"

    def imprint_sect_pr(self) -> str:
        """Return the 版记 section: it starts on an even page and its pages carry no number."""
        refs = "".join(
            f'<w:footerReference w:type="{kind}" r:id="{BLANK_FOOTER_ID}"/>'
            for kind in ("default", "even")
            if any(part.rel_id == BLANK_FOOTER_ID for part in self.parts)
        )
        # Off the line grid: LibreOffice would push the rows down to the next grid line.
        setup = re.sub(r'(<w:docGrid\b[^>]*?) w:type="[^"]*"', r"\1", self.page_setup)
        return f'<w:sectPr>{refs}<w:type w:val="evenPage"/>{setup}</w:sectPr>'


def footer_xml(style: str) -> str:
    """Return a footer holding ``— N —`` with N a PAGE field, every run in the page-number style."""
    rpr = '<w:rPr><w:rStyle w:val="PageNumber"/></w:rPr>'
    runs = (
        f'<w:r>{rpr}<w:t xml:space="preserve">{DASH_LEFT}</w:t></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{DASH_RIGHT}</w:t></w:r>'
    )
    return (
        f'{XML_HEAD}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p></w:ftr>'
    )


def blank_footer_xml() -> str:
    """Return a footer with one empty paragraph: pages of its section carry no number."""
    paragraph = '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>'
    return f'{XML_HEAD}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraph}</w:ftr>'


def settings_xml() -> str:
    """Return ``word/settings.xml``: separate odd and even footers, no field-update prompt."""
    return (
        f'{XML_HEAD}<w:settings xmlns:w="{W_NS}">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def builtin_parts(extra: tuple[Style, ...] = ()) -> tuple[Part, ...]:
    """Return the parts of the built-in reference package (``extra``: styles registered by plugins)."""
    return (
        Part("word/styles.xml", "styles", styles_part(extra), "rId1"),
        Part("word/settings.xml", "settings", settings_xml().encode(), "rId2"),
        Part("word/fontTable.xml", "fontTable", font_table_xml().encode(), "rId3"),
        Part("word/footer1.xml", "footer", footer_xml("FooterOdd").encode(), ODD_FOOTER_ID),
        Part("word/footer2.xml", "footer", footer_xml("FooterEven").encode(), EVEN_FOOTER_ID),
        Part("word/footer3.xml", "footer", blank_footer_xml().encode(), BLANK_FOOTER_ID),
    )


@lru_cache(maxsize=8)
def builtin_package(extra: tuple[Style, ...] = ()) -> Package:
    """Return the built-in reference package with ``extra`` styles (built once per set of styles)."""
    return Package(builtin_parts(extra), PAGE_SETUP, {style.id: style.id for style in all_styles(extra)})


def content_types_xml(parts: tuple[Part, ...]) -> str:
    """Return ``[Content_Types].xml`` for the document, properties and ``parts``."""
    overrides = [
        ("/word/document.xml", f"{_WML}.document.main+xml"),
        ("/docProps/core.xml", f"{_PKG}.core-properties+xml"),
        ("/docProps/app.xml", f"{_OFFICE}.extended-properties+xml"),
    ]
    overrides += [(f"/{part.name}", PART_KINDS[part.kind][0]) for part in parts]
    body = "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
    return (
        f'{XML_HEAD}<Types xmlns="{CT_NS}">'
        f'<Default Extension="rels" ContentType="{_PKG}.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>'
    )


def document_rels_xml(parts: tuple[Part, ...]) -> str:
    """Return ``word/_rels/document.xml.rels`` pointing at ``parts``."""
    body = "".join(
        f'<Relationship Id="{part.rel_id}" Type="{PART_KINDS[part.kind][1]}" '
        f'Target="{part.name.removeprefix("word/")}"/>'
        for part in parts
        if part.rel_id
    )
    return f'{XML_HEAD}<Relationships xmlns="{PKG_RELS_NS}">{body}</Relationships>'


def root_rels_xml() -> str:
    """Return ``_rels/.rels``: the main document and the two property parts."""
    return (
        f'{XML_HEAD}<Relationships xmlns="{PKG_RELS_NS}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )


def core_xml(title: str) -> str:
    """Return ``docProps/core.xml`` with fixed values: no clock, no user name."""
    return (
        f"{XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(' '.join(title.split()))}</dc:title><dc:creator>speechkit</dc:creator>"
        "<dc:language>zh-CN</dc:language>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    """Return ``docProps/app.xml``."""
    return (
        f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>speechkit</Application></Properties>'
    )


@lru_cache(maxsize=8)
def _fixed_entries(parts: tuple[Part, ...]) -> tuple[tuple[str, bytes], ...]:
    """Return the entries every document of a package shares, in zip order."""
    return (
        ("[Content_Types].xml", content_types_xml(parts).encode()),
        ("_rels/.rels", root_rels_xml().encode()),
        ("docProps/app.xml", app_xml().encode()),
        ("word/_rels/document.xml.rels", document_rels_xml(parts).encode()),
        *((part.name, part.data) for part in parts),
    )


def write_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """Zip ``entries`` in the given order with fixed timestamps and attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buffer.getvalue()


def package_docx(package: Package, document: str, title: str) -> bytes:
    """Assemble a DOCX from a package and the text of ``word/document.xml``."""
    fixed = _fixed_entries(package.parts)
    entries = [
        fixed[0],
        fixed[1],
        ("docProps/core.xml", core_xml(title).encode()),
        fixed[2],
        ("word/document.xml", document.encode()),
        *fixed[3:],
    ]
    return write_zip(entries)

"""The built-in styles and font table: every font and size of a speechkit DOCX lives here."""

from __future__ import annotations

from typing import NamedTuple

from .docx_order import W_NS, sort_children
from .docx_xml import escape_attr
from .faces import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG

#: Official faces (GB/T 9704) named in the styles; readers substitute what they lack.

#: One text line (28.95 pt exact, 225 mm / 22) and one body character (三号, 16 pt) in twips.
LINE = 579
CHAR = 320

#: Red of the 发文机关标志 and the separator rule.
RED = "FF0000"
#: Size of the 发文机关标志 in half points (小初, 36 pt); long names are condensed to one line.
ISSUER_SIZE = 72

#: East Asian font of each heading level (1 黑体, 2 楷体, 3.. 仿宋).
HEADING_FONTS: dict[int, str] = {1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG, 5: FANGSONG}
HEADING_LEVELS = tuple(HEADING_FONTS)


class Style(NamedTuple):
    """One ``w:style``: its type, English ID, unique name, parent and property XML."""

    type: str
    id: str
    name: str
    based_on: str = ""
    ppr: str = ""
    rpr: str = ""
    next: str = ""
    default: bool = False
    hidden: bool = False
    extra: str = ""

    def xml(self) -> str:
        """Return the ``w:style`` element as XML text."""
        default = ' w:default="1"' if self.default else ""
        parts = [
            f'<w:style w:type="{self.type}"{default} w:styleId="{self.id}">',
            f'<w:name w:val="{escape_attr(self.name)}"/>',
        ]
        if self.based_on:
            parts.append(f'<w:basedOn w:val="{self.based_on}"/>')
        if self.next:
            parts.append(f'<w:next w:val="{self.next}"/>')
        if self.hidden:
            parts.append("<w:semiHidden/><w:unhideWhenUsed/>")
        parts.append("<w:qFormat/>")
        if self.ppr:
            parts.append(f"<w:pPr>{sort_children('pPr', self.ppr)}</w:pPr>")
        if self.rpr:
            parts.append(f"<w:rPr>{sort_children('rPr', self.rpr)}</w:rPr>")
        parts.append(self.extra)
        parts.append("</w:style>")
        return "".join(parts)


def fonts(east_asia: str, latin: str = LATIN) -> str:
    """Return ``w:rFonts`` naming ``east_asia`` for Chinese and ``latin`` for the rest."""
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'


def size(half_points: int) -> str:
    """Return ``w:sz`` and ``w:szCs`` for a size in half points."""
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def spacing(line: int = LINE, rule: str = "exact", before: int = 0, after: int = 0) -> str:
    """Return paragraph spacing: exact line pitch by default, nothing before or after."""
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="{rule}"/>'


def indent(first_chars: int = 0, left_chars: int = 0, right_chars: int = 0, char: int = CHAR) -> str:
    """Return ``w:ind`` in characters (hundredths), with twips for readers that ignore chars."""
    return (
        f'<w:ind w:left="{left_chars * char // 100}" w:leftChars="{left_chars}" '
        f'w:right="{right_chars * char // 100}" w:rightChars="{right_chars}" '
        f'w:firstLine="{first_chars * char // 100}" w:firstLineChars="{first_chars}"/>'
    )


_CENTRE = '<w:jc w:val="center"/>' + indent()
_FLUSH = '<w:jc w:val="left"/>' + indent()
_KEEP = "<w:keepNext/>"
#: No extra space between Chinese and Latin text (dates must measure as written: 2018年10月7日).
_NO_AUTOSPACE = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
_BODY_INDENT = indent(first_chars=200)
_CONDENSED = '<w:spacing w:val="-5"/>'
_TABLE_PPR = '<w:snapToGrid w:val="0"/>' + spacing(240, "auto") + indent() + '<w:jc w:val="left"/>'


def paragraph_styles() -> tuple[Style, ...]:
    """Return the paragraph styles: Normal, body, front and back matter, headings, tables, footer."""
    body = fonts(FANGSONG) + _CONDENSED + size(32)
    styles = [
        Style(
            "paragraph",
            "Normal",
            "Normal",
            default=True,
            ppr='<w:widowControl w:val="0"/><w:jc w:val="both"/>' + spacing(),
            rpr=body,
        ),
        Style("paragraph", "BodyText", "Body Text", "Normal", _BODY_INDENT, _CONDENSED, "BodyText"),
        Style("paragraph", "CopyNumber", "份号", "Normal", _FLUSH, "", "Secrecy"),
        Style("paragraph", "Secrecy", "密级和保密期限", "Normal", _FLUSH, fonts(HEITI), "Urgency"),
        Style("paragraph", "Urgency", "紧急程度", "Normal", _FLUSH, fonts(HEITI), "Issuer"),
        Style(
            "paragraph",
            "Issuer",
            "发文机关标志",
            "Normal",
            '<w:snapToGrid w:val="0"/>' + _CENTRE + spacing(round(ISSUER_SIZE * 12)),
            fonts(XIAOBIAOSONG) + '<w:spacing w:val="0"/>' + size(ISSUER_SIZE) + f'<w:color w:val="{RED}"/>',
            "DocNumber",
        ),
        Style("paragraph", "DocNumber", "发文字号", "Normal", _CENTRE, "", "Title"),
        Style("paragraph", "Signer", "签发人", "Normal", _FLUSH, "", "Title"),
        Style(
            "paragraph",
            "Title",
            "Title",
            "Normal",
            _KEEP + '<w:snapToGrid w:val="0"/>' + _CENTRE,
            fonts(XIAOBIAOSONG) + '<w:spacing w:val="0"/>' + size(44),
            "BodyText",
        ),
        Style("paragraph", "Subtitle", "Subtitle", "Normal", _CENTRE, fonts(KAITI), "BodyText"),
        Style("paragraph", "Dateline", "讲话日期", "Normal", _CENTRE, fonts(KAITI), "BodyText"),
        Style("paragraph", "Speaker", "讲话人", "Normal", _CENTRE, fonts(KAITI), "BodyText"),
        Style("paragraph", "TOCHeading", "TOC Heading", "Normal", _CENTRE, fonts(HEITI), "TOC1"),
        Style("paragraph", "TOC1", "toc 1", "Normal", _BODY_INDENT, fonts(HEITI), "TOC2"),
        Style("paragraph", "TOC2", "toc 2", "Normal", indent(first_chars=200, left_chars=200), fonts(KAITI), "TOC2"),
        Style("paragraph", "Addressee", "主送机关", "Normal", _FLUSH, "", "BodyText"),
        Style("paragraph", "Salutation", "Salutation", "Normal", _FLUSH, "", "BodyText"),
        Style("paragraph", "Closing", "Closing", "BodyText", "", "", "Closing"),
        Style(
            "paragraph",
            "Attachment",
            "附件说明",
            "BodyText",
            "<w:contextualSpacing/>" + spacing(before=LINE),
            "",
            "Attachment",
        ),
        Style(
            "paragraph",
            "Signature",
            "Signature",
            "Normal",
            _NO_AUTOSPACE + '<w:jc w:val="right"/>' + spacing(before=LINE) + indent(right_chars=400),
            "",
            "Date",
        ),
        Style("paragraph", "Date", "Date", "Normal", _NO_AUTOSPACE + '<w:jc w:val="right"/>' + indent(right_chars=400)),
        Style("paragraph", "Note", "附注", "BodyText", "", "", "BodyText"),
        Style(
            "paragraph",
            "AttachmentLabel",
            "附件标识",
            "Normal",
            "<w:pageBreakBefore/><w:keepNext/>" + _FLUSH,
            fonts(HEITI),
            "AttachmentTitle",
        ),
        Style(
            "paragraph",
            "AttachmentTitle",
            "附件标题",
            "Title",
            '<w:snapToGrid w:val="0"/>' + spacing(before=LINE),
            "",
            "BodyText",
        ),
        Style("paragraph", "Caption", "caption", "Normal", _KEEP + _CENTRE, fonts(HEITI), "BodyText"),
        Style(
            "paragraph", "TableText", "表格文字", "Normal", _TABLE_PPR, '<w:spacing w:val="0"/>' + size(28), "TableText"
        ),
        Style("paragraph", "TableHeader", "表格表头", "TableText", '<w:jc w:val="center"/>', fonts(HEITI), "TableText"),
        Style("paragraph", "TableNumber", "表格数字", "TableText", '<w:jc w:val="right"/>', "", "TableText"),
        Style(
            "paragraph",
            "Imprint",
            "版记",
            "Normal",
            '<w:snapToGrid w:val="0"/>' + _FLUSH,
            '<w:spacing w:val="0"/>' + size(28),
            "Imprint",
        ),
        Style(
            "paragraph",
            "Footer",
            "footer",
            "Normal",
            '<w:snapToGrid w:val="0"/>' + spacing(240, "auto") + indent(),
            fonts(SONGTI) + '<w:spacing w:val="0"/>' + size(28),
            hidden=True,
        ),
        Style(
            "paragraph",
            "FooterOdd",
            "页码（奇数页）",
            "Footer",
            '<w:jc w:val="right"/>' + indent(right_chars=100, char=280),
        ),
        Style(
            "paragraph",
            "FooterEven",
            "页码（偶数页）",
            "Footer",
            '<w:jc w:val="left"/>' + indent(left_chars=100, char=280),
        ),
    ]
    for level, face in HEADING_FONTS.items():
        styles.append(
            Style(
                "paragraph",
                f"Heading{level}",
                f"heading {level}",
                "BodyText",
                f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>',
                fonts(face),
                "BodyText",
            )
        )
    return tuple(styles)


def character_styles() -> tuple[Style, ...]:
    """Return the character styles: run-in headings per level, run-in sentences, page number."""
    styles = [
        Style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True, hidden=True),
        Style("character", "RunIn", "分项句", "DefaultParagraphFont"),
        Style("character", "RunInBold", "分项句（加粗）", "DefaultParagraphFont", rpr="<w:b/><w:bCs/>"),
        Style("character", "SignerName", "签发人姓名", "DefaultParagraphFont", rpr=fonts(KAITI)),
        Style("character", "PageNumber", "page number", "DefaultParagraphFont", rpr=fonts(SONGTI) + size(28)),
    ]
    for level, face in HEADING_FONTS.items():
        styles.append(
            Style("character", f"HeadingRunIn{level}", f"段内标题 {level}", "DefaultParagraphFont", rpr=fonts(face))
        )
    return tuple(styles)


def table_styles() -> tuple[Style, ...]:
    """Return the default table style and the bordered grid speechkit tables use."""
    margins = (
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    )
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (
        Style(
            "table",
            "TableNormal",
            "Normal Table",
            default=True,
            hidden=True,
            extra=f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{margins}</w:tblPr>',
        ),
        Style(
            "table",
            "TableGrid",
            "Table Grid",
            "TableNormal",
            extra=f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders>{margins}</w:tblPr>",
        ),
    )


def all_styles(extra: tuple[Style, ...] = ()) -> tuple[Style, ...]:
    """Return every style speechkit output refers to, and the ``extra`` styles plugins' roles register."""
    builtin = paragraph_styles() + character_styles() + table_styles()
    ids = {style.id for style in builtin}
    return builtin + tuple(style for style in extra if style.id not in ids)


def styles_xml(extra: tuple[Style, ...] = ()) -> str:
    """Return the built-in ``word/styles.xml`` (with ``extra`` styles after the built-in ones)."""
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        + sort_children(
            "rPr",
            fonts(FANGSONG)
            + '<w:kern w:val="0"/>'
            + size(32)
            + '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>',
        )
        + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        + '<w:widowControl w:val="0"/>'
        + spacing()
        + "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    body = "".join(style.xml() for style in all_styles(extra))
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}">{defaults}{body}</w:styles>'
    )


def styles_key(extra: tuple[Style, ...] = ()) -> str:
    """Return the definitions of the styles a ``word/styles.xml`` with ``extra`` holds, as text."""
    return repr(all_styles(extra))


def styles_part(extra: tuple[Style, ...] = ()) -> bytes:
    """Return ``word/styles.xml`` as bytes: the generated part when it holds exactly these styles."""
    from . import docx_styles_built

    if styles_key(extra) == docx_styles_built.STYLES:
        return docx_styles_built.XML.encode("utf-8")
    return styles_xml(extra).encode("utf-8")


def styles_module(extra: tuple[Style, ...]) -> str:
    """Return the text of ``docx_styles_built.py``: ``styles_xml(extra)`` and the styles it holds."""
    return (
        '"""The built-in ``word/styles.xml`` (the built-in roles\' styles included), generated by\n'
        "``python tools/generated.py`` from :mod:`speechkit.writers.docx_styles`; do not edit.\n\n"
        "python-docx's element classes placed its properties when it was generated; a build that writes\n"
        'exactly these styles takes the text from here and so need not import python-docx.\n"""\n\n'
        f"STYLES = {styles_key(extra)!r}\n"
        f"XML = {styles_xml(extra)!r}\n"
    )


class Font(NamedTuple):
    """A font-table entry with the hints a reader uses to substitute a missing face."""

    name: str
    alt_name: str
    family: str
    pitch: str = "variable"
    panose: str = "02010600030101010101"
    charset: str = "86"


#: Substitution hints for readers that lack a face: ``w:family`` says serif (roman) or sans
#: (swiss) and ``w:altName`` names the free CJK face of that kind. LibreOffice uses ``altName``
#: as the substitute (fontconfig alone would draw every face in one sans).
SERIF_CJK = "Noto Serif CJK SC"
SANS_CJK = "Noto Sans CJK SC"
KAI_CJK = "AR PL UKai CN"
FONTS: tuple[Font, ...] = (
    Font(LATIN, "Liberation Serif", "roman", panose="02020603050405020304", charset="00"),
    Font(FANGSONG, SERIF_CJK, "roman", "fixed", "02010609030101010101"),
    Font(KAITI, KAI_CJK, "script", "fixed", "02010609030101010101"),
    Font(SONGTI, SERIF_CJK, "roman", "variable", "02010600030101010101"),
    Font(XIAOBIAOSONG, SERIF_CJK, "roman", "variable", "02010600010101010101"),
    Font(HEITI, SANS_CJK, "swiss", "variable", "02010609060101010101"),
)


def font_xml(font: Font) -> str:
    """Return one ``w:font`` element."""
    return (
        f'<w:font w:name="{escape_attr(font.name)}"><w:altName w:val="{escape_attr(font.alt_name)}"/>'
        f'<w:panose1 w:val="{font.panose}"/><w:charset w:val="{font.charset}"/>'
        f'<w:family w:val="{font.family}"/><w:pitch w:val="{font.pitch}"/></w:font>'
    )


def font_table_xml() -> str:
    """Return the built-in ``word/fontTable.xml``."""
    body = "".join(font_xml(font) for font in FONTS)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">{body}</w:fonts>'

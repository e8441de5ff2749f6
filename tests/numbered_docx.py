"""Build small DOCX files whose paragraphs are numbered by Word's list numbering (``w:numPr``)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
 Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
 Target="numbering.xml"/>
</Relationships>"""


@dataclass(frozen=True)
class Para:
    """One paragraph: its text, style ID, and direct numbering (numId, ilvl) if any."""

    text: str
    style: str = ""
    num: int | None = None
    ilvl: int | None = None
    deleted: bool = False


def level(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int | None = 1,
    suff: str | None = "nothing",
    restart: int | None = None,
    style: str = "",
    legal: bool = False,
) -> str:
    """Return one ``w:lvl`` element."""
    parts = [f'<w:lvl w:ilvl="{ilvl}">']
    if start is not None:
        parts.append(f'<w:start w:val="{start}"/>')
    parts.append(f'<w:numFmt w:val="{fmt}"/>')
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suff is not None:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
    return "".join(parts)


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    """Return one ``w:abstractNum`` element."""
    head = f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
    return f"{head}{extra}{''.join(levels)}</w:abstractNum>"


def num(nid: int, aid: int, overrides: str = "") -> str:
    """Return one ``w:num`` element."""
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def start_override(ilvl: int, start: int) -> str:
    """Return a ``w:lvlOverride`` that restarts level ``ilvl`` at ``start``."""
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


def style(sid: str, name: str, *, based: str = "", num: int | None = None, ilvl: int | None = None) -> str:
    """Return one paragraph ``w:style`` element, optionally numbered."""
    inner = f'<w:name w:val="{name}"/>'
    if based:
        inner += f'<w:basedOn w:val="{based}"/>'
    if num is not None:
        ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        inner += f'<w:pPr><w:numPr>{ilvl_xml}<w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f'<w:style w:type="paragraph" w:styleId="{sid}">{inner}</w:style>'


def paragraph(para: Para) -> str:
    """Return one ``w:p`` element."""
    ppr = ""
    if para.style:
        ppr += f'<w:pStyle w:val="{para.style}"/>'
    if para.num is not None:
        ilvl = f'<w:ilvl w:val="{para.ilvl}"/>' if para.ilvl is not None else ""
        ppr += f'<w:numPr>{ilvl}<w:numId w:val="{para.num}"/></w:numPr>'
    if para.deleted:
        mark = '<w:rPr><w:del w:id="90" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr>'
        ppr += mark
        run = f'<w:del w:id="91" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{para.text}</w:delText>'
        run += "</w:r></w:del>"
    else:
        run = f'<w:r><w:t xml:space="preserve">{para.text}</w:t></w:r>' if para.text else ""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}</w:p>"


def numbering_xml(numbering: str) -> str:
    """Return a ``word/numbering.xml`` part with this content."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{head}<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'


def build_docx(paras: list[Para | str], numbering: str, styles: str = "") -> bytes:
    """Return a DOCX with these paragraphs (or raw body XML), ``w:numbering`` content and extra styles."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "".join(p if isinstance(p, str) else paragraph(p) for p in paras)
        + "</w:body></w:document>"
    )
    styles_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        + styles
        + "</w:styles>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", styles_xml)
        package.writestr("word/numbering.xml", numbering_xml(numbering))
    return out.getvalue()


def _chinese_headings() -> tuple[list[Para], str, str]:
    """A 讲话稿 with 一、 and （一） from styles 标题 1/2 linked to levels, 1. and （1） by direct numPr."""
    numbering = abstract(
        0,
        level(0, "chineseCounting", "%1、", style="1"),
        level(1, "chineseCounting", "（%2）", style="2"),
        level(2, "decimal", "%3.", suff="tab"),
        level(3, "decimal", "（%4）", suff="space"),
    ) + num(1, 0)
    styles = style("1", "heading 1", num=1) + style("2", "heading 2", based="1", num=1, ilvl=1)
    paras = [
        Para("同志们："),
        Para("今天召开会议，主要任务是总结工作、部署任务。"),
        Para("充分肯定成绩", style="1"),
        Para("工作扎实推进", style="2"),
        Para("抓好学习。全年组织集中学习十二次。", num=1, ilvl=2),
        Para("抓好调研。形成调研报告五篇。", num=1, ilvl=2),
        Para("第一，深入基层。", num=1, ilvl=3),
        Para("第二，解决问题。", num=1, ilvl=3),
        Para("作风持续改进", style="2"),
        Para("清醒认识不足", style="1"),
        Para("不足之处仍然存在。"),
        Para("落实重点任务", style="1"),
        Para("从严治党", style="2"),
        Para("从严管理干部。", num=1, ilvl=2),
    ]
    return paras, numbering, styles


def _direct() -> tuple[list[Para], str, str]:
    """Body paragraphs numbered by direct numPr, a list restarted by a second num with w:startOverride."""
    numbering = abstract(0, level(0, "decimal", "%1."), level(1, "decimal", "（%2）"))
    numbering += abstract(1, level(0, "decimalEnclosedCircle", "%1"), level(1, "lowerLetter", "%2)"))
    numbering += num(1, 0) + num(2, 0, start_override(0, 1)) + num(3, 1) + num(4, 0, start_override(0, 7))
    paras = [
        Para("第一项", num=1, ilvl=0),
        Para("第二项", num=1, ilvl=0),
        Para("子项", num=1, ilvl=1),
        Para("子项", num=1, ilvl=1),
        Para("第三项", num=1, ilvl=0),
        Para("子项重新计数", num=1, ilvl=1),
        Para("说明文字。"),
        Para("另一列表第一项", num=3, ilvl=0),
        Para("另一列表第二项", num=3, ilvl=0),
        Para("小项", num=3, ilvl=1),
        Para("重新编号", num=2, ilvl=0),
        Para("接着编号", num=2, ilvl=0),
        Para("接回第一个编号", num=1, ilvl=0),
        Para("从七开始", num=4, ilvl=0),
        Para("空项之前", num=4, ilvl=0),
        Para("", num=4, ilvl=0),
        Para("空项之后", num=4, ilvl=0),
    ]
    return paras, numbering, ""


def _shared() -> tuple[list[Para], str, str]:
    """Two nums sharing an abstract list without overrides, removed numbering, a list started at level 2."""
    numbering = abstract(0, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2"))
    numbering += abstract(1, level(0, "chineseCounting", "%1、"), level(1, "chineseCounting", "（%2）"))
    numbering += num(1, 0) + num(2, 0) + num(3, 1)
    styles = style("Numbered", "numbered", num=1)
    paras = [
        Para("甲一", num=1, ilvl=0),
        Para("乙一", num=2, ilvl=0),
        Para("甲二", num=1, ilvl=0),
        Para("乙二", num=2, ilvl=1),
        Para("样式编号", style="Numbered"),
        Para("取消编号", style="Numbered", num=0),
        Para("样式编号", style="Numbered"),
        Para("从二级开始", num=3, ilvl=1),
        Para("一级", num=3, ilvl=0),
        Para("二级", num=3, ilvl=1),
    ]
    return paras, numbering, styles


def _bullets_and_formats() -> tuple[list[Para], str, str]:
    """A bullet list (no label), and the formats Chinese drafts use past ten."""
    numbering = abstract(0, level(0, "bullet", "\u2022", suff="tab"), level(1, "none", "", suff="nothing"))
    numbering += abstract(
        1,
        level(0, "chineseCountingThousand", "%1、", start=9),
        level(1, "ideographTraditional", "%2．"),
        level(2, "decimalEnclosedCircleChinese", "%3"),
        level(3, "decimalFullWidth", "%1.%4"),
        level(4, "upperRoman", "%5."),
        level(5, "decimalZero", "%6"),
    )
    numbering += num(1, 0) + num(2, 1)
    paras = [Para("要点一", num=1, ilvl=0), Para("要点二", num=1, ilvl=0), Para("无编号级", num=1, ilvl=1)]
    paras += [Para(f"第{i}项", num=2, ilvl=0) for i in range(13)]
    paras += [Para("天干", num=2, ilvl=1) for _ in range(3)]
    paras += [Para("圈码", num=2, ilvl=2) for _ in range(2)]
    paras += [Para("全角", num=2, ilvl=3), Para("罗马", num=2, ilvl=4), Para("罗马", num=2, ilvl=4)]
    paras += [Para("补零", num=2, ilvl=5)]
    return paras, numbering, ""


#: Numbered documents whose every label LibreOffice shows as we read it.
CASES = {
    "chinese_headings": _chinese_headings,
    "direct": _direct,
    "shared": _shared,
    "bullets_and_formats": _bullets_and_formats,
}


def case_docx(name: str) -> bytes:
    """Return the DOCX of one of :data:`CASES`."""
    paras, numbering, styles = CASES[name]()
    return build_docx(paras, numbering, styles)

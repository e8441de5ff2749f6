"""Word's list numbering (w:numPr) read into the labels Word shows."""

from __future__ import annotations

import pytest

from numbered_docx import (
    CASES,
    W_NS,
    Para,
    abstract,
    build_docx,
    case_docx,
    level,
    num,
    numbering_xml,
    paragraph,
    style,
)
from speechkit.readers.docx import read_docx
from speechkit.readers.docx_lines import paragraph_line
from speechkit.readers.docx_numbering import ListNumbering, format_number
from speechkit.readers.raw import RawPara, RawTable
from speechkit.safezip import parse_xml


def texts(data: bytes) -> list[str]:
    """Return the text of every paragraph block read from a DOCX."""
    return [block.text for block in read_docx(data, "numbered.docx").blocks]


def test_chinese_headings_from_linked_styles_and_direct_numbering() -> None:
    assert texts(case_docx("chinese_headings")) == [
        "同志们：",
        "今天召开会议，主要任务是总结工作、部署任务。",
        "一、充分肯定成绩",
        "（一）工作扎实推进",
        "1. 抓好学习。全年组织集中学习十二次。",
        "2. 抓好调研。形成调研报告五篇。",
        "（1） 第一，深入基层。",
        "（2） 第二，解决问题。",
        "（二）作风持续改进",
        "二、清醒认识不足",
        "不足之处仍然存在。",
        "三、落实重点任务",
        "（一）从严治党",
        "1. 从严管理干部。",
    ]


def test_heading_styles_keep_their_roles() -> None:
    blocks = read_docx(case_docx("chinese_headings"), "numbered.docx").blocks
    assert [(b.role, b.level) for b in blocks[2:4]] == [("heading", 1), ("heading", 2)]


def test_direct_numbering_overrides_and_empty_items() -> None:
    assert texts(case_docx("direct")) == [
        "1.第一项",
        "2.第二项",
        "（1）子项",
        "（2）子项",
        "3.第三项",
        "（1）子项重新计数",
        "说明文字。",
        "①另一列表第一项",
        "②另一列表第二项",
        "a)小项",
        "1.重新编号",
        "2.接着编号",
        "3.接回第一个编号",
        "7.从七开始",
        "8.空项之前",
        "9.",
        "10.空项之后",
    ]


def test_shared_lists_removed_numbering_and_skipped_levels() -> None:
    assert texts(case_docx("shared")) == [
        "1.甲一",
        "2.乙一",
        "3.甲二",
        "3.1乙二",
        "4.样式编号",
        "取消编号",
        "5.样式编号",
        "（一）从二级开始",
        "二、一级",
        "（一）二级",
    ]


def test_bullets_give_no_label() -> None:
    read = texts(case_docx("bullets_and_formats"))
    assert read[:4] == ["要点一", "要点二", "无编号级", "九、第0项"]
    assert read[-9:] == [
        "甲．天干",
        "乙．天干",
        "丙．天干",
        "①圈码",
        "②圈码",
        "二十一.１全角",
        "I.罗马",
        "II.罗马",
        "01补零",
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [
        (11, "chineseCounting", "十一"),
        (10, "chineseCountingThousand", "十"),
        (101, "chineseCounting", "一百零一"),
        (3, "ideographTraditional", "丙"),
        (12, "decimalEnclosedCircleChinese", "⑫"),
        (51, "decimalEnclosedCircle", "51"),
        (12, "decimalFullWidth", "１２"),
        (28, "lowerLetter", "bb"),
        (3, "upperLetter", "C"),
        (14, "lowerRoman", "xiv"),
        (1999, "upperRoman", "MCMXCIX"),
        (7, "decimalZero", "07"),
        (3, "bullet", ""),
        (3, "none", ""),
        (0, "chineseCounting", "0"),
        (5, "someFutureFormat", "5"),
    ],
)
def test_number_formats(n: int, fmt: str, label: str) -> None:
    assert format_number(n, fmt) == label


def test_level_restart_and_legal_numbering_follow_the_standard() -> None:
    """w:lvlRestart and w:isLgl as OOXML says (LibreOffice 7.4 shows neither)."""
    numbering = abstract(
        0,
        level(0, "chineseCounting", "%1、"),
        level(1, "decimal", "%1.%2", legal=True),
        level(2, "decimal", "（%3）", restart=1),
        level(3, "decimal", "[%4]", restart=0),
    )
    levels = (0, 1, 2, 3, 1, 2, 3, 0, 2, 3)
    paras = [Para("项", num=1, ilvl=ilvl) for ilvl in levels]
    assert texts(build_docx(paras, numbering + num(1, 0))) == [
        "一、项",
        "1.1项",
        "（1）项",
        "[1]项",
        "1.2项",
        "（2）项",
        "[2]项",
        "二、项",
        "（1）项",
        "[3]项",
    ]


def test_deleted_paragraphs_do_not_count() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    paras = [Para("甲", num=1, ilvl=0), Para("删去", num=1, ilvl=0, deleted=True), Para("乙", num=1, ilvl=0)]
    assert texts(build_docx(paras, numbering)) == ["1.甲", "2.乙"]


def test_numbering_style_links_and_level_overrides() -> None:
    numbering = abstract(0, extra='<w:numStyleLink w:val="Outline"/>')
    numbering += abstract(1, level(0, "chineseCounting", "%1、"), extra='<w:styleLink w:val="Outline"/>')
    override = '<w:lvlOverride w:ilvl="0">' + level(0, "decimal", "第%1条") + "</w:lvlOverride>"
    numbering += num(1, 0) + num(2, 1) + num(3, 1, override)
    styles = style("Outline", "outline", num=2).replace('w:type="paragraph"', 'w:type="numbering"')
    paras = [Para("甲", num=1, ilvl=0), Para("乙", num=2, ilvl=0), Para("丙", num=3, ilvl=0)]
    assert texts(build_docx(paras, numbering, styles)) == ["一、甲", "二、乙", "第3条丙"]


def test_unknown_lists_and_levels_give_no_label() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    paras = [Para("未定义级", num=1, ilvl=7), Para("未定义编号", num=9, ilvl=0), Para("有", num=1, ilvl=0)]
    assert texts(build_docx(paras, numbering)) == ["未定义级", "未定义编号", "1.有"]


def test_table_cells_are_numbered_in_document_order() -> None:
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    cell = paragraph(Para("格", num=1, ilvl=0))
    table = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
    blocks = read_docx(build_docx([Para("前", num=1, ilvl=0), table, Para("后", num=1, ilvl=0)], numbering), "t").blocks
    assert isinstance(blocks[1], RawTable)
    assert blocks[1].table.columns == ("2.格",)
    assert [b.text for b in blocks if isinstance(b, RawPara)] == ["1.前", "3.后"]


def test_title_run_end_moves_past_the_label() -> None:
    numbering = parse_xml(numbering_xml(abstract(0, level(0, "chineseCounting", "（%1）")) + num(1, 0)).encode(), "n")
    p = parse_xml(
        (
            f'<w:p xmlns:w="{W_NS}"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="HeadingRunIn2"/></w:rPr><w:t>标题。</w:t></w:r>'
            "<w:r><w:t>正文。</w:t></w:r></w:p>"
        ).encode(),
        "p",
    )
    line = paragraph_line(p, ListNumbering(numbering, None), 1)
    assert line.text == "（一）标题。正文。"
    assert (line.lead_style, line.text[: line.lead_end]) == ("HeadingRunIn2", "（一）标题。")


def test_documents_without_numbering_read_as_before() -> None:
    data = build_docx([Para("一、甲"), Para("乙")], "")
    assert texts(data) == ["一、甲", "乙"]
    assert set(CASES) == {"chinese_headings", "direct", "shared", "bullets_and_formats"}


def test_a_style_without_its_own_level_takes_the_level_that_links_it() -> None:
    """The style's numPr names the list, the level's w:pStyle its level (LibreOffice 7.4 takes level 1)."""
    numbering = abstract(
        0, level(0, "chineseCounting", "%1、", style="H1"), level(1, "chineseCounting", "（%2）", style="H2")
    )
    styles = style("H1", "heading 1", num=1) + style("H2", "heading 2", num=1) + style("H3", "heading 3", based="H2")
    paras = [Para("甲", style="H1"), Para("乙", style="H2"), Para("丙", style="H3"), Para("丁", style="H1")]
    assert texts(build_docx(paras, numbering + num(1, 0), styles)) == ["一、甲", "（一）乙", "（二）丙", "二、丁"]


def test_a_level_link_alone_does_not_number() -> None:
    """A style named by a level's w:pStyle but with no numPr of its own is not numbered (as LibreOffice)."""
    numbering = abstract(0, level(0, "chineseCounting", "%1、", style="H1")) + num(1, 0)
    assert texts(build_docx([Para("甲", style="H1")], numbering, style("H1", "heading 1"))) == ["甲"]


def test_hostile_numbers_stay_short() -> None:
    numbering = abstract(0, level(0, "lowerLetter", "%1", start=2_000_000_000), level(1, "upperRoman", "%2", start=-5))
    numbering += num(1, 0, '<w:lvlOverride w:ilvl="99"><w:startOverride w:val="3"/></w:lvlOverride>')
    paras = [Para("甲", num=1, ilvl=0), Para("乙", num=1, ilvl=1), Para("丙", num=1, ilvl=99)]
    assert texts(build_docx(paras, numbering)) == ["2000000000甲", "-5乙", "丙"]

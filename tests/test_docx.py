"""Tests of the DOCX writer: styles, page setup, text order, reproducibility, templates."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from speechkit.builder.layout import TableBlock, layout
from speechkit.builtins.branch_issues import branch_item
from speechkit.default import default_registry
from speechkit.model.errors import RenderError
from speechkit.model.speech import Enumeration, Item, Meta, Section, Speech, Table
from speechkit.writers.docx import pretty_document_xml, render_docx
from speechkit.writers.docx_xml import plain_text
from speechkit.writers.title_lines import title_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

OPENING = (
    "按照镇党委的安排，今天我们召开第一书记、支部书记抓党建工作述职会议。刚才，我们听取了4位支部书记和"
    "4位第一书记的述职发言，翻阅了书面报告。总体评价，各位支部书记、第一书记在履职尽责上，都能紧跟镇党委的"
    "部署、狠抓落实；在查摆问题上，都能切中要害、找准症结；在改进落实上措施具体、切实可行。"
)
PARAGRAPH = (
    "今年以来，在镇党委的领导下，在座各位支部书记、第一书记和驻村党建指导员的共同努力下，"
    "较好地完成了全镇党建工作既定的各项目标任务。特别是各党支部书记认真履行抓党建促发展第一责任，推进党建创新，把党建"
    "工作与脱贫攻坚为主的中心工作紧密结合，基本达到了抓党建、聚人心、强队伍、"
    "严管理、促发展的要求。"
)


def critique(paragraphs: int = 1) -> Speech:
    """Return a critique outline shaped like corpus 000: run-ins, nested headings, branch lines."""
    body = (PARAGRAPH,) * paragraphs
    results = Section(
        "heading",
        "主要成效",
        lead=(PARAGRAPH,),
        items=(
            Item("党建责任有效落实", body, enumeration=Enumeration("heading")),
            Item(
                "党建重点工作任务稳步推进",
                (),
                items=(
                    Item("后进支部整顿成效明显", body),
                    Item("示范点创建稳步提升", body),
                ),
                enumeration=Enumeration("heading"),
            ),
            Item("积极培树典型，打造党建特色品牌", body),
        ),
        enumeration=Enumeration("yishi"),
    )
    lead = ("全镇基层党建存在的共性问题主要表现在两个方面：",)
    problems = Section(
        "heading",
        "存在问题",
        lead=lead,
        items=(
            Item("主业意识不强", body),
            Item("制度执行不力", body),
        ),
        enumeration=Enumeration("yishi"),
        closing=(
            Table(
                ("问题", "整改措施", "责任人", "完成时限"),
                (
                    ("党员发展把关不严", "严格执行发展党员程序 & 公示制度", "张三", "2024年3月"),
                    ("组织生活不经常", "每月固定主题党日<含学习>", "李四", "2024年6月"),
                ),
                caption="问题整改清单",
            ),
        ),
    )
    branches = Section(
        "branch_issues",
        "",
        items=(
            branch_item("xx社区", "支委班子成员抓党建工作用力不均，合力不足。"),
            branch_item("xx村", "党员年龄老化，活力不足，后继乏人现象突出。"),
        ),
        numbered=False,
        enumeration=Enumeration("none"),
    )
    demands = Section(
        "heading",
        "下一步的工作要求",
        items=(
            Item("强化主业抓责任", body),
            Item("紧盯问题抓整改", body),
        ),
        enumeration=Enumeration("yiyao"),
    )
    return Speech(
        Meta("critique", "支部书记抓党建工作述职点评提纲", date="2024年1月5日"),
        (results, problems, branches, demands),
        salutation="同志们：",
        opening=(OPENING,),
        closing=("我的点评就到这里。谢谢大家。",),
    )


def notice() -> Speech:
    """Return a notice with issuer, document number, addressee, attachments, signature and date."""
    meta = Meta(
        "notice",
        "关于从严从实做好党支部书记抓基层党建述职评议考核工作的通知",
        doc_number="党办发〔2018〕12号",
        issuer="中共某某委员会办公室",
        addressee="各党支部：",
        signature="中共某某委员会办公室",
        date="2018年10月14日",
        attachments=("述职评议考核评分表", "问题清单样表"),
    )
    section = Section(
        "heading",
        "精心做好述职准备",
        items=(Item("加强理论学习", (PARAGRAPH,)), Item("开展专题调研", (PARAGRAPH,))),
        enumeration=Enumeration("heading", "separate"),
    )
    return Speech(meta, (section,), opening=(OPENING,))


def long_speech() -> Speech:
    """Return a critique outline long enough to fill at least three pages."""
    return critique(paragraphs=4)


def expected_texts(speech: Speech) -> list[str]:
    """Return the paragraph texts python-docx should read, tables flattened row by row."""
    out: list[str] = []
    blocks = layout(speech, registry=default_registry())
    for block in blocks:
        if isinstance(block, TableBlock):
            out.append("|".join(block.table.columns))
            out.extend("|".join(row) for row in block.table.rows)
        elif block.role == "title" and not any(char in block.text for char in "\t\n\r\x0b"):
            out.append("\n".join(title_lines(block.text)))
        else:
            out.append(plain_text(block.text))
    return out


def read_texts(data: bytes) -> list[str]:
    """Return the paragraph texts of a DOCX in body order, a table row as one ``|``-joined text."""
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            out.extend("|".join(cell.text for cell in row.cells) for row in item.rows)
        else:
            out.append(item.text)
    while out and out[-1] == "" and isinstance(item, docx.text.paragraph.Paragraph):
        out.pop()
    return out


def part(data: bytes, name: str) -> etree._Element:
    """Return a part of a DOCX parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


@pytest.mark.parametrize("make", [critique, notice, long_speech])
def test_text_reads_back_in_order(make) -> None:
    speech = make()
    assert read_texts(render_docx(speech, registry=default_registry())) == expected_texts(speech)


def styles_of(data: bytes) -> dict[str, etree._Element]:
    """Return the styles of a DOCX by ID."""
    return {el.get(f"{W}styleId"): el for el in part(data, "word/styles.xml").iterfind("w:style", NS)}


def test_page_setup_is_gbt9704() -> None:
    sect = part(render_docx(critique(), registry=default_registry()), "word/document.xml").find("w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    assert [margins.get(f"{W}{side}") for side in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1587",
        "1474",
    ]
    assert sect.find("w:docGrid", NS).get(f"{W}linePitch") == "579"


def test_styles_name_east_asian_fonts_and_no_theme_fonts() -> None:
    data = render_docx(notice(), registry=default_registry())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            assert b"Theme" not in archive.read(name), name
            assert b"updateFields" not in archive.read(name), name
    styles = part(data, "word/styles.xml")
    fonts = styles.findall(".//w:rFonts", NS)
    assert fonts and all(f.get(f"{W}eastAsia") for f in fonts)
    ids = [el.get(f"{W}styleId") for el in styles.iterfind("w:style", NS)]
    names = [el.find("w:name", NS).get(f"{W}val") for el in styles.iterfind("w:style", NS)]
    assert len(ids) == len(set(ids)) and len(names) == len(set(names))
    assert all(re.fullmatch(r"[A-Za-z0-9]+", style_id) for style_id in ids)
    body = styles_of(data)["Normal"]
    assert body.find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia") == "仿宋_GB2312"
    assert body.find("w:rPr/w:sz", NS).get(f"{W}val") == "32"
    assert body.find("w:rPr/w:spacing", NS).get(f"{W}val") == "-5"
    assert body.find("w:pPr/w:spacing", NS).get(f"{W}lineRule") == "exact"
    assert body.find("w:pPr/w:widowControl", NS).get(f"{W}val") == "0"
    assert styles_of(data)["BodyText"].find("w:pPr/w:ind", NS).get(f"{W}firstLineChars") == "200"
    heading_fonts = {
        level: styles_of(data)[f"Heading{level}"].find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia")
        for level in (1, 2, 3, 4)
    }
    assert heading_fonts == {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}
    title = styles_of(data)["Title"]
    assert title.find("w:rPr/w:sz", NS).get(f"{W}val") == "44"
    assert title.find("w:pPr/w:jc", NS).get(f"{W}val") == "center"
    table = part(data, "word/fontTable.xml")
    assert {f.get(f"{W}name"): f.find("w:family", NS).get(f"{W}val") for f in table}["黑体"] == "swiss"


def test_every_paragraph_names_a_style_and_body_runs_have_no_direct_format() -> None:
    data = render_docx(critique(), runin_bold=True, registry=default_registry())
    document = part(data, "word/document.xml")
    known = set(styles_of(data))
    for paragraph in document.iter(f"{W}p"):
        assert paragraph.find("w:pPr/w:pStyle", NS).get(f"{W}val") in known
    for run in document.iter(f"{W}r"):
        rpr = run.find("w:rPr", NS)
        if rpr is not None:
            assert [child.tag for child in rpr] == [f"{W}rStyle"]
            assert rpr[0].get(f"{W}val") in known
    assert not document.findall(".//w:rFonts", NS)


def run_styles(data: bytes) -> list[tuple[str, str]]:
    """Return (character style, text) of every run with a character style."""
    document = part(data, "word/document.xml")
    return [
        (run.find("w:rPr/w:rStyle", NS).get(f"{W}val"), "".join(run.itertext()))
        for run in document.iter(f"{W}r")
        if run.find("w:rPr/w:rStyle", NS) is not None
    ]


def test_run_ins_use_character_styles() -> None:
    plain = run_styles(render_docx(critique(), registry=default_registry()))
    assert ("HeadingRunIn2", "（一）后进支部整顿成效明显。") in plain
    assert ("RunIn", "一是党建责任有效落实。") in plain
    assert ("BranchUnit", "xx社区") in plain
    bold = run_styles(render_docx(critique(), runin_bold=True, registry=default_registry()))
    assert ("RunInBold", "一是党建责任有效落实。") in bold
    assert ("HeadingRunIn2", "（一）后进支部整顿成效明显。") in bold
    styles = styles_of(render_docx(critique(), registry=default_registry()))
    assert styles["RunInBold"].find("w:rPr/w:b", NS) is not None
    assert styles["HeadingRunIn2"].find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia") == "楷体_GB2312"


def test_footers_alternate_and_hold_a_page_field_between_em_dashes() -> None:
    data = render_docx(critique(), registry=default_registry())
    assert part(data, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    sect = part(data, "word/document.xml").find("w:body/w:sectPr", NS)
    refs = {ref.get(f"{W}type") for ref in sect.iterfind("w:footerReference", NS)}
    assert refs == {"default", "even"}
    styles = styles_of(data)
    for name, jc, side in (("word/footer1.xml", "right", "right"), ("word/footer2.xml", "left", "left")):
        footer = part(data, name)
        paragraph = footer.find("w:p", NS)
        texts = [node.text for node in paragraph.iter(f"{W}t", f"{W}instrText")]
        assert texts == ["—  ", " PAGE ", "1", "  —"]
        assert [el.get(f"{W}fldCharType") for el in paragraph.iter(f"{W}fldChar")] == ["begin", "separate", "end"]
        assert all(run.find("w:rPr/w:rStyle", NS).get(f"{W}val") == "PageNumber" for run in paragraph.iter(f"{W}r"))
        style = styles[paragraph.find("w:pPr/w:pStyle", NS).get(f"{W}val")]
        assert style.find("w:pPr/w:jc", NS).get(f"{W}val") == jc
        assert style.find("w:pPr/w:ind", NS).get(f"{W}{side}Chars") == "100"
    footer = styles["Footer"]
    assert footer.find("w:pPr/w:ind", NS).get(f"{W}firstLine") == "0"
    assert footer.find("w:rPr/w:sz", NS).get(f"{W}val") == "28"
    assert footer.find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia") == "宋体"


def test_notice_matter_and_table() -> None:
    data = render_docx(critique(), registry=default_registry())
    document = part(data, "word/document.xml")
    table = document.find(".//w:tbl", NS)
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert sum(int(col.get(f"{W}w")) for col in table.iterfind("w:tblGrid/w:gridCol", NS)) == 8845
    styles = styles_of(data)
    assert styles["TableText"].find("w:pPr/w:spacing", NS).get(f"{W}lineRule") == "auto"
    assert styles["TableGrid"].find("w:tblPr/w:tblBorders/w:insideH", NS) is not None
    notice_styles = [
        p.find("w:pPr/w:pStyle", NS).get(f"{W}val")
        for p in part(render_docx(notice(), registry=default_registry()), "word/document.xml").iter(f"{W}p")
    ]
    assert notice_styles[:4] == ["Issuer", "DocNumber", "Title", "Addressee"]
    assert notice_styles[-4:] == ["Attachment", "Attachment", "Signature", "Date"]
    assert styles["Signature"].find("w:pPr/w:jc", NS).get(f"{W}val") == "right"
    assert styles["Date"].find("w:pPr/w:ind", NS).get(f"{W}rightChars") == "400"
    assert styles["Attachment"].find("w:pPr/w:contextualSpacing", NS) is not None


def test_two_renders_are_identical_bytes() -> None:
    first, second = (
        render_docx(notice(), registry=default_registry()),
        render_docx(notice(), registry=default_registry()),
    )
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert b"2000-01-01T00:00:00Z" in zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml")


def test_pretty_document_xml_is_indented_xml() -> None:
    text = pretty_document_xml(render_docx(critique(), registry=default_registry()))
    assert text.startswith("<w:document")
    assert "\n  <w:body>" in text
    with pytest.raises(RenderError):
        pretty_document_xml(b"not a zip")


SAFE = st.characters(codec="utf-8", exclude_categories=("Cs",))


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(SAFE, min_size=1, max_size=40), st.text(SAFE, max_size=40))
@example(" ", "")
def test_any_text_renders_and_reads_back_or_is_refused(title: str, paragraph: str) -> None:
    speech = Speech(Meta("speech", title), opening=(paragraph,) if paragraph else ())
    try:
        data = render_docx(speech, registry=default_registry())
    except RenderError as exc:
        assert "U+" in str(exc) and "\n" not in str(exc)
        assert re.search("[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff]", title + paragraph)
        return
    # read_texts drops trailing empty paragraphs, so a blank title reads back as no paragraph at all
    assert read_texts(data) == without_trailing_empties(expected_texts(speech))


def without_trailing_empties(texts: list[str]) -> list[str]:
    """Return texts without the empty strings at their end."""
    while texts and texts[-1] == "":
        texts = texts[:-1]
    return texts


def test_tab_and_line_break_become_elements() -> None:
    data = render_docx(
        Speech(Meta("speech", "标题"), opening=("甲\t乙\r\n丙\x0b丁 & <戊>",)), registry=default_registry()
    )
    paragraph = part(data, "word/document.xml").findall(".//w:p", NS)[1]
    tags = [child.tag.removeprefix(W) for run in paragraph.iter(f"{W}r") for child in run]
    assert tags == ["t", "tab", "t", "br", "t", "br", "t"]
    assert read_texts(data)[1] == "甲\t乙\n丙\n丁 & <戊>"
    with pytest.raises(RenderError, match="U\\+0007"):
        render_docx(Speech(Meta("speech", "标题"), opening=("响铃\x07",)), registry=default_registry())


def test_reference_doc_gives_styles_and_page_setup(tmp_path) -> None:
    reference = docx.Document()
    reference.sections[0].left_margin = docx.shared.Mm(30)
    reference.styles["Heading 1"].font.size = docx.shared.Pt(20)
    path = tmp_path / "reference.docx"
    reference.save(path)
    data = render_docx(critique(), reference_doc=path, registry=default_registry())
    assert read_texts(data) == expected_texts(critique())
    sect = part(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect.find("w:pgSz", NS).get(f"{W}w") == "12240"
    assert sect.find("w:pgMar", NS).get(f"{W}left") == str(docx.shared.Mm(30).twips)
    styles = styles_of(data)
    assert styles["Heading1"].find("w:rPr/w:sz", NS).get(f"{W}val") == "40"
    assert "BranchLine" in styles and "HeadingRunIn2" in styles
    assert render_docx(critique(), reference_doc=path, registry=default_registry()) == data
    with pytest.raises(RenderError, match="reference"):
        render_docx(critique(), reference_doc=tmp_path / "missing.docx", registry=default_registry())


def make_layout_template(path) -> None:
    """Write a layout template with a red letterhead, a red rule and body placeholders."""
    template = docx.Document()
    head = template.add_paragraph()
    run = head.add_run("{{ issuer }}文件")
    run.font.color.rgb = docx.shared.RGBColor(0xFF, 0, 0)
    run.font.size = docx.shared.Pt(26)
    template.add_paragraph("{{ doc_number }}")
    rule = template.add_paragraph()
    rule._p.get_or_add_pPr().append(
        docx.oxml.parse_xml(
            f'<w:pBdr xmlns:w="{NS["w"]}"><w:bottom w:val="single" w:sz="12" w:space="1" w:color="FF0000"/></w:pBdr>'
        )
    )
    template.add_paragraph("{{ title }}")
    template.add_paragraph("{{p body }}")
    template.save(path)


def test_layout_template_renders_around_the_body(tmp_path) -> None:
    path = tmp_path / "layout.docx"
    make_layout_template(path)
    base = notice()
    speech = Speech(
        Meta(
            "notice",
            "关于A&B<C>的通知",
            doc_number="办发〔2024〕1号",
            issuer="某&某",
            addressee="各单位：",
            signature="某某",
            date="2024年1月2日",
        ),
        base.sections,
        opening=("x < y & z",),
    )
    data = render_docx(speech, layout_template=path, registry=default_registry())
    texts = read_texts(data)
    assert texts[:4] == ["某&某文件", "办发〔2024〕1号", "", "关于A&B<C>的通知"]
    body = [t for t in expected_texts(speech) if t not in ("某&某", "办发〔2024〕1号", "关于A&B<C>的通知")]
    assert texts[4:] == body
    document = part(data, "word/document.xml")
    assert document.find(".//w:pBdr/w:bottom", NS).get(f"{W}color") == "FF0000"
    assert styles_of(data)["Heading1"].find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia") == "黑体"
    assert render_docx(speech, layout_template=path, registry=default_registry()) == data
    with pytest.raises(RenderError, match="layout template"):
        render_docx(speech, layout_template=tmp_path / "none.docx", registry=default_registry())

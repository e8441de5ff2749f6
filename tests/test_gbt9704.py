"""GB/T 9704 layout in the DOCX XML: 版头, 署名和成文日期, 版记, titles, outline levels, tables, child order."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ooxml_order import SEQUENCES, W_NS, order_problems
from speechkit.api import build, load
from speechkit.default import default_registry
from speechkit.model.speech import Meta, Section, Speech, Table
from speechkit.writers.docx import render_docx
from speechkit.writers.docx_notice import BODY_CHAR, fit_issuer, text_twips
from speechkit.writers.title_lines import TITLE_CHARS, shape, title_lines, words

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def parts(data: bytes) -> dict[str, bytes]:
    """Return the XML parts of a DOCX by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith((".xml", ".rels"))}


def document(data: bytes) -> etree._Element:
    return etree.fromstring(parts(data)["word/document.xml"])


def paragraphs_of(root: etree._Element, style: str) -> list[etree._Element]:
    return root.xpath(f"//w:p[w:pPr/w:pStyle/@w:val='{style}']", namespaces=NS)


def text(p: etree._Element) -> str:
    return "".join(p.xpath(".//w:t/text()", namespaces=NS))


def notice_facts(**extra: object) -> dict:
    data = yaml.safe_load((ROOT / "examples" / "notice.yaml").read_text(encoding="utf-8"))
    data.update(extra)
    return data


# -- child order ------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_part_of_every_example_keeps_the_ecma_376_child_order(example: Path) -> None:
    data = render_docx(load(example), registry=default_registry())
    problems = [p for name, xml in parts(data).items() if name.startswith("word/") for p in order_problems(xml, name)]
    assert problems == []


def test_the_order_check_finds_ind_after_jc() -> None:
    xml = f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:jc w:val="left"/><w:ind w:left="0"/></w:pPr></w:p>'.encode()
    assert order_problems(xml, "p.xml") == ["p.xml:1: <w:ind> after <w:jc> in <w:pPr>"]


def test_the_order_check_finds_default_tab_stop_after_even_and_odd_headers() -> None:
    xml = f'<w:settings xmlns:w="{W[1:-1]}"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/></w:settings>'
    assert order_problems(xml.encode()) == [":1: <w:defaultTabStop> after <w:evenAndOddHeaders> in <w:settings>"]


# -- titles -----------------------------------------------------------------------------------------


def test_a_long_title_breaks_between_words_into_a_balanced_shape() -> None:
    title = "关于从严从实做好党支部书记抓基层党建述职评议考核工作的通知"
    lines = title_lines(title)
    assert "".join(lines) == title
    assert len(lines) == 2
    assert shape([len(line) for line in lines]) in ("trapezoid", "inverted", "diamond")
    assert lines[0].endswith("抓") and lines[1].startswith("基层")


def test_a_short_title_stays_on_one_line() -> None:
    assert title_lines("关于召开述职评议会议的通知") == ["关于召开述职评议会议的通知"]


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet="党建工作述职评议考核关于加强基层组织建设的通知意见方案实施推进全面从严治", min_size=1, max_size=70
    )
)
def test_title_lines_keep_the_text_fit_the_line_and_break_only_between_words(title: str) -> None:
    lines = title_lines(title)
    assert "".join(lines) == title.strip()
    assert all(len(line) <= TITLE_CHARS for line in lines)
    cuts = set()
    position = 0
    for word in words(title.strip()):
        position += len(word)
        cuts.add(position)
    position = 0
    for line in lines[:-1]:
        position += len(line)
        assert position in cuts or all(len(w) == 1 for w in words(title.strip())), (lines, position)


def test_the_notice_title_is_written_in_balanced_lines() -> None:
    root = document(render_docx(load(ROOT / "examples" / "notice.yaml"), registry=default_registry()))
    (title,) = paragraphs_of(root, "Title")
    pieces = title.xpath(".//w:t/text()", namespaces=NS)
    assert pieces == ["关于从严从实做好党支部书记抓", "基层党建述职评议考核工作的通知"]
    assert len(title.xpath(".//w:br", namespaces=NS)) == 1


# -- 版头 -------------------------------------------------------------------------------------------


def test_the_issuer_fits_one_line_of_the_text_block() -> None:
    for name in ("中共某某县委办公室文件", "中共黑龙江省农垦牡丹江管理局高级中学委员会办公室文件"):
        fit = fit_issuer(name, 8845)
        width = len(name) * fit.size * 10 * fit.scale / 100
        assert width <= 8845 * 0.98
        assert fit.size >= 44 and 60 <= fit.scale <= 100


def test_the_head_puts_marks_top_left_in_order_then_issuer_number_and_red_rule() -> None:
    data = render_docx(build(notice_facts(secrecy="机密★1年")), registry=default_registry())
    root = document(data)
    body = root.find("w:body", NS)
    styles = [p.find("w:pPr/w:pStyle", NS).get(f"{W}val") for p in body if p.tag == f"{W}p"][:6]
    assert styles == ["CopyNumber", "Secrecy", "Urgency", "Issuer", "DocNumber", "Title"]
    (issuer,) = paragraphs_of(root, "Issuer")
    assert text(issuer) == "中共黑龙江省农垦牡丹江管理局高级中学委员会办公室文件"
    assert issuer.find("w:r/w:rPr/w:w", NS) is not None  # condensed to stay on one line
    (number,) = paragraphs_of(root, "DocNumber")
    rule = number.find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule.get(f"{W}color") == "FF0000" and rule.get(f"{W}val") == "single"
    assert number.find("w:pPr/w:spacing", NS).get(f"{W}before") == "1158"  # two lines below the 标志
    (title,) = paragraphs_of(root, "Title")
    assert title.find("w:pPr/w:spacing", NS).get(f"{W}before") == "1158"  # two lines below the rule
    (addressee,) = paragraphs_of(root, "Addressee")
    assert addressee.find("w:pPr/w:spacing", NS).get(f"{W}before") == "579"  # one line below the title
    style = etree.fromstring(parts(data)["word/styles.xml"]).find("w:style[@w:styleId='Issuer']", NS)
    assert style.find("w:rPr/w:color", NS).get(f"{W}val") == "FF0000"
    assert style.find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia") == "方正小标宋简体"


def test_an_upward_document_puts_signers_on_the_number_line() -> None:
    root = document(render_docx(build(notice_facts(signers=["张三", "李四", "王五"])), registry=default_registry()))
    lines = paragraphs_of(root, "Signer")
    assert [text(p) for p in lines] == ["签发人：张三\u3000李四", "党办发〔2018〕12号\u3000\u3000\u3000\u3000王五"]
    assert [len(p.xpath("w:r/w:tab", namespaces=NS)) for p in lines] == [2, 2]
    assert {p.find("w:pPr/w:ind", NS).get(f"{W}left") for p in lines} == {"0"}  # the rule spans the block
    assert lines[-1].find("w:pPr/w:pBdr/w:bottom", NS) is not None
    assert lines[0].find("w:pPr/w:pBdr", NS) is None
    names = lines[0].xpath("w:r[w:rPr/w:rStyle/@w:val='SignerName']", namespaces=NS)
    assert [text(r) for r in names] == ["张三\u3000李四"]


def test_joint_issuers_are_stacked_with_the_suffix_beside_them() -> None:
    root = document(
        render_docx(
            build(notice_facts(issuer=["中共某某县委办公室", "某某县人民政府办公室"])), registry=default_registry()
        )
    )
    table = root.find("w:body/w:tbl", NS)
    cells = table.findall("w:tr/w:tc", NS)
    assert [text(p) for p in cells[0].findall("w:p", NS)] == ["中共某某县委办公室", "某某县人民政府办公室"]
    assert text(cells[1]) == "文件"


# -- 署名, 成文日期 --------------------------------------------------------------------------------------


def right_indent(p: etree._Element) -> int:
    return int(p.find("w:pPr/w:ind", NS).get(f"{W}right"))


def test_without_a_seal_the_date_starts_two_characters_right_of_the_signature() -> None:
    root = document(render_docx(build(notice_facts()), registry=default_registry()))
    (sig,) = paragraphs_of(root, "Signature")
    (date,) = paragraphs_of(root, "Date")
    assert right_indent(sig) == 2 * BODY_CHAR
    sig_start = 8845 - right_indent(sig) - text_twips(text(sig))
    date_start = int(date.find("w:pPr/w:ind", NS).get(f"{W}left"))
    assert date.find("w:pPr/w:jc", NS).get(f"{W}val") == "left"
    assert date_start - sig_start == 2 * BODY_CHAR
    assert sig.find("w:pPr/w:pStyle", NS) is not None
    (note,) = paragraphs_of(root, "Note")
    assert text(note) == "（此件发至各党支部）"


def test_a_date_longer_than_the_signature_stays_two_characters_in() -> None:
    root = document(render_docx(build(notice_facts(signature="党委办")), registry=default_registry()))
    (sig,) = paragraphs_of(root, "Signature")
    (date,) = paragraphs_of(root, "Date")
    assert right_indent(date) == 2 * BODY_CHAR
    assert right_indent(sig) + 3 * BODY_CHAR - (right_indent(date) + text_twips(text(date))) == 2 * BODY_CHAR


@pytest.mark.parametrize("signature", ["高级中学党委", "牡丹江管理局高级中学党委办公室"])
def test_with_a_seal_the_date_is_four_characters_in_and_the_signature_centred_over_it(signature: str) -> None:
    root = document(render_docx(build(notice_facts(seal=True, signature=signature)), registry=default_registry()))
    (sig,) = paragraphs_of(root, "Signature")
    (date,) = paragraphs_of(root, "Date")
    # A signature too wide to centre over a date 4 characters in moves the date left instead.
    assert right_indent(date) == 4 * BODY_CHAR or right_indent(sig) == 0
    assert right_indent(date) >= 4 * BODY_CHAR
    sig_centre = right_indent(sig) + text_twips(text(sig)) / 2
    date_centre = right_indent(date) + text_twips(text(date)) / 2
    assert abs(sig_centre - date_centre) <= 1


# -- 附件, 版记 --------------------------------------------------------------------------------------


def test_attachments_with_text_get_pages_of_their_own() -> None:
    facts = notice_facts(attachments=[{"title": "述职评议考核评分表", "text": ["一、评分办法。"]}, "问题清单样表"])
    root = document(render_docx(build(facts), registry=default_registry()))
    (label,) = paragraphs_of(root, "AttachmentLabel")
    assert text(label) == "附件1"
    (title,) = paragraphs_of(root, "AttachmentTitle")
    assert text(title) == "述职评议考核评分表"
    styles = etree.fromstring(parts(render_docx(build(facts), registry=default_registry()))["word/styles.xml"])
    label_style = styles.find("w:style[@w:styleId='AttachmentLabel']", NS)
    assert label_style.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert label_style.find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia") == "黑体"


def test_the_imprint_is_a_section_of_its_own_on_an_even_page_without_page_numbers() -> None:
    data = render_docx(load(ROOT / "examples" / "notice.yaml"), registry=default_registry())
    root = document(data)
    sections = root.xpath("//w:sectPr", namespaces=NS)
    assert len(sections) == 2
    last = sections[-1]
    assert last.find("w:type", NS).get(f"{W}val") == "evenPage"
    rel_ids = {ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") for ref in last}
    rel_ids.discard(None)
    rels = etree.fromstring(parts(data)["word/_rels/document.xml.rels"])
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    for rel_id in rel_ids:
        footer = etree.fromstring(parts(data)["word/" + targets[rel_id]])
        assert footer.xpath("//w:fldChar", namespaces=NS) == []
    table = root.find("w:body/w:tbl", NS)
    rows = table.findall("w:tr", NS)
    assert [text(r) for r in rows] == [
        "抄送：党委组织部，党委宣传部，校工会，校团委。",
        "高级中学党委办公室2018年10月8日印发",
    ]
    first_top = rows[0].find("w:tc/w:tcPr/w:tcBorders/w:top", NS).get(f"{W}sz")
    between = rows[0].find("w:tc/w:tcPr/w:tcBorders/w:bottom", NS).get(f"{W}sz")
    last_bottom = rows[-1].find("w:tc/w:tcPr/w:tcBorders/w:bottom", NS).get(f"{W}sz")
    assert (first_top, between, last_bottom) == ("8", "6", "8")
    style = etree.fromstring(parts(data)["word/styles.xml"]).find("w:style[@w:styleId='Imprint']", NS)
    assert style.find("w:rPr/w:sz", NS).get(f"{W}val") == "28"


# -- speeches, outline, tables ------------------------------------------------------------------------


def test_a_speech_has_one_blank_line_after_the_title_block() -> None:
    root = document(render_docx(load(ROOT / "examples" / "critique_outline.yaml"), registry=default_registry()))
    (salutation,) = paragraphs_of(root, "Salutation")
    assert salutation.find("w:pPr/w:spacing", NS).get(f"{W}before") == "579"


def test_run_in_headings_give_their_paragraph_an_outline_level() -> None:
    root = document(render_docx(load(ROOT / "examples" / "review_speech.yaml"), registry=default_registry()))
    runin = root.xpath("//w:p[w:r[1]/w:rPr/w:rStyle[@w:val='HeadingRunIn2']]", namespaces=NS)
    assert runin
    assert {p.find("w:pPr/w:outlineLvl", NS).get(f"{W}val") for p in runin} == {"1"}


def test_headings_and_captions_keep_with_the_next_line() -> None:
    styles = etree.fromstring(
        parts(render_docx(load(ROOT / "examples" / "notice.yaml"), registry=default_registry()))["word/styles.xml"]
    )
    for style_id in ("Heading1", "Heading2", "Heading3", "Caption", "Title"):
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert style.find("w:pPr/w:keepNext", NS) is not None, style_id


def test_a_toc_field_wraps_the_printed_outline() -> None:
    data = yaml.safe_load((ROOT / "examples" / "review_speech.yaml").read_text(encoding="utf-8"))
    data.update(toc=True, toc_field=True)
    root = document(render_docx(build(data), registry=default_registry()))
    instructions = root.xpath("//w:instrText/text()", namespaces=NS)
    assert [i.strip() for i in instructions] == ['TOC \\o "1-2" \\h \\z \\u']
    kinds = root.xpath("//w:fldChar/@w:fldCharType", namespaces=NS)
    assert kinds == ["begin", "separate", "end"]
    toc = root.xpath(
        "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC') and w:pPr/w:pStyle/@w:val != 'TOCHeading']", namespaces=NS
    )
    assert toc[0].xpath(".//w:fldChar/@w:fldCharType", namespaces=NS) == ["begin", "separate"]
    assert toc[-1].xpath(".//w:fldChar/@w:fldCharType", namespaces=NS) == ["end"]


def test_numbers_are_right_aligned_and_text_cells_left_aligned() -> None:
    table = Table(("类别", "人数", "占比"), (("35岁以下", "5963", "24.1%"), ("合计", "24729", "100.0%")))
    speech = Speech(Meta("speech", "表"), (Section("generic", "情况", lead=(table,)),))
    data = render_docx(speech, registry=default_registry())
    root = document(data)
    cells = [c.find("w:p/w:pPr/w:pStyle", NS).get(f"{W}val") for c in root.xpath("//w:tr[2]/w:tc", namespaces=NS)]
    assert cells == ["TableText", "TableNumber", "TableNumber"]
    styles = etree.fromstring(parts(data)["word/styles.xml"])
    jc = {
        sid: styles.find(f"w:style[@w:styleId='{sid}']/w:pPr/w:jc", NS).get(f"{W}val")
        for sid in ("TableText", "TableNumber")
    }
    assert jc == {"TableText": "left", "TableNumber": "right"}


def test_a_partial_group_states_the_sum_of_its_parts() -> None:
    facts = {
        "kind": "research_report",
        "title": "调研报告",
        "statistics": {"edu": {"title": "学历", "total": 100, "partial": True, "parts": {"本科": 50, "硕士": 20}}},
        "sections": [{"type": "situation", "lead": [{"stats": "edu"}]}],
    }
    speech = build(facts)
    (table,) = [b for b in speech.sections[0].lead if isinstance(b, Table)]
    assert table.rows[-2:] == (("以上合计", "70", "70.0%"), ("总数", "100", "100.0%"))


def test_a_partial_group_is_written_in_the_documents_script(tmp_path: Path) -> None:
    facts = tmp_path / "r.yaml"
    facts.write_text(
        "kind: research_report\ntitle: 调研报告\nstatistics:\n  edu:\n    title: 学历\n    total: 100\n"
        "    partial: true\n    parts: {本科: 50, 硕士: 20}\nsections:\n  - type: situation\n"
        "    lead: [{stats: edu}]\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "speechkit", "build", str(facts), "-f", "md", "--script", "hant", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "| 以上合計 | 70 | 70\\.0% |" in markdown
    assert "| 總數 | 100 | 100\\.0% |" in markdown


# -- fonts command ---------------------------------------------------------------------------------------


def run_fonts(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "speechkit", "fonts", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_fonts_install_writes_the_mapping_under_the_config_home(tmp_path: Path) -> None:
    run = run_fonts("--install", env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    conf = tmp_path / "fontconfig" / "conf.d" / "60-speechkit.conf"
    assert run.stdout.strip() == str(conf)
    text = conf.read_text(encoding="utf-8")
    assert "<string>AR PL UKai CN</string>" in text
    assert "<const>bold</const>" in text


@pytest.mark.skipif(
    subprocess.run(["sh", "-c", "command -v fc-match"], capture_output=True).returncode != 0,
    reason="needs fontconfig",
)
def test_fonts_check_names_every_official_face_and_its_stand_in() -> None:
    run = run_fonts("--check")
    assert run.returncode in (0, 1), run.stderr
    for face in ("方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "宋体"):
        assert face in run.stdout
    if run.returncode == 1:
        assert "missing" in run.stdout and "with speechkit's mapping" in run.stdout


#: Folder of the transitional RELAX NG schemas (e.g. python-docx's ``ref/rnc``); not shipped with speechkit.
RNC = os.environ.get("SPEECHKIT_OOXML_RNC", "")
SCHEMAS = {
    "document": "WordprocessingML_Main_Document.rnc",
    "styles": "WordprocessingML_Style_Definitions.rnc",
    "settings": "WordprocessingML_Document_Settings.rnc",
    "fontTable": "WordprocessingML_Font_Table.rnc",
    "footer": "WordprocessingML_Footer.rnc",
}


@pytest.mark.skipif(
    not RNC or subprocess.run(["sh", "-c", "command -v jing"], capture_output=True).returncode != 0,
    reason="set SPEECHKIT_OOXML_RNC to the transitional .rnc schemas and install jing",
)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_part_validates_against_the_transitional_schemas(example: Path, tmp_path: Path) -> None:
    for name, xml in parts(render_docx(load(example), registry=default_registry())).items():
        kind = Path(name).stem.rstrip("0123456789")
        if not name.startswith("word/") or kind not in SCHEMAS:
            continue
        target = tmp_path / Path(name).name
        target.write_bytes(xml)
        run = subprocess.run(
            ["jing", "-c", str(Path(RNC) / SCHEMAS[kind]), str(target)], capture_output=True, text=True, check=False
        )
        assert run.returncode == 0, f"{name}: {run.stdout.strip()}"


def test_notice_matter_reads_back_from_the_docx() -> None:
    from speechkit.readers import read_draft

    facts = notice_facts(secrecy="机密★1年")
    original = build(facts).meta
    meta = read_draft(
        render_docx(build(facts), registry=default_registry()), "docx", name="n.docx", registry=default_registry()
    ).speech.meta
    for name in ("copy_number", "secrecy", "urgency", "issuer", "issuer_suffix", "doc_number", "printer"):
        assert getattr(meta, name) == getattr(original, name), name
    for name in ("print_date", "title", "signature", "date", "addressee"):
        assert getattr(meta, name) == getattr(original, name), name


def test_marks_without_an_issuer_stand_above_the_title() -> None:
    facts = notice_facts(secrecy="秘密★1年")
    del facts["issuer"], facts["doc_number"], facts["issuer_suffix"]
    root = document(render_docx(build(facts), registry=default_registry()))
    styles = [p.find("w:pPr/w:pStyle", NS).get(f"{W}val") for p in root.find("w:body", NS) if p.tag == f"{W}p"][:4]
    assert styles == ["CopyNumber", "Secrecy", "Urgency", "Title"]
    assert paragraphs_of(root, "DocNumber") == []


def test_a_copy_number_is_six_digits(tmp_path: Path) -> None:
    facts = tmp_path / "n.yaml"
    text = (
        (ROOT / "examples" / "notice.yaml")
        .read_text(encoding="utf-8")
        .replace('copy_number: "000012"', 'copy_number: "00001a"')
    )
    facts.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "speechkit", "build", str(facts), "-f", "md", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "copy_number" in run.stderr and "six digits" in run.stderr


def _modelled(parent: str) -> set[str]:
    """Return the children python-docx's element class of ``w:{parent}`` places itself."""
    from docx.oxml.parser import OxmlElement

    element = OxmlElement(f"w:{parent}")
    return {name for name in SEQUENCES[parent] if hasattr(element, f"_insert_{name}")}


@st.composite
def property_children(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Draw a parent and some of its children: those python-docx models shuffled, the others in schema order."""
    parent = draw(st.sampled_from(["pPr", "rPr"]))
    names = draw(st.lists(st.sampled_from(SEQUENCES[parent]), min_size=1, max_size=8, unique=True))
    modelled = [name for name in names if name in _modelled(parent)]
    others = sorted((name for name in names if name not in modelled), key=SEQUENCES[parent].index)
    shuffled = draw(st.permutations(modelled))
    order = draw(st.permutations([*(("m", n) for n in shuffled), *(("o", n) for n in others)]))
    # the unmodelled children keep their relative (schema) order, wherever the modelled ones fall between them
    rest = iter(others)
    return parent, [name if kind == "m" else next(rest) for kind, name in order]


@settings(max_examples=300, deadline=None)
@given(property_children())
def test_property_children_are_placed_in_schema_order(drawn: tuple[str, list[str]]) -> None:
    from speechkit.writers.docx_order import ordered

    parent, names = drawn
    xml = ordered(parent, *(f'<w:{name} w:val="{index}"/>' for index, name in enumerate(names)))
    part = f'<w:{parent} xmlns:w="{W_NS}">{xml}</w:{parent}>'.encode()
    assert order_problems(part, "p.xml") == []
    kept = {(etree.QName(child).localname, child.get(f"{{{W_NS}}}val")) for child in etree.fromstring(part)}
    assert kept == {(name, str(index)) for index, name in enumerate(names)}

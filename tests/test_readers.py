"""Readers: the numbering grammar, corpus drafts kept in outline and text, messy drafts, DOCX of others."""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import speechkit
from speechkit.default import default_registry
from speechkit.model.numbering import SCHEMES, find_labels, heading_label, label_at, runin_marker, scheme_from_formats
from speechkit.readers import ReadError, read_draft
from speechkit.writers.dump import dump

DATA = Path(__file__).parent / "data"
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、主要成效", [("heading", "{cn}、", 1, 1)]),
        ("（二）后进支部", [("heading", "（{cn}）", 2, 2)]),
        ("(二)后进支部", [("heading", "({cn})", 2, 2)]),
        ("3.加强学习", [("heading", "{n}.", 3, 3)]),
        ("3．加强学习", [("heading", "{n}．", 3, 3)]),
        ("10、加强学习", [("heading", "{n}、", 3, 10)]),
        ("②加强学习", [("heading", "{circled}", 5, 2)]),
        ("三要突出重点", [("runin", "{cn}要", 0, 3)]),
        ("第二，要抓好", [("runin", "第{cn}，", 0, 2)]),
        ("其次，要抓好", [("runin", "首先，", 0, 2)]),
        ("今年以来。一是加强学习。二是注重实效。", [("runin", "{cn}是", 0, 1), ("runin", "{cn}是", 0, 2)]),
        ("会议结束 二、存在问题", [("heading", "{cn}、", 1, 2)]),
    ],
)
def test_labels_are_found_with_kind_format_level_and_ordinal(
    text: str, expected: list[tuple[str, str, int, int]]
) -> None:
    assert [(m.kind, m.fmt, m.level, m.ordinal) for m in find_labels(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["第一书记要带头", "投入1.5万元", "2016.04-2016.06党费", "一是一，二是二", "从市一、二季度看", "这一是我们的"],
)
def test_words_that_look_like_labels_are_not_labels(text: str) -> None:
    assert find_labels(text) == []


@given(st.sampled_from(sorted(SCHEMES)), st.integers(1, 5), st.integers(1, 30))
def test_every_label_the_schemes_write_reads_back(name: str, level: int, position: int) -> None:
    scheme = SCHEMES[name]
    if "{circled}" in scheme.levels[level - 1] and position > 20:
        position = 20
    label = heading_label(position, level, scheme)
    found = label_at(label + "加强学习", scheme=scheme)
    assert found is not None and found.kind == "heading" and found.ordinal == position and found.level == level
    assert found.text == label


@given(st.sampled_from(["yishi", "yiyao", "diyi"]), st.integers(1, 40))
def test_every_runin_marker_reads_back(style: str, position: int) -> None:
    found = label_at(runin_marker(style, position, 40) + "加强学习。")
    assert found is not None and (found.style, found.ordinal) == (style, position)


def test_scheme_is_named_when_the_levels_fit_and_custom_otherwise() -> None:
    assert scheme_from_formats(["{cn}、", "（{cn}）"]).name == "gbt9704"
    assert scheme_from_formats(["{cn}、", "({cn})"]).name == "halfwidth"
    custom = scheme_from_formats(["{cn}、", "{n}、"])
    assert custom.name == "custom" and custom.levels[:2] == ("{cn}、", "{n}、")


# -- the corpus: outline and text kept ----------------------------------------------------------

#: (file, heading items expected as headings, 一是-style items, share of body characters kept)
CORPUS = [
    ("000_fa1db321f703e3b0.txt", 3, 7, 14, 1.0),
    ("002_adb10e59eea42815.txt", 1, 3, 9, 1.0),
    ("004_439871a95d4e6b8c.txt", 5, 14, 6, 0.998),
]


@pytest.mark.parametrize(("name", "sections", "subheads", "runins", "kept"), CORPUS)
def test_corpus_drafts_keep_their_outline_and_nearly_all_text_in_order(
    name: str, sections: int, subheads: int, runins: int, kept: float
) -> None:
    reading = read_draft(DATA / "corpus" / name, registry=default_registry())
    rebuilt_speech = speechkit.load(io.StringIO(dump(reading.speech, registry=default_registry())))
    # the outline (提纲) is rebuilt from the headings; compare the body
    markdown = speechkit.render(replace(rebuilt_speech, meta=replace(rebuilt_speech.meta, toc=False)), "md")
    assert isinstance(markdown, str)
    lines = markdown.splitlines()
    assert sum(1 for line in lines if line.startswith("## ")) == sections
    sub = [
        m
        for line in lines
        for m in find_labels(line.replace("*", "").lstrip("# "), midline=False)
        if m.kind == "heading"
    ]
    assert sum(1 for m in sub if m.level >= 2 or m.fmt == "{n}、") == subheads
    assert sum(1 for line in lines for m in find_labels(line.replace("*", "")) if m.kind == "runin") == runins
    lines_in = (DATA / "corpus" / name).read_text(encoding="utf-8").splitlines()
    for note in reading.notes:
        if note.action == "outline" or note.text.startswith("repeated title "):
            lines_in[note.line - 1] = ""
        elif note.action == "set aside":
            lines_in[note.line - 1] = lines_in[note.line - 1].replace(note.text, "", 1)
    raw = "\n".join(lines_in)
    source, rebuilt = "".join(HAN.findall(raw)), "".join(HAN.findall(markdown))
    matcher = difflib.SequenceMatcher(None, source, rebuilt, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    assert same / len(source) >= kept
    assert same / len(rebuilt) >= kept  # nothing invented


def test_boilerplate_is_set_aside_and_reported_not_kept() -> None:
    reading = read_draft(DATA / "drafts" / "boilerplate.txt", registry=default_registry())
    markdown = speechkit.render(reading.speech, "md")
    assert isinstance(markdown, str)
    for junk in ("当前位置", "访问量", "省略", "查看更多", "收藏", "上一篇", "ICP"):
        assert junk not in markdown
        assert any(junk in note.text for note in reading.notes if note.action == "set aside")
    section = reading.speech.sections[0]
    assert [i.title for i in section.items] == ["要增强政治意识", "要增强责任意识"]
    assert section.enumeration.layout == "inline"


def test_a_speech_on_one_line_is_split_at_its_headings() -> None:
    speech = read_draft(DATA / "drafts" / "one_line.txt", registry=default_registry()).speech
    assert speech.meta.title == "在全县党建工作推进会上的讲话"
    assert speech.salutation == "同志们："
    assert [s.title for s in speech.sections] == ["充分肯定前段工作成效", "清醒认识存在的问题", "扎实做好下步工作"]
    assert [i.title for i in speech.sections[1].items] == ["思想认识不到位", "制度落实不严格"]
    assert speech.sections[2].enumeration.style == "yiyao"
    assert speech.closing == ("我就讲这些。谢谢大家。",)


def test_broken_lines_are_joined_and_the_dateline_read() -> None:
    reading = read_draft(DATA / "drafts" / "broken_lines.txt", registry=default_registry())
    speech = reading.speech
    assert speech.meta.date == "2016年4月10日"
    assert speech.opening[0].endswith("研究部署今年的重点任务。")  # type: ignore[union-attr]
    problems = speech.sections[1]
    assert problems.enumeration.style == "shouxian" and len(problems.items) == 3
    assert speech.scheme.levels[:2] == ("{cn}、", "{n}.")
    assert speech.source[("sections", 2, "items", 0, "title")].line == 16
    assert sum(1 for n in reading.notes if n.action == "joined") == 5


def test_notice_front_and_back_matter_become_meta() -> None:
    speech = read_draft(DATA / "drafts" / "notice.txt", registry=default_registry()).speech
    meta = speech.meta
    assert meta.kind == "notice"
    assert (meta.doc_number, meta.issuer, meta.addressee) == (
        "县党发〔2021〕5号",
        "中共某某县委办公室",
        "各乡镇党委，县直各党组（党委）：",
    )
    assert (meta.signature, meta.date, meta.attachments) == (
        "中共某某县委办公室",
        "2021年3月1日",
        ("述职评议测评表", "述职评议工作安排表"),
    )
    assert speech.source[("meta", "doc_number")].line == 1


def test_traditional_drafts_stay_traditional() -> None:
    facts = dump(
        read_draft(DATA / "corpus" / "000_fa1db321f703e3b0.txt", registry=default_registry()).speech,
        registry=default_registry(),
    )
    assert "黨建責任有效落實" in facts and "同志們：" in facts
    assert "從{{ sections | count_cn }}個方面" in facts


def test_someone_elses_docx_is_read_by_heading_styles(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("关于加强学习的讲话", level=0)
    document.add_paragraph("同志们：")
    document.add_heading("一、基本情况", level=1)
    document.add_paragraph("一是学习有计划。制定了学习方案。")
    document.add_paragraph("二是学习有成效。党员素质提高。")
    document.add_heading("工作要求", level=1)
    document.add_paragraph("大家要认真落实。")
    path = tmp_path / "other.docx"
    document.save(str(path))
    speech = speechkit.read(path)
    assert speech.meta.title == "关于加强学习的讲话"
    assert [s.title for s in speech.sections] == ["基本情况", "工作要求"]
    assert [i.title for i in speech.sections[0].items] == ["学习有计划", "学习有成效"]
    assert speech.sections[1].numbered is False
    assert speech.source[("sections", 0, "items", 1, "title")].line == 5


def test_unreadable_drafts_are_one_line_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ReadError, match="no such file"):
        read_draft(tmp_path / "missing.txt", registry=default_registry())
    with pytest.raises(speechkit.SpeechkitError, match=r"(?i)not a docx"):
        read_draft(broken, registry=default_registry())
    with pytest.raises(ReadError, match="cannot tell the format"):
        read_draft(tmp_path / "x.pdf", registry=default_registry())


def test_read_takes_text_with_a_format() -> None:
    speech = speechkit.read("标题\n\n同志们：\n\n一、情况\n\n一是好。二是很好。", format="txt")
    assert speech.sections[0].enumeration.layout == "inline"


def test_a_docx_over_the_member_limit_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    import zipfile

    from speechkit import safezip

    crowded = tmp_path / "crowded.docx"
    with zipfile.ZipFile(crowded, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document/>")
        for index in range(safezip.MAX_MEMBERS):
            archive.writestr(f"word/media/{index}.bin", b"")
    with pytest.raises(speechkit.SpeechkitError, match="more than 2,000 parts"):
        read_draft(crowded, registry=default_registry())


def test_docx_entities_are_not_resolved(tmp_path: Path) -> None:
    import zipfile

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>标题&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "entity.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    with pytest.raises(speechkit.SpeechkitError, match="DTD") as refused:
        speechkit.read(path)
    assert "SECRET" not in str(refused.value)


@pytest.mark.parametrize(
    "draft", sorted((DATA / "drafts").glob("*.txt")) + sorted((DATA / "corpus").glob("*.txt")), ids=lambda p: p.stem
)
def test_importing_what_an_import_builds_gives_the_same_facts(draft: Path) -> None:
    facts = dump(read_draft(draft, registry=default_registry()).speech, registry=default_registry())
    markdown = speechkit.render(speechkit.load(io.StringIO(facts)), "md")
    assert isinstance(markdown, str)
    assert dump(speechkit.read(markdown, format="md"), registry=default_registry()) == facts


@pytest.mark.parametrize(
    "line",
    [
        "要加强网络治理，清理网上不良信息，营造清朗空间。",
        "坚持问题导向，把技术支持和服务保障落到实处，确保各项工作顺利推进，让群众满意。",
        "今年以来，全镇共开展培训12次，参训党员达到了上千人次，取得了较好的效果。",
    ],
)
def test_body_sentences_with_web_words_are_not_boilerplate(line: str) -> None:
    speech = speechkit.read(f"标题\n\n同志们：\n\n{line}", format="txt")
    assert speech.opening == (line,)


def test_short_lines_under_the_title_that_are_not_front_matter_stay_in_the_body() -> None:
    speech = speechkit.read(
        "关于做好述职工作的通知\n\n现将有关事项通知如下：\n\n一、述职范围\n\n全体书记。", format="txt"
    )
    assert speech.opening == ("现将有关事项通知如下：",)
    assert speech.meta.speaker == ""


def test_markdown_with_several_top_headings_reads_them_as_sections() -> None:
    speech = speechkit.read("# 讲话\n\n# 一、情况\n\n很好。\n\n# 二、要求\n\n要落实。\n", format="md")
    assert speech.meta.title == "讲话"
    assert [s.title for s in speech.sections] == ["情况", "要求"]


def test_an_indented_web_copy_keeps_its_paragraphs_and_loses_its_page() -> None:
    reading = read_draft(DATA / "drafts" / "indented.txt", registry=default_registry())
    speech = reading.speech
    aside = {note.line for note in reading.notes if note.action == "set aside"}
    assert aside == {1, 2, 4, 20, 21}
    assert speech.opening == ("这次会议的主要任务是，总结去年全市组织工作，部署今年任务。下面，我讲两点意见。",)
    first, second = speech.sections
    assert [i.title for i in first.items] == ["干部队伍建设扎实推进", "基层组织建设全面加强"]
    assert first.items[0].enumeration == speechkit.Enumeration("yishi", "inline")
    assert [i.title for i in first.items[1].items] == ["村级组织换届顺利完成", "阵地建设持续加强"]
    assert speech.scheme.levels[2] == "{n}．"
    assert second.enumeration.style == "diyi"
    assert speech.closing == ("同志们，做好今年的组织工作意义重大。让我们奋发有为，开创新局面！",)


def test_dump_protects_braces_and_reports_counts_that_disagree() -> None:
    from speechkit.writers.dump import to_facts

    draft = "\n\n".join(
        [
            "标题",
            "同志们：",
            "下面讲五个方面。模板写{{ name }}。",
            "一、情况",
            "主要有两个方面：",
            "一是好。",
            "二是很好。",
        ]
    )
    speech = speechkit.read(draft, format="txt")
    dumped = to_facts(speech, registry=default_registry())
    assert dumped.data["opening"] == ["{% raw %}下面讲五个方面。模板写{{ name }}。{% endraw %}"]
    assert dumped.data["sections"][0]["lead"] == ["主要有{{ items | count_cn }}个方面："]
    rebuilt = speechkit.load(io.StringIO(dump(speech, registry=default_registry())))
    assert rebuilt.opening == speech.opening and rebuilt.sections[0].lead == ("主要有两个方面：",)
    wrong = speechkit.read(draft.replace("两个方面", "三个方面"), format="txt")
    notes = to_facts(wrong, registry=default_registry()).notes
    assert notes == ["sections[0].lead: 三个方面 but 2 items; kept as text"]


def test_labels_typed_twice_are_stripped_from_titles() -> None:
    reading = read_draft(
        "标题\n\n一、情况\n\n（一）（一）加强学习。要学。\n\n一是1.第一书记要带头。".encode(),
        "txt",
        registry=default_registry(),
    )
    section = reading.speech.sections[0]
    assert section.title == "情况"
    assert section.items[0].title == "加强学习"
    assert section.items[0].items[0].title == "第一书记要带头"
    assert [n.text for n in reading.notes if n.action == "stripped label"] == ["（一）", "1."]


def test_a_title_broken_over_two_lines_and_a_plain_date_under_it() -> None:
    speech = speechkit.read(
        "在全市组织工作会议上的\n讲话\n2019年3月5日\n同志们：\n大家好。\n一、情况\n很好。", format="txt"
    )
    assert (speech.meta.title, speech.meta.date, speech.meta.kind) == (
        "在全市组织工作会议上的讲话",
        "2019年3月5日",
        "speech",
    )
    assert speech.opening == ("大家好。",)


def test_a_duty_report_draft() -> None:
    speech = read_draft(DATA / "drafts" / "duty_report.txt", registry=default_registry()).speech
    assert (speech.meta.kind, speech.meta.speaker, speech.salutation) == (
        "duty_report",
        "某某镇党委书记 李四",
        "各位领导、同志们：",
    )
    assert [s.type for s in speech.sections] == ["situation", "common_problems", "plans"]
    assert [len(s.items) for s in speech.sections] == [2, 3, 2]
    assert [i.title for i in speech.sections[0].items[1].items] == ["抓阵地建设", "抓队伍建设"]
    assert speech.sections[1].enumeration.layout == "inline"
    assert speech.closing == ("以上述职，请予评议。",)

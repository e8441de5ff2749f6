"""Page furniture told by features: lines of a program, front matter, lone marks, publishers, repeated titles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechkit import read
from speechkit.checks.runner import check_path
from speechkit.model.repair import mend_doc_numbers
from speechkit.readers.classify import page_lines, sprinkled_marks, strip_markup
from speechkit.readers.clean import clean_lines, fix_text

BODY = "各位同志，今天我们召开全市安全生产工作会议，主要任务是总结去年的工作，部署今年的任务。"


def aside(lines: list[str]) -> set[int]:
    """The 1-based numbers of the lines the classification sets aside."""
    return {n + 1 for n in page_lines(lines)}


@pytest.mark.parametrize(
    "line",
    [
        "}",
        "},",
        "{",
        "</p>`",
        "module.exports = {",
        "edges: [{",
        "id: 0,",
        "createdAt: '2019/3/15',",
        "author: '管理员',",
        'content: `<p style=";margin-bottom: 0;text-align:center;text-indent:0">',
        "</div>', 'HTML');",
        '<c:set var="content" value="',
        'scope="page" />',
        "::: tip 修订信息",
        ":::",
    ],
)
def test_a_line_of_a_program_is_set_aside(line: str) -> None:
    assert 1 in aside([line, BODY])


def test_a_data_files_title_field_stays_for_the_front_reader() -> None:
    lines = ["title: '习总书记对深度贫困地区脱贫的要求',", "createdAt: '2019/3/15',", "各位同志，今天我们召开会议。"]
    assert aside(lines) == {2}


@pytest.mark.parametrize(
    "line",
    [
        ",",  # a stray mark of anti-copy junk stays with the text
        "{ 2017 6 23",  # a broken date of the document
        "Our meeting is over today.",
        "第一条 为了规范管理，制定本办法。",
        "9 Y8 f3 E5 k. p. Q8 f$ Y) |. D# ]0 o",  # anti-copy junk: cut by its character mix, not as code
    ],
)
def test_a_line_that_is_no_program_is_not_code(line: str) -> None:
    assert page_lines([line, BODY]).get(0) != "source code"


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ('<%@ page contentType="text/html;charset=UTF-8" language="java" %>', ""),
        ("<%--高铁二队多形式学习传达党代会精神--%>", ""),
        ("<?php include_once VIEWS.'inc/head.php'; ?>", ""),
        ("<!DOCTYPE html>", ""),
        ("<a href=\"<?php echo site_url('news'); ?>\">新闻中心></a>", "新闻中心>"),
        ('<c:set var="title" value="高铁二队学习党代会精神" scope="page" />', "高铁二队学习党代会精神"),
        ('<meta property="og:title" content="关于开展安全检查的通知">', "关于开展安全检查的通知"),
        ('<c:set var="imgSummary" value="高铁二队学习党代会精神" scope="page" />', ""),
        ("第一章&emsp;总&emsp;则", "第一章 总 则"),
    ],
)
def test_server_code_and_tags_are_stripped_a_title_attribute_stays(text: str, stripped: str) -> None:
    assert strip_markup(text).strip() == stripped


def test_front_matter_is_set_aside_but_its_title() -> None:
    lines = ["---", "title: 尾矿污染环境防治管理办法", "icon: article", "date: 2022-07-01", "author: 生态环境部"]
    lines += ["category:", "  - 规章", "---", "", BODY]
    assert aside(lines) == {1, 3, 4, 5, 6, 7, 8}


def test_dashes_around_sentences_are_no_front_matter() -> None:
    lines = ["---", BODY, "---", BODY]
    assert not {2, 4} & aside(lines)


@pytest.mark.parametrize(
    "line", ["文章全文: |", "[例文1]", "[复制链接]", "625800000007", "新聞中心/宜蘭縣訊", "登陆注册"]
)
def test_a_lone_mark_or_label_is_the_page_s(line: str) -> None:
    assert 1 in aside([line, BODY])


@pytest.mark.parametrize("line", ["通讯", "12345678", "[1]张三. 论公文写作.", "申请人:"])
def test_a_short_line_of_the_document_stays(line: str) -> None:
    assert 1 not in aside([BODY, line, BODY])


@pytest.mark.parametrize("stamp", ["admin2019-12-02  20", "2021.05.08", "2021.5.8 10:22"])
def test_a_page_s_date_stamp_is_set_aside(stamp: str) -> None:
    assert 1 in aside([stamp, BODY])


def test_a_speech_dated_with_dots_under_its_speaker_keeps_its_date() -> None:
    lines = ["彭真在市委工作会议上的讲话", "北京市委第一书记 彭真", "1965.12.14", BODY]
    assert 3 not in aside(lines)


def test_a_title_shown_again_inside_the_text_is_set_aside_once() -> None:
    lines = ["民主评议会主持词", "", "同志们:", "", "民主评议会主持词", "", "现在开会。", BODY]
    assert aside(lines) == {5}


def test_a_title_shown_twice_above_the_text_is_left_to_the_front() -> None:
    lines = ["103年元旦升旗典礼暨慢跑活动", "标题:", "103年元旦升旗典礼暨慢跑活动", BODY]
    assert 3 not in aside(lines)


def test_an_issuer_s_name_in_the_text_is_not_a_repeated_title() -> None:
    lines = ["中共某某大学委员会", "关于开展主题教育的通知", "各学院：", BODY, "中共某某大学委员会", "2024年3月1日"]
    assert 5 not in aside(lines)


def test_the_publisher_above_the_page_s_date_stamp_is_set_aside() -> None:
    lines = ["关于印发应急预案的通知", "金华市生态环境局金华经济技术开发区分局", "2024-03-01", "各乡镇人民政府：", BODY]
    assert {2, 3} <= aside(lines)


def test_a_signature_above_the_document_s_date_stays() -> None:
    lines = ["关于印发应急预案的通知", "各乡镇人民政府：", BODY, "某某县人民政府办公室", "2024年3月1日"]
    assert not {4, 5} & aside(lines)


def test_the_site_s_name_above_its_breadcrumb_is_set_aside() -> None:
    assert 1 in aside(["牟定县人民政府", "首页 >> 公开信息内容", "", "关于印发应急预案的通知", BODY])


def test_a_book_s_chapter_above_a_title_is_set_aside_a_regulation_s_below_it_stays() -> None:
    assert 1 in aside(["第7章 通 报", "", "某某省人民政府关于表彰先进单位的通报", BODY])
    assert 2 not in aside(["某某市城市管理条例", "第一章 总则", "第一条 为了加强城市管理，制定本条例。"])


def test_a_title_run_into_its_addressee_is_split(tmp_path: Path) -> None:
    line = "××省人民政府关于表彰全省矿业秩序治理整顿工作先进单位的通报各市人民政府,各县(市、区)人民政府:"
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(["第7章 通 报", "", line, "", BODY]), encoding="utf-8")
    meta = read(draft).meta  # split by the front reader, for every format
    assert meta.title == "××省人民政府关于表彰全省矿业秩序治理整顿工作先进单位的通报"
    assert meta.addressee.startswith("各市人民政府")


@given(st.lists(st.text(alphabet="{}[]`',;()", min_size=1, max_size=6), min_size=1, max_size=5))
def test_a_line_of_code_marks_with_a_brace_is_set_aside(lines: list[str]) -> None:
    found = aside([*lines, BODY])
    for number, line in enumerate(lines, 1):
        if any(c in line for c in "{}[]`"):
            assert number in found
    assert len(lines) + 1 not in found


@pytest.mark.parametrize(
    ("broken", "mended"),
    [
        ("国办发„2009‟3号", "国办发〔2009〕3号"),
        ("沈政令[1997]29号", "沈政令〔1997〕29号"),
        ("党办发[201812", "党办发〔2018〕12号"),
        ("牟政办发〔201746", "牟政办发〔2017〕46号"),
        ("校党发〔202114号", "校党发〔2021〕14号"),
        ("某某发[2018]12。", "某某发〔2018〕12号。"),
        ("皖政[2001]85號", "皖政〔2001〕85號"),
        ("沪府发[2018]第12号", "沪府发〔2018〕12号"),
    ],
)
def test_a_broken_document_number_is_mended_with_one_note(broken: str, mended: str) -> None:
    text, notes = mend_doc_numbers(broken)
    assert text == mended
    assert len(notes) == 1 and notes[0].startswith("SK301 ")


@pytest.mark.parametrize(
    "text",
    ["某发[2018]12月", "某发[2018]012号", "某某部[2019]3", "皖政秘[20xx]53号", "报告(2018)", "国发〔2018〕43号"],
)
def test_a_number_that_is_not_certain_stays_as_written(text: str) -> None:
    assert mend_doc_numbers(text) == (text, [])


def test_import_and_check_note_a_mended_number_once() -> None:
    lines = ["关于开展安全检查的通知", "", "牟政办发〔201746", "", "各乡镇人民政府：", BODY]
    paragraphs, _notes = clean_lines("\n".join(lines))
    fixed = [change for p in paragraphs for change in fix_text(p.text)[1] if change.startswith("SK301")]
    assert fixed == ["SK301 牟政办发〔201746 → 牟政办发〔2017〕46号"]


SPRINKLED = [
    "石家庄市城市市容】和环境卫生管理【条例实施细则—(修正?)",
    "第一【条 根据石家庄市城市市】容和环境卫生管【理条例制定本细则】",
    "第二条 【本细则?适用于?本市的城区《不含矿《区、开发区—的市容和环境卫生管!理",
    "第四条 【机关、部队》、社会团体》、企事业单》位和居民自》治组织应利用各种形式!宣传",
    "】",
]


def test_marks_sprinkled_through_a_draft_s_words_are_removed_everywhere() -> None:
    assert set(sprinkled_marks(SPRINKLED)) == set("【】《》?!—")
    paragraphs, notes = clean_lines("\n".join(SPRINKLED))
    text = "".join(p.text for p in paragraphs)
    assert not set(text) & set("【】《》?!—")
    assert "城市市容和环境卫生管理条例实施细则" in text
    assert sum(1 for n in notes if n.action == "set aside" and n.text == "】") == "".join(SPRINKLED).count("】")


@pytest.mark.parametrize(
    "lines",
    [
        ["根据《中华人民共和国安全生产法》等法律法规，制定本办法。", "【典型案例】某某单位未落实责任。", BODY],
        ["1—8月份重点项目建设情况良好。", "你们准备好了吗?我们一起出发!", BODY, BODY],
        ["关于《某某条例", "实施细则》的说明", BODY],  # a bracket a line break cut
    ],
)
def test_a_document_s_own_brackets_and_marks_are_no_sprinkle(lines: list[str]) -> None:
    assert sprinkled_marks(lines) == ""


def test_check_reports_each_sprinkled_mark_where_it_stands(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(SPRINKLED), encoding="utf-8")
    hits = [h for h in check_path(draft) if h.code == "SK105" and "】" in h.message]
    assert hits and len({(h.line, h.column) for h in hits}) == len(hits)


def test_sprinkled_marks_are_deleted_by_fix_not_made_full_width(tmp_path: Path) -> None:
    """SK201 leaves the sprinkled ``?`` and ``!`` to SK105: ``check --fix`` deletes them, as ``import`` does."""
    import subprocess
    import sys

    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(SPRINKLED) + "\n", encoding="utf-8")
    assert not [h for h in check_path(draft) if h.code == "SK201" and h.message.count("?") + h.message.count("!")]
    subprocess.run([sys.executable, "-m", "speechkit", "check", "--fix", str(draft)], capture_output=True, check=False)
    fixed = draft.read_text(encoding="utf-8")
    assert not set(fixed) & set("?!？！")
    assert "本细则适用于本市的城区" in fixed


def test_a_test_page_s_question_is_set_aside() -> None:
    lines = [
        "××省人民政府",
        "2013年10月28日",
        "下列作为公文标题最恰当的一项是(    )。",
        "",
        "选项 A、××省关于同意设立保护区的批复",
    ]
    lines += [
        "B、关于××市设立保护区的批复",
        "C、关于批准××市设立保护区的意见",
        "D、××省关于请求设立保护区的答复",
        "",
        "答案A",
    ]
    assert aside([BODY, *lines]) == {4, 6, 7, 8, 9, 11}


def test_a_document_s_lettered_list_is_no_question() -> None:
    lines = [BODY, "A、一类地区：城区范围。", "B、二类地区：乡镇所在地。", "C、三类地区：其他地区。", BODY]
    assert not aside(lines)


def test_a_list_of_links_under_its_label_is_set_aside() -> None:
    lines = [
        BODY,
        "相关文章推荐:",
        "1.农村留守儿童调查报告【完整】",
        "针对这一现状，为深入了解留守儿童的生活情况，我在假期进行了调查。",
    ]
    assert aside(lines) == {2, 3}


def test_running_text_in_another_script_is_set_aside_a_name_or_junk_is_not() -> None:
    english = "Our meeting is over today. In addition to this year's various production targets and measures for"
    assert 1 in aside([english + " a specific discussion and study, but also heard the report.", BODY])
    assert 1 not in aside(["Email: office@example.com Tel: 0311-1234567", BODY])


@pytest.mark.parametrize(
    "line",
    [
        "台南县长苏焕智(左)与县议会议长吴健保(右)一同切蛋糕,揭开辞岁迎新联谊(县府提供)",
        "全体与会人员合影留念（记者张三摄）",
    ],
)
def test_a_photo_s_caption_is_set_aside(line: str) -> None:
    assert 2 in aside([BODY, line, BODY])


def test_a_sentence_with_a_source_in_brackets_is_the_document_s() -> None:
    line = "全年完成投资120亿元，同比增长15%（数据由统计局提供）。"
    assert 2 not in aside([BODY, line, BODY])


@pytest.mark.parametrize(
    "line",
    [
        "作者单位：某某大学马克思主义学院，湖北 武汉 430072",
        "中图分类号：D267 文献标识码：A 文章编号：1003-0000(2020)01-0012-03",
        "DOI：10.13766/j.bhsk.2020.01.002",
        "关键词：基层党建；述职评议；考核",
        "基金项目：国家社会科学基金项目（20BDJ001）",
        "作者简介：张三（1980—），男，湖北武汉人，副教授。",
        "export default {",
        "data() {",
        "温馨提示：本站所有范文来源于网络，仅供参考。",
        "写作指导：述职报告一般由标题、称谓、正文和落款组成。",
        "怎么写述职报告？",
        "述职报告的格式",
        "本文由 某某范文网 收集整理",
        "转载请注明出处！",
        "文章出处：某某网",
        "原文链接：http://www.example.com/a/123.html",
        "（责任编辑：张三）",
        "点赞(12) 评论(0) 阅读(123)",
        "上一页 1 2 3 下一页",
        "您是第123456位访客",
        "您可能感兴趣的",
        "主办单位：某某县人民政府办公室 承办单位：某某县大数据中心",
        "分类：述职报告 标签：述职 报告",
        "所属栏目：讲话稿",
        "5积分下载",
    ],
)
def test_page_chrome_and_periodical_metadata_are_set_aside(line: str) -> None:
    paragraphs, _notes = clean_lines("\n".join([BODY, line, BODY]))
    assert [p.line for p in paragraphs] == [1, 3]


@pytest.mark.parametrize(
    "line",
    [
        "推荐评选程序",
        "联系人：张三 联系电话：0311-1234567",
        "报名网址：http://www.example.com/baoming",
        "主办单位：市委宣传部",
        "如何写好述职报告，是每位干部的必修课。",
        "各单位要认真总结经验，形成可复制的做法；",
        "一、主办单位：市委宣传部",
    ],
)
def test_a_document_s_own_line_with_like_words_stays(line: str) -> None:
    paragraphs, _notes = clean_lines("\n".join([BODY, "", line, "", BODY]))
    assert any(p.line == 3 for p in paragraphs)


@pytest.mark.parametrize("line", ["本报讯", "新闻中心/宜兰县讯", "新华社讯"])
def test_a_news_dateline_is_set_aside(line: str) -> None:
    assert 2 in aside([BODY, line, BODY])


@pytest.mark.parametrize("line", ["工作简讯", "党建快讯", "一、通讯"])
def test_a_newsletter_s_title_is_no_dateline(line: str) -> None:
    assert page_lines([BODY, line, BODY]).get(1) != "site header"


def test_a_column_s_name_shown_twice_above_the_text_is_set_aside_once() -> None:
    lines = ["行政公告", "", "行政公告", "", "关于避免投递私人物品的通知", BODY]
    assert aside(lines) == {1}


def test_a_questionnaire_in_a_report_is_no_test_question() -> None:
    lines = [BODY, "1.您对本村基层党建工作是否满意？（ ）", "A、非常满意", "B、比较满意", "C、不满意", BODY]
    assert not aside(lines)


@pytest.mark.parametrize("line", ["Tel: 12345678", "QQ: 123456789", "E-mail: office@example.com"])
def test_a_contact_line_in_latin_letters_is_no_code(line: str) -> None:
    assert page_lines([BODY, line, BODY]).get(1) != "source code"

"""The reader tells a page's furniture from the document's lines by features that hold across sites.

Each feature has lines that are furniture and lines that are the document's (written from the feature,
not copied from a draft), read in a short notice: the text reader sets aside the first and keeps the
second; ``.md`` paragraphs and SK105 follow the same classification.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from speechkit import default_registry
from speechkit.readers import read_draft
from speechkit.readers.classify import page_lines
from speechkit.readers.clean import clean_lines

TITLE = "关于做好汛期安全防范工作的通知"
OPENING = "为切实做好今年汛期安全防范工作，保障人民群众生命财产安全，现将有关事项通知如下。"
BODY = [
    "各镇人民政府，区直各部门：",
    OPENING,
    "一、压实防汛责任。各单位要把防汛工作摆上重要位置，主要负责同志亲自抓、负总责。",
    "二、加强隐患排查。各单位要对辖区内重点部位开展拉网式排查，发现问题立即整改。",
    "区人民政府办公室",
    "2025年6月3日",
]


def _read(head: list[str], tail: list[str] | None = None) -> tuple[set[str], str]:
    """Read a notice with these lines around it; return the lines set aside and the text kept."""
    paragraphs, notes = clean_lines("\n".join([*head, TITLE, *BODY, *(tail or [])]))
    return {n.text for n in notes if n.action == "set aside"}, "\n".join(p.text for p in paragraphs)


def _assert_furniture(lines: list[str], *, tail: bool = False) -> None:
    aside, kept = _read([] if tail else lines, lines if tail else [])
    for line in lines:
        assert line in aside, (line, aside)
        assert line not in kept.split("\n")
    assert OPENING in kept


def _assert_document(lines: list[str]) -> None:
    """The lines stand amid the notice, after its opening sentence."""
    paragraphs, notes = clean_lines("\n".join([TITLE, *BODY[:2], *lines, *BODY[2:]]))
    aside = {n.text for n in notes if n.action == "set aside"}
    kept = "\n".join(p.text for p in paragraphs)
    assert not aside, aside
    for line in lines:
        assert line in kept, (line, kept)


def test_a_line_of_interface_words_is_furniture() -> None:
    _assert_furniture(["回复 引用 举报", "支持(3) 反对(0)", "【字号：大 中 小】", "朗读", "主动公开", "提交回复返回"])


def test_a_line_of_a_sites_navigation_and_comment_words_is_furniture() -> None:
    _assert_furniture(["网站地图 | 联系我们", "登录 注册", "最新评论"], tail=True)


def test_a_line_with_other_words_than_the_interface_is_the_documents() -> None:
    _assert_document(["一、大力支持基层", "中", "支持与反对"])


def test_a_counter_and_a_tags_line_are_furniture() -> None:
    _assert_furniture(["阅读：86", "浏览 1024 次", "Views: 35", "标签：安全 生产"])


def test_a_line_starting_with_a_counters_word_is_the_documents() -> None:
    _assert_document(["阅读材料", "标签管理制度"])


def test_a_post_header_and_a_comment_with_its_date_stamp_are_furniture() -> None:
    _assert_furniture(["王某 发表于 2023-5-6 08:12", "赵某：已阅，同意 ［2023-05-06］"], tail=True)


def test_a_sentence_with_a_date_is_the_documents() -> None:
    _assert_document(["本通知自2025年6月3日起施行。", "会议定于2025-06-10召开。"])


def test_a_byline_is_furniture() -> None:
    _assert_furniture(["文/陈某某", "本报记者 刘某 通讯员 孙某某", "（记者 周某）"])


def test_a_heading_that_starts_with_a_roles_word_is_the_documents() -> None:
    _assert_document(["文化建设", "图书馆建设", "记者节座谈会"])


def test_a_line_about_hidden_or_paid_text_is_furniture() -> None:
    _assert_furniture(
        ["此处隐藏3712字", "开通VIP免费下载全文", "预览结束，喜欢就下载吧！", "……余下全文……", "还剩5页未读"], tail=True
    )


def test_a_sentence_about_the_rest_of_a_text_is_the_documents() -> None:
    _assert_document(["材料的余下全文由各单位自行印发。", "三、做好VIP通道保障"])


def test_a_preview_that_repeats_the_opening_is_furniture() -> None:
    preview = OPENING[:24] + "..."
    aside, kept = _read([preview])
    assert preview in aside
    assert OPENING in kept


def test_a_line_cut_with_an_ellipsis_that_repeats_nothing_is_the_documents() -> None:
    _assert_document(["三、存在的不足……"])


def test_an_attachment_list_of_file_names_is_furniture() -> None:
    _assert_furniture(["附件：", "附件1：报名表.doc", "附件2：汇总表.xlsx（15KB）"], tail=True)


def test_an_attachment_in_brackets_with_its_downloads_is_furniture() -> None:
    _assert_furniture(["附件【汇总表.docx】已下载12次"], tail=True)


def test_the_documents_own_attachment_note_is_the_documents() -> None:
    _assert_document(["附件：1.报名表", "2.汇总表"])


def test_page_counters_are_furniture_on_a_line_of_their_own_or_glued() -> None:
    _assert_furniture(["－ 3 －", "第2页共 16 页"], tail=True)
    aside, kept = _read([], ["请各单位认真抓好落实。第1页共 16 页"])
    assert "第1页共 16 页" in aside
    assert "请各单位认真抓好落实。" in kept
    assert "第1页" not in kept


def test_a_sentence_counting_pages_is_the_documents() -> None:
    _assert_document(["共16页的材料已印发各单位。"])


def test_a_line_of_a_full_stop_only_ends_the_documents_sentence() -> None:
    broken = "请各单位于6月10日前，将落实情况书面报区应急管理局，逾期未报的予以通报"
    aside, kept = _read([], [broken, "。"])
    assert not aside, aside
    assert broken + "。" in kept


def test_empty_form_fields_below_the_documents_sentences_are_the_documents() -> None:
    _assert_document(["特此请示。", "申请人:", "申请日期:"])


def test_bare_labels_above_the_document_are_the_pages() -> None:
    _assert_furniture(["护眼模式:", "访客数:"])


def test_a_title_between_bars_or_in_book_marks_is_the_documents() -> None:
    for line in (f"{TITLE} | 某区", f"《{TITLE}》"):
        lines = [line, *BODY]
        assert 0 not in page_lines(lines), line


def test_a_markdown_draft_sets_the_same_furniture_aside(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    furniture = ["回复 引用 举报", "阅读：86", "文/陈某某", "此处隐藏3712字"]
    draft.write_text("\n\n".join([f"# {TITLE}", *furniture, *BODY]) + "\n", encoding="utf-8")
    reading = read_draft(draft, registry=default_registry())
    aside = {n.text for n in reading.notes if n.action == "set aside"}
    assert set(furniture) <= aside, aside


def test_check_reports_the_furniture_as_sk105(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    lines = [TITLE, "回复 引用 举报", "本报记者 刘某 通讯员 孙某某", *BODY, "赵某：已阅，同意 ［2023-05-06］"]
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "speechkit", "check", str(draft)], capture_output=True, text=True
    ).stdout
    for number in (2, 3, len(lines)):
        assert f"{draft}:{number}:1: SK105 " in out, out
    assert f"{draft}:4:1: SK105 " not in out


def test_forum_floors_comment_counts_and_stamped_posts_are_furniture() -> None:
    _assert_furniture(["2楼", "#3 回复", "共有3条评论", "匿名用户 2023-05-06 10:22"], tail=True)


def test_a_line_of_metadata_pairs_with_an_iso_date_is_furniture() -> None:
    _assert_furniture(["失效时间: 2021-03-01 文件名称: 某区防汛办法"])


def test_a_notices_own_time_and_place_are_the_documents() -> None:
    _assert_document(["报名时间：2025年6月5日 截止时间：2025年6月8日"])


def test_a_periodicals_issue_line_is_furniture() -> None:
    _assert_furniture(["《某某月刊》 2019年 第07期"])


def test_a_browser_notice_an_icons_name_and_a_blurb_label_are_furniture() -> None:
    _assert_furniture(
        ["您的浏览器版本过低，请升级后浏览 跳到正文", "page_view 另存 列印", "核心提示：本文介绍某区的防汛做法"]
    )


def test_a_sentence_about_browsers_is_the_documents() -> None:
    _assert_document(["四、各单位要及时升级浏览器版本，不支持的终端一律停用。"])


def test_a_link_bar_opened_by_a_bar_is_furniture_without_a_table_beside_it() -> None:
    _assert_furniture(["| 我的空间", "|日志 |相册 |好友 |"])
    _assert_document(["| 序号 | 单位 |", "| 1 | 应急局 |"])


def test_a_line_echoing_the_metadata_above_it_is_furniture() -> None:
    _assert_furniture(["时间:2025年06月03日 来源:某区应急管理局", "某区应急管理局 2025年06月03日"])


def test_pagers_and_a_glued_page_number_are_furniture() -> None:
    _assert_furniture(["3 / 16", "Page 3 of 16"], tail=True)
    aside, kept = _read([], ["请各单位认真抓好落实。 -2-"])
    assert "-2-" in aside
    assert "请各单位认真抓好落实。" in kept
    assert "-2-" not in kept


def test_an_attachment_to_download_is_furniture() -> None:
    _assert_furniture(["附件下载：", "汇总表.xls（点击下载）"], tail=True)


def test_a_preview_after_a_label_is_furniture() -> None:
    preview = "内容预览：" + OPENING[:20] + "……"
    aside, kept = _read([preview])
    assert preview in aside
    assert OPENING in kept


def test_read_more_words_inside_a_sentence_are_the_documents() -> None:
    _assert_document(["各单位要组织干部认真阅读全文，深刻领会精神实质。", "阅读全文后，请各单位谈体会。"])


#: Han characters and the words the page's features look for, to write sentences with.
_WORDS = st.sampled_from(
    [
        *"的工作要求各单位认真落实安全生产责任制度加强管理服务群众推进改革发展",
        "回复",
        "阅读",
        "浏览",
        "记者",
        "通讯员",
        "附件",
        "标签",
        "预览",
        "余下全文",
        "阅读全文",
        "查看更多",
        "下载",
        "发表于",
        "导读",
        "核心提示",
        "浏览器",
        "不支持",
        "升级",
        "第",
        "期",
        "此处隐藏",
        "支持",
        "反对",
        "朗读",
        "主动公开",
        "文",
        "图",
        "页",
        "共",
    ]
)
_CLAUSE = st.lists(_WORDS, min_size=2, max_size=12).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_CLAUSE, min_size=2, max_size=4).map(lambda c: "，".join(c) + "。"), min_size=1, max_size=6))
def test_document_sentences_are_never_set_aside(sentences: list[str]) -> None:
    # a document says each thing once: a line that opens with the text of the lines after it is a page's
    # excerpt repeating them (classify._excerpt), which drawing from a few words can make by chance
    folded = [re.sub(r"[\W_]+", "", sentence) for sentence in sentences]
    assume(not any(folded[i].startswith(folded[i + 1]) for i in range(len(folded) - 1)))
    assert page_lines(sentences) == {}
    _paragraphs, notes = clean_lines("\n".join(sentences))
    assert not [n for n in notes if n.action == "set aside"]


@pytest.mark.parametrize("line", ["回复 引用 举报", "阅读：86", "文/陈某某"])
def test_furniture_lines_are_the_pages_alone_too(line: str) -> None:
    assert page_lines([line]) != {}

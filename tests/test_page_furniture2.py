"""More of a page's furniture told by features that hold across sites (issue 18), and the document's lines kept.

Each rule has lines that are furniture and lines that are the document's, written from the feature (not copied
from a field draft), read in a short notice by the text reader; SK105 follows the same classification.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from speechkit.readers.classify import junk_spans, page_lines
from speechkit.readers.clean import clean_lines, set_aside

TITLE = "关于做好秋季森林防火工作的通知"
OPENING = "为切实做好今年秋季森林防火工作，保护森林资源和人民群众生命财产安全，现将有关事项通知如下。"
BODY = [
    "各乡镇人民政府，县直各部门：",
    OPENING,
    "一、落实防火责任。各单位要把森林防火摆上重要位置，主要负责同志亲自抓、负总责。",
    "二、加强火源管控。各单位要在进山路口设立检查站，严禁携带火种进山。",
    "县人民政府办公室",
    "2024年9月20日",
]


def _read(head: list[str], tail: list[str] | None = None, title: str = TITLE) -> tuple[set[str], list[str]]:
    """Read a notice with these lines around it; return the lines set aside and the paragraphs kept."""
    paragraphs, notes = clean_lines("\n".join([*head, title, *BODY, *(tail or [])]))
    return {n.text for n in notes if n.action == "set aside"}, [p.text for p in paragraphs]


def _assert_furniture(lines: list[str], *, tail: bool = False) -> None:
    aside, kept = _read([] if tail else lines, lines if tail else [])
    for line in lines:
        assert line in aside, (line, aside)
        assert line not in kept
    assert OPENING in kept
    assert TITLE in kept


def _assert_document(lines: list[str]) -> None:
    """The lines stand amid the notice, after its opening sentence: nothing is set aside."""
    paragraphs, notes = clean_lines("\n".join([TITLE, *BODY[:2], *lines, *BODY[2:]]))
    aside = {n.text for n in notes if n.action == "set aside"}
    kept = "\n".join(p.text for p in paragraphs)
    assert not aside, aside
    for line in lines:
        assert line in kept, (line, kept)


def test_a_law_databases_issuer_and_empty_number_labels_are_furniture() -> None:
    _assert_furniture(["发布部门: 某县人民政府办公室", "发布文号:"])


def test_a_date_label_with_a_padded_date_above_the_text_is_furniture() -> None:
    _assert_furniture(["时间: 2019年03月08日", "日期：民国098年11月02日"])


def test_a_meeting_time_with_a_padded_date_in_the_text_is_the_documents() -> None:
    _assert_document(["时间：2024年09月25日"])


def test_a_count_of_readers_is_furniture() -> None:
    _assert_furniture(["352人看过", "1.2万次浏览"])


def test_a_sentence_counting_people_is_the_documents() -> None:
    _assert_document(["全县共有352人参加培训。", "1200人"])


def test_a_comment_boxs_heading_with_its_count_is_furniture() -> None:
    _assert_furniture(["评论与留言（共有 条评论）|", "留言和评论(共 3 条)"], tail=True)


def test_an_editors_lead_is_furniture() -> None:
    _assert_furniture(["导语：本文由网友整理，仅供学习参考。"])


def test_a_sites_welcome_and_disclaimer_are_furniture() -> None:
    _assert_furniture(["欢迎访问某某公文网！", "以上内容不代表本站观点，仅供参考"])


def test_a_sentence_welcoming_people_is_the_documents() -> None:
    _assert_document(["欢迎各位领导莅临指导！", "欢迎社会各界来到林场参观。"])


def test_a_sites_address_above_the_text_is_furniture() -> None:
    _assert_furniture(["logo: www.example-gw.com", "【m.example.net - 通知公告】"])


def test_a_sites_address_in_the_text_is_the_documents() -> None:
    _assert_document(["网址：www.example.gov.cn"])


def test_back_to_top_and_column_words_are_furniture() -> None:
    _assert_furniture(["回复 列表 顶部", "TOP", "信息公开"], tail=True)


def test_a_column_a_date_and_a_button_above_the_text_are_furniture() -> None:
    _assert_furniture(["通知公告 时间:2024-09-20 我要投稿"])


def test_a_notices_own_iso_dated_line_is_the_documents() -> None:
    paragraphs, notes = clean_lines("\n".join([TITLE, BODY[0], "一、报名时间：2024-09-25", *BODY[1:]]))
    assert not [n for n in notes if n.action == "set aside"]
    assert "一、报名时间：2024-09-25" in [p.text for p in paragraphs]


def test_a_lead_repeating_the_first_sentence_below_is_furniture() -> None:
    lead = OPENING[: OPENING.rindex("，") + 1]  # the first clauses, cut at a comma
    paragraphs, notes = clean_lines("\n".join([TITLE, lead, OPENING, *BODY[2:]]))
    assert [n.line for n in notes if n.action == "set aside"] == [2]
    assert OPENING in [p.text for p in paragraphs]


def test_a_short_title_above_its_text_is_the_documents() -> None:
    aside, _kept = _read([], title="秋季森林防火")
    assert "秋季森林防火" not in aside


def test_site_words_before_the_title_the_document_repeats_are_furniture() -> None:
    _assert_furniture(["某某范文网 通知范文 " + TITLE + "范文", "公文大全 > " + TITLE, "某某博客:" + TITLE])


def test_a_titles_words_with_spaces_are_the_documents() -> None:
    aside, _kept = _read([], title="防火责任 重于泰山 " + TITLE)
    assert not aside, aside


def test_a_collections_piece_under_its_title_is_furniture() -> None:
    piece = f"第1篇:{TITLE}范文"
    paragraphs, notes = clean_lines("\n".join([TITLE, piece, *BODY]))
    assert piece in {n.text for n in notes if n.action == "set aside"}
    assert TITLE in [p.text for p in paragraphs]


def test_a_greeting_between_bars_is_the_documents() -> None:
    lines = ["运动会闭幕式|县长在闭幕式上的致词", "各位来宾，各位运动员，大家好！今天，运动会圆满完成各项比赛。"]
    assert page_lines(lines) == {}


def test_a_line_shown_twice_in_a_row_is_kept_once() -> None:
    paragraphs, notes = clean_lines("\n".join([TITLE, "某政办发〔2024〕9号", "某政办发〔2024〕9号", *BODY]))
    assert [n.line for n in notes if n.action == "set aside"] == [2]
    assert sum("某政办发〔2024〕9号" in p.text for p in paragraphs) == 1


def test_two_equal_short_words_or_sentences_in_a_row_are_the_documents() -> None:
    _assert_document(
        ["合格", "合格", "某村：防火宣传不到位。", "某村：防火宣传不到位。", "（一）加强宣传", "（一）加强宣传"]
    )


def test_short_lines_between_the_pages_lines_are_furniture() -> None:
    head = ["网站首页 | 通知公告 | 政策文件", "网站管理员", "2024-09-20 10:22", "浏览次数：35"]
    aside, kept = _read(head)
    assert "网站管理员" in aside
    tail = ["打印本页 关闭窗口", "附件", "2024-09-20", "来自", "应急办", "相关阅读"]
    aside, kept = _read([], tail)
    assert {"附件", "来自", "应急办"} <= aside, aside
    assert {"县人民政府办公室", "2024年9月20日"} <= set(kept)


def test_a_title_and_a_speaker_between_the_pages_lines_are_the_documents() -> None:
    head = ["网站首页 | 通知公告", "秋季森林防火", "2024-09-20 10:22"]
    lines = [*head, *BODY]
    assert 1 not in page_lines(lines)
    speech = ["网站首页 | 领导讲话", "在全县森林防火工作会议上的讲话", "发布时间：2024-09-20", "张某某", "浏览次数：35"]
    found = page_lines([*speech, "同志们：", OPENING])
    assert 1 not in found and 3 not in found, found
    speech[3] = "县委书记张某某"
    assert 3 not in page_lines([*speech, "同志们：", OPENING])


def test_an_issuer_between_the_pages_lines_before_the_documents_date_is_the_documents() -> None:
    for issuer in ("县林业局", "县森林防火协会", "县防火工作领导小组"):
        lines = [TITLE, *BODY[:4], "打印本页", issuer, "2024-09-20", "2024年9月20日"]
        assert 6 not in page_lines(lines), issuer


def test_a_style_sheet_glued_before_the_text_is_junk() -> None:
    css = "l> @page { size: 8.27in 11.69in; margin: 1in } p { line-height: 115%; text-align: justify; }"
    text, removed = set_aside(css + " " + OPENING)
    assert text.strip() == OPENING
    assert removed == [css]


def test_braces_in_a_sentence_are_no_junk() -> None:
    assert junk_spans("各单位要按 {单位名称} 填写表格，并于 9 月 25 日前报送，不得 迟报 漏报。") == []


def test_a_page_number_that_cut_a_sentence_is_set_aside() -> None:
    aside, kept = _read([], ["请各单位于9月25日前将落实情况报县林业局，-2-", "逾期未报的予以通报。"])
    assert "-2-" in aside
    assert "请各单位于9月25日前将落实情况报县林业局，逾期未报的予以通报。" in kept


def test_check_reports_the_new_furniture_as_sk105(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    lines = ["公文大全 > " + TITLE, TITLE, "352人看过", *BODY, "回复 列表 顶部"]
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "speechkit", "check", str(draft)], capture_output=True, text=True
    ).stdout
    for number in (1, 3, len(lines)):
        assert f"{draft}:{number}:1: SK105 " in out, out
    assert f"{draft}:2:1: SK105 " not in out

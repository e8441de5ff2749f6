"""`speechkit import` (as a subprocess) reads the front of drafts from the field: 版头, titles, site additions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

BODY = (
    "各市、县人民政府，省人民政府各委、办、厅、局：\n"
    "现将有关事项通知如下，请认真贯彻执行。\n"
    "一、提高认识。各地要充分认识做好这项工作的重要意义。\n"
    "二、落实责任。各地要层层落实工作责任，确保各项措施落到实处。\n"
)


def _import(tmp_path: Path, text: str) -> dict[str, Any]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "speechkit", "import", str(draft)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    facts: dict[str, Any] = yaml.safe_load(result.stdout)
    return facts


def test_the_title_follows_the_doc_number_not_the_issuer_mark(tmp_path: Path) -> None:
    """wenku_xiexiebang_hunan: the 发文机关标志 ``…办公厅文件`` twice, the 发文字号, the title over two lines."""
    head = (
        "湖南省人民政府办公厅文件\n\n湖南省人民政府办公厅文件\n\n湘政办发〔2009〕24号\n\n"
        "湖南省人民政府办公厅关于加强普通高等学校\n毕业生就业工作的通知\n"
    )
    facts = _import(tmp_path, head + BODY)
    assert facts["title"] == "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知"
    assert facts["doc_number"] == "湘政办发〔2009〕24号"


def test_a_title_over_two_lines_across_a_blank_line(tmp_path: Path) -> None:
    """A copy that broke the title in two and left a blank line between the halves."""
    facts = _import(tmp_path, "关于印发《全省安全生产大检查\n\n工作方案》的通知\n" + BODY)
    assert facts["title"] == "关于印发《全省安全生产大检查工作方案》的通知"


def test_a_traditional_title_is_named_like_a_simplified_one(tmp_path: Path) -> None:
    """wenku_tmdps_deng: a column's name above a speech's title in Traditional script."""
    body = (
        "同志們：\n今天，我們召開全市安全生產工作會議，主要任務是總結工作、分析形勢、部署任務。\n"
        "一、充分肯定成績。過去一年，全市安全生產形勢總體穩定。\n"
    )
    facts = _import(tmp_path, "學習園地\n在全市安全生產工作會議上的講話\n" + body)
    assert facts["title"] == "在全市安全生產工作會議上的講話"


def test_a_sites_additions_are_taken_off_the_title(tmp_path: Path) -> None:
    """wenmi_* sites: ``范文``, ``篇1``, ``(图)`` a site adds to a title."""
    for added in (
        "关于进一步加强安全生产工作的通知范文",
        "关于进一步加强安全生产工作的通知篇1",
        "关于进一步加强安全生产工作的通知(图)",
    ):
        facts = _import(tmp_path, added + "\n" + BODY)
        assert facts["title"] == "关于进一步加强安全生产工作的通知", added


def test_a_numbered_list_of_long_sentences_is_paragraphs(tmp_path: Path) -> None:
    """gov_* regulations: ``一、`` … ``三、`` each a long sentence of its own are paragraphs, not headings."""
    items = (
        "一、市内各级国家机关、社会团体、企业事业单位和公民，可以对本办法的实施提出意见和建议。\n"
        "二、各区人民政府、市政府各部门应当按照职责分工，做好本办法实施的组织协调和监督检查工作。\n"
        "三、有关部门和单位违反本办法规定，不履行职责、造成严重后果的，依法追究有关人员的责任。\n"
    )
    facts = _import(tmp_path, "关于进一步加强安全生产工作的通知\n各市、县人民政府：\n现将有关事项通知如下。\n" + items)
    assert not facts.get("sections"), facts.get("sections")
    assert "可以对本办法的实施提出意见和建议" in yaml.safe_dump(facts, allow_unicode=True)


def test_html_left_in_a_line_is_split_at_its_block_tags(tmp_path: Path) -> None:
    """repo_jiange_ducha, gov_shanxi: a page's ``<p>…</p><p>…</p>`` copied as one line."""
    line = "".join(f"<p>{part}</p>" for part in ["关于进一步加强安全生产工作的通知", *BODY.splitlines()])
    facts = _import(tmp_path, line + "\n")
    assert facts["title"] == "关于进一步加强安全生产工作的通知"
    assert facts["addressee"].startswith("各市、县人民政府")
    assert "<p>" not in yaml.safe_dump(facts, allow_unicode=True)


def test_the_closing_above_an_issued_plan_is_signature_and_date(tmp_path: Path) -> None:
    """gov_dongyang_notice, gov_htgfsre_hufufa: a notice that issues a plan signs above the plan's text."""
    text = (
        "关于印发《安全生产大检查工作方案》的通知\n各乡镇人民政府，县直各有关单位：\n"
        "现将《安全生产大检查工作方案》印发给你们，请认真贯彻执行。\n\n县人民政府办公室\n\n2023年3月13日\n\n"
        "安全生产大检查工作方案\n为切实做好安全生产工作，制定本方案。\n一、工作目标。全面排查整治各类隐患。\n"
    )
    facts = _import(tmp_path, text)
    assert (facts["signature"], facts["date"]) == ("县人民政府办公室", "2023年3月13日")
    assert "为切实做好安全生产工作" in yaml.safe_dump(facts, allow_unicode=True)


def test_the_closing_above_a_subject_line_is_signature_and_date(tmp_path: Path) -> None:
    """edu_cqnu_dangfei: a 落款 in Chinese numerals, then the page's 主题词 line."""
    text = (
        "关于号召全体共产党员缴纳特殊党费的通知\n各党总支、直属党支部：\n请各党总支高度重视此项工作，广泛发动。\n"
        "中共某某学院委员会\n二○○八年五月十七日\n主题词:特殊党费 抗震救灾 通知\n"
    )
    facts = _import(tmp_path, text)
    assert (facts["signature"], facts["date"]) == ("中共某某学院委员会", "二○○八年五月十七日")


def test_chapter_and_article_labels_typed_with_spaces(tmp_path: Path) -> None:
    """law_taipei_fagui and PDF copies: ``第 一 章  总 则`` is a chapter heading, each label closed and reported."""
    draft = tmp_path / "rules.txt"
    draft.write_text(
        "某某县安全生产管理办法\n第 一 章  总 则\n第 一 条  为了加强安全生产工作，制定本办法。\n"
        "第 二 章  监督管理\n第 二 条  县应急管理局负责全县安全生产综合监督管理。\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-m", "speechkit", "import", str(draft)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert [s["title"] for s in yaml.safe_load(result.stdout)["sections"]] == ["第一章  总则", "第二章  监督管理"]
    for line, change in ((2, "第 一 章  总 则 → 第一章  总则"), (3, "第 一 条 → 第一条"), (5, "第 二 条 → 第二条")):
        assert f"{draft}:{line}: fixed: {change}" in result.stderr, result.stderr


def test_run_in_points_after_a_counting_phrase_in_mid_line(tmp_path: Path) -> None:
    """A forum's speech: ``再强调四点意见：一要…二要…三要…四要…`` in the opening's paragraph are four points."""
    text = (
        "在全县安全生产工作会议上的讲话\n同志们：\n今天召开会议，部署安全生产工作。下面，我再强调四点意见："
        "一要严密组织，迅速行动。二要突出重点，全面排查。三要强化督查，严格问责。四要加强值守，及时报告。\n"
    )
    facts = _import(tmp_path, text)
    items = [item["title"] for section in facts["sections"] for item in section.get("items", [])]
    assert items == ["严密组织，迅速行动", "突出重点，全面排查", "强化督查，严格问责", "加强值守，及时报告"]
    assert facts["opening"][-1].endswith("四点意见：")


def test_a_count_that_does_not_match_keeps_the_paragraph(tmp_path: Path) -> None:
    """``三点意见`` before two run-in points is not read as a list: the text stays as written."""
    text = "在全县安全生产工作会议上的讲话\n同志们：\n我讲三点意见：一要严密组织，迅速行动。二要突出重点，全面排查。\n"
    facts = _import(tmp_path, text)
    assert not facts.get("sections")

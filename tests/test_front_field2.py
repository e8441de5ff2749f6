"""The front and end of drafts from anywhere (issue 18): kind, title, 发文字号, addressee, 落款, date."""

from __future__ import annotations

import pytest

from speechkit import default_registry
from speechkit.readers import Reading, read_draft


def _read(text: str, name: str = "draft.txt") -> Reading:
    return read_draft(text, "txt", name=name, registry=default_registry())


def _aside(reading: Reading) -> set[int]:
    return {n.line for n in reading.notes if n.action == "set aside"}


# --- the kind follows from what was read ---------------------------------------------------------


@pytest.mark.parametrize(
    ("closing", "kind"),
    [("妥否，请批示。", "request"), ("以上請示，懇請批准。", "request"), ("特此通报。", "bulletin")],
)
def test_a_formula_of_the_body_names_the_kind_a_title_does_not(closing: str, kind: str) -> None:
    """An untitled 公文 (a compilation dropped its title) is the kind whose formula its body holds."""
    draft = (
        "县人民政府：\n"
        "今年以来，我局围绕全县中心工作，积极推进各项任务落实，取得了一定成效，但经费十分紧张。\n"
        f"{closing}\n"
        "某某县水利局\n"
        "2020年3月5日\n"
    )
    assert _read(draft).speech.meta.kind == kind


def test_a_notice_formula_makes_a_notice_without_addressee_or_title() -> None:
    """现将有关事项通知如下 opens a notice even when the page kept neither its title nor its addressee."""
    draft = (
        "为做好本年度干部考核工作，根据上级有关文件精神，现将有关事项通知如下：\n"
        "一、考核时间\n"
        "考核工作于十二月底前完成，具体时间由考核组与各单位商定。\n"
    )
    assert _read(draft).speech.meta.kind == "notice"


def test_a_title_naming_a_kind_wins_over_a_formula() -> None:
    """A 述职报告 that ends 特此报告 stays a duty report: its title names its kind."""
    draft = (
        "述职报告\n"
        "一年来，我在局党组的领导下，认真履行岗位职责，较好地完成了各项工作任务，现述职如下。\n"
        "一、履行职责情况\n"
        "认真学习，履职尽责，完成了年度目标任务。\n"
        "特此报告。\n"
    )
    assert _read(draft).speech.meta.kind == "duty_report"


@pytest.mark.parametrize("name", ["规定", "要點"])
def test_a_text_naming_itself_a_regulation_is_read_as_one(name: str) -> None:
    """Points (一、…) that call themselves 本规定 / 本要點 are a regulation, read as a notice, not a speech."""
    draft = (
        f"一、为规范公文处理工作，提高办文效率，特制定本{name}。\n"
        f"二、本{name}所称公文，是指机关在履行职责中形成的文书。\n"
        f"三、本{name}自发布之日起施行。\n"
    )
    assert _read(draft).speech.meta.kind == "notice"


def test_a_speech_at_a_meeting_called_a_critique_session_is_a_speech() -> None:
    """点评会 names the meeting; the title names a 讲话 (a 点评提纲 is still one)."""
    assert _read("在全县项目点评会上的讲话\n同志们：\n今天召开会议。\n").speech.meta.kind == "speech"
    assert _read("支部书记述职点评提纲\n同志们：\n今天召开会议。\n").speech.meta.kind == "critique_outline"


@pytest.mark.parametrize(
    ("title", "kind"),
    [("机关考勤管理制度", "notice"), ("赴某某市考察学习的报告", "research_report")],
)
def test_a_title_naming_a_regulation_or_a_study_visit_names_its_kind(title: str, kind: str) -> None:
    """制度 is a regulation's name (read as a notice); 考察…报告 the report of a study visit."""
    draft = f"{title}\n为加强机关管理，规范工作秩序，提高工作效率，结合本单位实际，制定如下内容。\n"
    assert _read(draft).speech.meta.kind == kind


# --- the title ------------------------------------------------------------------------------------


def test_a_logo_line_is_no_title_and_the_title_below_it_is() -> None:
    """A line of Latin letters (a site's logo) above the title is page residue."""
    draft = "site logo: www.example.com\n\n某某县各界举行新春团拜会\n\n今天上午，某某县举行新春团拜会，各界欢聚。\n"
    reading = _read(draft)
    assert reading.speech.meta.title == "某某县各界举行新春团拜会"
    assert 1 in _aside(reading)


def test_a_filing_code_alone_is_no_title_nor_a_speaker() -> None:
    """A code such as 北市01-03-2001 above the points: no title (the file name stands in), the code set aside."""
    draft = "府市02-11-2010\n一、为统一文书处理程序，提高公文品质与行政效率，特订定本要点。\n"
    reading = _read(draft, name="code.txt")
    assert (reading.speech.meta.title, reading.speech.meta.speaker) == ("code", "")
    assert 1 in _aside(reading)


def test_a_metadata_line_is_no_title() -> None:
    """发布部门：… and an empty 发布文号： above a notice without its title: no title, both set aside."""
    draft = (
        "发布部门： 某某市人民政府办公室\n"
        "发布文号：\n"
        "各县、区人民政府，市各委、办、局：\n"
        "现将《某某管理办法》转发给你们，请认真贯彻落实。\n"
    )
    reading = _read(draft, name="meta.txt")
    assert reading.speech.meta.title == "meta"
    assert reading.speech.meta.addressee == "各县、区人民政府，市各委、办、局："
    assert {1, 2} <= _aside(reading)


@pytest.mark.parametrize(("counter", "title"), [("乡村振兴范文篇1", "meta"), ("乡村振兴讲话稿篇1", "乡村振兴讲话稿")])
def test_a_piece_counter_is_a_title_only_when_it_names_a_kind(counter: str, title: str) -> None:
    """…范文篇1 names the compilation, not the piece; …讲话稿篇1 names the piece's kind and is its title."""
    draft = f"{counter}\n\n根据上级要求，结合我县实际，就做好乡村振兴有关工作讲几点意见，请大家认真抓好落实。\n"
    assert _read(draft, name="meta.txt").speech.meta.title == title


def test_the_title_a_page_repeats_after_its_prefix_is_the_title() -> None:
    """A site's name before the title and a piece counter before it again: the title is the line they end with."""
    draft = (
        "某某期刊网 精选范文 关于茶叶市场的调研报告\n\n"
        "关于茶叶市场的调研报告\n\n"
        "第1篇：关于茶叶市场的调研报告\n\n"
        "调研的时间：2019年5月5日\n\n"
        "现在市面上对茶叶的包装过于单一，颜色方面也过于简单，不能让人过目不忘。\n"
    )
    reading = _read(draft)
    assert reading.speech.meta.title == "关于茶叶市场的调研报告"
    assert 1 in _aside(reading)


def test_a_title_in_book_marks_under_its_number_and_the_number_repeated() -> None:
    """《…〈…〉的通知》 is the title without 《》; a number the page gives twice is read once, the repeat set aside."""
    draft = (
        "某政办发〔2020〕3号《某某市人民政府办公厅关于印发〈某某工作要点〉的通知》\n"
        "《某某市人民政府办公厅关于印发〈某某工作要点〉的通知》\n"
        "某政办发〔2020〕3号\n"
        "某政办发〔2020〕3号\n"
        "各区人民政府，市政府各委、办、局：\n"
        "《某某工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。\n"
    )
    reading = _read(draft)
    meta = reading.speech.meta
    assert meta.title == "某某市人民政府办公厅关于印发《某某工作要点》的通知"
    assert meta.doc_number == "某政办发〔2020〕3号"
    aside = _aside(reading)
    assert 1 in aside and len({3, 4} & aside) == 1  # one of the two number lines is read, the other set aside


def test_a_number_after_the_title_is_the_number() -> None:
    """（某办发〔2019〕5号） after the title is its 发文字号; a 公告's （第3号） is part of its title."""
    draft = "某某市委办公室印发《关于推进政务公开的实施意见》的通知（某办发〔2019〕5号）\n各县市区：\n现印发给你们。\n"
    meta = _read(draft).speech.meta
    assert (meta.title, meta.doc_number) == (
        "某某市委办公室印发《关于推进政务公开的实施意见》的通知",
        "某办发〔2019〕5号",
    )
    announcement = _read("某某市人民政府公告（第3号）\n现将有关事项公告如下。\n").speech.meta
    assert announcement.title == "某某市人民政府公告（第3号）"


def test_a_welcome_sentence_is_no_half_of_the_title_and_a_whole_title_wins() -> None:
    """欢迎来到…网！ ends a sentence; 关于…的请示 under the page's own heading is the document's title."""
    draft = (
        "歡迎來到某某網！\n\n"
        "學校資金申請報告\n\n"
        "關于請求解決某某鎮學校危房改造資金的請示\n\n"
        "尊敬的領導：\n\n"
        "我鎮共有初中一所、小學四所，教學用房存有安全隱患，急需資金改建。\n"
    )
    reading = _read(draft)
    assert reading.speech.meta.title == "關于請求解決某某鎮學校危房改造資金的請示"
    assert {1, 3} <= _aside(reading)


def test_a_short_column_name_is_no_first_half_of_the_title() -> None:
    """信息公开 above a whole title is the page's column: set aside, not joined to the title."""
    draft = "信息公开\n\n某某基金会财务管理制度\n\n第一章 总则\n\n第一条 为加强财务管理，制定本制度。\n"
    reading = _read(draft)
    assert reading.speech.meta.title == "某某基金会财务管理制度"
    assert 1 in _aside(reading)


# --- addressee, 落款 and date ----------------------------------------------------------------------


def test_an_addressee_under_a_lead_line_is_read() -> None:
    """An editor's lead line above a notice without its title: the 主送机关 under it is still the addressee."""
    draft = (
        "导语：上报灾情通知一文来源于网友上传，不代表本站观点，欢迎参考。\n"
        "各乡镇人民政府（街道办事处）：\n"
        "请各乡镇于今日下午六时前将灾情上报县救灾办。\n"
    )
    meta = _read(draft).speech.meta
    assert (meta.addressee, meta.kind) == ("各乡镇人民政府（街道办事处）：", "notice")


def test_a_date_a_copy_dropped_its_marks_from_is_read_under_an_issuer() -> None:
    """2021521 under an issuer's name is the date; a number under a sentence is not."""
    draft = "关于开展合唱比赛的通知\n各党支部：\n请认真组织参加。\n特此通知\n中共某某学院机关委员会\n2021521\n"
    meta = _read(draft).speech.meta
    assert (meta.signature, meta.date) == ("中共某某学院机关委员会", "2021521")
    other = _read("关于开展合唱比赛的通知\n各党支部：\n请认真组织参加，名单报送至机关党委\n2021521\n").speech.meta
    assert other.date == ""


@pytest.mark.parametrize(
    "line",
    [
        "2345人看过",
        "某某市人民政府令",
        "新闻中心/某某县讯",
        "一 调研背景",
        "某某市生态环境局某某分局",
        "以良好的精神状态开创事业新局面",
    ],
)
def test_a_line_under_the_title_that_names_no_one_is_no_speaker(line: str) -> None:
    """A counter, a 令's mark, a news desk, a heading, an organ or a slogan under the title is not the speaker."""
    draft = f"在全县经济工作会议上的讲话\n{line}\n同志们：\n今天召开会议，总结去年工作，部署今年任务。\n"
    assert _read(draft).speech.meta.speaker == ""


@pytest.mark.parametrize("line", ["张某某", "县委书记　李某某", "某某集团党委书记  王某"])
def test_a_name_or_a_post_under_the_title_is_the_speaker(line: str) -> None:
    """A name alone, or a post and a name, under the title is the speaker."""
    draft = f"在全县经济工作会议上的讲话\n{line}\n同志们：\n今天召开会议，总结去年工作，部署今年任务。\n"
    assert _read(draft).speech.meta.speaker == line

"""Front and back matter of drafts from anywhere (issue 18, fourth pass): kind, title, 落款 and date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechkit import default_registry
from speechkit.readers import Reading, read_draft
from speechkit.readers.front import DATE


def _read(text: str, name: str = "draft.txt") -> Reading:
    return read_draft(text, "txt", name=name, registry=default_registry())


_BODY = "根据工作安排，现将有关事项通知如下，请各单位认真贯彻执行，确保各项工作落到实处。\n"


# --- dates and 落款 at the end ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    ["二〇二一年三月五日", "二○一○年十一月一日", "二0一三年八月六日", "X年XX月XX日", "××××年×月×日", "20xx年x月x日"],
)
def test_a_date_in_numerals_a_copy_retyped_or_a_placeholder_is_the_date(date: str) -> None:
    """A date with 〇 typed as 0, or a template's X年XX月XX日, closes the notice under its 落款."""
    meta = _read(f"各乡镇人民政府：\n{_BODY}某某县人民政府\n{date}\n").speech.meta
    assert (meta.signature, meta.date) == ("某某县人民政府", date)


@pytest.mark.parametrize("signer", ["淮北临涣工业园管委会", "校监察室", "县教务处", "城关派出所"])
def test_a_smaller_organ_over_a_date_inside_a_compilation_signs(signer: str) -> None:
    """The 落款 of the first of several pieces: an organ ending 管委会, 室, 处, 所 over a date."""
    draft = f"市政府：\n{_BODY}妥否，请批示。\n{signer}\nX年XX月XX日\n县人民政府：\n{_BODY}"
    meta = _read(draft).speech.meta
    assert (meta.signature, meta.date) == (signer, "X年XX月XX日")


def test_a_line_ending_in_a_small_organ_word_is_no_signature_without_a_date() -> None:
    """部 ends 干部 too: a title's first half ending so still joins its second half."""
    draft = (
        "湖北省市（州）党政领导班子和领导干部\n年度考核评价办法（试行）实施细则\n"
        "第一条 为了做好考核工作，制定本细则。\n"
    )
    assert _read(draft).speech.meta.title == "湖北省市（州）党政领导班子和领导干部年度考核评价办法（试行）实施细则"


@given(st.sampled_from("〇○0一二三四五六七八九"), st.integers(1, 12), st.integers(1, 31))
def test_date_matches_chinese_years_with_any_zero(zero: str, month: int, day: int) -> None:
    """Whatever a copy types for 〇, a date in Chinese numerals is one line of date."""
    numerals = "〇一二三四五六七八九"
    cn = {n: ("十" if n == 10 else "") for n in range(1, 32)}
    for n in range(1, 32):
        tens, unit = divmod(n, 10)
        cn[n] = (numerals[tens] if tens > 1 else "") + ("十" if tens else "") + (numerals[unit] if unit else "")
    assert DATE.match(f"二{zero}二一年{cn[month]}月{cn[day]}日")


@pytest.mark.parametrize("line", ["2021年3月5日召开会议", "X年级XX班", "二〇二一年工作要点"])
def test_date_is_no_sentence_with_a_date(line: str) -> None:
    """A line that holds a date and goes on is body text."""
    assert not DATE.match(line)


# --- the title among a page's lines ------------------------------------------------------------------


def test_a_front_matter_title_field_is_the_title() -> None:
    """A Markdown copy's front matter (title：…) names the title; the label is not part of it."""
    draft = "title：尾矿污染环境防治管理办法\nicon: article\n第一条 为了防治尾矿污染环境，制定本办法。\n"
    assert _read(draft).speech.meta.title == "尾矿污染环境防治管理办法"


def test_a_subject_terms_line_is_no_title() -> None:
    """主题词：… names the 文种 at its end, but it is a field of the page, not the title under it."""
    draft = (
        "主题词：民政 行政区划 湖北 批复\n国务院关于同意湖北省监利县撤县设市的批复\n国函〔2014〕86号\n"
        "湖北省人民政府：\n你省的请示收悉。现批复如下：\n"
    )
    assert _read(draft).speech.meta.title == "国务院关于同意湖北省监利县撤县设市的批复"


@pytest.mark.parametrize("label", ["文章全文： |", "正文："])
def test_a_label_above_the_title_is_not_its_first_half(label: str) -> None:
    """A line ending in a colon or a bar labels what follows; it is not joined to the title."""
    draft = f"{label}\n彭真在市委工作会议上的讲话\n\n同志们，今天讲几个问题，专门讲思想政治问题，就是讲人的问题。\n"
    assert _read(draft).speech.meta.title == "彭真在市委工作会议上的讲话"


def test_two_whole_titles_are_not_joined_and_the_one_the_body_repeats_wins() -> None:
    """Two lines each ending in a 文种 are two titles; the body glued to the second repeats it."""
    draft = (
        "安全风险信息平台工作管理办法（2021版）\n2023年网络安全信息平台管理办法\n\n"
        "2023年网络安全信息平台管理办法一、引言本文旨在规定网络安全信息平台的管理办法。\n"
    )
    assert _read(draft).speech.meta.title == "2023年网络安全信息平台管理办法"


def test_a_short_organ_line_the_signature_repeats_is_not_the_title() -> None:
    """A body paragraph that barely goes on after a short line does not make that line the title."""
    draft = (
        "牟定县人民政府\n\n牟定县人民政府办公室关于印发应急预案的通知\n牟政办发〔2017〕46号\n"
        "各乡镇人民政府：\n现将应急预案印发给你们，请认真贯彻执行。\n牟定县人民政府办公室\n2017年6月23日\n"
    )
    assert _read(draft).speech.meta.title == "牟定县人民政府办公室关于印发应急预案的通知"


@pytest.mark.parametrize("bar", ["|", "｜", " | "])
def test_a_bar_between_the_parts_of_a_headline_becomes_a_space(bar: str) -> None:
    """閉幕典禮|某某致詞: the bar a page divides a headline with is not part of the title."""
    draft = f"閉幕典禮{bar}吳澤成代理縣長致詞\n\n這段時間我跟大家的感情最好，但是即將要閉幕，非常的依依不捨。\n"
    assert _read(draft).speech.meta.title == "閉幕典禮 吳澤成代理縣長致詞"


def test_a_column_name_above_the_title_is_set_aside_and_names_the_kind() -> None:
    """行政公告 twice (the page's column and its heading) above the title: the title is the line under it."""
    draft = (
        "跳到主要內容\n\n行政公告\n\n行政公告\n\n重申：請同仁避免將私人物品投遞至市府或所服務之學校\n\n"
        "1. 來文重申避免將私人物品投遞至市府或所服務之學校。\n"
    )
    meta = _read(draft).speech.meta
    assert (meta.title, meta.kind) == ("重申：請同仁避免將私人物品投遞至市府或所服務之學校", "announcement")


def test_a_short_title_over_its_subtitle_is_no_column() -> None:
    """A short title that names no 文种 keeps its place over a longer subtitle."""
    draft = "坚定信心\n——在全县经济工作会议上的讲话\n同志们：\n今天召开会议，主要任务是总结工作、部署任务。\n"
    assert _read(draft).speech.meta.title == "坚定信心"


def test_a_row_of_links_above_the_title_is_not_the_title() -> None:
    """无障碍版 长者助手: short words apart, none naming a 文种, are a page's links."""
    draft = (
        "无障碍版 长者助手\n\n西区召开2017年度部门负责人述职会\n\n"
        "1月11日，西区召开2017年度部门负责人述职会，区28个部门负责人现场述职。\n"
    )
    assert _read(draft).speech.meta.title == "西区召开2017年度部门负责人述职会"


@pytest.mark.parametrize("title", ["工作 总结", "述 职 报 告", "閉幕典禮 吳澤成代理縣長致詞"])
def test_a_spaced_title_is_no_row_of_links(title: str) -> None:
    """A title with a space (letter-spaced, or two parts of a headline) stays the title."""
    draft = f"{title}\n\n今年以来，在上级党委的正确领导下，我们认真履行职责，各项工作取得了新的成效。\n"
    assert _read(draft).speech.meta.title == title


# --- a title, an addressee or a salutation glued to what follows --------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "addressee", "kind"),
    [
        (
            "××省人民政府关于表彰全省矿业秩序治理整顿工作先进单位的通报各市人民政府，各县（市、区）人民政府：",
            "××省人民政府关于表彰全省矿业秩序治理整顿工作先进单位的通报",
            "各市人民政府，各县（市、区）人民政府：",
            "bulletin",
        ),
        (
            "臺北市政府關於印發《某某管理辦法》的通知各區公所，市府各一級機關：",
            "臺北市政府關於印發《某某管理辦法》的通知",
            "各區公所，市府各一級機關：",
            "notice",
        ),
        (
            "关于印发《工作要点》的通知的通知各区人民政府：",
            "关于印发《工作要点》的通知的通知",
            "各区人民政府：",
            "notice",
        ),
    ],
)
def test_a_title_glued_to_its_addressee_is_split_after_its_genre(
    line: str, title: str, addressee: str, kind: str
) -> None:
    """…的通报各市人民政府，…：: the title ends in its 文种, a whole 主送机关 line follows."""
    meta = _read(f"{line}\n近年来，各级政府认真贯彻实施有关法律法规，取得了显著成绩。\n").speech.meta
    assert (meta.title, meta.addressee, meta.kind) == (title, addressee, kind)


def test_an_addressee_glued_to_the_first_paragraph_is_the_addressee() -> None:
    """區政府督查室：根據…: the organ and its colon open the line, the body goes on after them."""
    reading = _read("區政府督查室：根據貴室的通知要求，經認真自查梳理，現將自查情況報告於後，請審閱。\n")
    assert reading.speech.meta.addressee == "區政府督查室："
    assert reading.speech.opening[0].startswith("根據貴室")


def test_a_salutation_glued_to_the_first_paragraph_makes_a_speech() -> None:
    """同志们：今天…: the salutation is read, the body keeps the rest."""
    reading = _read(
        "关于全面推进政务公开工作的意见\n同志们：今天我们召开会议，主要任务是贯彻落实上级精神，部署全年工作。\n"
    )
    assert (reading.speech.salutation, reading.speech.meta.kind) == ("同志们：", "speech")


@pytest.mark.parametrize(
    "line",
    [
        "××××××××××××  ×政复〔2013〕102号 ××市人民政府办公厅：你市的请示收悉。经研究，批复如下：同意。",
        "一、工作要求：各单位要高度重视，认真组织，确保各项工作落到实处，按时完成各项任务。",
        "主要任务：抓好党建工作，加强队伍建设，确保各项工作落到实处，按时完成各项任务。",
    ],
)
def test_a_line_opening_with_other_words_and_a_colon_keeps_them(line: str) -> None:
    """A 版头 run together, a heading or a label before a colon is no addressee."""
    assert _read(f"{line}\n").speech.meta.addressee == ""


def test_a_notice_that_issues_a_text_ends_with_its_date_before_it() -> None:
    """印发…的通知 signed with a date alone, the plan it issues under it."""
    draft = (
        "各乡镇人民政府、街道办事处，县府各部门：\n《森林火灾事故应急预案》已经县政府同意，现予印发，希认真贯彻执行。\n"
        "二○一○年十一月一日\n新昌县森林火灾事故应急预案\n1 总则\n1.1 编制目的\n"
        "建立反应灵敏、运转高效的森林火灾处置体系。\n"
    )
    reading = _read(draft)
    assert reading.speech.meta.date == "二○一○年十一月一日"
    assert "新昌县森林火灾事故应急预案" in str(reading.speech)


def test_a_date_inside_a_speech_stays_in_its_body() -> None:
    """Without an addressee a date line inside the body is no notice's date."""
    draft = "同志们：\n今年的工作取得了新的成效。\n二○一○年十一月一日\n新的一年工作计划\n我们要继续努力，再创佳绩。\n"
    assert _read(draft).speech.meta.date == ""


# --- 发文字号 and a regulation's 题注 under the title ------------------------------------------------------


@pytest.mark.parametrize("number", ["（皖政〔2001〕85號）", "(岳办发〔2017〕2号)", "（皖政[2001]85号）"])
def test_a_document_number_in_brackets_of_its_own_under_the_title_is_the_number(number: str) -> None:
    """A page puts the 发文字号 in brackets on the line under a title broken over two lines."""
    draft = (
        "安徽省人民政府關于實施\n《國務院關于基礎教育改革與發展的決定》的意見\n"
        f"{number}\n各市、縣人民政府：\n為認真貫徹落實國務院的決定，現提出如下意見。\n"
    )
    meta = _read(draft).speech.meta
    assert meta.doc_number == number.strip("（）()").replace("[", "〔").replace("]", "〕")
    assert meta.title == "安徽省人民政府關于實施《國務院關于基礎教育改革與發展的決定》的意見"


@pytest.mark.parametrize(
    ("note", "date", "number"),
    [
        ("（2022年4月6日生态环境部令第26号公布　自2022年7月1日起施行）", "2022年4月6日", "生态环境部令第26号"),
        ("（2021年3月11日第十三届全国人民代表大会第四次会议通过）", "2021年3月11日", ""),
        ("（1998年6月26日通过　2003年3月25日市人民政府令第128号修正）", "2003年3月25日", "市人民政府令第128号"),
    ],
)
def test_a_regulation_note_under_the_title_gives_its_date_and_order_number(note: str, date: str, number: str) -> None:
    """The 题注 gives the date a regulation was made or changed (not the one it takes effect) and its 令."""
    draft = f"尾矿污染环境防治管理办法\n{note}\n第一条 为了防治尾矿污染环境，制定本办法。\n第二条 本办法适用于尾矿。\n"
    reading = _read(draft)
    assert (reading.speech.meta.date, reading.speech.meta.doc_number) == (date, number)
    assert note.strip("（）")[:10] in str(reading.speech)  # the note stays in the text


def test_list_items_under_a_title_are_neither_subtitle_nor_speaker() -> None:
    """- 规章 under a front matter title: a list's items stay in the body."""
    meta = _read("尾矿污染环境防治管理办法\n- 规章\n- 部门规章\n第一条 为了防治尾矿污染，制定本办法。\n").speech.meta
    assert (meta.subtitle, meta.speaker) == ("", "")


# --- a title run into the first paragraph ---------------------------------------------------------------


def test_a_whole_title_and_a_comma_before_the_text_is_the_title() -> None:
    """关于…的调查报告，随着…: a copy ran the title into the first paragraph; the kind follows from it."""
    reading = _read("关于农村留守儿童的调查报告,随着中国社会经济的快速发展,城市化进程不断推进,留守儿童问题日益凸显。\n")
    assert (reading.speech.meta.title, reading.speech.meta.kind) == ("关于农村留守儿童的调查报告", "research_report")
    assert reading.speech.opening[0].startswith("随着中国社会经济")


def test_a_title_given_twice_before_the_text_is_the_title_and_the_text_keeps_the_rest() -> None:
    """T T 1月19日，…: the title a page shows twice on the line of the text."""
    title = "XX 县区委指导组到沙土指导村（社区）镇直单位党支部书记述职评议工作"
    reading = _read(f"{title} {title} 1 月 19 日，沙土镇召开村（社区）、镇直单位党支部书记述职评议会议。\n")
    assert reading.speech.meta.title == title
    assert "沙土镇召开" in reading.speech.opening[0]


@pytest.mark.parametrize(
    "line",
    [
        "根据调研报告，我们认为农村留守儿童问题日益凸显，需要政府、社会、学校、家庭的共同努力。",
        "关于这个问题，我们认为农村留守儿童问题日益凸显，需要政府、社会、学校、家庭的共同努力。",
        "今天今天我们召开会议，主要任务是贯彻落实上级精神，部署全年工作，请大家认真听。",
    ],
)
def test_a_sentence_is_no_title_run_into_the_text(line: str) -> None:
    """A clause that names no 文种 at its end, or opens no title, stays in the text."""
    reading = _read(f"{line}\n")
    assert reading.speech.meta.title == "draft"
    assert reading.speech.opening[0] == line


# --- the kind follows from what was read ---------------------------------------------------------------


def test_an_addressed_draft_that_reports_as_follows_is_a_report() -> None:
    """区政府督查室：…现将自查情况报告于后：一、…: a 主送机关 and a report's formula make a 报告."""
    draft = (
        "區政府督查室：根據貴室的通知要求，經認真自查梳理，現將自查情況報告於後：一、行政效率方面存在的問題，"
        "政治學習不夠，理論功底不深。\n"
    )
    assert _read(draft).speech.meta.kind == "report"


def test_a_duty_report_that_reports_as_follows_stays_a_duty_report() -> None:
    """各位领导：…现将履职情况报告如下: a salutation, not an addressee; the title names the kind."""
    draft = (
        "2023年度述职报告\n各位领导、同志们：\n现将本人一年来的履职情况报告如下：\n"
        "一、履行职责情况\n认真学习，扎实工作，较好地完成了各项任务。\n"
    )
    assert _read(draft).speech.meta.kind == "duty_report"


def test_reports_as_follows_without_an_addressee_makes_no_report() -> None:
    """报告如下 alone (a 述职 without its title) is no 报告: nothing official was read."""
    draft = "现将本人一年来的履职情况报告如下：\n一、履行职责情况\n认真学习，扎实工作，较好地完成了各项任务。\n"
    assert _read(draft).speech.meta.kind != "report"


# --- a 公文's head under page residue ---------------------------------------------------------------------


def test_a_notice_head_under_page_residue_is_read_and_the_residue_kept_in_the_body() -> None:
    """A 发文字号 over a 主送机关 further down (a wenku page's summary above): both are read."""
    draft = (
        "××省人民政府批复全文阅读，你市的请示收悉，经研究批复如下，同意设立阳澄湖生态保护区，有关事项按规定办理。\n"
        "admin2019-12-02  20\n×政复〔2013〕102号\n××市人民政府办公厅：\n"
        "你市《关于设立阳澄湖生态保护区的请示》收悉。经研究，批复如下：\n一、同意设立阳澄湖生态保护区。\n"
    )
    reading = _read(draft)
    meta = reading.speech.meta
    assert (meta.doc_number, meta.addressee, meta.kind) == ("×政复〔2013〕102号", "××市人民政府办公厅：", "reply")
    assert "全文阅读" in str(reading.speech)


def test_a_title_over_three_lines_under_page_residue_is_joined() -> None:
    """国务院关于…/暂时调整…《…/…》有关规定的决定 over its number and addressee."""
    draft = (
        "INSERT INTO ge_policy_raw (id, crawl_url, crawl_time, index_number, title, release_office, content) VALUES\n"
        "国务院关于在海南博鳌乐城国际医疗旅游先行区\n暂时调整实施《中华人民共和国药品管理法\n实施条例》有关规定的决定\n"
        "国发〔2018〕43号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "为进一步支持海南省试点发展国际医疗旅游相关产业，国务院决定暂时调整实施有关规定。\n"
    )
    meta = _read(draft).speech.meta
    assert meta.title == (
        "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定"
    )
    assert (meta.doc_number, meta.kind) == ("国发〔2018〕43号", "decision")


def test_an_addressee_deep_in_a_speech_makes_no_notice() -> None:
    """A colon line naming organs inside an untitled speech, with no number or title over it, stays text."""
    draft = (
        "今天召开会议，主要任务是总结工作、部署任务，下面我讲三点意见，请大家认真抓好落实。\n"
        "第一，提高认识。我们要充分认识做好这项工作的重要意义。\n"
        "各党支部：\n要认真组织学习，确保各项工作落到实处。\n"
    )
    meta = _read(draft).speech.meta
    assert (meta.addressee, meta.kind) == ("", "speech")


def test_a_line_cut_inside_a_quotation_is_no_title_and_stays_in_the_body() -> None:
    """量避免出现“做法…”“基: a page's excerpt starts mid-sentence; the line is kept as text."""
    first = "量避免出现“做法均源于上级政策文件”“成果都无差别”“基"
    reading = _read(f"{first}\n数不同结果不差”等现象。\n写问题短板要突出“要点”，莫谈千篇一律的“套话”。\n")
    assert reading.speech.meta.title == "draft"
    assert first in str(reading.speech)


def test_a_title_broken_inside_a_quotation_is_joined() -> None:
    """关于开展“不忘初心 / 牢记使命”主题教育的通知: the open quote is closed on the next line."""
    draft = "关于开展“不忘初心\n牢记使命”主题教育的通知\n各党支部：\n现将有关事项通知如下。\n"
    assert _read(draft).speech.meta.title == "关于开展“不忘初心牢记使命”主题教育的通知"


@pytest.mark.parametrize(
    "line",
    [
        "<a href=\"<?php echo site_url('welcome'); ?>\">首页></a><a href=\"<?php echo url('news'); ?>\">新闻></a>",
        '<%@ taglib uri="http://java.sun.com/jsp/jstl/core" prefix="c" %><%@ taglib uri="http://java.sun.com" %>',
        "<a href=\"<?php echo site_url('welcome'); ?>\">首页><a href=\"<?php echo url('news'); ?>\">新闻中心>正文",
    ],
)
def test_markup_a_copy_kept_above_the_title_is_set_aside(line: str) -> None:
    """A page's markup (links, JSP calls) above the title does not end the front matter."""
    reading = _read(f"{line}\n四川铁科召开党委中心组学习会议 学先进转作风强执行\n8月8日下午，公司召开学习会议。\n")
    assert reading.speech.meta.title == "四川铁科召开党委中心组学习会议 学先进转作风强执行"
    assert 1 in {n.line for n in reading.notes if n.action == "set aside"}


def test_a_data_files_title_field_is_the_title() -> None:
    """title: '…',createdAt: …,content: `…`: a page kept as a data file names its title in a field."""
    draft = (
        "module.exports = {\n  policy: {\n"
        "title: '习总书记对深度贫困地区脱贫的要求',createdAt: '2019/3/15',author: '管理员',"
        "content: `一、深度贫困成因分析\n"
        "一是集革命老区、民族地区、边疆地区于一体；二是基础设施和社会事业发展滞后。\n"
    )
    reading = _read(draft)
    assert reading.speech.meta.title == "习总书记对深度贫困地区脱贫的要求"
    assert reading.speech.meta.speaker == ""


@pytest.mark.parametrize("line", ["module.exports = {", "policy: {", "* * *"])
def test_a_line_without_han_under_the_title_is_no_speaker(line: str) -> None:
    """A name has Han characters: code or a row of marks under the title is not the speaker."""
    reading = _read(f"在全县经济工作会议上的讲话\n{line}\n同志们：\n今天召开会议，主要任务是部署工作。\n")
    assert reading.speech.meta.speaker == ""


def test_a_page_word_taken_for_the_title_gives_way_to_a_notice_head_below() -> None:
    """登陆注册 above a chapter heading and a title glued to its addressee: the 公文's head wins."""
    draft = (
        "登陆注册\n625800000007\n第7章 通 报\n[例文1]\n"
        "××省人民政府关于表彰全省矿业秩序治理整顿工作先进单位的通报各市人民政府，各县（市、区）人民政府：\n"
        "近年来，各级政府认真贯彻实施国土资源法律法规，依法整顿矿业秩序，取得了显著成绩。\n"
    )
    meta = _read(draft).speech.meta
    assert meta.title == "××省人民政府关于表彰全省矿业秩序治理整顿工作先进单位的通报"
    assert (meta.addressee, meta.kind) == ("各市人民政府，各县（市、区）人民政府：", "bulletin")


def test_an_article_title_keeps_its_place_over_a_notice_it_quotes() -> None:
    """A news piece titled at length that quotes a notice further down stays the piece it is."""
    draft = (
        "西区召开2017年度部门负责人述职会\n\n1月11日，西区召开2017年度部门负责人述职会，区28个部门负责人现场述职。\n"
        "会上印发了以下通知。\n关于做好年度述职工作的通知\n各部门：\n请认真做好述职工作。\n"
    )
    meta = _read(draft).speech.meta
    assert (meta.title, meta.addressee) == ("西区召开2017年度部门负责人述职会", "")


# --- the 版记 of a plain copy ---------------------------------------------------------------------------------

_NOTICE = (
    "关于做好年度考核工作的通知\n各乡镇人民政府，县直各单位：\n根据上级要求，现将有关事项通知如下，请认真贯彻执行。\n"
)


@pytest.mark.parametrize("note", ["", "（此件公开发布）\n"])
def test_the_imprint_rows_of_a_plain_copy_leave_the_body(note: str) -> None:
    """抄送：… and …印发 under the 落款 and date (a 附注 between) are the 版记, not text."""
    draft = (
        f"{_NOTICE}某某县人民政府办公室\n二〇二一年三月五日\n{note}"
        "抄送：县委办，县人大办。\n某某县人民政府办公室　　2021年3月6日印发\n"
    )
    speech = _read(draft).speech
    meta = speech.meta
    assert (meta.signature, meta.date, meta.cc) == ("某某县人民政府办公室", "二〇二一年三月五日", "县委办，县人大办。")
    assert (meta.printer, meta.print_date, meta.note) == ("某某县人民政府办公室", "2021年3月6日", note.strip())
    assert speech.opening == ("根据上级要求，现将有关事项通知如下，请认真贯彻执行。",)


def test_a_cc_line_without_a_date_above_stays_in_the_body() -> None:
    """抄送：… under the body and no 落款 with a date is not told a 版记."""
    speech = _read(f"{_NOTICE}抄送：县委办，县人大办。\n").speech
    assert speech.meta.cc == ""
    assert "抄送：县委办，县人大办。" in speech.opening


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_signature_and_date_are_read_on_either_side_of_the_attachment_list(where: str) -> None:
    """附件：1.… 2.… above the 落款, or the list after the date: both are read."""
    attachments = "附件：1.考核办法\n2.考核表\n"
    closing = "某某县人民政府办公室\n2021年3月5日\n"
    draft = _NOTICE + (attachments + closing if where == "before" else closing + attachments)
    meta = _read(draft).speech.meta
    assert (meta.signature, meta.date) == ("某某县人民政府办公室", "2021年3月5日")
    assert meta.attachments == ("考核办法", "考核表")


# --- title lines of compilations and plain copies of Markdown; kinds by their 文种 -------------------------


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ("第一篇:在全县经济工作会议上的讲话", "在全县经济工作会议上的讲话"),
        ("# 某某网\n## 关于做好年度考核工作的通知", "关于做好年度考核工作的通知"),
        ("XX范文网\n第一篇：2023年度述职报告\n2023年度述职报告", "2023年度述职报告"),
    ],
)
def test_a_counter_or_markdown_marks_before_the_title_are_not_part_of_it(lines: str, title: str) -> None:
    """第一篇：…, ## …: a compilation's counter or a heading's marks; a site's name is no first half."""
    reading = _read(f"{lines}\n各乡镇人民政府：\n根据上级要求，现将有关事项通知如下，请认真贯彻执行。\n")
    assert reading.speech.meta.title == title


def test_a_date_of_the_minguo_calendar_closes_a_traditional_notice() -> None:
    """中華民國一一〇年三月五日 under the 落款 of a Taiwanese 公文."""
    draft = "臺北市政府函\n各區公所：\n現將有關事項通知如下，請遵照辦理。\n臺北市政府\n中華民國一一〇年三月五日\n"
    meta = _read(draft).speech.meta
    assert (meta.signature, meta.date) == ("臺北市政府", "中華民國一一〇年三月五日")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("关于基层党建工作的研究报告", "research_report"),
        ("中共某某县委关于表彰先进基层党组织的决定", "decision"),
        ("某某市人民政府公告", "announcement"),
        ("关于2021年第一季度安全生产检查情况的通报", "bulletin"),
        ("某某省人民政府关于同意设立某某开发区的批复", "reply"),
        ("关于加强基层治理的实施意见", "opinion"),
    ],
)
def test_the_kind_follows_from_the_genre_word_of_the_title(title: str, kind: str) -> None:
    """研究报告, 决定, 公告, 通报, 批复, 意见: the title's 文种 names the kind, not the speech fallback."""
    draft = f"{title}\n近年来，各项工作取得了新的成效。\n一、基本情况\n全县共有党支部120个。\n"
    assert _read(draft).speech.meta.kind == kind


def test_an_untitled_page_of_a_collection_of_reports_is_a_report() -> None:
    """调研报告汇编(61篇)(第7/23页) over a piece without its title: the collection names the kind."""
    draft = (
        "调研报告汇编(61篇)(第7/23页)\n"
        "（三）联合测绘工作推进较慢。联合测绘是一项很好的便民措施，但由于涉及部门较多，推进难度较大。\n"
        "三、对下一步工作的建议\n（一）建立信息共享机制，畅通资料查询渠道。\n"
    )
    assert _read(draft).speech.meta.kind == "research_report"


def test_a_page_header_naming_a_notice_does_not_make_an_untitled_text_a_notice() -> None:
    """通知公告 over an untitled text: a 公文 kind needs its own head (a number, an addressee)."""
    draft = "当前位置：首页 > 通知公告\n今天召开会议，主要任务是总结工作、部署任务，下面我讲三点意见。\n"
    reading = _read(draft)
    assert 1 in {n.line for n in reading.notes if n.action == "set aside"}
    assert reading.speech.meta.kind == "speech"


_HAN = st.sampled_from("关于印发通知各区县市人民政府办公室工作要点的局部门单位省委")


@given(st.lists(_HAN, min_size=0, max_size=60).map("".join), st.sampled_from(["：", ":", "", "。"]))
def test_a_glued_title_cut_leaves_a_whole_addressee_line(text: str, end: str) -> None:
    """Wherever the title of a glued line is cut, what follows is a 主送机关 line and the title keeps 8 characters."""
    from speechkit.model.notice_parts import is_addressee_line
    from speechkit.readers.front import _glued_title

    line = text + end
    cut = _glued_title(line)
    if cut:
        assert 8 <= cut < len(line)
        assert is_addressee_line(line[cut:])


@given(st.lists(_HAN, min_size=0, max_size=80).map("".join), st.sampled_from(["：", "，", "。", " "]))
def test_a_glued_head_or_lead_title_cut_stays_inside_the_line(text: str, mark: str) -> None:
    """The cuts of a line's head (addressee, salutation, title) fall inside it; nothing is invented."""
    from speechkit.readers.front import _glued_head, _lead_title

    line = text[:20] + mark + text[20:]
    head = _glued_head(line)
    if head is not None:
        assert 0 < head[0] < len(line) and head[1] in ("addressee", "salutation")
    lead = _lead_title(line)
    if lead is not None:
        assert 0 < lead[0] <= lead[1] < len(line)


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ("某县政府关于印发\n某县2023年安全生产工作要点\n的通知", "某县政府关于印发某县2023年安全生产工作要点的通知"),
        ("关于印发某某县2023年度安全生产工作要点\n的通知", "关于印发某某县2023年度安全生产工作要点的通知"),
        ("臺北市政府關於修正\n「臺北市公文處理要點」\n之通知", "臺北市政府關於修正「臺北市公文處理要點」之通知"),
    ],
)
def test_a_title_whose_last_line_goes_on_from_a_genre_word_is_joined(lines: str, title: str) -> None:
    """…工作要点 / 的通知: the line naming a 文种 is not the end of the title when 的通知 follows it."""
    reading = _read(f"{lines}\n各乡镇人民政府：\n现将有关事项通知如下，请认真执行。\n")
    assert reading.speech.meta.title == title

"""Features of drafts from the field that the text reader reads (issue 18), each on a small made-up draft."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from speech_parts import headings
from speechkit import default_registry
from speechkit.model.speech import Section
from speechkit.readers import Reading, read_draft


def _read(text: str, name: str = "draft.txt") -> Reading:
    return read_draft(text, "txt", name=name, registry=default_registry())


def _text(section: Section) -> str:
    return "".join(b for b in section.lead if isinstance(b, str))


# -- headings -----------------------------------------------------------------------------------


def test_numbered_sentences_with_nothing_under_them_are_points_not_headings() -> None:
    """``1、迟到早退的，扣发奖金。`` over ``2、…``: one whole sentence each, a list of rules under a heading."""
    draft = (
        "考勤管理办法\n"
        "一、考勤要求\n"
        "1、迟到早退的，每次扣发奖金十元。\n"
        "2、无故缺勤的，当月不予奖励。\n"
        "二、附则\n"
        "本办法自印发之日起施行，由办公室负责解释。\n"
    )
    speech = _read(draft).speech
    assert headings(speech) == [(1, "考勤要求"), (1, "附则")]
    assert "迟到早退的，每次扣发奖金十元。" in _text(speech.sections[0])


def test_a_heading_that_runs_on_or_has_points_under_it_stays_a_heading() -> None:
    """A sentence line among headings that run on into their text, or with deeper labels under it, is a heading."""
    draft = (
        "在全县工作会议上的讲话\n"
        "一、主要成效\n"
        "（一）组织建设全面加强。\n"
        "1. 换届顺利完成。全县换届一次成功。\n"
        "2. 阵地建设加强。新建场所十个。\n"
        "（二）作风建设持续推进。今年开展专项整治三次，查处问题十件。\n"
    )
    titles = [title for _level, title in headings(_read(draft).speech)]
    assert "组织建设全面加强" in titles and "作风建设持续推进" in titles


def test_in_a_list_of_numbered_paragraphs_a_line_of_whole_sentences_is_a_paragraph() -> None:
    """Most 一、 lines are long sentences: the short ones that end with 。 are paragraphs of that list too."""
    draft = (
        "某某条例\n"
        "一、为了规范管理，保障各方合法权益，推进工作高质量发展，结合本县实际，制定本规则。\n"
        "二、县政府工作的指导思想是，坚持依法行政，全面正确履行政府职能，努力建设人民满意的政府。\n"
        "三、县政府实行县长负责制。县长主持县政府全面工作。\n"
    )
    speech = _read(draft).speech
    assert headings(speech) == []


def test_an_excerpt_that_starts_in_mid_list_keeps_the_standard_order_of_levels() -> None:
    """``（三）…`` first, ``三、…`` later: the （一） level stays under the 一、 level the excerpt cut off."""
    draft = (
        "（三）测绘工作推进较慢。测绘涉及部门较多，进度不快。\n"
        "（四）规划编制有待加强。覆盖率需进一步提升。\n"
        "三、下一步工作的建议\n"
        "（一）建立信息共享机制。加强部门之间的沟通。\n"
    )
    assert headings(_read(draft).speech) == [
        (2, "测绘工作推进较慢"),
        (2, "规划编制有待加强"),
        (1, "下一步工作的建议"),
        (2, "建立信息共享机制"),
    ]


def test_anti_copy_junk_glued_to_a_label_leaves_the_label() -> None:
    """Forum junk runs into the ``1.`` after it (``Z5 _1.作评价。``): the junk goes, the heading stays."""
    draft = (
        "讲话的结构分析\n"
        "笔者认为，这篇讲话结构严谨，层次分明，值得学习。\n"
        "一、谋篇布局独具特色\n"
        "& x/ q( N+ j( w- Z6 \\: Y8 Z5 _1.作评价。\n"
        "讲话第一部分，分四个自然段，层层递进。\n"
    )
    speech = _read(draft).speech
    assert (2, "作评价") in headings(speech)


def test_a_bullet_before_a_spaced_chapter_label_is_dropped() -> None:
    """A print view's ``• 第 一 章 總則`` and ``• 第 1 條``: chapters read as headings, the kind as a 公文."""
    draft = (
        "• 第 一 章 總則\n"
        "  • 第 1 條\n"
        "    本市為規範法規之制定，特制定本條例。\n"
        "  • 第 2 條\n"
        "    本市得就自治事項制定法規。\n"
        "  • 第 二 章 法規之制定\n"
        "  • 第 3 條\n"
        "    下列事項以自治條例定之。\n"
    )
    reading = _read(draft)
    assert [title for _level, title in headings(reading.speech)] == ["第一章 總則", "第二章 法規之制定"]
    assert reading.speech.meta.kind == "notice"  # a body of articles is a regulation's, issued as a 公文


# -- front and back matter ----------------------------------------------------------------------


def test_an_order_gives_its_number_and_signs_with_a_post_and_a_name_above_the_regulation() -> None:
    """A 令: ``第12号`` under ``…政府令``, signed ``省长王某某`` over its date, then the regulation it issues."""
    draft = (
        "某某省实施细则\n"
        "某某省人民政府令\n"
        "第12号\n"
        "现发布《某某省实施细则》，自发布之日起施行。\n"
        "省长王某某\n"
        "2020年5月6日\n"
        "第一章 总则\n"
        "第一条 为了规范管理，制定本细则。\n"
        "第二条 本细则适用于全省。\n"
    )
    meta = _read(draft).speech.meta
    assert (meta.doc_number, meta.signature, meta.date) == ("第12号", "省长王某某", "2020年5月6日")


def test_a_page_title_without_the_quotes_repeats_a_title_broken_over_two_lines() -> None:
    """The page's header drops the “” the document's title, broken over two lines, has: one title, the issuer above."""
    draft = (
        "关于做好交纳特殊党费用于支援救灾工作的通知\n\n"
        "中共某某大学委员会\n\n"
        "关于做好交纳“特殊党费”\n\n"
        "用于支援救灾工作的通知\n\n"
        "各党支部：\n"
        "现将有关事项通知如下。\n"
    )
    reading = _read(draft)
    meta = reading.speech.meta
    assert meta.title == "关于做好交纳“特殊党费”用于支援救灾工作的通知"
    assert meta.issuer == "中共某某大学委员会"
    assert any(n.line == 1 and n.action == "set aside" and "repeated title" in n.text for n in reading.notes)


def test_a_title_broken_over_two_lines_and_repeated_sets_both_lines_aside() -> None:
    """A page repeats the title broken over two lines: both of those lines are set aside, the title is kept once."""
    draft = (
        "某某市领导干部年度考核评价办法实施细则\n"
        "某某市领导干部年度考核评\n"
        "价办法实施细则\n"
        "某某市领导干部年度考核评价办法实施细则\n"
        "第一条 为了规范考核工作，制定本细则。\n"
    )
    reading = _read(draft)
    aside = {n.line for n in reading.notes if n.action == "set aside"}
    assert aside == {1, 2, 3}
    assert reading.speech.meta.title == "某某市领导干部年度考核评价办法实施细则"
    assert "考核评" not in "".join(reading.speech.opening)


def test_a_draft_with_no_title_line_says_its_title_is_the_file_name() -> None:
    """No line reads as the title: the facts need one, so the file name stands in, and a note says so."""
    draft = "同志们：\n今天召开会议，我们要认真总结工作，部署下一步任务。\n一、提高认识\n要提高认识。\n"
    reading = _read(draft, name="去年的讲话.txt")
    assert reading.speech.meta.title == "去年的讲话"
    notes = [n for n in reading.notes if "title" in n.text]
    assert len(notes) == 1 and notes[0].line == 1 and "去年的讲话" in notes[0].text
    assert "今天召开会议" in reading.speech.opening[0]  # the first line stays in the body


def test_a_draft_with_a_title_line_has_no_note_about_the_title() -> None:
    reading = _read("在全县工作会议上的讲话\n同志们：\n今天召开会议。\n", name="x.txt")
    assert reading.speech.meta.title == "在全县工作会议上的讲话"
    assert not [n for n in reading.notes if "title" in n.text]


# -- the import report's count note -------------------------------------------------------------


def _import_cli(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "speechkit", "import", str(draft)], capture_output=True, text=True)


POINTS = "一要提高认识。认识很重要。二要加强领导。领导很重要。三要狠抓落实。落实很重要。四要严明纪律。纪律很重要。"


def test_a_counting_phrase_over_the_points_read_is_not_reported(tmp_path: Path) -> None:
    """``我再强调四点意见：一要…四要…`` read as four points: the count agrees, the report says nothing of it."""
    result = _import_cli(tmp_path, f"在全市工作会议上的讲话\n同志们：\n今天召开会议，我再强调四点意见：{POINTS}\n")
    assert result.returncode == 0, result.stderr
    assert "count:" not in result.stderr
    facts = yaml.safe_load(result.stdout)
    assert facts["opening"] == ["今天召开会议，我再强调四点意见："]
    assert len(facts["sections"][0]["items"]) == 4


def test_a_counting_phrase_that_disagrees_with_what_was_read_is_reported(tmp_path: Path) -> None:
    """``五点意见`` over four points: nothing is read as its points, and the report says the count disagrees."""
    result = _import_cli(tmp_path, f"在全市工作会议上的讲话\n同志们：\n今天召开会议，我再强调五点意见：{POINTS}\n")
    assert result.returncode == 0, result.stderr
    assert "count: opening: 五点意见 but 0 sections" in result.stderr


# -- lines of the page ---------------------------------------------------------------------------


def _aside(reading: Reading) -> set[int]:
    return {n.line for n in reading.notes if n.action == "set aside"}


SPEECH = "在全县工作会议上的讲话\n同志们：\n今天召开会议，主要任务是总结工作。\n下面，我讲两点意见。\n"


def test_a_source_and_a_zero_padded_date_is_the_page_s_stamp_not_a_date() -> None:
    """``某某委员会 2022年12月06日``: a document writes 12月6日; a page pads the day. Its own 落款 stays."""
    draft = (
        "某某市人民代表大会常务委员会公告\n"
        "某某市卫生健康委员会 2022年12月06日\n"
        "现将有关事项公告如下，请广泛提出意见。\n"
        "某某市人民代表大会常务委员会\n"
        "2022年12月5日\n"
    )
    reading = _read(draft)
    assert 2 in _aside(reading)
    meta = reading.speech.meta
    assert (meta.signature, meta.date) == ("某某市人民代表大会常务委员会", "2022年12月5日")


def test_a_periodical_issue_a_search_hint_and_a_summary_are_the_page_s() -> None:
    page = "《某某月报》 2008年 第03期\n多个检索词，请用空格间隔。\n核心提示：要写实述职报告。各级书记要牢记责任。\n"
    draft = page + SPEECH
    assert {1, 2, 3} <= _aside(_read(draft))


def test_a_comment_box_after_the_text_is_the_page_s() -> None:
    draft = SPEECH + "特此通知。\n评论回复\n王某某：请审签，已按要求修改 ［2016-07-10］\n提交回复 返回\n"
    reading = _read(draft)
    assert {6, 7, 8} <= _aside(reading)
    assert 5 not in _aside(reading)


def test_an_editor_s_line_naming_the_text_below_is_the_page_s() -> None:
    """``下面给出一例述职报告。`` over ``述职报告``: the line is the site's; the title and kind are the report's."""
    draft = "下面给出一例述职报告。\n述职报告\n各位代表：\n现在，我将一年来的工作情况报告如下，请予评议。\n"
    reading = _read(draft)
    assert 1 in _aside(reading)
    assert (reading.speech.meta.title, reading.speech.meta.kind) == ("述职报告", "duty_report")


def test_an_excerpt_that_runs_the_lines_below_together_is_the_page_s() -> None:
    """A page's summary line repeats the title, the subtitle and the first words run together, cut anywhere."""
    draft = (
        '在全县专题研讨班结业仪式上的讲话答好"强县之问"（2019年3月31日） 同志们： 县不图强，必有远\n'
        "在全县专题研讨班结业仪式上的讲话\n"
        "答好“强县之问”\n"
        "（2019年3月31日）\n"
        "同志们：\n"
        "县不图强，必有远忧。当前，各地都在加快发展。\n"
    )
    reading = _read(draft)
    assert 1 in _aside(reading)
    meta = reading.speech.meta
    assert (meta.title, meta.date) == ("在全县专题研讨班结业仪式上的讲话", "2019年3月31日")


def test_a_line_that_starts_like_the_lines_below_but_goes_on_is_kept() -> None:
    """A first paragraph that only begins with the next lines' words is text, not an excerpt."""
    draft = "今天开会今天开会我们要努力工作，这是大事。\n今天开会\n我们要努力工作，\n这是大事，更是要事。\n"
    assert 1 not in _aside(_read(draft))


# -- titles and run-ins --------------------------------------------------------------------------


def test_a_speech_title_run_into_its_text_on_the_first_line_splits_off() -> None:
    """``在…会议上的讲话春节刚过，…``: a one-line copy runs the title into the text without a mark."""
    draft = (
        "在市政府全体（扩大）会议上的讲话春节刚过，市政府就决定召开这次会议，目的是狠抓工作落实。下面我讲三点意见。\n"
    )
    speech = _read(draft).speech
    assert speech.meta.title == "在市政府全体（扩大）会议上的讲话"
    assert speech.opening[0].startswith("春节刚过，")


def test_a_title_run_on_is_not_split_inside_a_sentence_or_a_longer_title() -> None:
    text = (
        "在全县工作会议上的讲话提纲\n同志们：\n在全县工作会议上的讲话精神要认真贯彻落实到每一项工作中去，不打折扣。\n"
    )
    speech = _read(text).speech
    assert speech.meta.title == "在全县工作会议上的讲话提纲"
    assert any(block.startswith("在全县工作会议上的讲话精神") for block in speech.opening if isinstance(block, str))


def test_a_site_s_wrapper_around_a_title_goes() -> None:
    """``有关…主持词范文``: the site adds 有关 in front as it adds 范文 behind."""
    speech = _read("有关元至四月份工作述评会主持词范文\n同志们：\n现在开会。\n").speech
    assert speech.meta.title == "元至四月份工作述评会主持词"
    assert _read("有关问题的说明\n同志们：\n现在开会。\n").speech.meta.title == "有关问题的说明"


def test_a_lone_shouxian_is_a_word_not_a_list() -> None:
    """``首先，请…`` with no 其次 after it: the paragraph stays text where it was, and a note says so."""
    draft = "同志们：\n今天会议的议程有三项。\n首先，请各位签订目标责任书。\n下面，请各位副市长发言。\n"
    reading = _read(draft, name="主持词.txt")
    assert reading.speech.sections == ()
    assert list(reading.speech.opening)[-2:] == ["首先，请各位签订目标责任书。", "下面，请各位副市长发言。"]
    assert any(n.action == "kept as text" and "首先" in n.text for n in reading.notes)


def test_shouxian_with_a_qici_is_a_list() -> None:
    draft = "同志们：\n今天讲两点。\n首先，要提高认识。认识很重要。\n其次，要加强领导。领导很重要。\n"
    speech = _read(draft).speech
    assert [item.title for item in speech.sections[0].items] == ["要提高认识", "要加强领导"]


def test_a_closing_zuihou_counts_among_the_points() -> None:
    """``内容有三项：一是…；二是…；最后，…``: 最后 is the third point the phrase counts."""
    draft = (
        "工作述评会主持词\n同志们：\n"
        "会议的主要内容有三项：一是由各单位进行述职；二是由与会同志进行评定；最后，领导作重要讲话。\n"
    )
    speech = _read(draft).speech
    items = speech.sections[0].items
    assert len(items) == 2 and items[0].title.startswith("由各单位进行述职")
    assert "最后，领导作重要讲话。" in items[1].title + "".join(items[1].paragraphs)


def test_a_sharing_site_s_file_name_finds_the_title_in_the_first_line_of_text() -> None:
    """``干部测评讲话.doc`` at the top; the text begins ``讲话稿/范文 干部测评讲话 今天，…``: that is the title."""
    draft = (
        "干部测评讲话.doc\n"
        "上传人:仙*** 文档编号:1225367 上传时间:2019-10-11 格式:DOC 页数:4 大小:14.44KB\n"
        "讲话稿/讲话稿范文 干部测评讲话 今天，我们听取了机关二十九位干部的述职。述职非常成功，达到了目的。\n"
    )
    reading = _read(draft)
    assert reading.speech.meta.title == "干部测评讲话"
    assert reading.speech.opening[0].startswith("今天，我们听取了")
    assert any(n.line == 3 and n.text == "讲话稿/讲话稿范文" for n in reading.notes)


def test_a_file_name_that_the_first_line_only_mentions_is_not_its_title() -> None:
    draft = "工作总结.doc\n今年的工作总结如下：我们认真落实各项任务，工作总结 写得很好，取得了成效。\n"
    assert _read(draft, name="x.txt").speech.meta.title == "x"

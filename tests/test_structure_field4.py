"""Headings at the right level and run-in items on drafts from anywhere (issue 18): shapes of field lines.

Each test reads a small draft made of the shapes the field corpus holds: points listed in one sentence,
a line cut off at the end of an excerpt, a point of two sentences among one-sentence points, ``第一，`` lines
standing alone as headings, a speech's title over its salutation in a collection, Markdown headings kept in a
text file, a numbered clause that goes on.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from speech_parts import headings, runin
from speechkit import default_registry
from speechkit.model.speech import Speech
from speechkit.readers import read_draft
from speechkit.writers.dump import dump


def _read(text: str) -> Speech:
    return read_draft(text, "txt", name="draft.txt", registry=default_registry()).speech


def _all_text(speech: Speech) -> str:
    parts = [b for b in speech.opening if isinstance(b, str)]
    for section in speech.sections:
        parts += [section.title, *(b for b in section.lead if isinstance(b, str))]
        stack = list(section.items)
        while stack:
            item = stack.pop()
            parts += [item.title, *item.paragraphs]
            stack += item.items
        parts += [b for b in section.closing if isinstance(b, str)]
    return "\n".join(parts)


HEAD = "在全县脱贫攻坚工作会议上的讲话\n同志们：\n今年以来，全县上下齐心协力，脱贫攻坚取得明显成效。\n"


@pytest.mark.parametrize(
    "line",
    [
        "1.合理确定脱贫目标；2.加大投入支持力度；3.集中优势兵力打攻坚战；4.加强检查督查。",
        "（一）提供安全的注册机制；（二）定期检测平台系统的安全性；（三）配合有关机构的审查。",
        "1、统一领导，分级管理；2、分工负责，密切配合。",
    ],
)
def test_points_listed_in_one_sentence_are_no_headings(line: str) -> None:
    """A numbered line that goes on to its next number after a clause mark lists points in a sentence."""
    text = (
        HEAD
        + "一、深度贫困脱贫要求\n"
        + line
        + "\n二、下步重点解决的问题\n就全国而言，下一步要重点解决公共服务问题。\n"
    )
    speech = _read(text)
    assert [title for _level, title in headings(speech)] == ["深度贫困脱贫要求", "下步重点解决的问题"]
    assert line.split("；")[1][2:6] in _all_text(speech)  # kept as text


def test_points_after_a_colon_in_a_heading_s_text_are_no_headings() -> None:
    """``二、责任网络平台应当履行以下责任:1. 甲；2. 乙`` on one line: the points are the heading's text."""
    text = (
        HEAD
        + "一、平台的责任\n网络安全信息平台应当履行以下责任：1. 提供安全的用户注册机制；2. 定期检测平台系统的安全性；"
        "3. 主动配合有关机构的安全审查。\n二、用户权益保护\n平台应当保护用户的合法权益。\n"
    )
    assert headings(_read(text)) == [(1, "平台的责任"), (1, "用户权益保护")]


def test_points_in_the_text_glued_to_a_heading_are_no_headings() -> None:
    """``二、数据的来源。1、甲。…2、乙。…`` on one line: the heading ran on into its text, points and all."""
    text = (
        HEAD + "一、统一思想，提高认识。统计是一项重要基础工作，镇政府对自查工作高度重视。\n"
        "二、数据的来源。1、充分依靠村干部开展统计调查。农产量抽样调查都由村干部完成。"
        "2、镇直有关部门上报各种报表。3、镇统计人员搜集相关的统计基础材料。\n"
    )
    assert headings(_read(text)) == [(1, "统一思想，提高认识"), (1, "数据的来源")]


def test_built_inline_headings_are_read_back() -> None:
    """``（一）甲。正文（二）乙。正文`` in a paragraph of its own, as speechkit writes it, is a list of headings."""
    data = {
        "kind": "speech",
        "title": "测试",
        "sections": [
            {
                "type": "generic",
                "title": "加强党建",
                "style": "heading",
                "layout": "inline",
                "items": [{"title": "提高认识", "text": "大家要学习。"}, {"title": "强化措施", "text": "要推进。"}],
            }
        ],
    }
    markdown = speechkit.render(speechkit.build(data), "md")
    assert isinstance(markdown, str)
    plain = markdown.replace("**", "").replace("## ", "").replace("# ", "")
    assert headings(_read(plain)) == [(1, "加强党建"), (2, "提高认识"), (2, "强化措施")]


@pytest.mark.parametrize(
    ("siblings", "last"),
    [
        (["1.科级领导班子考核内容。主要考核领导班子完成目标任务等情况。"], "2.科级干部、一"),
        (
            ["（一）岗位责任。本办工作人员要认真履行职责。", "（二）离岗代办。岗位责任人离岗时要有人代办。"],
            "（三）坚决执行国家的有关法律、法规和各项规章制度，规范行政行为，切实履",
        ),
    ],
)
def test_a_last_line_cut_short_among_sentences_is_text(siblings: list[str], last: str) -> None:
    """The excerpt ends inside a line whose siblings all say a sentence: a title alone there is a line cut short."""
    text = HEAD + "一、工作要求\n" + "\n".join(siblings) + "\n" + last + "\n"
    speech = _read(text)
    titles = [title for _level, title in headings(speech)]
    assert titles[0] == "工作要求" and len(titles) == 1 + len(siblings)
    assert last[2:8] in _all_text(speech)


def test_a_last_heading_alone_stays_a_heading() -> None:
    """An excerpt cut right after a heading of titles alone ends with that heading."""
    text = HEAD + "一、基本情况\n全市共有学校一百所。\n二、存在的问题\n"
    assert headings(_read(text)) == [(1, "基本情况"), (1, "存在的问题")]


def test_a_point_of_two_sentences_among_one_sentence_points_is_a_point() -> None:
    """A 批复's points: ``一、同意撤销甲县，设立乙市。乙市以…。`` over one-sentence points is a point too."""
    text = (
        "国务院关于同意湖北省撤销监利县设立县级玉沙市的批复\n湖北省人民政府：\n你省关于撤销监利县设立县级市的请示收悉。现批复如下：\n"
        "一、同意撤销监利县，设立玉沙市。玉沙市以原监利县的行政区划为玉沙市的行政区划。\n"
        "二、新设立的玉沙市，人民政府驻容城镇。\n"
        "三、原隶属关系不变，请你们认真做好有关工作。\n"
        "四、上述行政区划调整所需的人员编制和经费由你省自行解决。\n"
    )
    assert headings(_read(text)) == []


def test_a_heading_glued_to_its_text_over_deeper_labels_stays_a_heading() -> None:
    """One heading of one sentence with points under it does not make its two-sentence sibling a point."""
    text = (
        HEAD + "一、主要成效\n（一）组织建设全面加强。\n1. 换届顺利完成。全县换届一次成功。\n"
        "2. 阵地建设加强。新建场所十个。\n"
        "（二）作风建设持续推进。今年开展专项整治三次，查处问题十件。\n"
    )
    titles = [title for _level, title in headings(_read(text))]
    assert "组织建设全面加强" in titles and "作风建设持续推进" in titles


@pytest.mark.parametrize("comma", ["，", ","])
def test_a_diyi_line_alone_over_a_paragraph_is_a_heading(comma: str) -> None:
    """``第一，要树立危机感`` on its own line with a paragraph under it: a heading numbered 第一，."""
    text = (
        HEAD
        + f"\n第一{comma}要树立更强烈的危机感和紧迫感\n\n1994年总公司打了个漂亮仗，完成了各项经济指标。但是问题不少。\n"
        f"\n第二{comma}要进一步转变观念\n\n我们要把思想统一到总公司的部署上来。\n"
    )
    speech = _read(text)
    assert [title for _level, title in headings(speech)] == ["要树立更强烈的危机感和紧迫感", "要进一步转变观念"]
    assert runin(speech) == []


def test_diyi_points_one_under_the_other_stay_items() -> None:
    """``第一，…`` over ``第二，…`` lines with no paragraph between them are run-in points."""
    text = HEAD + "会议共有两项内容：\n第一，听取述职报告\n第二，进行民主测评\n请大家认真参加。\n"
    speech = _read(text)
    assert headings(speech) == []
    assert [style for style, _title in runin(speech)] == ["diyi", "diyi"]


def test_a_numbered_line_over_a_salutation_is_no_heading() -> None:
    """``一、工作点评材料`` over ``同志们：`` in a collection: the speech's title, not a heading of its body."""
    text = (
        "工作点评、会议点评和活动点评汇编\n一、工作点评材料\n同志们：\n项目观摩一路走，一路看，让人长精神。\n"
        "我就抓项目讲四个问题：\n第一，强化四个认识\n思想意识也是生产力。思想不对头，一切不对头。\n"
    )
    assert headings(_read(text)) == [(1, "强化四个认识")]


def test_markdown_headings_in_a_text_draft_are_headings() -> None:
    """``## 第一章&emsp;总&emsp;则{align="center"}`` in a text file kept in a repository is a chapter heading."""
    text = (
        "尾矿污染环境防治管理办法\n\n"
        '## 第一章&emsp;总&emsp;则{align="center"}\n\n'
        "第一条&emsp;为了防治尾矿污染环境，保护和改善生态环境，制定本办法。\n"
        "第二条&emsp;本办法适用于中华人民共和国境内尾矿的污染环境防治。\n\n"
        '## 第二章&emsp;污染防治{align="center"}\n\n'
        "第三条&emsp;产生尾矿的单位应当建立健全污染防治责任制度。\n"
    )
    titles = [title.replace(" ", "") for _level, title in headings(_read(text))]
    assert titles == ["第一章总则", "第二章污染防治"]


@pytest.mark.parametrize("line", ["# a0 k; `+ P) i: a5 r4 C", "# 今天天气很好。我们去公园。"])
def test_a_hash_line_that_is_no_heading_stays_text(line: str) -> None:
    """A ``#`` line with no Han character, or with sentences in it, is no Markdown heading."""
    text = HEAD + line + "\n大家要认真学习。\n"
    assert headings(_read(text)) == []


def test_a_numbered_clause_that_goes_on_is_no_heading() -> None:
    """``一、同意设立阳澄湖生态保护区,`` (cut at a comma, no sentence in it) is a clause, not a title."""
    text = "×政复〔2013〕102号\n经研究，批复如下： 一、同意设立阳澄湖生态保护区,\n\n特此批复。\n"
    assert headings(_read(text)) == []


_HAN = "党建工作加强落实推进问题整改支部组织学习教育制度队伍基层服务"
_titles = st.text(alphabet=_HAN, min_size=2, max_size=12)


@settings(max_examples=25, deadline=None)
@given(titles=st.lists(_titles, min_size=2, max_size=4), one=st.booleans())
def test_headings_alone_over_paragraphs_stay_headings(titles: list[str], one: bool) -> None:
    """Numbered titles alone, each over a paragraph, are headings whatever the new rules, in order."""
    labels = ("一、", "二、", "三、", "四、") if one else ("第一，", "第二，", "第三，", "第四，")
    body = "".join(f"{labels[i]}{title}\n各单位要{title}，切实抓好落实。\n" for i, title in enumerate(titles))
    assert [title for _level, title in headings(_read(HEAD + body))] == titles


@settings(max_examples=25, deadline=None)
@given(points=st.lists(_titles, min_size=2, max_size=5))
def test_points_in_a_sentence_are_never_headings(points: list[str]) -> None:
    """``1.甲；2.乙；…`` under a heading: never a heading, and every point's text stays."""
    line = "；".join(f"{n}.{p}" for n, p in enumerate(points, 1)) + "。"
    speech = _read(HEAD + "一、工作要求\n" + line + "\n")
    assert headings(speech) == [(1, "工作要求")]
    assert all(p in _all_text(speech) for p in points)


def test_a_single_point_without_text_survives_the_docx_round_trip() -> None:
    """The example a session saw fail: a section whose single point 习习 has no text, through DOCX and back."""
    for style in ("yishi", "yiyao", "diyi", "heading"):
        data = {
            "kind": "speech",
            "title": "习习",
            "sections": [{"type": "generic", "title": "习习", "style": style, "items": [{"title": "习习"}]}],
        }
        speech = speechkit.build(data)
        markdown = speechkit.render(speech, "md")
        docx = speechkit.render(speech, "docx")
        assert isinstance(docx, bytes)
        registry = default_registry()
        facts = dump(read_draft(docx, "docx", name="draft.docx", registry=registry).speech, registry=registry)
        assert speechkit.render(speechkit.load(io.StringIO(facts)), "md") == markdown


def test_diyi_headings_survive_the_round_trip() -> None:
    """Headings read from ``第一，`` lines are written ``第一，`` by the scheme and read back as headings."""
    text = (
        HEAD + "\n第一，要树立更强烈的危机感\n\n总公司打了个漂亮仗，完成了各项经济指标。\n"
        "\n第二，要进一步转变观念\n\n我们要把思想统一到总公司的部署上来。\n"
    )
    registry = default_registry()
    speech = _read(text)
    for fmt in ("md", "docx"):
        markdown = speechkit.render(speech, "md")
        assert isinstance(markdown, str) and "第一，要树立更强烈的危机感" in markdown
        data = markdown.encode() if fmt == "md" else speechkit.render(speech, "docx")
        assert isinstance(data, bytes)
        again = read_draft(data, fmt, name=f"draft.{fmt}", registry=registry).speech
        assert headings(again) == headings(speech)
        assert speechkit.render(speechkit.load(io.StringIO(dump(again, registry=registry))), "md") == markdown


def test_a_line_cut_short_after_bold_titled_siblings_is_text() -> None:
    """In Markdown, siblings whose titles are bold (``**1. 甲**。正文``) say a sentence: a last line alone is cut."""
    markdown = (
        "# 考核方案\n\n## 一、考核内容\n\n**1.科级领导班子考核内容**。主要考核完成目标任务等情况。\n\n2.科级干部、一\n"
    )
    speech = read_draft(markdown.encode(), "md", name="draft.md", registry=default_registry()).speech
    assert [title for _level, title in headings(speech)] == ["考核内容", "科级领导班子考核内容"]

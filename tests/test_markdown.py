"""The Markdown writer: structure, escaping, round trip through markdown-it-py, user templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdtext import contains_in_order, paragraphs
from speechkit import Item, Meta, RenderError, Section, Speech, TemplateError, build, render
from speechkit.model.speech import Enumeration, Table, texts


def test_outline_structure(outline: dict[str, Any]) -> None:
    md = render(build(outline), "md")
    assert isinstance(md, str)
    lines = md.splitlines()
    assert lines[0] == "# 支部书记抓党建工作述职点评提纲"
    assert "同志们：" in lines
    assert "我们听取了4位支部书记和4位第一书记的述职，从三个方面作简要点评。" in lines
    assert "## 一、主要成效" in lines and "## 二、存在问题" in lines and "## 三、下一步的工作要求" in lines
    assert "一是党建责任有效落实。年初，镇党委创新提出工作法。" in lines
    assert "二是党建重点工作任务稳步推进。" in lines
    assert "**（一）后进支部整顿成效明显**。今年对列入后进的支部进行整顿。" in lines
    assert "共性问题主要表现在两个方面：" in lines
    assert "xx社区：支委班子成员抓党建工作用力不均；合力不足。" in lines
    assert "一要强化主业抓责任。各党支部书记要坚决承担和落实党建责任。" in lines
    assert lines[-1] == "我的点评就到这里。谢谢大家。"


def test_reordering_renumbers(outline: dict[str, Any]) -> None:
    outline["sections"][0]["items"].reverse()
    md = render(build(outline), "md")
    assert "一是党建重点工作任务稳步推进。" in md and "二是党建责任有效落实。" in md


def test_deleting_a_section_keeps_counts_true(outline: dict[str, Any]) -> None:
    del outline["sections"][1]
    md = render(build(outline), "md")
    assert "从两个方面" in md
    assert "## 二、下一步的工作要求" in md


def test_inline_layout_runs_items_into_one_paragraph() -> None:
    speech = build(
        {
            "title": "讲话",
            "sections": [
                {
                    "type": "common_problems",
                    "style": "heading",
                    "items": [
                        {
                            "title": "基层党建存在死角盲点",
                            "style": "yishi",
                            "layout": "inline",
                            "items": [
                                {"title": "党内政治生活开展不正常", "text": "“三会一课”落实不到位。"},
                                {"title": "非公党建监督指导不到位", "text": "制度执行不严。"},
                            ],
                        }
                    ],
                }
            ],
        }
    )
    md = str(render(speech, "md"))
    assert (
        "**（一）基层党建存在死角盲点**。一是党内政治生活开展不正常。“三会一课”落实不到位。"
        "二是非公党建监督指导不到位。制度执行不严。"
    ) in md


def test_toc_lists_headings() -> None:
    speech = build(
        {
            "title": "讲话",
            "toc": True,
            "sections": [{"type": "causes", "items": [{"title": "思想认识存在硬伤"}, {"title": "基础设施存在硬伤"}]}],
        }
    )
    md = str(render(speech, "md"))
    assert md.index("- 一、产生问题的主要原因") < md.index("## 一、产生问题的主要原因")
    assert "  - （二）基础设施存在硬伤" in md


def test_table_is_a_pipe_table() -> None:
    speech = build(
        {
            "title": "报告",
            "kind": "duty_report",
            "sections": [
                {
                    "type": "plans",
                    "lead": [
                        {
                            "table": {
                                "caption": "问题清单",
                                "columns": ["问题", "措施"],
                                "rows": [["A|B", "C"], ["D", 5]],
                            }
                        }
                    ],
                }
            ],
        }
    )
    md = str(render(speech, "md"))
    assert "| 问题 | 措施 |\n| --- | --- |\n| A\\|B | C |\n| D | 5 |" in md
    assert "A|B" in paragraphs(md)


def test_emphasis_is_not_broken_by_cjk_punctuation() -> None:
    speech = build(
        {
            "title": "T",
            "sections": [
                {
                    "type": "causes",
                    "items": [
                        {"title": "“两学一做”浮于表面", "text": "认识不清。"},
                        {"title": "认识不清。", "text": "学的不深。"},
                    ],
                }
            ],
        }
    )
    md = str(render(speech, "md"))
    assert "**（一）“两学一做”浮于表面**。认识不清。" in md
    assert "**（二）认识不清**。学的不深。" in md
    tokens = __import__("markdown_it").MarkdownIt("commonmark").parse(md)
    kinds = {t.type for t in tokens} | {child.type for t in tokens for child in t.children or ()}
    assert "strong_open" in kinds and not kinds & {"html_block", "html_inline"}  # run-ins are Markdown, not HTML


def test_user_template_overrides_builtin(tmp_path: Path, outline: dict[str, Any]) -> None:
    (tmp_path / "document.md.j2").write_text(
        "TITLE={{ meta.title }} SECTIONS={{ speech.sections|length }}\n", encoding="utf-8"
    )
    md = render(build(outline), "md", templates=str(tmp_path))
    assert md == "TITLE=支部书记抓党建工作述职点评提纲 SECTIONS=4\n"


def test_template_errors_are_speechkit_errors(tmp_path: Path, outline: dict[str, Any]) -> None:
    (tmp_path / "document.md.j2").write_text("{{ nothing_here }}", encoding="utf-8")
    with pytest.raises(TemplateError, match="undefined"):
        render(build(outline), "md", templates=str(tmp_path))
    with pytest.raises(TemplateError, match="not found"):
        render(build(outline), "md", templates=str(tmp_path / "missing"))


def test_control_characters_are_refused_by_the_writer() -> None:
    speech = Speech(Meta("speech", "T"), (Section("generic", "S", lead=("a\x07b",)),))
    with pytest.raises(RenderError, match="U\\+0007"):
        render(speech, "md")


# -- round trip: every text of the model comes back literally, in order -----------------------

_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\u2028\u2029\x85\ufeff")
TEXT = st.text(
    alphabet=st.one_of(_ALPHABET, st.sampled_from(list("*_`#[]()<>&|\\!-+=.1 　，。“”：；")), st.just("\n")),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip(" \n\u3000"))
#: Titles, headings and cells are one line by contract (the build joins wrapped lines).
LINE = TEXT.map(lambda t: t.replace("\n", " ")).filter(lambda t: t.strip(" \u3000"))


@st.composite
def speeches(draw: st.DrawFn) -> Speech:
    def item(depth: int) -> Item:
        children = tuple(item(depth + 1) for _ in range(draw(st.integers(0, 2)))) if depth < 2 else ()
        return Item(
            title=draw(LINE),
            paragraphs=tuple(draw(st.lists(TEXT, max_size=2))),
            items=children,
            enumeration=Enumeration(
                draw(st.sampled_from(["yishi", "heading", "yiyao", "none"])),
                draw(st.sampled_from(["paragraphs", "inline", "separate"])),
            ),
        )

    sections = []
    for _ in range(draw(st.integers(1, 3))):
        table = Table(tuple(draw(st.lists(LINE, min_size=1, max_size=3))), ())
        sections.append(
            Section(
                "generic",
                draw(LINE),
                lead=(draw(TEXT), table),
                items=tuple(item(0) for _ in range(draw(st.integers(0, 3)))),
                enumeration=Enumeration(
                    draw(st.sampled_from(["yishi", "heading", "diyi"])),
                    draw(st.sampled_from(["paragraphs", "inline", "separate"])),
                ),
                closing=tuple(draw(st.lists(TEXT, max_size=1))),
            )
        )
    return Speech(Meta("speech", draw(LINE)), tuple(sections), salutation="同志们：", opening=(draw(TEXT),))


@settings(max_examples=150, deadline=None)
@given(speeches())
def test_every_text_survives_markdown(speech: Speech) -> None:
    md = str(render(speech, "md"))
    parsed = "\u0000".join(paragraphs(md))
    missing = contains_in_order(parsed, [t for t in texts(speech) if t])
    assert missing is None, f"{missing!r} not found in order in {md!r}"


def test_plain_data_may_hold_python_dates() -> None:
    import datetime

    speech = build(
        {
            "kind": "notice",
            "title": "通知",
            "date": datetime.date(2018, 10, 7),
            "signature": "办公室",
            "addressee": "各党支部：",
            "sections": [{"type": "generic", "title": "要求"}],
        }
    )
    assert speech.meta.date == "2018年10月7日"


def test_an_untitled_section_uses_up_no_number() -> None:
    speech = build(
        {
            "title": "T",
            "opening": "从{{ sections | count_cn }}个方面",
            "sections": [
                {"type": "achievements", "items": [{"title": "甲", "text": "乙"}]},
                {"type": "common_problems", "title": "", "items": [{"title": "丙", "text": "丁"}]},
                {"type": "requirements", "items": [{"title": "戊", "text": "己"}]},
            ],
        }
    )
    md = str(render(speech, "md"))
    assert "从两个方面" in md and "## 二、下阶段工作打算及要求" in md and "## 三" not in md

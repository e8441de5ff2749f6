"""Round trips: facts → build → Markdown / DOCX → read → dump → build gives the same Markdown."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import speechkit
from speechkit.default import default_registry
from speechkit.model.numbering import SCHEMES
from speechkit.model.script import convert_speech
from speechkit.readers import read_draft
from speechkit.writers.dump import dump

EXAMPLES = sorted(Path(__file__).parent.parent.joinpath("examples").glob("*.yaml"))


def _round_trip(speech: speechkit.Speech, fmt: str) -> tuple[str, str, str]:
    """Return the original Markdown, the facts read back, and the Markdown they build."""
    markdown = speechkit.render(speech, "md")
    assert isinstance(markdown, str)
    data = markdown.encode() if fmt == "md" else speechkit.render(speech, "docx")
    assert isinstance(data, bytes)
    facts = dump(
        read_draft(data, fmt, name=f"draft.{fmt}", registry=default_registry()).speech, registry=default_registry()
    )
    again = speechkit.render(speechkit.load(io.StringIO(facts)), "md")
    assert isinstance(again, str)
    return markdown, facts, again


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_survives_the_round_trip_byte_for_byte(example: Path, fmt: str) -> None:
    markdown, facts, again = _round_trip(speechkit.load(example), fmt)
    assert facts.startswith("# yaml-language-server: $schema=")
    assert again == markdown


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_traditional_documents_survive_the_round_trip_in_their_script(example: Path, fmt: str) -> None:
    speech = convert_speech(speechkit.load(example), "hant")
    markdown, facts, again = _round_trip(speech, fmt)
    assert again == markdown
    assert "黨" in facts or "們" in facts or "於" in facts


def test_facts_read_back_keep_structure_not_labels() -> None:
    _markdown, facts, _again = _round_trip(speechkit.load(EXAMPLES[0]), "md")
    data = yaml.safe_load(facts)
    titles = [item.get("title", "") for section in data["sections"] for item in section.get("items", [])]
    assert titles[0] == "党建责任有效落实"  # not 一是党建责任有效落实
    assert not any(t.startswith(("一是", "（一）", "一要")) for t in titles)
    assert "{{ sections | count_cn }}个方面" in data["opening"][0]


# -- generated facts -------------------------------------------------------------------------

_HAN = "党建工作加强落实推进问题整改支部组织学习教育制度队伍基层服务群众发展管理责任考核意见措施方案成效"
_words = st.text(alphabet=_HAN, min_size=2, max_size=10)
_titles = st.lists(_words, min_size=1, max_size=2).map("，".join)
_sentences = st.lists(_words, min_size=1, max_size=3).map(lambda ws: "，".join(ws) + "。")
_paragraphs = st.lists(_sentences, min_size=1, max_size=3).map("".join)


@st.composite
def _items(draw: Any, style: str, depth: int) -> list[dict[str, Any]]:
    count = draw(st.integers(2, 4) if style == "shouxian" else st.integers(1, 4))
    out = []
    for _ in range(count):
        item: dict[str, Any] = {"title": draw(_titles)}
        texts = draw(st.lists(_paragraphs, max_size=1 if depth else 2))
        if texts:
            item["text"] = texts if len(texts) > 1 else texts[0]
        if depth == 0 and draw(st.booleans()):
            child_style = draw(st.sampled_from(["heading", "yishi"]))
            item["style"] = child_style
            item["items"] = draw(_items(child_style, depth + 1))
            if child_style != "heading":  # 一是 under 一是, one per paragraph, reads as a new list
                item["layout"] = "inline"
        out.append(item)
    return out


@st.composite
def facts(draw: Any) -> dict[str, Any]:
    """Buildable facts: any kind, sections of every enumeration, nested and inline items."""
    kind = draw(st.sampled_from(["speech", "critique_outline", "research_report", "duty_report", "notice"]))
    data: dict[str, Any] = {"kind": kind, "title": draw(_words)}
    data["numbering"] = draw(st.sampled_from([*sorted(SCHEMES), {"levels": ["{cn}、", "{n}、", "（{n}）"]}]))
    if kind == "notice":
        data.update(addressee="各党支部：", signature="党委办公室", date="2018-10-07")
        if draw(st.booleans()):
            data["attachments"] = draw(st.lists(_words, min_size=1, max_size=3))
    elif draw(st.booleans()):
        data.update(speaker="张三", date="2016-04-10")
    if kind != "notice" and draw(st.booleans()):
        data["toc"] = True
    if draw(st.booleans()):
        data["closing"] = ["我就讲这些。谢谢大家。"]
    if draw(st.booleans()):
        data["opening"] = draw(st.lists(_paragraphs, min_size=1, max_size=2))
    sections = []
    for _ in range(draw(st.integers(1, 4))):
        style = draw(st.sampled_from(["yishi", "yiyao", "diyi", "shouxian", "heading"]))
        layout = draw(
            st.sampled_from(["paragraphs", "inline", "separate"] if style == "heading" else ["paragraphs", "inline"])
        )
        section: dict[str, Any] = {"type": "generic", "title": draw(_titles), "style": style, "layout": layout}
        if draw(st.booleans()):
            section["lead"] = draw(_paragraphs)
        items = draw(_items(style, 1 if layout == "inline" else 0))
        if layout == "inline":
            for item in items:
                item.setdefault("text", draw(_paragraphs))
        section["items"] = items
        if draw(st.booleans()):
            table = {"columns": ["问题", "措施"], "rows": [[draw(_words), draw(_words)]]}
            section["closing"] = [{"table": table}]
        sections.append(section)
    if draw(st.booleans()):
        branches = [{"branch": "xx村", "issues": draw(st.lists(_words, min_size=1, max_size=3))} for _ in range(2)]
        sections.insert(1, {"type": "branch_issues", "numbered": False, "items": branches})
    data["sections"] = sections
    return data


@pytest.mark.parametrize("fmt", ["md", "docx"])
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking these documents takes minutes
)
@given(data=facts())
def test_generated_facts_survive_the_round_trip(data: dict[str, Any], fmt: str) -> None:
    markdown, facts_text, again = _round_trip(speechkit.build(data), fmt)
    assert again == markdown, facts_text

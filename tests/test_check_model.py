"""Checks walk the model: builder and checker agree, positions come from the facts, labels are refused."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import EXAMPLES, run_cli
from speechkit import build, load, render
from speechkit.checks import check_path, check_speech
from speechkit.model.errors import FactsError
from speechkit.model.script import convert_speech
from test_roundtrip import facts as generated_facts

STRUCTURAL = ("SK102", "SK103", "SK205")

INLINE = """\
kind: speech
title: 关于加强党建工作的讲话
toc: true
attachments: [问题清单]
statistics:
  members:
    title: 党员年龄结构
    parts: {35岁以下: 20, 36至45岁: 30, 46岁以上: 50}
sections:
  - type: situation
    lead: 主要抓了{{ items | count_cn }}个方面的工作：
    layout: inline
    items:
      - title: 压实责任
        text: 每月召开1次党建例会。
      - title: 建强队伍
        text: 新发展党员3名。
        style: yiyao
        items:
          - {title: 抓培训, text: 培训12次。}
          - {title: 抓考核, text: 考核2次。}
      - {title: 完善制度, text: 修订制度5项。}
  - type: common_problems
    lead: [党员结构如下：, {stats: members}]
    style: diyi
    layout: inline
    items:
      - {title: 学习不够深入, text: 3个支部学习流于形式。}
      - {title: 作用发挥不够, text: 第三支部党员参与率不足50%。}
  - type: requirements
    items:
      - title: 第一书记要履职尽责
        text: 每季度至少走访2次。
      - title: 抓好整改
        text: 10月底前完成。
"""

TRADITIONAL = """\
kind: speech
title: 關於加強黨建工作的講話
statistics:
  members:
    parts: {在職: 30, 退休: 20}
sections:
  - type: situation
    lead: [黨員結構如下：, {stats: members}]
    items:
      - {title: 壓實責任, text: 每月召開1次黨建例會，占用時間不長。}
      - {title: 建強隊伍, text: 新發展黨員3名。}
"""


def _cases(tmp_path: Path) -> list[Path]:
    paths = sorted(EXAMPLES.glob("*.yaml"))
    for name, text in (("inline", INLINE), ("traditional", TRADITIONAL)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("script", ["", "hant"])
def test_builder_and_checker_agree(tmp_path: Path, script: str) -> None:
    """No SK102/SK103/SK205 the facts do not hold: not in the build's checks, not in the built .md or .docx."""
    for facts in _cases(tmp_path):
        speech = load(facts)
        if script:
            speech = convert_speech(speech, script)
        built = [f.format() for f in check_speech(speech, str(facts), select=STRUCTURAL)]
        assert not built, built
        for fmt in ("md", "docx"):
            out = tmp_path / f"{facts.stem}{script}.{fmt}"
            data = render(speech, fmt)
            out.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
            found = [f.format() for f in check_path(out, select=STRUCTURAL)]
            assert not found, found


def test_build_cli_warns_at_facts_lines(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(INLINE.replace("{{ items | count_cn }}个方面", "四个方面"), encoding="utf-8")
    result = run_cli("build", str(facts), "-o", str(tmp_path / "out"), "--script", "hant")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {facts}:11:15: SK102 '四個方面' announces 4 but 3 follow (一是…三是)"]


def test_a_count_the_facts_hold_is_reported_at_its_line(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        textwrap.dedent("""\
        title: 讲话
        sections:
          - type: requirements
            lead: 我讲两点意见：
            items:
              - {title: 抓学习, text: 一是读原著。三是写心得。}
              - {title: 抓落实}
              - {title: 抓考核}
        """),
        encoding="utf-8",
    )
    found = {(f.line, f.column, f.code) for f in check_path(facts, select=STRUCTURAL)}
    assert found == {(4, 13, "SK102"), (6, 34, "SK103")}


def test_positions_of_a_built_speech() -> None:
    speech = load(EXAMPLES / "critique_outline.yaml")
    title = speech.pos("meta", "title")
    source = (EXAMPLES / "critique_outline.yaml").read_text(encoding="utf-8").splitlines()
    title_line = next(n for n, line in enumerate(source, 1) if line.startswith("title:"))
    assert title is not None and title.line == title_line and title.path.endswith("critique_outline.yaml")
    lines = [speech.pos("sections", 0, "items", k, "title") for k in range(len(speech.sections[0].items))]
    assert all(pos is not None for pos in lines)
    assert [pos.line for pos in lines if pos] == sorted(pos.line for pos in lines if pos)


def _facts(tmp_path: Path, items: str, style: str = "yishi", layout: str = "paragraphs") -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(
        f"title: 讲话\nsections:\n  - type: requirements\n    style: {style}\n    layout: {layout}\n"
        f"    items:\n{textwrap.indent(textwrap.dedent(items), '      ')}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("title", "style", "label"),
    [("一是思想到位", "yishi", "一是"), ("（三）加强队伍建设", "heading", "（三）"), ("1.抓学习", "heading", "1.")],
)
def test_a_title_with_its_own_label_is_an_error_at_its_line(tmp_path: Path, title: str, style: str, label: str) -> None:
    path = _facts(tmp_path, f"- title: 抓学习\n- title: {title}\n", style)
    with pytest.raises(FactsError) as info:
        load(path)
    assert info.value.location.line == 8
    assert f"{label!r}" in str(info.value) and "computed" in str(info.value)


def test_a_title_that_starts_like_a_label_is_a_title(tmp_path: Path) -> None:
    speech = load(_facts(tmp_path, "- title: 第一书记要履职尽责\n- title: 一流队伍\n"))
    assert speech.sections[0].items[0].title == "第一书记要履职尽责"


def test_labels_are_allowed_where_none_is_computed(tmp_path: Path) -> None:
    speech = load(_facts(tmp_path, "- title: 一是自己写的\n", style="none"))
    assert speech.sections[0].items[0].title == "一是自己写的"


def test_a_heading_list_inside_an_inline_list_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = _facts(tmp_path, "- title: x\n  items:\n    - title: y\n", layout="inline")
    with pytest.raises(FactsError, match="heading-style items cannot sit inside") as info:
        load(path)
    assert info.value.location.line == 9  # the nested heading-style item
    ok = load(_facts(tmp_path, "- title: x\n  style: yiyao\n  items:\n    - title: y\n", layout="inline"))
    assert ok.sections[0].items[0].items[0].title == "y"


def test_a_traditional_statistics_table_writes_its_own_words_in_traditional(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TRADITIONAL, encoding="utf-8")
    speech = load(path)
    table = speech.sections[0].lead[1]
    assert speech.meta.script == "hant"
    assert table.rows[-1][0] == "合計" and table.columns == ("類別", "人數", "佔比")  # type: ignore[union-attr]
    md = render(speech, "md")
    assert isinstance(md, str) and "合计" not in md


def test_stats_of_facts_count_the_model() -> None:
    from speechkit.checks.speaking_time import stats

    found = stats(EXAMPLES / "critique_outline.yaml")
    speech = load(EXAMPLES / "critique_outline.yaml")
    assert found.sections == sum(1 for s in speech.sections if s.has_number) == 3
    # 3 + 6 + 3 labelled points of sections, and 7 + 2 nested ones; the 11 branch lines carry no label
    assert found.items == 21


def test_labels_typed_into_titles_of_an_unlabelled_list_are_checked(tmp_path: Path) -> None:
    path = _facts(tmp_path, "- title: 一是抓学习\n- title: 三是抓落实\n", style="none")
    found = [(f.line, f.code) for f in check_path(path, select=STRUCTURAL)]
    assert found == [(8, "SK103")]


def test_sk401_reads_the_kinds_required_meta(tmp_path: Path) -> None:
    from speechkit import DocumentKind, build, load_registry
    from speechkit.checks import check_speech

    registry = load_registry(plugins=False)
    registry.add_kind(DocumentKind("minutes", "纪要", required_meta=("date", "occasion")), override=True)
    speech = build({"kind": "minutes", "title": "会议纪要", "date": "2018-10-07", "sections": []}, registry=registry)
    found = [f.message for f in check_speech(speech, select=("SK401",), registry=registry)]
    assert found == ["a minutes needs an occasion"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=generated_facts())
def test_generated_facts_build_and_check_clean(tmp_path: Path, data: dict[str, Any]) -> None:
    """Any buildable facts: the tool's own numbering never draws SK102/SK103, in the build or in its output."""
    speech = build(data)
    assert not [f.format() for f in check_speech(speech, select=("SK102", "SK103"))]
    for fmt in ("md", "docx"):
        out = tmp_path / f"generated.{fmt}"
        rendered = render(speech, fmt)
        out.write_bytes(rendered.encode("utf-8") if isinstance(rendered, str) else rendered)
        assert not [f.format() for f in check_path(out, select=("SK102", "SK103"))]


UNTITLED_AFTER_INLINE = """\
kind: critique_outline
title: 点评提纲
sections:
  - type: achievements
    title: 主要成效
    style: yishi
    layout: {layout}
    items:
      - text: 强化政治引领。
      - text: 夯实基层基础。
      - text: 抓实队伍建设。
  - type: common_problems
    title: {title}
    style: yishi
    layout: inline
    items:
      - text: 3个支部学习不深入。
      - text: 2个支部制度落实不到位。
"""


@pytest.mark.parametrize("layout", ["inline", "paragraphs"])
def test_an_untitled_section_after_a_runin_list_is_one_finding_in_build_and_check(tmp_path: Path, layout: str) -> None:
    facts = tmp_path / "outline.yaml"
    facts.write_text(UNTITLED_AFTER_INLINE.format(layout=layout, title='""'), encoding="utf-8")
    built = run_cli("build", str(facts), "-f", "md,docx", "-o", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    line = UNTITLED_AFTER_INLINE.splitlines().index("      - text: 3个支部学习不深入。") + 1
    assert f"outline.yaml:{line}:" in built.stderr and "SK103 一是 restarts the list after 三是" in built.stderr
    for output in ("outline.md", "outline.docx"):
        checked = run_cli("check", str(tmp_path / "out" / output))
        assert "SK103 一是 restarts the list after 三是" in checked.stdout, checked.stdout


def test_a_titled_section_after_a_runin_list_is_clean_in_build_and_check(tmp_path: Path) -> None:
    facts = tmp_path / "outline.yaml"
    facts.write_text(UNTITLED_AFTER_INLINE.format(layout="inline", title="存在问题"), encoding="utf-8")
    built = run_cli("build", str(facts), "-f", "md", "-o", str(tmp_path / "out"))
    assert built.returncode == 0 and "SK103" not in built.stderr, built.stderr
    checked = run_cli("check", str(tmp_path / "out" / "outline.md"))
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout


def test_an_attachment_text_is_walked_once_and_its_finding_reported_once() -> None:
    from speechkit.model.speech import Meta, Speech, model_texts

    speech = Speech(
        Meta(
            "notice",
            "关于开展学习的通知",
            attachments=("学习安排",),
            attachment_texts=(("学习安排如下,请遵照执行。",),),
        )
    )
    paths = [path for path, _ in model_texts(speech)]
    assert len(paths) == len(set(paths))
    assert [f.line for f in check_speech(speech) if f.code == "SK201"] == [3]

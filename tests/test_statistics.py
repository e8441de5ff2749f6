"""Statistics groups: breakdowns in texts, tables, and the checks of totals and stated shares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, run_cli
from speechkit import ExpressionError, FactsError, Table, build, load, render
from speechkit.facts.filters import pct

REPORT = """\
kind: research_report
title: 关于全县党员队伍情况的调研报告
facts:
  members: 24729
statistics:
  age:
    title: 党员年龄结构
    total: "{{ members }}"
    parts:
      35岁以下: 5963
      36—45岁: {count: 5286, share: 21.4%}
      46—60岁: 7480
      61岁以上: {count: 6000, share: 24.3}
  education:
    total: 24729
    parts:
      - {name: 大专及以上, count: 7420, share: "30.0%"}
      - {name: 高中（中专）, count: 8309}
      - {name: 初中及以下, count: 9000}
  sex:
    parts:
      男: 18000
      女: 6729
sections:
  - type: situation
    lead:
      - 全县共有党员{{ members }}名。从年龄看，{{ age | breakdown }}。
      - 从学历看，{{ education | breakdown }}。女党员{{ sex.女 }}名，占{{ sex.share('女') }}。
      - "{% set n = age['35岁以下'] + age['36—45岁'] %}45岁以下{{ n }}名，占{{ n | pct(age.total) }}。"
      - stats: age
    items:
      - title: 党员总量稳步增长
        text: 全县党员{{ sex.total }}名，其中男党员{{ sex['男'] | wan }}名。
    closing:
      - stats: {group: education, caption: 学历结构, total_row: false, columns: [学历, 人数, 比例]}
"""


def write(tmp_path: Path, text: str) -> Path:
    """Write a facts file into the test's folder."""
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, marker: str) -> int:
    """Return the 1-based line holding ``marker`` (the last one for a duplicated group name)."""
    lines = [i for i, line in enumerate(text.splitlines(), 1) if marker in line]
    return lines[-1] if marker == "members:" else lines[0]


def test_breakdowns_and_shares_in_texts(tmp_path: Path) -> None:
    section = load(write(tmp_path, REPORT)).sections[0]
    assert section.lead[:3] == (
        "全县共有党员24729名。从年龄看，35岁以下5963名，占24.1%；36—45岁5286名，占21.4%；"
        "46—60岁7480名，占30.2%；61岁以上6000名，占24.3%。",
        "从学历看，大专及以上7420名，占30.0%；高中（中专）8309名，占33.6%；初中及以下9000名，占36.4%。"
        "女党员6729名，占27.2%。",
        "45岁以下11249名，占45.5%。",
    )
    assert section.items[0].paragraphs == ("全县党员24729名，其中男党员1.8万名。",)


def test_a_group_becomes_a_table_with_a_total_row(tmp_path: Path) -> None:
    section = load(write(tmp_path, REPORT)).sections[0]
    table = section.lead[3]
    assert isinstance(table, Table)
    assert table.caption == "党员年龄结构"
    assert table.columns == ("类别", "人数", "占比")
    assert table.rows == (
        ("35岁以下", "5963", "24.1%"),
        ("36—45岁", "5286", "21.4%"),
        ("46—60岁", "7480", "30.2%"),
        ("61岁以上", "6000", "24.3%"),
        ("合计", "24729", "100.0%"),
    )
    options = section.closing[0]
    assert isinstance(options, Table)
    assert options.caption == "学历结构" and options.columns == ("学历", "人数", "比例")
    assert len(options.rows) == 3


def test_the_table_reaches_markdown_and_docx(tmp_path: Path) -> None:
    speech = load(write(tmp_path, REPORT))
    markdown = render(speech, "md")
    assert isinstance(markdown, str)
    assert "| 35岁以下 | 5963 | 24\\.1% |" in markdown or "| 35岁以下 | 5963 | 24.1% |" in markdown
    docx = render(speech, "docx")
    assert isinstance(docx, bytes)
    import io

    import docx as python_docx

    tables = [
        [[cell.text for cell in row.cells] for row in t.rows] for t in python_docx.Document(io.BytesIO(docx)).tables
    ]
    assert any(["35岁以下", "5963", "24.1%"] in rows for rows in tables)
    assert ["学历", "人数", "比例"] in [rows[0] for rows in tables]


def fault(tmp_path: Path, text: str) -> FactsError:
    with pytest.raises(FactsError) as info:
        load(write(tmp_path, text))
    return info.value


def test_parts_that_do_not_sum_to_the_total_fail_with_both_numbers(tmp_path: Path) -> None:
    text = REPORT.replace("7480", "7481")
    error = fault(tmp_path, text)
    assert "sum to 24730" in error.message and "total is 24729" in error.message
    assert error.location is not None
    assert error.location.line == line_of(text, 'total: "{{ members }}"')
    assert error.location.path == "statistics.age.total"


def test_a_listed_group_short_of_its_total(tmp_path: Path) -> None:
    text = REPORT.replace("count: 9000", "count: 8990")
    error = fault(tmp_path, text)
    assert "sum to 24719" in error.message and "24729" in error.message and "10 short" in error.message
    assert error.location is not None and error.location.line == line_of(text, "total: 24729")


@pytest.mark.parametrize(
    ("old", "new", "marker", "stated", "computed"),
    [
        ("share: 21.4%", "share: 22.4%", "share: 22.4%", "22.4%", "21.4%"),
        ("share: 24.3}", "share: 25}", "share: 25}", "25%", "24.3%"),
        ('share: "30.0%"', 'share: "31.0%"', 'share: "31.0%"', "31.0%", "30.0%"),
    ],
)
def test_a_wrong_stated_share_is_reported_with_both_values(
    tmp_path: Path, old: str, new: str, marker: str, stated: str, computed: str
) -> None:
    text = REPORT.replace(old, new)
    error = fault(tmp_path, text)
    assert f"stated share {stated}" in error.message and f"computed {computed}" in error.message
    assert error.location is not None and error.location.line == line_of(text, marker)
    assert error.location.path.endswith(".share")


@pytest.mark.parametrize("stated", ["21.4%", "21%", "21.38", "21.376%", 21.4])
def test_a_stated_share_within_rounding_passes(tmp_path: Path, stated: str) -> None:
    load(write(tmp_path, REPORT.replace("share: 21.4%", f"share: {stated}")))  # 5286/24729 = 21.3757…%


@pytest.mark.parametrize("stated", ["21.37", "21.3%", "21.5", "22%"])
def test_a_stated_share_beyond_rounding_fails(tmp_path: Path, stated: str) -> None:
    with pytest.raises(FactsError, match=r"does not match the computed 21\.4%"):
        load(write(tmp_path, REPORT.replace("share: 21.4%", f"share: {stated}")))


def test_a_partial_group_may_fall_short_but_not_over(tmp_path: Path) -> None:
    text = REPORT.replace("  sex:\n", "  sex:\n    total: 30000\n    partial: true\n")
    speech = load(write(tmp_path, text))
    assert "女党员6729名，占22.4%" in speech.sections[0].lead[1]
    error = fault(tmp_path, text.replace("total: 30000", "total: 20000"))
    assert "4729 over" in error.message


@pytest.mark.parametrize(
    ("old", "new", "message", "marker"),
    [
        ("  sex:\n", "  members:\n", "both a fact and a statistics group", "  members:\n"),
        ("  sex:\n", "  items:\n", "expressions use themselves", "  items:\n"),
        ("- stats: age", "- stats: ages", "unknown statistics group 'ages'", "- stats: ages"),
        ('total: "{{ members }}"', 'total: "{{ member }}"', "unknown name 'member'", "{{ member }}"),
        ('total: "{{ members }}"', 'total: "about {{ members }}"', "whole number", "about"),
        ("35岁以下: 5963", "35岁以下: -1", "minimum of 0", "35岁以下: -1"),
        ("share: 21.4%", "share: lots", "a share is a percentage", "share: lots"),
        ("{{ sex.share('女') }}", "{{ sex.share('外') }}", "no category '外'", "sex.share"),
        ("{{ age | breakdown }}", "{{ members | breakdown }}", "breakdown needs a statistics group", "breakdown"),
        ("{{ age | breakdown }}", "{{ age }}", "is not text", "从年龄看"),
    ],
)
def test_faults_name_their_line(tmp_path: Path, old: str, new: str, message: str, marker: str) -> None:
    text = REPORT.replace(old, new, 1)
    error = fault(tmp_path, text)
    assert message in error.message
    assert error.location is not None
    assert error.location.line == line_of(text, marker.strip())


def test_the_cli_reports_a_wrong_share_and_a_wrong_total(tmp_path: Path) -> None:
    for old, new, marker, words in (
        ("share: 21.4%", "share: 22.4%", "share: 22.4%", "stated share 22.4%"),
        ("7480", "7481", 'total: "{{ members }}"', "sum to 24730"),
    ):
        text = REPORT.replace(old, new)
        path = write(tmp_path, text)
        for command in (("validate", str(path)), ("build", str(path), "-f", "md", "-o", str(tmp_path / "o"))):
            result = run_cli(*command)
            assert result.returncode == 2
            assert result.stderr.startswith(f"{path}:{line_of(text, marker)}:")
            assert words in result.stderr and "Traceback" not in result.stderr


def test_the_api_takes_plain_data() -> None:
    data: dict[str, Any] = {
        "title": "t",
        "statistics": {"sex": {"parts": {"男": 3, "女": 1}}},
        "opening": "女{{ sex.女 }}名，占{{ sex.share('女') }}",
        "sections": [],
    }
    assert build(data).opening == ("女1名，占25.0%",)
    data["statistics"]["sex"]["total"] = 5
    with pytest.raises(FactsError, match="sum to 4 but the total is 5"):
        build(data)


def test_an_unknown_category_is_an_expression_error() -> None:
    data = {"title": "t", "statistics": {"sex": {"parts": {"男": 3}}}, "opening": "{{ sex['外'] }}", "sections": []}
    with pytest.raises(ExpressionError):
        build(data)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=50_000), min_size=1, max_size=8).filter(any),
    st.integers(min_value=0, max_value=3),
)
def test_any_group_builds_with_consistent_shares(parts: list[int], digits: int) -> None:
    total = sum(parts)
    listed = [{"name": f"类{i}", "count": n, "share": pct(n, total, digits)} for i, n in enumerate(parts)]
    group = {"total": total, "digits": digits, "parts": listed}
    speech = build(
        {"title": "t", "statistics": {"g": group}, "opening": ["{{ g | breakdown }}", {"stats": "g"}], "sections": []}
    )
    table = speech.opening[1]
    assert isinstance(table, Table)
    assert [row[1] for row in table.rows[:-1]] == [str(n) for n in parts]
    assert table.rows[-1][1] == str(total)


def test_the_research_report_example_builds() -> None:
    speech = load(EXAMPLES / "research_report.yaml")
    situation = speech.sections[0]
    assert situation.type == "situation"
    text = "".join(p for item in situation.items for p in item.paragraphs)
    assert "35岁以下187名，占14.5%" in text and "初中及以下673名，占52.3%" in text
    assert sum(isinstance(b, Table) for b in situation.closing) == 2


PARTIAL_HANT = """\
kind: research_report
title: 關於全鎮黨員隊伍建設情況的調研報告
statistics:
  age:
    title: 表1　全鎮黨員年齡結構
    total: 100
    partial: true
    columns: [年齡段, 人數（名）, 佔比]
    parts:
      35歲以下: 30
      36—45歲: 40
sections:
  - type: situation
    lead:
      - 全鎮共有黨員100名，其中45歲以下70名。
    closing:
      - stats: age
"""


def test_the_rows_a_partial_group_adds_follow_the_script_of_the_facts(tmp_path: Path) -> None:
    result = run_cli("build", str(write(tmp_path, PARTIAL_HANT)), "-f", "md", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "SK205" not in result.stderr, result.stderr  # the build does not warn about its own words
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "| 以上合計 | 70 |" in markdown and "| 總數 | 100 |" in markdown
    assert "合计" not in markdown and "总数" not in markdown

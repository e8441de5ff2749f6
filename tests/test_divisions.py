"""Division labels of laws and regulations (第一编, 第二章, 第三节, 第十二条) in the one label grammar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechkit import default_registry
from speechkit.model.numbering import division_at, division_label, division_pattern, label_at
from speechkit.model.speech import Speech
from speechkit.readers import read_draft

UNITS = st.sampled_from(["编", "章", "节", "条"])


@given(st.integers(min_value=1, max_value=999), UNITS, st.booleans())
def test_every_division_label_parses_back_to_its_number(number: int, unit: str, digits: bool) -> None:
    label = division_label(number, unit, digits=digits)
    found = division_at(label + "　总则")
    assert found is not None
    assert (found.unit, found.number, found.text) == (unit, number, label)


@given(st.integers(min_value=1, max_value=999), UNITS)
def test_the_regex_users_match_what_the_scheme_writes(number: int, unit: str) -> None:
    """clean, assemble and the spacing rule match the pattern: it reads every label the scheme writes."""
    for digits in (False, True):
        label = division_label(number, unit, digits=digits)
        assert re.fullmatch(division_pattern(unit), label)
        assert not re.fullmatch(division_pattern("编章节条".replace(unit, "")), label)


@pytest.mark.parametrize(
    ("text", "unit", "number"),
    [
        ("第十二条　为了规范管理，制定本办法。", "条", 12),
        ("第 3 条 本办法自发布之日起施行。", "条", 3),
        ("第一編 總則", "编", 1),
        ("第三節 監督", "节", 3),
        ("第１２條", "条", 12),
        ("  第一百零一条", "条", 101),
        ("第二章机构设置", "章", 2),
    ],
)
def test_division_labels_with_numerals_digits_spaces_and_traditional_units(text: str, unit: str, number: int) -> None:
    found = division_at(text)
    assert found is not None and (found.unit, found.number) == (unit, number)


@pytest.mark.parametrize("text", ["第十〇条", "第两章", "第0条", "第一千二百条", "第一书记", "第一，要抓好", "第三方"])
def test_odd_numerals_and_other_words_are_no_divisions(text: str) -> None:
    assert division_at(text) is None


def test_units_restrict_what_is_read() -> None:
    assert division_at("第一条 总则", units="编章") is None
    found = division_at("第一条 总则", units="条")
    assert found is not None and found.end == 3


def test_divisions_are_not_heading_labels() -> None:
    """The heading grammar does not take 第一章 as a label: a chapter line is marked by the readers."""
    assert label_at("第一章 总则") is None


def test_an_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError, match="部分"):
        division_label(1, "部分")


def _read(tmp_path: Path, text: str) -> Speech:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    return read_draft(draft, registry=default_registry()).speech


def _chapter(title: str) -> tuple[int, str]:
    found = division_at(title, units="章")
    assert found is not None
    return found.number, title[found.end :].strip()


def _rules(chapter: str, article: str) -> str:
    lines = [
        "某某市城市绿化管理办法",
        chapter.format(1) + " 总则",
        article.format(1) + " 为了加强城市绿化管理，制定本办法。",
        article.format(2) + " 本办法适用于本市城市规划区。",
        chapter.format(2) + " 规划建设",
        article.format(3) + " 城市绿化规划应当纳入城市总体规划。",
        article.format(4) + " 本办法自发布之日起施行。",
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("chapter", "article"), [("第{} 章", "第 {} 条"), ("第{}章", "第{}條")])
def test_digits_and_spaces_read_as_numerals_do(tmp_path: Path, chapter: str, article: str) -> None:
    """第 3 条 and 第3章 make the same chapters and the same kind as 第三条 and 第三章."""
    numerals = _read(
        tmp_path,
        _rules("第{}章", "第{}条")
        .replace("第1", "第一")
        .replace("第2", "第二")
        .replace("第3", "第三")
        .replace("第4", "第四"),
    )
    digits = _read(tmp_path, _rules(chapter, article))
    assert [s.title for s in numerals.sections] == ["第一章 总则", "第二章 规划建设"]
    assert [_chapter(s.title) for s in digits.sections] == [(1, "总则"), (2, "规划建设")]
    assert digits.meta.kind == numerals.meta.kind


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("第十二条 为了规范管理，制定本办法。", True),
        ("第十二條 為了規範管理，制定本辦法。", True),
        ("第12条 为了规范管理，制定本办法。", True),
        ("我们召开 会议，研究工作。", False),
        ("这是第十〇条 规定的内容。", False),
    ],
)
def test_a_space_after_an_article_label_is_a_line_break_not_a_typo(text: str, broken: bool) -> None:
    """SK207 leaves the space after 第十二条/第12条/第十二條 alone: a regulation's label takes one."""
    from speechkit.checks.rules import spacing

    start = text.index(" ")
    assert spacing._line_break(text, start, start + 1) is broken

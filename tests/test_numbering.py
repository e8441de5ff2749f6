"""Chinese numerals, heading labels and run-in markers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechkit.model.numbering import (
    SCHEMES,
    circled,
    cn,
    count_cn,
    heading_label,
    parse_cn,
    parse_label,
    runin_marker,
)
from speechkit.model.speech import HeadingScheme

KNOWN = {
    1: "一",
    9: "九",
    10: "十",
    11: "十一",
    19: "十九",
    20: "二十",
    21: "二十一",
    99: "九十九",
    100: "一百",
    101: "一百零一",
    110: "一百一十",
    111: "一百一十一",
    1000: "一千",
    1001: "一千零一",
    1010: "一千零一十",
    1100: "一千一百",
    10000: "一万",
    10001: "一万零一",
    10010: "一万零一十",
    100000: "十万",
    110000: "十一万",
    1000000: "一百万",
    100000000: "一亿",
    100010000: "一亿零一万",
    123456789: "一亿二千三百四十五万六千七百八十九",
}


@pytest.mark.parametrize(("number", "text"), KNOWN.items())
def test_known_numerals(number: int, text: str) -> None:
    assert cn(number) == text
    assert parse_cn(text) == number


def test_never_yi_shi_at_the_start() -> None:
    assert all(not cn(n).startswith("一十") for n in range(1, 2000))


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_numerals_round_trip(number: int) -> None:
    assert parse_cn(cn(number)) == number


@given(st.integers(min_value=1, max_value=10**6))
def test_numerals_have_no_double_zero(number: int) -> None:
    text = cn(number)
    assert "零零" not in text and not text.endswith("零")


def test_bad_numbers_are_refused() -> None:
    with pytest.raises(ValueError):
        cn(-1)
    with pytest.raises(TypeError):
        cn(True)
    with pytest.raises(ValueError):
        parse_cn("十x")
    with pytest.raises(ValueError):
        cn(10**12)


def test_count_uses_liang_for_two() -> None:
    assert [count_cn(n) for n in (1, 2, 3, 12, 20)] == ["一", "两", "三", "十二", "二十"]


def test_default_scheme_levels() -> None:
    scheme = HeadingScheme()
    assert [heading_label(3, level, scheme) for level in range(1, 6)] == ["三、", "（三）", "3.", "（3）", "③"]
    assert heading_label(11, 1, scheme) == "十一、"


def test_variant_schemes() -> None:
    assert heading_label(2, 3, SCHEMES["arabic-comma"]) == "2、"
    assert heading_label(2, 2, SCHEMES["halfwidth"]) == "(二)"


def test_level_deeper_than_scheme_is_an_error() -> None:
    with pytest.raises(ValueError):
        heading_label(1, 6, HeadingScheme())


@given(st.integers(min_value=1, max_value=50))
def test_circled_numbers_parse_back(number: int) -> None:
    label = parse_label(circled(number) + "内容")
    assert label is not None and label.number == number and label.family == "①"


def test_runin_markers() -> None:
    assert [runin_marker("yishi", i, 3) for i in (1, 2, 3)] == ["一是", "二是", "三是"]
    assert runin_marker("yiyao", 11, 12) == "十一要"
    assert runin_marker("diyi", 2, 3) == "第二，"
    assert [runin_marker("shouxian", i, 4) for i in (1, 2, 3, 4)] == ["首先，", "其次，", "再次，", "最后，"]
    assert [runin_marker("shouxian", i, 3) for i in (1, 2, 3)] == ["首先，", "其次，", "最后，"]
    with pytest.raises(ValueError):
        runin_marker("shouxian", 1, 5)


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["yishi", "yiyao", "diyi"]))
def test_runin_markers_parse_back(number: int, style: str) -> None:
    label = parse_label(runin_marker(style, number, number) + "强化责任")
    assert label is not None and label.number == number and label.rest == "强化责任"


@given(st.integers(min_value=1, max_value=200), st.integers(min_value=1, max_value=4), st.sampled_from(sorted(SCHEMES)))
def test_heading_labels_parse_back(number: int, level: int, name: str) -> None:
    label = parse_label(heading_label(number, level, SCHEMES[name]) + "加强理论学习")
    assert label is not None and label.number == number
    assert label.rest == "加强理论学习"


def test_parse_label_ignores_plain_text() -> None:
    assert parse_label("今年以来，我们") is None
    assert parse_label("2018年10月") is None

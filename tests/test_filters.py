"""The expression filters: each one by example, and properties where one holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechkit import build, load_registry
from speechkit.facts.filters import FILTERS, change, cn, count_cn, date_cn, join_cn, pct, share, wan
from speechkit.model.numbering import parse_cn


def render(text: str, **facts: object) -> str:
    """Build a one-paragraph document and return its opening paragraph."""
    speech = build({"title": "t", "facts": facts, "opening": text, "sections": []})
    return speech.opening[0]


@pytest.mark.parametrize(("value", "expected"), [(0, "零"), (11, "十一"), (20, "二十"), (101, "一百零一"), (6.0, "六")])
def test_cn(value: object, expected: str) -> None:
    assert cn(value) == expected


@pytest.mark.parametrize("value", [1.5, "3", True, None])
def test_cn_refuses_what_is_not_a_whole_number(value: object) -> None:
    with pytest.raises(ValueError, match="whole number"):
        cn(value)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_cn_round_trips_through_parse_cn(n: int) -> None:
    assert parse_cn(cn(n)) == n


def test_count_cn_counts_lists_and_takes_a_measure_word() -> None:
    assert count_cn(6) == "六"
    assert count_cn(2) == "两"
    assert count_cn(("a", "b", "c")) == "三"
    assert count_cn([1, 2], "个方面") == "两个方面"


@pytest.mark.parametrize(
    ("value", "total", "digits", "expected"),
    [
        (5963, 24729, 1, "24.1%"),
        (1, 3, 1, "33.3%"),
        (2, 3, 1, "66.7%"),
        (1, 8, 1, "12.5%"),  # exactly half: rounds up
        (1, 16, 2, "6.25%"),
        (1, 16, 1, "6.3%"),  # 6.25 → 6.3 (half-up, not banker's 6.2)
        (50, 100, 1, "50.0%"),
        (1, 3, 0, "33%"),
        (0, 7, 1, "0.0%"),
        ("5963", "24729", 1, "24.1%"),
    ],
)
def test_pct(value: object, total: object, digits: int, expected: str) -> None:
    assert pct(value, total, digits) == expected


@pytest.mark.parametrize(("total", "message"), [(0, "total is 0"), (-5, "must be positive")])
def test_pct_refuses_a_total_of_zero_or_less(total: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        pct(1, total)


def test_pct_refuses_text_and_bad_digits() -> None:
    with pytest.raises(ValueError, match="needs a number"):
        pct("many", 10)
    with pytest.raises(ValueError, match="digits"):
        pct(1, 10, 9)


PARTS = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12).filter(any)


@given(PARTS, st.integers(min_value=0, max_value=3))
def test_shares_of_parts_sum_to_100_within_rounding(parts: list[int], digits: int) -> None:
    total = sum(parts)
    shares = [share(p, total, digits) for p in parts]
    assert abs(sum(shares) - 100) <= Decimal(len(parts)) * Decimal(5).scaleb(-digits - 1)
    assert all(pct(p, total, digits) == f"{s:f}%" for p, s in zip(parts, shares, strict=True))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-10-07", "2018年10月7日"),
        (dt.date(2018, 1, 1), "2018年1月1日"),
        (dt.datetime(2018, 10, 7, 9, 30), "2018年10月7日"),
        ("2018-10-07T09:30:00", "2018年10月7日"),
        ("2018-10", "2018年10月"),
    ],
)
def test_date_cn(value: object, expected: str) -> None:
    assert date_cn(value) == expected


@pytest.mark.parametrize("value", ["2018-13-01", "yesterday", 20181007, "2018-10-07x"])
def test_date_cn_refuses_what_is_not_a_date(value: object) -> None:
    with pytest.raises(ValueError, match="date_cn"):
        date_cn(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (480000, "48万"),
        (120000000, "1.2亿"),
        (9500, "9500"),
        (0, "0"),
        (10000, "1万"),
        (12345, "1.23万"),
        (12355, "1.24万"),
        (99999999, "1亿"),
        (-480000, "-48万"),
        (2.5, "2.5"),
        (1234567890, "12.35亿"),
    ],
)
def test_wan(value: object, expected: str) -> None:
    assert wan(value) == expected


def test_wan_digits() -> None:
    assert wan(12345, 0) == "1万"
    assert wan(15000, 0) == "2万"


@given(st.integers(min_value=10_000, max_value=10**15))
def test_wan_reads_back_within_rounding(n: int) -> None:
    text = wan(n)
    unit = Decimal(10**8) if text.endswith("亿") else Decimal(10**4)
    assert abs(Decimal(text[:-1]) * unit - n) <= unit / 200


@pytest.mark.parametrize(
    ("value", "previous", "expected"),
    [
        (112.5, 100, "增长12.5%"),
        (97, 100, "下降3%"),
        (100, 100, "持平"),
        (1243, 1286, "下降3.3%"),
        (100001, 100000, "基本持平"),
        (200, 100, "增长100%"),
    ],
)
def test_change(value: object, previous: object, expected: str) -> None:
    assert change(value, previous) == expected


def test_change_refuses_a_previous_value_of_zero() -> None:
    with pytest.raises(ValueError, match="previous value is 0"):
        change(5, 0)


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_change_says_the_direction(value: int, previous: int) -> None:
    text = change(value, previous)
    assert text.startswith("增长" if value > previous else "下降" if value < previous else "持平") or text == "基本持平"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["甲"], "甲"),
        (["甲", "乙"], "甲和乙"),
        (["甲", "乙", "丙"], "甲、乙和丙"),
        ((1, 2, 3), "1、2和3"),
    ],
)
def test_join_cn(values: list[object], expected: str) -> None:
    assert join_cn(values) == expected


def test_join_cn_takes_another_last_word_and_refuses_empty_lists_and_text() -> None:
    assert join_cn(["甲", "乙", "丙"], "及") == "甲、乙及丙"
    with pytest.raises(ValueError, match="empty"):
        join_cn([])
    with pytest.raises(ValueError, match="needs a list"):
        join_cn("甲乙")


@given(st.lists(st.text(alphabet="甲乙丙丁戊", min_size=1, max_size=3), min_size=1, max_size=8))
def test_join_cn_keeps_every_item_in_order(values: list[str]) -> None:
    text = join_cn(values)
    position = 0
    for value in values:
        position = text.index(value, position) + len(value)
    assert text.count("和") == (len(values) > 1) + sum(v.count("和") for v in values)


def test_every_filter_is_registered_in_the_default_registry() -> None:
    registry = load_registry(plugins=False)
    assert set(FILTERS) | {"breakdown"} <= set(registry.filters)


def test_filters_work_in_texts() -> None:
    text = (
        "{{ 11 | cn }}|{{ 5963 | pct(24729) }}|{{ day | date_cn }}|{{ 480000 | wan }}|"
        "{{ 120000000 | wan }}|{{ 112.5 | change(100) }}|{{ names | join_cn }}|{{ names | count_cn }}个"
    )
    assert (
        render(text, day="2018-10-07", names=["甲", "乙", "丙"])
        == "十一|24.1%|2018年10月7日|48万|1.2亿|增长12.5%|甲、乙和丙|三个"
    )


def test_a_template_author_adds_a_filter_through_the_registry() -> None:
    registry = load_registry(plugins=False)
    registry.add_filter("brackets", lambda value: f"〔{value}〕")
    data = {"title": "t", "opening": "党办发{{ 2018 | brackets }}12号", "sections": []}
    speech = build(data, registry=registry)
    assert speech.opening == ("党办发〔2018〕12号",)

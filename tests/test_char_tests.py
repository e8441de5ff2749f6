"""Lines told by character tests: a salutation (同志们： / 各位代表：), 〇〇 placeholders before a Han character."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import speechkit
from speechkit.model.notice_parts import is_salutation_line


@pytest.mark.parametrize(
    "line",
    [
        "同志们：",
        "同志们:",
        "  各位代表：",
        "尊敬的各位领导、同志们：",
        "各位领导，各位来宾，朋友们：",
        "同志们 ：",
        "青年朋友们：\n",
    ],
)
def test_salutations(line: str) -> None:
    assert is_salutation_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "同志们",  # no colon
        "尊敬的：",  # nobody named
        "各位：" + "同志们：",  # two colons
        "现将有关事项通知如下：",  # a lead-in, not a form of address
        "Dear 同志们：",  # not all Han
        "各位" + "代" * 21 + "：",  # longer than a list of names
        "代" * 25 + "同志们：",
    ],
)
def test_not_salutations(line: str) -> None:
    assert not is_salutation_line(line)


_NAMES = st.text(alphabet=st.sampled_from("领导代表来宾干部群众、，"), max_size=20)


@given(_NAMES, st.sampled_from(["同志们", "朋友们", "代表们", "同学们"]), st.sampled_from(["：", ":"]))
def test_names_then_a_plural_form_of_address(names: str, plural: str, colon: str) -> None:
    assert is_salutation_line(names + plural + colon)
    assert not is_salutation_line(names + plural + "。")
    assert not is_salutation_line("A" + names + plural + colon)


def test_circles_stand_in_for_a_fact_only_before_a_han_character(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("〇〇年全县完成了任务。\n会上画了○○○。\n", encoding="utf-8")
    found = [(f.line, f.code, f.message) for f in speechkit.check(draft) if f.code == "SK101"]
    assert found == [(1, "SK101", "placeholder '〇〇' left in the text")]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("工作要抓实...下一步", [(5, 8)]),
        ("成绩。。。还有", [(2, 5)]),
        ("好…的", [(1, 2)]),
        ("好……的", []),  # the right ellipsis
        ("a...b", []),  # not Chinese text
        ("...下一步", [(0, 3)]),  # a run of dots before Han text
        ("x····改进", [(1, 5)]),
        ("1.2.3", []),
    ],
)
def test_wrong_ellipses(text: str, spans: list[tuple[int, int]]) -> None:
    from speechkit.checks.rules.typography import ellipses

    assert list(ellipses(text)) == spans

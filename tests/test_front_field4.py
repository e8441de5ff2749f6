"""Front and back matter of drafts from anywhere (issue 18, fourth pass): kind, title, 落款 and date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechkit import default_registry
from speechkit.readers import Reading, read_draft
from speechkit.readers.front import DATE


def _read(text: str, name: str = "draft.txt") -> Reading:
    return read_draft(text, "txt", name=name, registry=default_registry())


_BODY = "根据工作安排，现将有关事项通知如下，请各单位认真贯彻执行，确保各项工作落到实处。\n"


# --- dates and 落款 at the end ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    ["二〇二一年三月五日", "二○一○年十一月一日", "二0一三年八月六日", "X年XX月XX日", "××××年×月×日", "20xx年x月x日"],
)
def test_a_date_in_numerals_a_copy_retyped_or_a_placeholder_is_the_date(date: str) -> None:
    """A date with 〇 typed as 0, or a template's X年XX月XX日, closes the notice under its 落款."""
    meta = _read(f"各乡镇人民政府：\n{_BODY}某某县人民政府\n{date}\n").speech.meta
    assert (meta.signature, meta.date) == ("某某县人民政府", date)


@pytest.mark.parametrize("signer", ["淮北临涣工业园管委会", "校监察室", "县教务处", "城关派出所"])
def test_a_smaller_organ_over_a_date_inside_a_compilation_signs(signer: str) -> None:
    """The 落款 of the first of several pieces: an organ ending 管委会, 室, 处, 所 over a date."""
    draft = f"市政府：\n{_BODY}妥否，请批示。\n{signer}\nX年XX月XX日\n县人民政府：\n{_BODY}"
    meta = _read(draft).speech.meta
    assert (meta.signature, meta.date) == (signer, "X年XX月XX日")


def test_a_line_ending_in_a_small_organ_word_is_no_signature_without_a_date() -> None:
    """部 ends 干部 too: a title's first half ending so still joins its second half."""
    draft = (
        "湖北省市（州）党政领导班子和领导干部\n年度考核评价办法（试行）实施细则\n"
        "第一条 为了做好考核工作，制定本细则。\n"
    )
    assert _read(draft).speech.meta.title == "湖北省市（州）党政领导班子和领导干部年度考核评价办法（试行）实施细则"


@given(st.sampled_from("〇○0一二三四五六七八九"), st.integers(1, 12), st.integers(1, 31))
def test_date_matches_chinese_years_with_any_zero(zero: str, month: int, day: int) -> None:
    """Whatever a copy types for 〇, a date in Chinese numerals is one line of date."""
    numerals = "〇一二三四五六七八九"
    cn = {n: ("十" if n == 10 else "") for n in range(1, 32)}
    for n in range(1, 32):
        tens, unit = divmod(n, 10)
        cn[n] = (numerals[tens] if tens > 1 else "") + ("十" if tens else "") + (numerals[unit] if unit else "")
    assert DATE.match(f"二{zero}二一年{cn[month]}月{cn[day]}日")


@pytest.mark.parametrize("line", ["2021年3月5日召开会议", "X年级XX班", "二〇二一年工作要点"])
def test_date_is_no_sentence_with_a_date(line: str) -> None:
    """A line that holds a date and goes on is body text."""
    assert not DATE.match(line)

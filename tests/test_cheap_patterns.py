"""The cheap forms of the check patterns match exactly what the costly compiled ones matched.

Classes of thousands of code points cost ``re`` milliseconds to build at each start, so several
patterns became code-point comparisons, a Python filter around a smaller pattern, or a pattern
compiled on first need behind a quick test. The old patterns are written out here as they were,
and compared with the new code on every code point (single-character tests) or on generated text
mixing Han, ASCII, full-width punctuation and spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit import script, text
from speechkit.checks.rules import chars, punctuation, spacing, typography, words

OLD_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
OLD_FULL_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014"
OLD_UNITS = "个名人位万亿元角分年月日号时岁次项条家户所场期批件篇份台辆套处座座米亩吨倍届周天"
OLD_GAP = "[ \u3000\u00a0]+"
OLD_SPACE = re.compile(
    f"(?<=[{OLD_HAN}]){OLD_GAP}(?=[{OLD_HAN}])"
    f"|(?<=[{OLD_HAN}]){OLD_GAP}(?=\\d)(?!\\d{{1,2}}[:：]\\d{{2}})"
    f"|(?<=\\d){OLD_GAP}(?=[%‰％])"
    f"|(?<=\\d){OLD_GAP}(?=[{OLD_UNITS}])"
    f"|(?<=[A-Za-z]){OLD_GAP}(?=[{OLD_HAN}])"
    f"|(?<=[{OLD_HAN}]){OLD_GAP}(?=[A-Za-z])"
)
OLD_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
OLD_PINYIN = re.compile(f"(?<=[\u4e00-\u9fff])[（(]([a-zü{OLD_TONED}]{{1,6}}[1-5]?)[）)]", re.IGNORECASE)
OLD_URL = re.compile(
    r"(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}://|www\.|mailto:)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*",
    re.IGNORECASE,
)
OLD_ELLIPSIS = re.compile(
    f"(?<=[{OLD_HAN}，。；：”’）])(?:\\.{{3,}}|。{{3,}}|[·・]{{3,}}|(?<!…)…(?!…))"
    f"|(?:(?<!\\.)\\.{{3,}}|(?<![·・])[·・]{{3,}})(?=[{OLD_HAN}“‘（])"
)

#: Every code point, surrogates included, as one string.
EVERY = "".join(map(chr, range(0x110000)))


def same_on_every_code_point(old: str, new: Callable[[str], bool], flags: int = 0) -> None:
    """Assert that the one-character class ``old`` and the test ``new`` agree on every code point."""
    expected = re.findall(old, EVERY, flags)
    assert [c for c in EVERY if new(c)] == expected
    assert expected  # a class that matches nothing would prove nothing


def test_han_and_cjk_tests_are_the_old_classes() -> None:
    same_on_every_code_point(f"[{OLD_HAN}]", chars.is_han)
    same_on_every_code_point(f"[{OLD_HAN}{OLD_FULL_PUNCT}]", chars.is_cjk)
    assert not chars.is_han("") and not chars.is_han("中文") and not chars.is_cjk("") and not chars.is_cjk("，，")


def test_line_joining_cjk_test_is_the_old_class() -> None:
    same_on_every_code_point(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]", text._is_cjk)


def test_script_han_test_is_the_old_class() -> None:
    same_on_every_code_point("[\u3400-\u4dbf\u4e00-\u9fff]", script._has_han)
    assert script._has_han("abc 1 中") and not script._has_han("abc 1 ，") and not script._has_han("")


def test_url_end_is_the_old_case_folded_class() -> None:
    same_on_every_code_point(r"[\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", punctuation._ends_url, re.IGNORECASE)
    # The old class was negated under IGNORECASE: no character outside it folds into it.
    kept = re.findall(r"[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", EVERY, re.IGNORECASE)
    assert len(kept) + sum(map(punctuation._ends_url, EVERY)) == len(EVERY)


def test_python_digit_and_space_tests_are_re_classes() -> None:
    same_on_every_code_point(r"\d", str.isdecimal)
    same_on_every_code_point(r"\s", str.isspace)


def test_han_before_pinyin_needs_no_case_folding() -> None:
    same_on_every_code_point("[\u4e00-\u9fff]", lambda c: "\u4e00" <= c <= "\u9fff", re.IGNORECASE)


#: Characters at and around the edges of the classes above, and pieces the patterns look for.
PIECES = [
    *"中文会议个人年月%‰％",
    *"\u3400\u4dbf\u4e00\u9fff\uf900\ufaff\u33ff\u4dc0\ua000\uf8ff\ufb00\u2e80\u3007",
    *"aZxKkſıİ\u212a",
    *"019０٣",
    *" \u3000\u00a0\t\n",
    *"，。；：:、（）()“”‘’…—·・.?！／/",
    *OLD_TONED,
    "16:30",
    "1：05",
    "http://",
    "HTTPS://",
    "www.",
    "WWW.",
    "mailto:",
    "MailTo:",
    "a+b-c.d://",
    "(zhèn)",
    "（zhen4）",
    "(ZHÈN)",
    "...",
    "。。。",
    "……",
    "···",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_space_spans_are_the_old_pattern(sample: str, start: int, end: int) -> None:
    start, end = min(start, len(sample)), min(end, len(sample))
    expected = [m.span() for m in OLD_SPACE.finditer(sample, start, end)]
    assert list(spacing.space_spans(sample, start, end)) == expected
    assert list(spacing.space_spans(sample)) == [m.span() for m in OLD_SPACE.finditer(sample)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_pinyin_spans_are_the_old_pattern(sample: str) -> None:
    expected = [m.span() for m in OLD_PINYIN.finditer(sample) if punctuation._is_pinyin(m.group(1))]
    assert punctuation.pinyin_spans(sample) == expected


@settings(max_examples=400, deadline=None)
@given(texts)
def test_url_spans_are_the_old_pattern(sample: str) -> None:
    assert punctuation.url_spans(sample) == [m.span() for m in OLD_URL.finditer(sample)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_ellipsis_is_looked_for_whenever_the_old_pattern_finds_one(sample: str) -> None:
    found = [m.span() for m in OLD_ELLIPSIS.finditer(sample)]
    if found:
        assert typography._may_hold_ellipsis(sample)
        assert [m.span() for m in typography._ellipsis().finditer(sample)] == found


def test_examples_that_the_quick_tests_must_let_through() -> None:
    # 召开 会议, 共有 25, 25 人, 到 X, X 区; not the space before the time 16:30.
    assert list(spacing.space_spans("召开 会议，共有 25 人，14日 16:30 到 X 区")) == [
        (2, 3),
        (8, 9),
        (11, 12),
        (25, 26),
        (27, 28),
    ]
    assert punctuation.pinyin_spans("震(zhèn)动，(zhen)") == [(1, 7)]
    assert punctuation.url_spans("见https://例子.cn/查询?词=党建 和 WWW.a.cn，") == [(1, 9), (25, 33)]
    assert typography._may_hold_ellipsis("等等...") and not typography._may_hold_ellipsis("等等。")


def test_shipped_words_read_alike_with_either_yaml_loader() -> None:
    path = words.resources.files(words.__package__).joinpath("data/misused_words.yaml")
    source = path.read_text(encoding="utf-8")
    pure = {str(k): str(v) for k, v in yaml.load(source, Loader=yaml.SafeLoader)["words"].items()}
    assert words.builtin_words() == pure
    assert len(pure) > 50

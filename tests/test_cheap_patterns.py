"""The cheap forms of the check patterns match exactly what the costly compiled ones matched.

Classes of thousands of code points cost ``re`` milliseconds to build at each start, so several patterns
became code-point comparisons or a Python filter around a smaller pattern. The old patterns are written
out here as they were, and compared with the new code on every code point (single-character tests) or on
generated text mixing Han, ASCII, full-width punctuation and spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit import package_data
from speechkit.checks.rules import boilerplate, chars, punctuation, spacing, typography, words
from speechkit.checks.rules.chars import holds
from speechkit.model import script, text

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
    "会 议",
    "有 25",
    "25 个",
    "19.2 %",
    "X 区",
    "国家 A",
    "震(zhèn)",
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
def test_ellipsis_spans_are_the_old_pattern(sample: str) -> None:
    found = [m.span() for m in OLD_ELLIPSIS.finditer(sample)]
    assert list(typography.ellipses(sample)) == found


OLD_BRANCH_LINE = re.compile(
    r"^([\u4e00-\u9fffA-Za-z0-9×*＊]{0,14}(村|社区|支部|街道|镇|乡|居委会|单位|部门|科室|站|所|中心|小组|学校|组))[:：](.+)$"
)
UNIT_PIECES = [
    *"村社区支部街道镇乡居委会单位门科室站所中心小组学校",
    *"a1×*＊:：\n\r 甲é\u3400\u4e00\u9fff",
    "第一党小组",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(UNIT_PIECES), max_size=24).map("".join))
def test_branch_lines_are_the_old_pattern(sample: str) -> None:
    found = OLD_BRANCH_LINE.match(sample)
    assert text.branch_unit_end(sample) == (None if found is None else found.end(1))


def test_spaces_pinyin_and_urls_are_found_in_examples() -> None:
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


def test_shipped_words_read_alike_with_either_yaml_loader() -> None:
    source = resources.files(words.__package__).joinpath("data/misused_words.yaml").read_text(encoding="utf-8")
    pure = {str(k): str(v) for k, v in yaml.load(source, Loader=yaml.SafeLoader)["words"].items()}
    assert words.builtin_words() == pure
    assert len(pure) > 50


def test_boilerplate_words_are_found() -> None:
    assert boilerplate.is_boilerplate_line("当前位置：首页")
    assert boilerplate.is_boilerplate_line("来源：新华网 作者：张三")
    assert not boilerplate.is_boilerplate_line("由于时间关系，点评准备得不是很充分")
    assert boilerplate.boilerplate_spans("全文（省略773字）") == [(2, 10)]


OLD_UNIT = re.compile(
    "([A-Za-z\u4e00-\u9fff]{1,4})(村|社区|街道|镇|乡|局|公司|集团|"
    "学校|中学|小学|医院|中心|市场|"
    "党委|党组|党工委|企业|委员会|办公室|支部|大队|工厂|园区|合作社|景区)"
)


OLD_COUNTED = re.compile(
    "[0-9０-９]|[两三四五六七八九十百千万][个名次项人户家条件起场天年月元成批所处份篇位]"
    "|一[名次项人户家条件起场天年元批所处份篇位]"
)
OLD_EXAMPLE = re.compile("(?:^|[，。；：,;:])(?:如|比如|例如|譬如|诸如)|“[^”]{2,}”|《[^》]+》")


def test_named_units_are_the_old_pattern() -> None:
    from speechkit.checks.rules import specificity

    # The copy keeps exactly the characters of the old class; the space it puts elsewhere is not one.
    same_on_every_code_point("[A-Za-z\u4e00-\u9fff]", lambda c: specificity._letters_and_han(c) != " ")
    assert specificity._letters_and_han("a 中-٣ſ\u212a\u9fff\ua000") == "a 中    \u9fff "


OLD_GENERIC = re.compile(
    "部分|个别|一些|有的|少数|多数|全|各|本|该|基层|"
    "所有|相关|有关|下级|上级|乡镇|村级|农村|"
    "城市|我|党|黨|在|的|和|与|等|到|对|个|些"
)
UNIT_PIECES = [
    *"村镇乡局中心党张庄李a",
    *("社区", "街道", "合作社", "党支部", "部分", "有的", "学校", "存在", "问题"),
    *"Zz ٣ſé\u3400\u9fff\ua000-，。：:;“”《》如比例譬诸一两三十个名月人二3３",
    *("如", "比如", "例如", "“好”", "“好", "《书》", "《》", "三个", "一个", "一名", "一月", "十月"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(UNIT_PIECES), max_size=12).map("".join))
def test_is_specific_is_the_old_test(sample: str) -> None:
    from speechkit.checks.rules import specificity

    old = bool(OLD_COUNTED.search(sample) or OLD_EXAMPLE.search(sample)) or any(
        not OLD_GENERIC.search(m.group(1)[-2:]) for m in OLD_UNIT.finditer(sample)
    )
    assert specificity.is_specific(sample) == old
    # Each part on its own, with the old pattern's matches (spans and groups) on the copy.
    assert specificity._has_number(sample) == bool(OLD_COUNTED.search(sample))
    assert (specificity._gives_example(sample) or bool(re.search(specificity._QUOTED, sample))) == bool(
        OLD_EXAMPLE.search(sample)
    )
    copy = specificity._letters_and_han(sample)
    assert [(m.span(), m.groups()) for m in specificity._unit().finditer(copy)] == [
        (m.span(), m.groups()) for m in OLD_UNIT.finditer(sample)
    ]
    for m in OLD_UNIT.finditer(sample):
        assert holds(m.group(1)[-2:], specificity._GENERIC) == bool(OLD_GENERIC.search(m.group(1)[-2:]))


def test_docx_character_classes_are_the_old_ones() -> None:
    from speechkit.writers import docx_xml

    def either(*patterns: re.Pattern[str]) -> Callable[[str], bool]:
        return lambda c: any(p.fullmatch(c) for p in patterns)

    same_on_every_code_point(
        "[\x00-\x1f&<>\ud800-\udfff\ufffe\uffff]", either(docx_xml._CONTROL_OR_MARKUP, docx_xml._non_xml())
    )
    same_on_every_code_point(
        "[\x00-\x08\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", either(docx_xml._ILLEGAL_CONTROL, docx_xml._non_xml())
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab中，\t\n\r\x0b\x01\x0c&<>\ud800\udfff\ufffe\uffff"]), max_size=12).map("".join))
def test_docx_run_content_reports_the_first_bad_character(sample: str) -> None:
    from speechkit.model.errors import RenderError
    from speechkit.writers import docx_xml

    old = re.search("[\x00-\x08\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", sample)
    try:
        docx_xml.check_text(sample)
    except RenderError as error:
        assert old is not None and f"U+{ord(old.group()):04X}" in str(error)
    else:
        assert old is None


OLD_NUMBER = re.compile(r"^[+\-−]?[0-9０-９][0-9０-９,，.．]*\s*[%％‰]?$")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"+-−09０９,，.．%％‰ \n\u3000a中٣"]), max_size=8).map("".join))
def test_number_cells_are_the_old_pattern(sample: str) -> None:
    from speechkit.writers import docx_body

    assert docx_body.is_number(sample) == (OLD_NUMBER.match(sample) is not None)


OUTLINE_PIECES = [*"：: 　\t目录錄提纲綱附件同志们各位，。;1一、", "尊敬的", "领导", "代表"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(OUTLINE_PIECES), max_size=10).map("".join))
def test_title_tests_are_the_old_patterns(sample: str) -> None:
    from speechkit.checks.rules import genre, typography

    assert typography._has_sentence_mark(sample) == bool(re.search("[，。；：！？,;!?]", sample))
    assert any(m in sample for m in genre._SENTENCE) == bool(re.search("[。；！？;!?]", sample))


@pytest.mark.parametrize("title", ["工作报告", "工作报告\n", "报告会", "述职报告"])
def test_report_titles_end_as_before(title: str) -> None:
    assert title.endswith(("报告", "报告\n")) == bool(re.search("报告$", title))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"中a ，\n\r\t\u3000", "\n\n", "\r\n"]), max_size=16).map("".join))
def test_paragraphs_split_as_before(sample: str) -> None:
    stripped = sample.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n\u3000")
    old = [
        text.join_lines(part)
        for part in re.split(r"\n[ \t\u3000]*\n\s*", stripped)
        if stripped and part.strip(" \t\n\u3000")
    ]
    assert text.split_paragraphs(sample) == old


DOUBLE_PIECES = [*"的了和与。，？!?中文确目不时共谐", "的的", "。。", "??", "和和美美"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DOUBLE_PIECES), max_size=12).map("".join))
def test_doubled_characters_are_found_as_by_the_walk_over_every_character(sample: str) -> None:
    from speechkit.checks.rules.garbled import garbled_spans, span_mask
    from speechkit.checks.sources import doc_from_text

    garbled = span_mask(len(sample), garbled_spans(sample)) if "?" in sample else None
    expected = []
    i = 0
    while i < len(sample) - 1:  # the walk as it was, over every character
        char = sample[i]
        if sample[i + 1] == char and punctuation._is_doubled(sample, i) and not (garbled and garbled[i]):
            end = i + 2
            while end < len(sample) and sample[end] == char:
                end += 1
            expected.append((i, end))
            i = end
            continue
        i += 1
    doc = doc_from_text(sample)
    assert [(hit.start, hit.end) for hit in punctuation.check_doubled(doc)] == expected


def test_han_count_is_the_old_class() -> None:
    from speechkit.checks.speaking_time import count_han

    old = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
    assert count_han(EVERY) == len(old.findall(EVERY))
    same_on_every_code_point(old.pattern, lambda c: count_han(c) == 1)
    assert count_han("") == 0 and count_han("a中\U00020000文\u4dc0\u4dbf") == 3


def test_package_data_reads_what_importlib_resources_reads() -> None:
    for package, name in (
        ("speechkit.checks.rules", "data/misused_words.yaml"),
        ("speechkit.checks.rules", "data/shared_chars.txt"),
    ):
        expected = resources.files(package).joinpath(name).read_text(encoding="utf-8")
        assert package_data.read_text(package, name) == expected
    with pytest.raises(FileNotFoundError):
        package_data.read_text("speechkit.checks.rules", "data/no_such_file.txt")

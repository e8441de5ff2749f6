"""The second pass over the check patterns: the new quick tests and plain-Python tests find what the old
patterns found.

Each pattern a build compiled without needing it now waits behind a stronger quick test (the literal
characters or words every match holds, where they must stand), and literal word lists are searched with
``in`` or ``str.find``. The old patterns are written out here as they were (those the first pass wrote
out already are imported from test_cheap_patterns) and compared with the new code on every code point
(single-character tests) or on generated text mixing Han, ASCII, digits, full-width punctuation, spaces
and the words involved: same matches, spans and groups as the callers use, or the same findings from the
rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit.checks.finding import Hit
from speechkit.checks.rules.chars import holds
from speechkit.checks.sources import doc_from_text
from speechkit.checks.text import Doc
from test_cheap_patterns import (
    EVERY,
    OLD_CN_DIGIT,
    OLD_DATE_LINE,
    OLD_DATE_LINE_CN,
    OLD_DATE_LINE_NUMERIC,
    OLD_PLACEHOLDERS,
)

#: Pieces every generated text mixes with those of its own rule.
COMMON = [*"中文会议个人 \u3000\u00a0\t，。；：:、（）()“”《》%％0129٣aZ", "党建", "工作"]


def texts(pieces: list[str], size: int = 14) -> st.SearchStrategy[str]:
    """Texts of up to ``size`` pieces drawn from ``pieces`` and ``COMMON``."""
    return st.lists(st.sampled_from([*pieces, *COMMON]), max_size=size).map("".join)


def positions(sample: str) -> list[int]:
    """Every position in ``sample``, its end, and one beyond it."""
    return list(range(len(sample) + 2))


# -- SK210 misused words: a clean document never builds the pattern of the dictionary -------------------


def old_words_check(doc: Doc, words: dict[str, str]) -> Iterator[Hit]:
    """The rule as it was: the alternation of every word, longest first, over each unit."""
    words = {k: v for k, v in words.items() if k and k != v}
    if not words:
        return
    keys = sorted(words)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
    for index in doc.textual():
        text = doc.units[index].text
        for match in pattern.finditer(doc.simple(index)):
            wrong = text[match.start() : match.end()]
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK210",
                f"{wrong!r} is a misused form; write {words[match.group()]!r}",
            )


WORD_PIECES = ["签定", "截止目前", "截止到目前", "再接再励", "截止", "目前", "签", "定", "有则改知", "\n", "\n\n"]


@settings(max_examples=400, deadline=None)
@given(
    texts(WORD_PIECES), st.dictionaries(st.sampled_from(["党建", "文会", "x", "会议个"]), st.sampled_from(["a", "b"]))
)
def test_misused_words_are_found_as_before(sample: str, extra: dict[str, str]) -> None:
    from speechkit.checks.rules import words

    doc = doc_from_text(sample)
    everything = {**words.builtin_words(), **extra}
    with words.extra_words(extra):
        assert list(words.check(doc)) == list(old_words_check(doc, everything))


def test_misused_words_quick_test_gives_way_to_a_long_text() -> None:
    from speechkit.checks.rules import words

    assert not words._may_hold(["中文会议"], ["签定"])
    assert words._may_hold(["中文", "签定"], ["签定"])
    assert words._may_hold(["中" * (words._QUICK_TEST_CHARS + 1)], ["签定"])


# -- facts: the forbidden characters are looked for only in a file holding an unprintable one -----------

OLD_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def test_every_forbidden_character_is_unprintable_and_not_allowed() -> None:
    from speechkit.facts import reading as facts

    forbidden = OLD_FORBIDDEN.findall(EVERY)
    assert forbidden and all(facts._may_hold_forbidden(c) for c in forbidden)
    assert not any(c in facts._UNPRINTABLE_ALLOWED for c in forbidden)
    assert facts._forbidden().pattern == OLD_FORBIDDEN.pattern


FACTS_PIECES = ["title: 会议\n", "\r\n", "\t", "\u3000", "\xa0", "\u200b", "\ufeff", "\x85", "\x0b", "\ud800", "\u2028"]


@settings(max_examples=400, deadline=None)
@given(texts(FACTS_PIECES))
def test_facts_characters_are_refused_as_before(sample: str) -> None:
    from speechkit.facts import reading as facts
    from speechkit.model.errors import FactsError

    old = OLD_FORBIDDEN.search(sample)
    if old is None:
        facts._check_characters(sample, "x.yaml")
        return
    with pytest.raises(FactsError) as raised:
        facts._check_characters(sample, "x.yaml")
    assert f"U+{ord(old.group()):04X}" in str(raised.value)
    line = sample.count("\n", 0, old.start()) + 1
    assert raised.value.location is not None and raised.value.location.line == line


# -- SK101 placeholders: the same findings with the stronger quick tests --------------------------------


def old_placeholder_check(doc: Doc) -> Iterator[Hit]:
    """The rule as it was: each pattern for every text holding one of its characters."""
    from speechkit.checks.rules import placeholders

    for index in doc.textual():
        text = doc.units[index].text
        taken = bytearray(len(text))
        for needs, pattern in zip(("xXｘＸ×", "xXｘＸ×", "*", "□■", "〇○"), OLD_PLACEHOLDERS, strict=True):
            if not any(char in text for char in needs):
                continue
            for match in pattern.finditer(text):
                start, end = match.span()
                if taken.find(1, start, end) >= 0 or not placeholders._is_placeholder(text, start, end):
                    continue
                taken[start:end] = b"\x01" * (end - start)
                yield Hit(index, start, end, "SK101", f"placeholder {match.group(0)!r} left in the text")


PLACEHOLDER_PIECES = [*"xXｘＸ×*□■〇○月日+ ", "x月xx日", "X 月 X 日", "20xx", "**", "〇〇", "○〇会", "二〇一八"]


@settings(max_examples=600, deadline=None)
@given(texts(PLACEHOLDER_PIECES, 16))
def test_placeholders_are_found_as_before(sample: str) -> None:
    from speechkit.checks.rules import placeholders

    doc = doc_from_text(sample)
    assert list(placeholders.check(doc)) == list(old_placeholder_check(doc))


# -- labels: a heading or run-in pattern is tried only where its number is followed as it must be -------

LABEL_PIECES = [
    *"（）().．、，,：:是要第一二十百两〇零19０٣①⑳㊿首其再最 中月年季",
    *("首先", "其次", "12", "123", "10月", "2018年", "一份部署、", "一是", "第一，", "十一、", "1.", "2．"),
]


@settings(max_examples=800, deadline=None)
@given(texts(LABEL_PIECES, 10))
def test_label_patterns_are_tried_wherever_they_match(sample: str) -> None:
    from speechkit.model import numbering
    from speechkit.model.speech import HeadingScheme

    custom = HeadingScheme(("第{cn}部分", "{circled}", "({n})", "{n}．", "【{cn}】", "{cn}十", "{n}0"), "custom")
    for scheme in (None, custom):
        entries = numbering._heading_patterns(scheme)
        for pos in range(len(sample) + 1):
            for _, _, _, pattern, starts, follows in entries:
                if re.compile(pattern).match(sample, pos):
                    assert numbering._may_start(sample[pos : pos + 1], starts)
                    assert numbering._may_follow(sample, pos, follows)
    for pos in range(len(sample) + 1):
        if re.compile(numbering._RUNIN_MARK).match(sample, pos):
            assert numbering._may_be_runin(sample, pos)


def test_label_number_runs_hold_every_character_of_their_token() -> None:
    from speechkit.model import numbering

    chars, most = numbering._TOKEN_RUNS["{circled}"]
    same = [c for c in EVERY if c in chars]
    assert re.findall(f"[{numbering._CIRCLED_CLASS}]", EVERY) == same and most == 1
    assert numbering._TOKEN_RUNS["{cn}"] == (numbering._CN_CLASS, 6)
    # A format whose next character may be part of the number has no test.
    assert numbering._format_follows("{cn}十", True) == numbering._NO_TEST
    assert numbering._format_follows("{n}", True) == numbering._NO_TEST
    assert numbering._format_follows("{n}．", True) == ("0123456789", 3, ".．")
    assert numbering._may_be_runin("一是", 0) and not numbering._may_be_runin("一份部署、九分", 0)


# -- SK104 figures ----------------------------------------------------------------------------------------

OLD_COUNT = re.compile(
    "(?<![\\d.])(?P<num>\\d+(?:\\.\\d+)?)(?P<mult>万|亿)?"
    "(?P<unit>名|人|个|家|户|所|项|件|村|次|台|套|元|座|处|条|篇|份|场|批|辆|亩|吨|支|位)"
)
OLD_SHARE = re.compile(
    r"\s*[，,（(]?\s*占(?P<base>[^，。；;%％\d（）()]{0,12}的)?(?:比(?:例)?)?(?:为|达)?"
    r"\s*(?P<share>\d+(?:\.\d+)?)\s*[%％]"
)
OLD_BREAKDOWN = re.compile("其中|分别为|包括")
OLD_TOTAL_BEFORE = re.compile(
    "(?:共有|共计|总计|合计|总数|总量|现有|累计|全[镇县市区乡省村校所]|共)[^，。；、\\d]{0,8}$"
)
OLD_TOTAL_AFTER = re.compile("[，,]?\\s*(?:其中|中[，,])")
OLD_BREAKDOWN_START = re.compile("其中|分别占")
OLD_BREAKDOWN_SHARE = re.compile(r"(?:占(?:比)?(?:为)?|(?<=[%％])、)\s*(?P<share>\d+(?:\.\d+)?)\s*[%％]")
OLD_PARTITION = re.compile("男|女|以下|以上|及以上|及以下|其他|其余|其它|岁|预备|正式")


def old_counts(text: str) -> list[object]:
    """``figures.counts`` as it was."""
    from speechkit.checks.rules import figures

    found: list[object] = []
    if not re.search(r"\d", text):
        return found
    for match in OLD_COUNT.finditer(text):
        value = float(match.group("num")) * figures._MULT[match.group("mult") or ""]
        share = OLD_SHARE.match(text, match.end())
        start, end = match.span()
        total = bool(OLD_TOTAL_AFTER.match(text, end))
        if not total:
            before = OLD_TOTAL_BEFORE.search(text[max(0, start - 14) : start])
            total = before is not None and not OLD_PARTITION.search(before.group())
        found.append(
            figures.Count(
                start,
                end,
                value,
                match.group("unit"),
                match.group(),
                share.group("share") if share else None,
                share.end() if share else end,
                (share.group("base") or "") if share else "",
                total,
            )
        )
    return found


def old_is_partition(text: str) -> bool:
    """``figures._is_partition`` as it was."""
    words = set(OLD_PARTITION.findall(text))
    return (
        bool(words & {"其他", "其余", "其它"})
        or {"男", "女"} <= words
        or (bool(words & {"以下", "及以下"}) and bool(words & {"以上", "及以上"}))
    )


FIGURE_PIECES = [
    *"共计总现全合累镇县占比为达的例中其、名人个家户万亿.男女岁以上下及他余它正式预备分别",
    *(
        "共有",
        "共计",
        "合计",
        "现有",
        "累计",
        "全镇",
        "全县",
        "总数",
        "其中",
        "中，",
        "中,",
        "分别为",
        "包括",
        "分别占",
    ),
    *(
        "25名",
        "3.5万人",
        "120家",
        "占",
        "占比",
        "占总数的",
        "19.2%",
        "50％",
        "、30%",
        "以上",
        "及以上",
        "以下",
        "及以下",
    ),
    *("其他", "其余", "男党员", "女党员", "预备党员", "正式党员", "45岁"),
]


@settings(max_examples=1000, deadline=None)
@given(texts(FIGURE_PIECES, 16))
def test_counts_and_breakdowns_are_read_as_before(sample: str) -> None:
    from speechkit.checks.rules import figures

    assert figures.counts(sample) == old_counts(sample)
    assert figures._is_partition(sample) == old_is_partition(sample)
    assert holds(sample, figures._PARTITION) == bool(OLD_PARTITION.search(sample))
    assert holds(sample, figures._BREAKDOWN_START) == bool(OLD_BREAKDOWN_START.search(sample))
    spots = positions(sample)
    for start in spots[:: max(1, len(spots) // 6)]:
        for end in spots[:: max(1, len(spots) // 6)]:
            old = [(m.span(), m.groupdict()) for m in OLD_BREAKDOWN_SHARE.finditer(sample, start, end)]
            assert [(m.span(), m.groupdict()) for m in figures._breakdown_shares(sample, start, end)] == old
            assert holds(sample, figures._BREAKDOWN, start, end) == bool(OLD_BREAKDOWN.search(sample, start, end))


# -- outline resets: the salutation read in Python -------------------------------------------------------

OLD_SALUTATION = re.compile(r"^[^，。,；;]{1,16}[：:]\s*$")
OLD_SALUTATION_WORDS = re.compile("同志|们|們|各|尊敬|领导|領導|代表|来宾|來賓|朋友|老师|老師|同学|同學")
SALUTATION_PIECES = [*"：:，。,；;同志们各位来宾 \u3000\t\n\u2028", "尊敬的", "领导", "同學", "一二三四五六七八"]


@settings(max_examples=1000, deadline=None)
@given(texts(SALUTATION_PIECES, 12))
def test_salutations_are_read_as_before(sample: str) -> None:
    from speechkit.checks import outline

    old = bool(OLD_SALUTATION.match(sample) and OLD_SALUTATION_WORDS.search(sample))
    assert outline._is_salutation(sample) == old
    assert outline._is_salutation(sample.strip()) == bool(
        OLD_SALUTATION.match(sample.strip()) and OLD_SALUTATION_WORDS.search(sample.strip())
    )


# -- SK303 and SK302 dates: the patterns wait for a digit where every match has one ---------------------

OLD_SHORT_YEAR = re.compile(r"(?<![\d.\-/第])(?P<y>\d{2})年(?=\d{1,2}月|初|底|末|度|上半年|下半年|春节|元旦)")
OLD_DAY_HAO = re.compile(r"(?<=月)(?P<d>\d{1,2})号(?![楼文线院令机门口房室])")
OLD_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?")
DATE_PIECES = [*"年月日号第.-/楼底初度01٣９", "18", "2018", "25年底", "10月1号", "号楼", "上半年", "春节", "18年10月"]


@settings(max_examples=1000, deadline=None)
@given(texts(DATE_PIECES, 14))
def test_dates_in_prose_are_looked_for_wherever_they_stand(sample: str) -> None:
    from speechkit.checks.rules import chars, dates_prose, formats

    if OLD_SHORT_YEAR.search(sample):
        assert dates_prose._may_hold_short_year(sample)
    assert [m.span() for m in dates_prose._short_year().finditer(sample)] == [
        m.span() for m in OLD_SHORT_YEAR.finditer(sample)
    ]
    if OLD_DAY_HAO.search(sample):
        assert "月" in sample and chars.beside_digit(sample, "号", -1)
    if OLD_DATE.search(sample):
        assert chars.beside_digit(sample, "年", 1)
    assert OLD_DATE.pattern == formats._DATE


def test_digits_beside_a_character() -> None:
    from speechkit.checks.rules.chars import beside_digit

    assert beside_digit("10月1号", "号", -1) and not beside_digit("号召力1", "号", -1)
    assert beside_digit("2018年10月", "年", 1) and not beside_digit("年1", "年", -1) and not beside_digit("", "年", 1)


# -- SK208: the 顿号 between marks ------------------------------------------------------------------------

OLD_BETWEEN = re.compile("(?<=》)、(?=《)|(?<=”)、(?=“)|(?<=』)、(?=『)|(?<=」)、(?=「)")


@settings(max_examples=400, deadline=None)
@given(texts([*"》、《”“』『」「"], 14))
def test_enumeration_commas_between_marks_are_found_as_before(sample: str) -> None:
    from speechkit.checks.rules import title_marks

    doc = doc_from_text(sample)
    old = [m.span() for line in doc.units for m in OLD_BETWEEN.finditer(line.text)]
    assert [(hit.start, hit.end) for hit in title_marks.check(doc)] == old


# -- SK202 and SK204: the label's own bracket and pinyin, read on first need -----------------------------

OLD_LABEL_CLOSE = re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zA-Z])[)）]")
OLD_BRACKETED = re.compile("[（(]([a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,6}[1-5]?)[）)]", re.IGNORECASE)


def old_pairs(doc: Doc) -> Iterator[Hit]:
    """``check_pairs`` as it was: the label read for every text with a closing bracket."""
    from speechkit.checks.rules import punctuation
    from speechkit.checks.rules.garbled import garbled_spans, span_mask

    for index in doc.textual():
        text = doc.units[index].text
        label = OLD_LABEL_CLOSE.match(text) if ")" in text or "）" in text else None
        garbled = span_mask(len(text), garbled_spans(text)) if "?" in text or "\ufffd" in text else None
        for opens, closes in punctuation._PAIRS:
            if not any(char in text for char in opens + closes):
                continue
            stack: list[int] = []
            for i, char in enumerate(text):
                if garbled and garbled[i]:
                    continue
                if char in opens:
                    stack.append(i)
                elif char in closes:
                    if stack:
                        stack.pop()
                    elif not (label and i == label.end() - 1):
                        yield Hit(index, i, i + 1, "SK202", f"{char!r} closes nothing (no {opens[0]!r} before it)")
            for i in stack:
                yield Hit(index, i, i + 1, "SK202", f"{text[i]!r} is never closed (no {closes[0]!r} after it)")


PAIR_PIECES = [*"“”‘’《》（）()【】 一二十1a?", "1)", "一）", "12）", "a)", "(zhèn)", "（ZHEN4）", "震(ſ)", "(\u212a)"]


@settings(max_examples=800, deadline=None)
@given(texts(PAIR_PIECES, 12))
def test_pairs_and_pinyin_are_found_as_before(sample: str) -> None:
    from speechkit.checks.rules import punctuation

    doc = doc_from_text(sample)
    assert list(punctuation.check_pairs(doc)) == list(old_pairs(doc))
    old = [
        m.span()
        for m in OLD_BRACKETED.finditer(sample)
        if m.start() and "\u4e00" <= sample[m.start() - 1] <= "\u9fff" and punctuation._is_pinyin(m.group(1))
    ]
    assert punctuation.pinyin_spans(sample) == old


def test_every_pinyin_letter_passes_the_quick_test() -> None:
    from speechkit.checks.rules import punctuation

    letters = re.findall("[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]", EVERY, re.IGNORECASE)
    assert len(letters) > 60
    assert all(punctuation._may_hold_pinyin(f"中({letter}") for letter in letters)
    assert not punctuation._may_hold_pinyin("村（社区）") and not punctuation._may_hold_pinyin("(zhen)")


# -- DOCX runs: characters XML cannot hold ----------------------------------------------------------------

OLD_NON_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def test_every_non_xml_character_is_unprintable_and_not_ordinary() -> None:
    from speechkit.writers import docx_xml

    found = OLD_NON_XML.findall(EVERY)
    assert len(found) == 2050 and all(docx_xml._search_non_xml(c) for c in found)
    assert not any(c in docx_xml._ORDINARY_UNPRINTABLE for c in found)


@settings(max_examples=400, deadline=None)
@given(texts([*"\ud800\udfff\ufffe\uffff\ufffd\u2028\x01&<>\r\n", "\r\n"], 12))
def test_docx_runs_read_as_before(sample: str) -> None:
    from speechkit.writers import docx_xml

    old = OLD_NON_XML.search(sample)
    new = docx_xml._search_non_xml(sample)
    assert (new.span() if new else None) == (old.span() if old else None)


# -- SK102: the rest of a clause after a counting phrase, read in Python ----------------------------------

OLD_REST = re.compile(r"[^。！？!?，,；;]{0,30}[。：:！？!?；;]?[\s“”\"]*")


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from([*'。！？!?，,；;：:“”" \n\u3000\u2028中a1', "一是", "中" * 10]), max_size=12).map("".join)
)
def test_rest_of_sentence_is_the_old_pattern(sample: str) -> None:
    from speechkit.checks.rules import enumeration

    assert enumeration._rest_of_sentence(sample) == (OLD_REST.fullmatch(sample) is not None)


# -- SK402: headings about problems -----------------------------------------------------------------------

OLD_NOT_PROBLEMS = re.compile("原因|要求|打算|措施|建议|对策|整改|解决|思路|经验")


@settings(max_examples=500, deadline=None)
@given(texts(["问题", "原因", "要求", "整改", "问", "题", "经验"], 10))
def test_problem_headings_are_read_as_before(sample: str) -> None:
    from speechkit.checks.rules import specificity

    for pos in positions(sample):
        assert (sample.find(specificity._PROBLEM_HEADING, pos) >= 0) == bool(re.compile("问题").search(sample, pos))
        assert holds(sample, specificity._NOT_PROBLEMS, pos) == bool(OLD_NOT_PROBLEMS.search(sample, pos))


# -- SK207: spaces; SK201: half-width marks (boilerplate read only where there is something to report) --


def old_spacing(doc: Doc) -> Iterator[tuple[int, int, int]]:
    """``spacing.check`` as it was: the boilerplate of every unit with a sentence mark read first."""
    from speechkit.checks.rules import boilerplate, spacing
    from speechkit.checks.rules.garbled import span_mask

    for index in doc.textual():
        text = doc.units[index].text
        if not any(mark in text for mark in spacing._PROSE):
            continue
        removed = span_mask(len(text), boilerplate.boilerplate_spans(doc.simple(index)))
        body_start, body_end = len(text) - len(text.lstrip()), len(text.rstrip())
        for start, end in spacing.space_spans(text, body_start, body_end):
            if (
                removed[start]
                or not spacing._single_letter_ok(text, start, end)
                or spacing._line_break(text, start, end)
            ):
                continue
            yield index, start, end


@settings(max_examples=500, deadline=None)
@given(
    texts(
        [*"会议,:;?!()X", " ", "召开 会议", "来源：新华网 作者：张三", "（省略773字）", "25 个", "一、", "同志们："], 10
    )
)
def test_space_and_halfwidth_findings_are_as_before(sample: str) -> None:
    from speechkit.checks.rules import boilerplate, punctuation, spacing
    from speechkit.checks.rules.garbled import span_mask

    doc = doc_from_text(sample)
    old_half = [
        (index, start, end)
        for index in doc.textual()
        for start, end, _ in punctuation.halfwidth_spans(doc.units[index].text)
        if not span_mask(len(doc.units[index].text), boilerplate.boilerplate_spans(doc.simple(index)))[start]
    ]
    assert [(h.unit, h.start, h.end) for h in punctuation.check_halfwidth(doc)] == old_half
    assert [(h.unit, h.start, h.end) for h in spacing.check(doc)] == list(old_spacing(doc))


# -- SK302 date lines: each form compiled only for a line that starts and ends as it does ----------------

OLD_DATE_LINE_SHORT = re.compile(r"(?P<y>\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


def old_date_line(text: str) -> tuple[int, int, str] | None:
    """``formats._date_line`` as it was: every form tried for a line that starts with a digit or numeral."""
    from speechkit.checks.rules import formats

    core = formats._core(text)
    if not core or not (core[0].isdecimal() or core[0] in OLD_CN_DIGIT):
        return None
    start = text.index(core)
    end = start + len(core)
    if OLD_DATE_LINE_CN.fullmatch(core):
        return start, end, (f"date {core!r} in Chinese numerals; a 成文日期 uses Arabic numerals (2018年10月7日)")
    for pattern in (OLD_DATE_LINE_NUMERIC, OLD_DATE_LINE_SHORT):
        match = pattern.fullmatch(core)
        if match:
            year = match.group("y")
            year = year if len(year) == 4 else "20" + year
            fixed = f"{year}年{int(match.group('m'))}月{int(match.group('d'))}日"
            return start, end, f"date {core!r} not in the form 2018年10月7日 (write {fixed!r})"
    return None


LINE_PIECES = [
    *("2018年10月7日", "2018-10-07", "2018 ／ 10 ／ 7", "18年10月7日", "二〇一八年十月七日", "二〇一八年十月"),
    *"〇零一二三四五六七八九十0123456789٣０年月日-./／－．（）() \u3000\t\n",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=8).map("".join))
def test_date_lines_are_read_as_before(sample: str) -> None:
    from speechkit.checks.rules import formats

    assert formats._date_line(sample) == old_date_line(sample)
    assert formats.is_date_line(sample) == (OLD_DATE_LINE.fullmatch(formats._core(sample)) is not None)

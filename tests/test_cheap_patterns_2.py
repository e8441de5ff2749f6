"""The second pass over the check patterns: the plain-Python tests find what the old patterns found.

Literal word lists are searched with ``in`` or ``str.find``, and a few patterns became Python. The old
patterns are written out here as they were (those the first pass wrote out already are imported from
test_cheap_patterns) and compared with the new code on every code point (single-character tests) or on
generated text mixing Han, ASCII, digits, full-width punctuation, spaces and the words involved: same
matches, spans and groups as the callers use, or the same findings from the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit.checks.finding import Hit
from speechkit.checks.rules.chars import holds
from speechkit.checks.sources import doc_from_text
from speechkit.checks.text import Doc

#: Pieces every generated text mixes with those of its own rule.
COMMON = [*"中文会议个人 \u3000\u00a0\t，。；：:、（）()“”《》%％0129٣aZ", "党建", "工作"]


def texts(pieces: list[str], size: int = 14) -> st.SearchStrategy[str]:
    """Texts of up to ``size`` pieces drawn from ``pieces`` and ``COMMON``."""
    return st.lists(st.sampled_from([*pieces, *COMMON]), max_size=size).map("".join)


def positions(sample: str) -> list[int]:
    """Every position in ``sample``, its end, and one beyond it."""
    return list(range(len(sample) + 2))


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

"""Properties of the whole pipeline: robustness to any facts, consecutive labels at any depth."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechkit import Item, Meta, Para, Section, Speech, SpeechkitError, build, layout, render
from speechkit.builtins import setup as _setup  # noqa: F401  (the registry the build uses)
from speechkit.default import default_registry
from speechkit.model.numbering import parse_label
from speechkit.model.speech import Enumeration

KEYS = [
    "kind",
    "title",
    "sections",
    "type",
    "items",
    "title",
    "text",
    "style",
    "layout",
    "lead",
    "closing",
    "numbered",
    "branch",
    "issues",
    "facts",
    "opening",
    "numbering",
    "table",
    "columns",
    "rows",
    "toc",
    "date",
    "salutation",
    "levels",
    "tags",
    "x",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 30),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(
        [
            "achievements",
            "branch_issues",
            "yishi",
            "heading",
            "inline",
            "notice",
            "{{ items | count_cn }}",
            "{{ x }}",
            "{{ 1/0 }}",
            "2018-10-07",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS), children, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6))
def test_random_facts_build_or_raise_speechkit_error(data: dict[str, Any]) -> None:
    try:
        speech = build(data, registry=default_registry())
    except SpeechkitError as exc:
        assert "\n" not in str(exc)
        return
    with contextlib.suppress(SpeechkitError):
        render(speech, "md")


@st.composite
def nested(draw: st.DrawFn, depth: int = 0) -> Item:
    children = tuple(draw(nested(depth + 1)) for _ in range(draw(st.integers(0, 4)))) if depth < 2 else ()
    return Item(
        title=f"标题{depth}",
        paragraphs=("正文。",),
        items=children,
        enumeration=Enumeration(draw(st.sampled_from(["heading", "yishi", "yiyao", "diyi"])), "paragraphs"),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(nested(), min_size=1, max_size=5), st.sampled_from(["heading", "yishi", "yiyao", "diyi"]))
def test_sibling_labels_are_consecutive_at_every_depth(items: list[Item], style: str) -> None:
    speech = Speech(
        Meta("speech", "T"), (Section("generic", "一节", items=tuple(items), enumeration=Enumeration(style)),)
    )
    paras = [b for b in layout(speech) if isinstance(b, Para)]
    seen_numbers: list[int] = []
    for para in paras:
        label = parse_label(para.text)
        if label is not None:
            seen_numbers.append(label.number)
    assert seen_numbers, "no labels at all"
    # Every list restarts at 1 and counts up by one: check by walking the model and the layout together.
    expected: list[int] = []

    def walk(children: tuple[Item, ...]) -> None:
        for position, child in enumerate(children, 1):
            expected.append(position)
            walk(child.items)

    walk(tuple(items))
    assert [1, *expected] == seen_numbers


_TITLE_HEADS = ["关于", "加强", "党建", "工作", "全市", "教育系统", "年度", "基层党组织", "述职", "调研", "管理"]
_TITLE_TAILS = [
    "",
    "的通知",
    "的公告",
    "的意见",
    "的请示",
    "的报告",
    "述职报告",
    "调研报告",
    "点评提纲",
    "管理办法",
    "实施细则（试行）",
    "的决定",
    "的批复",
    "会议纪要",
    "的函",
    "的讲话",
    "通告",
    "通报",
    "命令",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    head=st.lists(st.sampled_from(_TITLE_HEADS), min_size=1, max_size=4),
    tail=st.sampled_from(_TITLE_TAILS),
    opening=st.sampled_from(["", "各党支部：\n", "同志们：\n", "尊敬的各位领导、同志们：\n", "各位代表：\n"]),
)
def test_the_reader_and_sk401_tell_the_same_kind_from_a_title(head: list[str], tail: str, opening: str) -> None:
    """One guesser: import's kind is the one SK401 checks a draft as (a speech where SK401 finds none),
    whether an addressee, a salutation or nothing follows the title."""
    from speechkit import read
    from speechkit.checks.rules.kinds import infer_kind
    from speechkit.checks.sources import doc_from_text

    title = "".join(head) + tail
    draft = title + "\n" + opening + "一、工作情况\n我们做了大量工作。\n"
    registry = default_registry()
    read_kind = read(draft, format="txt", registry=registry).meta.kind
    doc = doc_from_text(draft)
    doc.registry = registry
    assert read_kind == (infer_kind(doc) or "speech"), title

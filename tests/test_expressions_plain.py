"""The direct path for plain fields (`{{ name }}`, `{{ name | filter }}`) agrees with the Jinja2 sandbox."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from speechkit.default import load_registry
from speechkit.facts.expressions import Expressions, has_expression
from speechkit.model.errors import ExpressionError, Location

FILTERS = load_registry(plugins=False).filters
NAMES = ["secretaries", "items", "名单", "x1", "total", "true", "loop", "missing", "ｓｅｃ", "_hidden", "None"]
FILTER_NAMES = [*sorted(FILTERS), "length", "upper", "join", "nosuch", "e", "sum"]
WHERE = Location("facts.yaml", 3, 5, "opening[0]")

values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**45), max_value=10**45),
        st.floats(allow_nan=True, allow_infinity=True),
        st.decimals(allow_nan=False, places=3, min_value=-(10**6), max_value=10**6).map(Decimal),
        st.text("一二三四支部{}|% ab\n", max_size=8),
        st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["a", "b"]), inner)),
    max_leaves=6,
)
spaces = st.sampled_from(["", " ", "  ", "\t", "\n"])


@st.composite
def fields(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(NAMES))
    text = "{{" + draw(spaces) + name + draw(spaces)
    if draw(st.booleans()):
        text += "|" + draw(spaces) + draw(st.sampled_from(FILTER_NAMES)) + draw(spaces)
    return text + "}}"


literals = st.one_of(st.text("，。一二三 a\n", max_size=6), st.text("，。一二三{}|%-\r\n a", max_size=6))
texts = st.lists(st.one_of(fields(), fields(), literals), min_size=1, max_size=5).map("".join)
scalars = st.one_of(st.integers(min_value=0, max_value=10**6), st.text("一二三支部", max_size=4), values)
contexts = st.fixed_dictionaries(
    {}, optional={name: st.one_of(scalars, st.lists(scalars, max_size=3)) for name in NAMES}
)


def sandboxed(expressions: Expressions, text: str, context: dict[str, Any]) -> tuple[str, str]:
    """Return what the Jinja2 sandbox makes of ``text``: ``("ok", text)`` or ``("error", message)``."""
    try:
        return "ok", expressions._render_sandboxed(text, context, lambda: WHERE)
    except ExpressionError as exc:
        return "error", str(exc)


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, contexts)
@example("共{{ secretaries }}位", {"secretaries": 4})
@example("从{{ items | count_cn }}个方面", {"items": [1, 2, 3]})
@example("{{{ secretaries }}", {"secretaries": 4})
def test_direct_path_agrees_with_the_sandbox(text: str, context: dict[str, Any]) -> None:
    expressions = Expressions(FILTERS)
    direct = expressions.render_plain(text, context)
    if direct is not None:
        assert sandboxed(expressions, text, context) == ("ok", direct)
    if has_expression(text):  # a text without any is returned as it is, unparsed
        assert sandboxed(expressions, text, context) == _public(expressions, text, context)


SAFE_NAMES = ["secretaries", "items", "名单", "x1"]


@st.composite
def plain_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(st.text("，。一二三 a\n}|%", max_size=5)))
        name = draw(st.sampled_from(SAFE_NAMES))
        if draw(st.booleans()):
            name += draw(spaces) + "|" + draw(spaces) + draw(st.sampled_from(sorted(FILTERS)))
        parts.append("{{" + draw(spaces) + name + draw(spaces) + "}}")
    return "".join(parts)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plain_texts(),
    st.fixed_dictionaries({name: st.one_of(scalars, st.lists(scalars, max_size=3)) for name in SAFE_NAMES}),
)
def test_plain_texts_take_the_direct_path_unless_the_sandbox_refuses_them(text: str, context: dict[str, Any]) -> None:
    expressions = Expressions(FILTERS)
    direct = expressions.render_plain(text, context)
    outcome = sandboxed(expressions, text, context)
    assert (direct is None) == (outcome[0] == "error")
    if direct is not None:
        assert outcome == ("ok", direct)


def _public(expressions: Expressions, text: str, context: dict[str, Any]) -> tuple[str, str]:
    try:
        return "ok", expressions.render(text, context, lambda: WHERE)
    except ExpressionError as exc:
        return "error", str(exc)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("刚才听取了{{ secretaries }}位支部书记的述职", {"secretaries": 4}, "刚才听取了4位支部书记的述职"),
        ("从{{items|count_cn}}个方面", {"items": ["甲", "乙", "丙"]}, "从三个方面"),
        ("{{ 名单 }}", {"名单": "张三"}, "张三"),
        ("{{ flag }}", {"flag": True}, "是"),
        ("}}{{ a }}}}", {"a": 1.5}, "}}1.5}}"),
    ],
)
def test_plain_fields_take_the_direct_path(text: str, context: dict[str, Any], expected: str) -> None:
    assert Expressions(FILTERS).render_plain(text, context) == expected


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("{{ a + 1 }}", {"a": 1}),
        ("{{ a | join('、') }}", {"a": ["x"]}),
        ("{{ a | length }}", {"a": [1]}),
        ("{% if a %}x{% endif %}", {"a": 1}),
        ("{{ missing }}", {}),
        ("{{ a }}", {"a": None}),
        ("{{ a }}", {"a": [1, 2]}),
        ("{{ true }}", {"true": 5}),
        ("{ {{ a }}", {"a": 1}),
        ("{{ a }}\r\n", {"a": 1}),
        ("{{- a }}", {"a": 1}),
    ],
)
def test_everything_else_goes_to_the_sandbox(text: str, context: dict[str, Any]) -> None:
    assert Expressions(FILTERS).render_plain(text, context) is None


def test_building_the_quickstart_loads_no_jinja() -> None:
    probe = "import sys, speechkit\nspeechkit.load('examples/critique_outline.yaml')\nprint('jinja2' in sys.modules)"
    from conftest import ROOT

    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.split() == ["False"]

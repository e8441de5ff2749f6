"""The checked-in JSON Schema is the registry's, its compiled check is current and agrees, examples validate."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, ROOT
from speechkit import load_registry
from speechkit.facts.schema import CompiledValidator, make_validator, schema_json

SCHEMA = ROOT / "schemas" / "speech.schema.json"


def test_checked_in_schema_is_current() -> None:
    expected = schema_json(load_registry(plugins=False))
    assert SCHEMA.read_text(encoding="utf-8") == expected, (
        "schemas/speech.schema.json is stale: run `speechkit schema -o schemas/speech.schema.json`"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_validate_against_the_file(path: object) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    data = json.loads(json.dumps(data, default=str))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_examples_point_editors_at_the_schema() -> None:
    for path in EXAMPLES.glob("*.yaml"):
        assert "$schema=../schemas/speech.schema.json" in path.read_text(encoding="utf-8").splitlines()[0]


def _example_data() -> list[Any]:
    """Return every example's facts as the schema sees them (dates as text)."""
    out = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(json.loads(json.dumps(data, default=str)))
    return out


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every node under ``value``, ``value`` itself first."""
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _nodes(item, (*path, index))
    return out


SCHEMA_WORDS = ["type", "title", "text", "items", "style", "layout", "kind", "sections", "facts", "lead", "levels"]
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(width=16),  # YAML gives .nan and .inf too
    st.text(max_size=3),
    st.sampled_from(["achievements", "yishi", "heading", "inline", "speech", "notice", "", "x"]),
)
MUTANTS = st.recursive(
    LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.sampled_from(SCHEMA_WORDS), children, max_size=3)
    ),
    max_leaves=8,
)


def _validators() -> tuple[CompiledValidator, Any]:
    """Return the compiled validator of the checked-in schema and jsonschema's."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    compiled = make_validator(schema)
    assert isinstance(compiled, CompiledValidator)
    return compiled, jsonschema.Draft202012Validator(schema)


VALIDATORS = _validators()
EXAMPLE_DATA = _example_data()


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_compiled_validator_agrees_with_jsonschema(data: st.DataObject) -> None:
    # Facts one change away from an example: the compiled check passes exactly what jsonschema passes.
    facts = copy.deepcopy(data.draw(st.sampled_from(EXAMPLE_DATA)))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_nodes(facts)))
        if not path:
            continue
        parent = facts
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()):
            parent[path[-1]] = data.draw(MUTANTS)
        elif isinstance(parent, dict):
            del parent[path[-1]]
    compiled, precise = VALIDATORS
    assert compiled.is_valid(facts) == precise.is_valid(facts)


ALIASED = """\
kind: {kind}
title: 点评提纲
sections:
  - type: {achievements}
    items:
      - title: 党建责任有效落实
        text: 年初提出了工作法。
  - type: {problems}
    items:
      - title: 学习不够深入
  - type: 个性问题
    items:
      - branch: 一村
        issues: 三会一课不规范。
"""


@pytest.mark.parametrize(
    ("kind", "achievements", "problems"),
    [
        ("点评", "主要成效", "共性问题"),
        ("述职点评提纲", "成效", "存在问题"),
        ("critique_outline", "主要成效", "common_problems"),
    ],
)
def test_facts_with_the_chinese_names_speechkit_accepts_pass_the_shipped_schema(
    tmp_path: object, kind: str, achievements: str, problems: str
) -> None:
    from conftest import run_cli

    text = ALIASED.format(kind=kind, achievements=achievements, problems=problems)
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert not [error.message for error in validator.iter_errors(yaml.safe_load(text))]
    facts = tmp_path / "aliased.yaml"  # type: ignore[operator]
    facts.write_text(text, encoding="utf-8")
    assert run_cli("validate", str(facts)).returncode == 0
    wrong = yaml.safe_load(text)
    wrong["sections"][0]["titel"] = "x"  # a section given by its Chinese name is still checked as its type
    assert list(validator.iter_errors(wrong))


def test_the_schema_accepts_a_kind_or_type_exactly_when_the_loader_does() -> None:
    """Every Chinese name the registry resolves passes the shipped schema, and nothing else (a property over
    every part of every Chinese name, and a few that name none or several)."""
    registry = load_registry(plugins=False)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    kind = jsonschema.Draft202012Validator(schema["properties"]["kind"])
    section_type = jsonschema.Draft202012Validator(schema["$defs"]["section"]["properties"]["type"])
    for table, validator, records in (
        ("kinds", kind, registry.kinds),
        ("sections", section_type, registry.sections),
    ):
        shown = [d for record in records.values() for d in registry.display_names(record)]
        candidates = {d[i:j] for d in shown for i in range(len(d)) for j in range(i + 1, len(d) + 1)}
        candidates |= {*records, "问题", "报告x", "讲话稿们", "", "achievement"}
        for value in sorted(candidates):
            accepted = registry.resolve(table, value) is not None  # type: ignore[arg-type]
            assert validator.is_valid(value) == accepted, (table, value)
        for name in records:
            assert name in json.dumps(validator.schema, ensure_ascii=False)

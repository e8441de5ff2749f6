"""The quick schema check agrees with jsonschema; valid facts never load jsonschema, invalid ones still explain."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, ROOT
from speechkit.facts.schema import quick_valid

SCHEMA = json.loads((ROOT / "schemas" / "speech.schema.json").read_text(encoding="utf-8"))
FULL = jsonschema.Draft202012Validator(SCHEMA)
EXAMPLE_DATA = [
    json.loads(json.dumps(yaml.safe_load(p.read_text(encoding="utf-8")), default=str))
    for p in sorted(EXAMPLES.glob("*.yaml"))
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 5),
    st.floats(-2, 5, allow_nan=False),
    st.sampled_from(["", "x", "heading", "yishi", "generic", "achievements", "critique_outline", "notice", "cn"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["type", "title", "text", "items", "style", "lead", "sections"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every node under ``value``."""
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += paths(item, (*prefix, index))
    return out


def mutate(data: Any, path: tuple[Any, ...], new: Any, mode: str) -> Any:
    """Replace, drop or add next to the node at ``path``."""
    data = copy.deepcopy(data)
    if not path:
        return new
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if mode == "replace":
        parent[last] = new
    elif mode == "drop":
        del parent[last]
    elif isinstance(parent, dict):
        parent["extra_field" if isinstance(new, str) else "title"] = new
    else:
        parent.append(new)
    return data


@pytest.mark.parametrize("data", EXAMPLE_DATA, ids=[p.stem for p in sorted(EXAMPLES.glob("*.yaml"))])
def test_every_example_passes_the_quick_check(data: Any) -> None:
    assert quick_valid(SCHEMA, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLE_DATA), st.data(), VALUES, st.sampled_from(["replace", "drop", "add"]))
def test_quick_check_agrees_with_jsonschema(base: Any, data: st.DataObject, new: Any, mode: str) -> None:
    path = data.draw(st.sampled_from(paths(base)))
    facts = mutate(base, path, new, mode)
    assert quick_valid(SCHEMA, facts) == FULL.is_valid(facts)


def test_undecided_keywords_fall_back_to_jsonschema() -> None:
    assert not quick_valid({"dependentRequired": {"a": ["b"]}}, {})  # not decided here: jsonschema decides
    assert quick_valid({"pattern": "^[0-9]{6}$"}, "000012") and not quick_valid({"pattern": "b"}, "aaa")
    assert not quick_valid({"type": "string"}, b"bytes")
    assert quick_valid({"type": "integer", "minimum": 1}, 2.0)
    assert not quick_valid({"enum": [1]}, True)
    assert quick_valid({"const": [1, {"a": 2}]}, [1.0, {"a": 2}])


def test_valid_facts_build_without_importing_jsonschema(tmp_path: Path) -> None:
    code = (
        "import sys, speechkit\n"
        f"speechkit.load({str(EXAMPLES / 'critique_outline.yaml')!r})\n"
        "print('jsonschema' in sys.modules)\n"
        "try:\n"
        "    speechkit.build({'title': 'x', 'sections': [{'type': 'nope'}]})\n"
        "except speechkit.FactsError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "False"
    assert "unknown section type 'nope'" in out[1]

"""The checked-in JSON Schema is the one the registry generates, and examples validate against it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import EXAMPLES, ROOT
from speechkit import load_registry
from speechkit.facts.schema import schema_json

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

"""Generate the JSON Schema of facts files from the registry, and the validator that checks facts against it."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Literal

from ..model.meta_fields import META_FIELDS
from ..model.numbering import SCHEMES
from ..model.speech import LIST_LAYOUTS, LIST_STYLES
from ..registry import Registry
from .stat_groups import RESERVED_NAMES, statistics_schema

SCHEMA_ID = "https://speechkit.invalid/schemas/speech.schema.json"


def schema_uri() -> str:
    """Return the ``file:`` URI of the schema installed with speechkit (``speechkit.schemas``), for the
    ``$schema`` line an editor loads; its ``$id`` when the package is not a folder (a zip)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("speechkit.schemas")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "speech.schema.json"
        if path.is_file():
            return path.resolve().as_uri()
    return SCHEMA_ID


_TEXT = {"type": "string"}
_TEXTS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}

#: The schema of each front and back matter field, in the order of their one declaration.
META_PROPERTIES: dict[str, Any] = {field.name: dict(field.schema) for field in META_FIELDS}


def aliases(registry: Registry, table: Literal["sections", "kinds"]) -> tuple[dict[str, list[str]], list[str]]:
    """Return the Chinese names the loader accepts for each kind or type: the names ``speechkit kinds`` and
    ``sections`` print (by registered name), and the parts of exactly one of them (``点评``, ``讲话``)."""
    records: Mapping[str, Any] = registry.sections if table == "sections" else registry.kinds
    shown: dict[str, list[str]] = {}
    parts: dict[str, str] = {}
    for name, record in sorted(records.items()):
        for display in registry.display_names(record):
            if registry.resolve(table, display) == name:
                shown.setdefault(name, []).append(display)
            for start in range(len(display)):
                for end in range(start + 2, len(display) + 1):
                    part = display[start:end]
                    if part not in parts and registry.resolve(table, part) == name:
                        parts[part] = name
    named = {display for names in shown.values() for display in names}
    return shown, sorted(part for part in parts if part not in named and part not in records)


def _name_schema(
    registry: Registry, table: Literal["sections", "kinds"], what: str, found: tuple[dict[str, list[str]], list[str]]
) -> dict[str, Any]:
    """Return the schema of a kind or section type: a registered name, its Chinese name, or a part of one."""
    names = sorted(registry.sections if table == "sections" else registry.kinds)
    shown, parts = found
    listed = ", ".join(f"{name} ({'/'.join(shown[name])})" if name in shown else name for name in names)
    choices: list[dict[str, Any]] = [{"enum": [*names, *(d for name in names for d in shown.get(name, ()))]}]
    if parts:
        pattern = "^(?:" + "|".join(re.escape(part) for part in parts) + ")$"
        choices.append({"type": "string", "pattern": pattern, "description": "A part of exactly one Chinese name."})
    return {"anyOf": choices, "description": f"{what}: {listed}"}


def _spellings(registry: Registry, found: tuple[dict[str, list[str]], list[str]]) -> dict[str, list[str]]:
    """Return every way the loader accepts of naming each section type (for the ``if`` of its branch)."""
    shown, parts = found
    spellings = {name: [name, *shown.get(name, ())] for name in registry.sections}
    for part in parts:
        resolved = registry.resolve("sections", part)
        if resolved is not None:
            spellings[resolved].append(part)
    return spellings


def build_schema(registry: Registry) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) for facts files of every registered type and kind.

    A kind or section type may be given by its registered name or by the Chinese names the loader accepts
    for it (``type: 主要成效``, ``kind: 点评``), which the loader puts back before it validates.
    """
    types = sorted(registry.sections)
    section_names = aliases(registry, "sections")
    blocks = {
        name: {
            "type": "object",
            "properties": {name: block.schema},
            "required": [name],
            "additionalProperties": False,
            "description": block.description,
        }
        for name, block in sorted(registry.blocks.items())
    }
    block_list = {
        "anyOf": [
            {"type": "string"},
            {
                "type": "array",
                "items": {"anyOf": [{"type": "string"}, *({"$ref": f"#/$defs/block.{n}"} for n in blocks)]},
            },
        ]
    }
    defs: dict[str, Any] = {
        "texts": _TEXTS,
        "blocks": block_list,
        "style": {
            "enum": list(LIST_STYLES),
            "description": "yishi 一是 · yiyao 一要 · diyi 第一， · shouxian 首先/其次 · heading （一）/1. · none",
        },
        "layout": {
            "enum": list(LIST_LAYOUTS),
            "description": "paragraphs: one paragraph each · inline: run on in one paragraph · "
            "separate: title on its own line",
        },
        "item": {
            "type": "object",
            "description": "A point: run-in title, text, and nested items.",
            "properties": {
                "title": {**_TEXT, "description": "Run-in sentence or heading (一是 + this)."},
                "text": {"$ref": "#/$defs/texts", "description": "Body: one paragraph or a list."},
                "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
                "style": {"$ref": "#/$defs/style"},
                "layout": {"$ref": "#/$defs/layout"},
            },
            "additionalProperties": False,
            "anyOf": [{"required": ["title"]}, {"required": ["text"]}, {"required": ["items"]}],
        },
    }
    for name, schema in blocks.items():
        defs[f"block.{name}"] = schema
    common = {
        "type": _name_schema(registry, "sections", "Section type", section_names),
        "title": {**_TEXT, "description": "Heading; defaults to the type's title."},
        "numbered": {"type": "boolean", "description": "false: no number; without title, continue."},
        "lead": {"$ref": "#/$defs/blocks", "description": "Paragraphs before the items."},
        "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
        "closing": {"$ref": "#/$defs/blocks", "description": "Paragraphs after the items."},
        "style": {"$ref": "#/$defs/style"},
        "layout": {"$ref": "#/$defs/layout"},
    }
    branches = []
    spellings = _spellings(registry, section_names)
    for name in types:
        section_type = registry.sections[name]
        properties = {**common, **section_type.properties}
        defs[f"section.{name}"] = {
            "type": "object",
            "description": section_type.description,
            "properties": properties,
            "required": ["type", *section_type.required],
            "additionalProperties": False,
        }
        branches.append(
            {
                "if": {"properties": {"type": {"enum": spellings[name]}}, "required": ["type"]},
                "then": {"$ref": f"#/$defs/section.{name}"},
            }
        )
    defs["section"] = {
        "type": "object",
        "properties": {"type": common["type"]},
        "required": ["type"],
        "allOf": branches,
    }
    schemes = sorted(SCHEMES)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "speechkit facts",
        "description": "Facts from which speechkit builds a speech, critique outline, report or notice.",
        "type": "object",
        "properties": {
            "kind": _name_schema(registry, "kinds", "Document kind", aliases(registry, "kinds")),
            **META_PROPERTIES,
            "numbering": {
                "anyOf": [
                    {"enum": schemes},
                    {
                        "type": "object",
                        "properties": {
                            "levels": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
                        },
                        "required": ["levels"],
                        "additionalProperties": False,
                    },
                ],
                "description": "Heading scheme name or label formats ({cn} {n} {circled}).",
            },
            "facts": {
                "type": "object",
                "description": "Named values usable in texts as {{ name }}.",
                "propertyNames": {"not": {"enum": list(RESERVED_NAMES)}},
            },
            "statistics": statistics_schema(),
            "salutation": {**_TEXT, "description": '称呼, e.g. 同志们：; "" for none.'},
            "opening": {"$ref": "#/$defs/blocks"},
            "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}},
            "closing": {"$ref": "#/$defs/blocks"},
        },
        "required": ["title", "sections"],
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_json(registry: Registry) -> str:
    """Return the schema as the text checked in at ``schemas/speech.schema.json``."""
    return json.dumps(build_schema(registry), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


#: Module compiled by fastjsonschema from ``schemas/speech.schema.json`` (``python tools/generated.py``).
COMPILED_MODULE = "speechkit.schemas.speech_validator"


def make_validator(schema: Mapping[str, Any]) -> Any:
    """Return a validator of ``schema``: the compiled one when it is the checked-in schema, else jsonschema's."""
    import importlib

    try:
        compiled = importlib.import_module(COMPILED_MODULE)
    except ImportError:  # fastjsonschema missing: jsonschema alone
        return jsonschema_validator(schema)
    if canonical_json(schema) != compiled.SCHEMA:
        return jsonschema_validator(schema)
    return CompiledValidator(compiled, schema)


def jsonschema_validator(schema: Mapping[str, Any]) -> Any:
    """Return jsonschema's validator of the draft the schema declares (the schema itself is checked by the tests)."""
    import jsonschema

    return jsonschema.validators.validator_for(schema)(schema)


def canonical_json(schema: Mapping[str, Any]) -> str:
    """Return a schema as JSON text with its keys sorted, the form two schemas are compared in."""
    return json.dumps(schema, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class CompiledValidator:
    """fastjsonschema's compiled check of valid facts; for invalid ones, jsonschema's errors (message and path)."""

    def __init__(self, compiled: Any, schema: Mapping[str, Any]) -> None:
        self.compiled = compiled
        self.schema = schema
        self._precise: Any = None

    def is_valid(self, data: Any) -> bool:
        """Return whether the compiled check passes ``data`` (``False`` leaves the verdict to jsonschema)."""
        try:
            self.compiled.validate(data)
        except Exception:  # any doubt (a failure, data it does not expect): jsonschema decides
            return False
        return True

    def iter_errors(self, data: Any) -> Any:
        """Yield nothing for valid data; otherwise jsonschema's errors, as :func:`jsonschema_validator` gives them."""
        if self.is_valid(data):
            return iter(())
        if self._precise is None:
            self._precise = jsonschema_validator(self.schema)
        return self._precise.iter_errors(data)


def validator_code(schema: Mapping[str, Any]) -> str:
    """Return the module fastjsonschema compiles from ``schema`` (the text of ``schemas/speech_validator.py``).

    Formats are not checked and no defaults are filled in, as jsonschema does; exceptions are terse (the
    messages users read come from jsonschema). fastjsonschema's terse mode cannot word a ``const``, so
    each is given as the one-value ``enum`` it equals.
    """
    import re

    import fastjsonschema

    code = fastjsonschema.compile_to_code(
        _const_as_enum(schema), use_default=False, use_formats=False, detailed_exceptions=False
    )
    first = re.search(r"^def (\w+)\(", code, re.MULTILINE)
    if first is None:
        raise ValueError("fastjsonschema wrote no validation function")
    return (
        "# Generated by tools/generated.py from schemas/speech.schema.json with fastjsonschema; do not edit.\n"
        "# mypy: ignore-errors\n"
        "# ruff: noqa\n"
        f"SCHEMA = {canonical_json(schema)!r}\n"
        f"{code}\n"
        f"validate = {first[1]}\n"
    )


def _const_as_enum(value: Any) -> Any:
    """Return a copy of a schema with every ``const`` written as a one-value ``enum``."""
    if isinstance(value, dict):
        return {
            ("enum" if k == "const" else k): ([_const_as_enum(v)] if k == "const" else _const_as_enum(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_const_as_enum(v) for v in value]
    return value

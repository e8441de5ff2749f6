"""Generate the JSON Schema of facts files from the registry."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

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


def build_schema(registry: Registry) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) for facts files of every registered type and kind."""
    types = sorted(registry.sections)
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
        "type": {"enum": types, "description": "Section type: " + ", ".join(types)},
        "title": {**_TEXT, "description": "Heading; defaults to the type's title."},
        "numbered": {"type": "boolean", "description": "false: no number; without title, continue."},
        "lead": {"$ref": "#/$defs/blocks", "description": "Paragraphs before the items."},
        "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
        "closing": {"$ref": "#/$defs/blocks", "description": "Paragraphs after the items."},
        "style": {"$ref": "#/$defs/style"},
        "layout": {"$ref": "#/$defs/layout"},
    }
    branches = []
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
                "if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                "then": {"$ref": f"#/$defs/section.{name}"},
            }
        )
    defs["section"] = {
        "type": "object",
        "properties": {"type": common["type"]},
        "required": ["type"],
        "allOf": branches,
    }
    kinds = sorted(registry.kinds)
    schemes = sorted(SCHEMES)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "speechkit facts",
        "description": "Facts from which speechkit builds a speech, critique outline, report or notice.",
        "type": "object",
        "properties": {
            "kind": {"enum": kinds, "description": "Document kind: " + ", ".join(kinds)},
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


def make_validator(schema: Mapping[str, Any]) -> Any:
    """Return jsonschema's validator of the draft the schema declares (the schema itself is checked by the tests)."""
    import jsonschema

    return jsonschema.validators.validator_for(schema)(schema)

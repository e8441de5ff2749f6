"""Generate the JSON Schema of facts files from the registry."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Literal

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

META_PROPERTIES: dict[str, Any] = {
    "title": {"type": "string", "minLength": 1, "description": "标题 — the document title."},
    "subtitle": {**_TEXT, "description": "副标题 — e.g. ——在…会议上的讲话."},
    "speaker": {**_TEXT, "description": "讲话人 / 署名 under the title."},
    "occasion": {**_TEXT, "description": "场合 — the meeting at which it is read."},
    "date": {**_TEXT, "description": "日期: 2018-10-07 (written 2018年10月7日) or text."},
    "doc_number": {**_TEXT, "description": "发文字号, e.g. 党办发〔2018〕12号."},
    "issuer": {
        "anyOf": [{"type": "string"}, {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}],
        "description": "发文机关标志 above a notice; a list of joint issuers is stacked.",
    },
    "issuer_suffix": {**_TEXT, "description": "文件 after the issuer (beside joint issuers) in the 标志."},
    "copy_number": {"type": "string", "minLength": 6, "maxLength": 6, "description": "份号: six digits, top left."},
    "secrecy": {**_TEXT, "description": "密级和保密期限, e.g. 机密★1年 (second line, top left)."},
    "urgency": {**_TEXT, "description": "紧急程度: 特急 or 加急 (below the 密级)."},
    "signers": {
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string", "minLength": 1}}],
        "description": "签发人 of an upward document (上行文), on the 发文字号 line.",
    },
    "seal": {"type": "boolean", "description": "Sealed: date 4 characters in, signature centred over it."},
    "note": {**_TEXT, "description": "附注, in brackets on the line after the date."},
    "cc": {**_TEXT, "description": "版记 抄送机关, e.g. 党委组织部，党委宣传部."},
    "printer": {**_TEXT, "description": "版记 印发机关, e.g. 高级中学党委办公室."},
    "print_date": {**_TEXT, "description": "版记 印发日期: 2018-10-07 or text."},
    "addressee": {**_TEXT, "description": "主送机关, e.g. 各党支部：."},
    "signature": {**_TEXT, "description": "署名 at the end of a notice."},
    "attachments": {
        "type": "array",
        "items": {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "title": {"type": "string", "minLength": 1},
                        "text": {"$ref": "#/$defs/texts", "description": "Printed on pages of its own."},
                    },
                    "required": ["title"],
                    "additionalProperties": False,
                },
            ]
        },
        "description": "附件: names, or {title, text} printed as attachment pages after the body.",
    },
    "toc": {"type": "boolean", "description": "Print an outline (提纲) of the headings first."},
    "toc_field": {"type": "boolean", "description": "With toc: a real TOC field Word updates (F9)."},
}


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


def make_validator(schema: Mapping[str, Any]) -> Any:
    """Return jsonschema's validator of the draft the schema declares (the schema itself is checked by the tests)."""
    import jsonschema

    return jsonschema.validators.validator_for(schema)(schema)

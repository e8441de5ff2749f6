"""Meta fields are declared once (speechkit.model.meta_fields): the build, dump, import, schema and check agree."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit import Meta, build, dump, loads
from speechkit.model.meta_fields import DERIVED_META, META_FIELDS
from speechkit.model.speech import model_texts

#: A value a facts file may give each declared field.
_VALUES: dict[str, Any] = {
    "issuer": "示例县教育局",
    "doc_number": "示教发〔2024〕3号",
    "subtitle": "——在全县教育工作会议上",
    "speaker": "张明",
    "occasion": "全县教育工作会议",
    "date": "2024-03-05",
    "addressee": "各乡镇中心学校：",
    "toc": True,
    "toc_field": True,
    "signature": "示例县教育局办公室",
    "seal": True,
    "attachments": ["名单", {"title": "学习安排", "text": ["第一周学习党章。", "第二周交流心得。"]}],
    "signers": ["李华"],
    "issuer_suffix": "文件",
    "copy_number": "000012",
    "secrecy": "秘密",
    "urgency": "特急",
    "note": "联系人：王芳",
    "cc": "县委办公室",
    "printer": "示例县教育局综合科",
    "print_date": "2024-03-06",
}


def test_every_meta_field_is_declared_once_and_the_schema_has_each() -> None:
    declared = [field.name for field in META_FIELDS]
    assert len(declared) == len(set(declared))
    model = [f.name for f in dataclasses.fields(Meta)]
    assert sorted(declared + list(DERIVED_META)) == sorted(model)
    assert set(declared) - {"title"} == set(_VALUES)
    schema = json.loads((Path(__file__).parents[1] / "schemas" / "speech.schema.json").read_text(encoding="utf-8"))
    assert [name for name in schema["properties"] if name in declared] == declared


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(sorted(_VALUES))))
def test_dump_writes_back_every_field_the_build_read(given_fields: set[str]) -> None:
    """Facts with any of the fields → Speech → dump → Speech: the same Meta (seal, toc_field, attachment pages)."""
    facts: dict[str, Any] = {"kind": "notice", "title": "关于开展学习的通知", "sections": []}
    facts.update({name: _VALUES[name] for name in sorted(given_fields)})
    speech = build(facts)
    again = loads(dump(speech))
    assert again.meta == speech.meta
    paths = [path for path, _text in model_texts(speech)]
    assert len(paths) == len(set(paths))  # each text once: the attachments' pages too (SK201 was reported twice)

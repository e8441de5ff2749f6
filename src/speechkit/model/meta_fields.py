"""The fields of a document's front and back matter, declared once: the facts, the schema, the page and
``import`` derive from this table (the builder, ``dump``, the readers, ``check`` and the JSON Schema).

The table is in the order a facts file writes the fields (``import`` keeps it): the ``head`` ones before the
body, the ``foot`` ones after it. ``page`` says where a text of its own stands when the document is read
(``marks`` above the 版头, ``head`` above the body, ``foot`` below it; empty: no text of its own), in the
table's order within each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from ..i18n import N_

#: How a field is held: one line of text, a date (written 2018年10月7日), a line or a list of lines (the
#: Meta holds a tuple), the issuer (a line or a list in the facts, one line joined by 、 in the Meta), a
#: flag, the attachments (names, or ``{title, text}``).
FieldValue = Literal["line", "date", "lines", "issuer", "flag", "attachments"]


class MetaField(NamedTuple):
    """One field of the front or back matter: how the facts hold it, where it goes, how findings name it."""

    name: str
    value: FieldValue
    facts: Literal["head", "foot"]
    page: Literal["marks", "head", "foot", ""]
    #: The field's JSON Schema (its ``description`` included).
    schema: Mapping[str, Any]
    #: How a finding that misses it names it (SK401), marked for translation; empty: by its name.
    label: str = ""


_TEXT = {"type": "string"}

META_FIELDS: tuple[MetaField, ...] = (
    MetaField(
        "issuer",
        "issuer",
        "head",
        "head",
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            ],
            "description": "发文机关标志 above a notice; a list of joint issuers is stacked.",
        },
        N_("an issuer (发文机关标志)"),
    ),
    MetaField(
        "doc_number",
        "line",
        "head",
        "head",
        {**_TEXT, "description": "发文字号, e.g. 党办发〔2018〕12号."},
        N_("a document number (发文字号, e.g. '党办发〔2018〕12号')"),
    ),
    MetaField(
        "title", "line", "head", "head", {"type": "string", "minLength": 1, "description": "标题 — the document title."}
    ),
    MetaField(
        "subtitle",
        "line",
        "head",
        "head",
        {**_TEXT, "description": "副标题 — e.g. ——在…会议上的讲话."},
        N_("a subtitle"),
    ),
    MetaField(
        "speaker",
        "line",
        "head",
        "head",
        {**_TEXT, "description": "讲话人 / 署名 under the title."},
        N_("a speaker or signature (署名) under the title"),
    ),
    MetaField(
        "occasion",
        "line",
        "head",
        "head",
        {**_TEXT, "description": "场合 — the meeting at which it is read."},
        N_("an occasion"),
    ),
    MetaField(
        "date",
        "date",
        "head",
        "head",
        {**_TEXT, "description": "日期: 2018-10-07 (written 2018年10月7日) or text."},
        N_("a date line (成文日期, e.g. '2018年10月7日')"),
    ),
    MetaField(
        "addressee",
        "line",
        "head",
        "head",
        {**_TEXT, "description": "主送机关, e.g. 各党支部：."},
        N_("an addressee line (主送机关, e.g. '各党支部：') after the title"),
    ),
    MetaField(
        "toc", "flag", "head", "", {"type": "boolean", "description": "Print an outline (提纲) of the headings first."}
    ),
    MetaField(
        "toc_field",
        "flag",
        "head",
        "",
        {"type": "boolean", "description": "With toc: a real TOC field Word updates (F9)."},
    ),
    MetaField(
        "signature",
        "line",
        "foot",
        "foot",
        {**_TEXT, "description": "署名 at the end of a notice."},
        N_("a signature (署名) above the date"),
    ),
    MetaField(
        "seal",
        "flag",
        "foot",
        "",
        {"type": "boolean", "description": "Sealed: date 4 characters in, signature centred over it."},
    ),
    MetaField(
        "attachments",
        "attachments",
        "foot",
        "",
        {
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
    ),
    MetaField(
        "signers",
        "lines",
        "foot",
        "",
        {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string", "minLength": 1}}],
            "description": "签发人 of an upward document (上行文), on the 发文字号 line.",
        },
        N_("a 签发人 (signers), which an upward document names (条例 第九条)"),
    ),
    MetaField(
        "issuer_suffix",
        "line",
        "foot",
        "",
        {**_TEXT, "description": "文件 after the issuer (beside joint issuers) in the 标志."},
    ),
    MetaField(
        "copy_number",
        "line",
        "foot",
        "marks",
        {"type": "string", "minLength": 6, "maxLength": 6, "description": "份号: six digits, top left."},
    ),
    MetaField(
        "secrecy",
        "line",
        "foot",
        "marks",
        {**_TEXT, "description": "密级和保密期限, e.g. 机密★1年 (second line, top left)."},
    ),
    MetaField("urgency", "line", "foot", "marks", {**_TEXT, "description": "紧急程度: 特急 or 加急 (below the 密级)."}),
    MetaField(
        "note", "line", "foot", "foot", {**_TEXT, "description": "附注, in brackets on the line after the date."}
    ),
    MetaField("cc", "line", "foot", "foot", {**_TEXT, "description": "版记 抄送机关, e.g. 党委组织部，党委宣传部."}),
    MetaField("printer", "line", "foot", "foot", {**_TEXT, "description": "版记 印发机关, e.g. 高级中学党委办公室."}),
    MetaField("print_date", "date", "foot", "foot", {**_TEXT, "description": "版记 印发日期: 2018-10-07 or text."}),
)

#: The fields by name.
META_FIELD: Mapping[str, MetaField] = {field.name: field for field in META_FIELDS}
#: Fields of the Meta that no facts file writes: the kind and form (from ``kind``), the joint issuers (from
#: ``issuer``), the attachments' texts (from ``attachments``), the script the texts are in.
DERIVED_META = ("kind", "form", "issuers", "attachment_texts", "script")


def page_fields(place: Literal["marks", "head", "foot"]) -> tuple[str, ...]:
    """Return the names of the fields the page prints at ``place``, in reading order."""
    return tuple(field.name for field in META_FIELDS if field.page == place)


def facts_fields(place: Literal["head", "foot"]) -> tuple[MetaField, ...]:
    """Return the fields a facts file writes before (``head``) or after (``foot``) the body, in its order."""
    return tuple(field for field in META_FIELDS if field.facts == place)

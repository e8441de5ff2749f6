"""Write a Speech back as facts YAML: labels left out (they are computed), counts as expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from ..facts.expressions import has_expression
from ..facts.schema import schema_uri
from ..i18n import _
from ..model.meta_fields import facts_fields
from ..model.numbering import SCHEMES, count_cn
from ..model.speech import Block, Item, Section, Speech, Table
from ..registry import DocumentKind, Registry

#: A counting phrase: 从三个方面, 表现在六个方面, 讲三点意见.
COUNT_PHRASE = re.compile(r"([两一二三四五六七八九十]{1,3})(个方面|点意见|点要求|个问题)")


@dataclass
class Dumped:
    """Facts as plain data, and what the dump reports (counting phrases that disagree)."""

    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def dump(speech: Speech, *, schema: str | None = None, registry: Registry) -> str:
    """Return facts YAML that validates and rebuilds to the same document (``schema``: the installed one's URI)."""
    return dump_text(to_facts(speech, registry=registry).data, schema)


def dump_text(data: dict[str, Any], schema: str | None = None) -> str:
    """Write facts data as YAML headed by the ``yaml-language-server`` schema line (default: the installed schema)."""
    schema = schema or schema_uri()
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False)
    return f"# yaml-language-server: $schema={schema}\n{body}"


class _Dumper(yaml.SafeDumper):
    """Indent lists under their key, as the examples are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def to_facts(speech: Speech, *, registry: Registry) -> Dumped:
    """Return the facts of a Speech as plain data, with notes on counting phrases left as text."""
    return _Writer(speech, registry.kinds[speech.meta.kind], registry).facts()


@dataclass
class DumpContext:
    """What a section type's dump hook gets: the section, its facts so far, and the writer's text helpers."""

    section: Section
    #: The facts written so far: ``type``, and ``title`` and ``numbered`` where they differ from the defaults.
    data: dict[str, Any]
    #: Where the section is, for notes: ``sections[2]``.
    where: str
    writer: _Writer

    def text(self, value: str) -> str:
        """Return a text as facts hold it (literal braces protected)."""
        return self.writer.text(value)

    def blocks(self, blocks: tuple[Block, ...], where: str) -> list[Any]:
        """Return a lead or closing as facts hold it (paragraphs and tables)."""
        return self.writer.blocks(blocks, "", 0, where)


class _Writer:
    def __init__(self, speech: Speech, kind: DocumentKind, registry: Registry) -> None:
        self.speech = speech
        self.kind = kind
        self.registry = registry
        self.notes: list[str] = []

    def facts(self) -> Dumped:
        speech, meta, kind = self.speech, self.speech.meta, self.kind
        data: dict[str, Any] = {"kind": meta.kind}
        self.meta(data, "head")
        numbering = self.numbering()
        if numbering is not None:
            data["numbering"] = numbering
        if speech.salutation != kind.salutation:
            data["salutation"] = self.text(speech.salutation)
        numbered = sum(1 for s in speech.sections if s.has_number)
        if speech.opening:
            first = speech.sections[0] if speech.sections else None
            if not numbered and first is not None and not first.title and first.items:
                # the points read after the phrase (再强调四点意见：一要…) are the untitled first section's items:
                # the phrase counts them, and stays text (no expression names them)
                data["opening"] = self.blocks(speech.opening, "items", len(first.items), "opening", literal=True)
            else:
                data["opening"] = self.blocks(speech.opening, "sections", numbered, "opening")
        data["sections"] = [self.section(s, i) for i, s in enumerate(speech.sections)]
        if tuple(speech.closing) != kind.closing:
            data["closing"] = self.blocks(speech.closing, "", 0, "closing")
        self.meta(data, "foot")
        return Dumped(data, self.notes)

    def meta(self, data: dict[str, Any], place: Literal["head", "foot"]) -> None:
        """Write the front (``head``) or back (``foot``) matter fields that are set, in the facts' order."""
        for meta_field in facts_fields(place):
            name, value = meta_field.name, getattr(self.speech.meta, meta_field.name)
            if not value:
                continue
            if meta_field.value == "flag":
                data[name] = True
            elif meta_field.value == "attachments":  # a name, or its title and the text of its pages
                pages = self.speech.meta.attachment_texts
                data[name] = [
                    {"title": self.text(title), "text": [self.text(t) for t in pages[i]]}
                    if i < len(pages) and pages[i]
                    else self.text(title)
                    for i, title in enumerate(value)
                ]
            elif isinstance(value, tuple):  # signers, attachments (their names)
                data[name] = [self.text(part) for part in value]
            else:
                data[name] = self.text(value)

    def numbering(self) -> Any:
        scheme = self.speech.scheme
        default = SCHEMES.get(self.kind.numbering)
        if default is not None and scheme.levels == default.levels:
            return None
        for name, named in SCHEMES.items():
            if named.levels == scheme.levels:
                return name
        return {"levels": list(scheme.levels)}

    def text(self, value: str, counted: str = "", count: int = 0, where: str = "", *, literal: bool = False) -> str:
        """Return a text as facts hold it: literal braces protected, a matching count as an expression.

        With ``literal``, a matching count stays text too; only one that disagrees is reported.
        """
        if has_expression(value):
            return "{% raw %}" + value + "{% endraw %}"
        if not counted:
            return value

        def replace(match: re.Match[str]) -> str:
            if match.group(1) == count_cn(count):
                return match.group(0) if literal else "{{ " + counted + " | count_cn }}" + match.group(2)
            self.notes.append(
                _("{where}: {group} but {count} {counted}; kept as text").format(
                    where=where, group=match.group(0), count=count, counted=counted
                )
            )
            return match.group(0)

        from ..model.script import to_simplified

        simple = to_simplified(value)
        out, kept = [], 0
        for match in COUNT_PHRASE.finditer(simple):
            original = value[match.start() : match.end()]
            out.append(value[kept : match.start()])
            out.append(replace(match)[: -len(match.group(2))] + original[len(match.group(1)) :])
            kept = match.end()
        out.append(value[kept:])
        return "".join(out)

    def blocks(
        self, blocks: tuple[Block, ...], counted: str, count: int, where: str, *, literal: bool = False
    ) -> list[Any]:
        out: list[Any] = []
        for block in blocks:
            if isinstance(block, Table):
                table: dict[str, Any] = {
                    "columns": [self.text(c) for c in block.columns],
                    "rows": [[self.text(c) for c in row] for row in block.rows],
                }
                if block.caption:
                    table = {"caption": self.text(block.caption), **table}
                out.append({"table": table})
            else:
                out.append(self.text(block, counted, count, where, literal=literal))
        return out

    def section(self, section: Section, index: int) -> dict[str, Any]:
        where = f"sections[{index}]"
        section_type = self.registry.sections[section.type]
        data: dict[str, Any] = {"type": section.type}
        default_title = self.kind.titles.get(section.type, section_type.title)
        if section.title != default_title or "title" in section_type.required:
            data["title"] = self.text(section.title)
        if not section.numbered:
            data["numbered"] = False
        if section_type.dump is not None:
            return section_type.dump(DumpContext(section, data, where, self))
        default = self.kind.enumerations.get(section.type, section_type.enumeration)
        if section.items and section.enumeration.style != default.style:
            data["style"] = section.enumeration.style
        if section.items and section.enumeration.layout != default.layout:
            data["layout"] = section.enumeration.layout
        if section.lead:
            data["lead"] = self.blocks(section.lead, "items", len(section.items), f"{where}.lead")
        if section.items:
            data["items"] = [self.item(item, f"{where}.items[{i}]") for i, item in enumerate(section.items)]
        if section.closing:
            data["closing"] = self.blocks(section.closing, "items", len(section.items), f"{where}.closing")
        return data

    def item(self, item: Item, where: str) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if item.title:
            data["title"] = self.text(item.title, "items", len(item.items), f"{where}.title")
        texts = [self.text(p, "items", len(item.items), f"{where}.text") for p in item.paragraphs]
        if len(texts) == 1:
            data["text"] = texts[0]
        elif texts:
            data["text"] = texts
        if item.items:
            if item.enumeration.style != "heading":
                data["style"] = item.enumeration.style
            if item.enumeration.layout != "paragraphs":
                data["layout"] = item.enumeration.layout
            data["items"] = [self.item(child, f"{where}.items[{i}]") for i, child in enumerate(item.items)]
        if not data:
            data["text"] = ""
        return data

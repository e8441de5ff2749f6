"""Build a Speech from validated facts, dispatching each section to its registered type."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from ..facts.expressions import Expressions
from ..facts.reading import DataPath, Facts, validate
from ..facts.schema import build_schema, make_validator
from ..facts.stat_groups import statistics_context
from ..i18n import _
from ..model.errors import FactsError, Location
from ..model.meta_fields import META_FIELDS, MetaField
from ..model.numbering import SCHEMES, parse_label
from ..model.source_positions import TextPositions
from ..model.speech import Block, Enumeration, HeadingScheme, Item, Meta, ModelPath, Section, SourcePos, Speech
from ..model.text import clean_line, control_character, split_paragraphs
from ..registry import DocumentKind, Registry, SectionType


def schema_for(registry: Registry) -> dict[str, Any]:
    """Return the registry's JSON Schema, computed once until the registry changes."""
    schema: dict[str, Any] = registry.derived("schema", lambda: build_schema(registry))
    return schema


def build(data: Mapping[str, Any] | Facts, *, registry: Registry) -> Speech:
    """Validate facts (a mapping, or :class:`Facts` read from a file) and build the Speech."""
    facts = data if isinstance(data, Facts) else Facts(_plain(data), "<data>")
    if not isinstance(facts.data, Mapping):
        raise FactsError(_("facts must be a mapping of fields"), facts.locate(()))
    validator = registry.derived("validator", lambda: make_validator(schema_for(registry)))
    resolve_aliases(facts.data, registry)
    validate(facts, validator, registry.listed("sections"), registry.listed("kinds"), suggest=_suggest(registry))
    return Builder(registry, facts).speech()


def resolve_aliases(data: Any, registry: Registry) -> None:
    """Put the registered name for each kind and section type given by its Chinese name (``type: 主要成效``)."""
    if not isinstance(data, dict):
        return
    kind = data.get("kind")
    if isinstance(kind, str) and kind not in registry.kinds:
        data["kind"] = registry.resolve("kinds", kind) or kind
    sections = data.get("sections")
    for section in sections if isinstance(sections, list) else ():
        kind_of = section.get("type") if isinstance(section, dict) else None
        if isinstance(kind_of, str) and kind_of not in registry.sections:
            section["type"] = registry.resolve("sections", kind_of) or kind_of


def _suggest(registry: Registry) -> Callable[[str, str], list[str]]:
    """Return the suggester of names for an unknown kind or type: the registered ones its Chinese name fits."""

    def suggest(table: str, value: str) -> list[str]:
        which: Literal["sections", "kinds"] = "sections" if table == "sections" else "kinds"
        found = registry.alias_candidates(which, value)
        if not found:
            import difflib

            records: Mapping[str, Any] = registry.sections if which == "sections" else registry.kinds
            chinese = {n: name for name, record in records.items() for n in registry.display_names(record)}
            close = difflib.get_close_matches(value.strip(), list(chinese), n=2, cutoff=0.6)
            found = list(dict.fromkeys(chinese[n] for n in close))
        return [registry.shown(which, name) for name in found]

    return suggest


def _plain(value: Any) -> Any:
    """Return data as a facts file gives it: dates as ISO text, tuples as lists."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


class Builder:
    """Holds what one build needs: registry, facts, kind and the expression evaluator."""

    def __init__(self, registry: Registry, facts: Facts) -> None:
        self.registry = registry
        self.facts = facts
        self.data: Mapping[str, Any] = facts.data
        self.kind: DocumentKind = registry.kinds[self.data.get("kind", "speech")]
        # One evaluator per registry: its compiled templates serve every build of the process.
        self.expressions: Expressions = registry.derived("expressions", lambda: Expressions(registry.filters))
        values = self.data.get("facts", {})
        self.heading_scheme = self.scheme()
        self.context: dict[str, Any] = {**values, "facts": values, "kind": self.kind.name}
        self.context.update(statistics_context(self))
        #: Where each evaluated text came from (this build's own state).
        self.positions = TextPositions(facts.file)
        self._script: str | None = None
        #: What section types compute once per build (derivations and the like), by key.
        self._state: dict[str, Any] = {}

    def state(self, key: str, compute: Callable[[], Any]) -> Any:
        """Return this build's value under ``key``, computing it on first use (per build, never global)."""
        if key not in self._state:
            self._state[key] = compute()
        return self._state[key]

    @property
    def script(self) -> str:
        """Return the script the facts are written in (``hans``, ``hant`` or ``""``), judged once."""
        if self._script is None:
            from ..model.script import detect_script

            self._script = detect_script(_sample_texts(self.data))
        return self._script

    def word(self, text: str) -> str:
        """Return a word the build adds itself (合计, 类别) in the script of the facts."""
        if self.script in ("", "hans"):
            return text
        from ..model.script import convert

        return convert(text, self.script)

    def speech(self) -> Speech:
        """Build the whole document: sections first, so front matter can count them."""
        sections = tuple(self.section(index, raw) for index, raw in enumerate(self.data["sections"]))
        numbered = tuple(s for s in sections if s.has_number)
        context = {**self.context, "sections": numbered, "items": numbered}
        get = self.data.get
        salutation = get("salutation", self.word(self.kind.salutation))
        closing = get("closing", [self.word(text) for text in self.kind.closing])
        values = {field.name: self.meta_value(field, context) for field in META_FIELDS}
        issuers = values["issuer"]
        meta = Meta(
            kind=self.kind.name,
            form=self.kind.form,
            **{**values, "issuer": "、".join(issuers)},
            issuers=issuers if len(issuers) > 1 else (),
            attachment_texts=self.attachment_texts(context),
            script=self.script,
        )
        speech = Speech(
            meta=meta,
            sections=sections,
            salutation=self.line(salutation, ("salutation",), context),
            opening=self.blocks(get("opening", []), ("opening",), context, None),
            closing=self.blocks(closing, ("closing",), context, None),
            scheme=self.heading_scheme,
        )
        return dataclasses.replace(speech, source=self.positions.place(speech, self.seeds(len(sections))))

    def meta_value(self, field: MetaField, context: Mapping[str, Any]) -> Any:
        """Return a front or back matter field as the Meta holds it, evaluated from the facts."""
        name, raw = field.name, self.data.get(field.name)
        if field.value == "flag":
            return bool(raw)
        if field.value in ("lines", "issuer"):
            return self.lines(raw or [], (name,), context)
        if field.value == "attachments":
            return tuple(
                self.line(a["title"] if isinstance(a, Mapping) else a, (name, i), context)
                for i, a in enumerate(raw or [])
            )
        text = self.line(raw if raw is not None else "", (name,), context)
        if field.value == "date":
            return format_date(text)
        if name == "copy_number" and text and not (len(text) == 6 and text.isascii() and text.isdigit()):
            raise FactsError(
                _("a 份号 is six digits such as 000012, not {value!r}").format(value=text), self.locate((name,))
            )
        return text

    def seeds(self, sections: int) -> dict[ModelPath, SourcePos]:
        """Return fallback positions by model path: each meta field, part and section where it is written."""
        seeds: dict[ModelPath, SourcePos] = {}
        fields: list[tuple[DataPath, ModelPath]] = [((name,), ("meta", name)) for name in Meta.__dataclass_fields__]
        fields += [(("salutation",), ("salutation",)), (("opening",), ("opening",)), (("closing",), ("closing",))]
        fields += [(("sections", i), ("sections", i)) for i in range(sections)]
        for data_path, model_path in fields:
            found = self.facts.positions.get(data_path)
            if found is not None:
                seeds[model_path] = SourcePos(self.facts.file, *found)
        return seeds

    def note(self, text: str, path: DataPath) -> None:
        """Remember where an evaluated text came from, for the positions of the built Speech."""
        positions = self.facts.positions
        probe = path
        while probe not in positions and probe:
            probe = probe[:-1]
        found = positions.get(probe)
        if found is not None:
            self.positions.note(text, *found)

    def section(self, index: int, raw: Mapping[str, Any]) -> Section:
        section_type = self.registry.sections[raw["type"]]
        ctx = SectionContext(self, (("sections", index)), raw, section_type)
        builder = section_type.build or generic_section
        section = builder(ctx)
        if not isinstance(section, Section):
            raise FactsError(
                _("section type {name!r} built {name2}, not a Section").format(
                    name=section_type.name, name2=type(section).__name__
                ),
                ctx.locate(),
            )
        return section

    def scheme(self) -> HeadingScheme:
        value = self.data.get("numbering", self.kind.numbering)
        if isinstance(value, str):
            return SCHEMES[value]
        levels = tuple(value["levels"])
        for index, fmt in enumerate(levels):
            if not any(token in fmt for token in ("{cn}", "{n}", "{circled}")):
                raise FactsError(
                    _("a level format needs {cn}, {n} or {circled}"), self.facts.locate(("numbering", "levels", index))
                )
        return HeadingScheme(levels, "custom")

    # -- texts -------------------------------------------------------------------------------

    def evaluate(self, value: Any, path: DataPath, context: Mapping[str, Any]) -> str:
        """Evaluate one text field and refuse control characters in the result."""
        text = value if isinstance(value, str) else str(value)
        text = self.expressions.render(text, context, lambda: self.facts.locate(path))
        bad = control_character(text)
        if bad is not None:
            raise FactsError(_("control character U+{code:04X} in text").format(code=ord(bad)), self.facts.locate(path))
        return text

    def line(self, value: Any, path: DataPath, context: Mapping[str, Any]) -> str:
        """Evaluate a one-line field such as a title."""
        if value is None or value == "":
            return ""
        text = clean_line(self.evaluate(value, path, context))
        self.note(text, path)
        return text

    def lines(self, value: Any, path: DataPath, context: Mapping[str, Any]) -> tuple[str, ...]:
        """Evaluate a field that holds one line or a list of lines (empty ones dropped)."""
        values = [(value, path)] if isinstance(value, str) else [(v, (*path, i)) for i, v in enumerate(value)]
        return tuple(line for line in (self.line(v, where, context) for v, where in values) if line)

    def attachment_texts(self, context: Mapping[str, Any]) -> tuple[tuple[str, ...], ...]:
        """Return the text of each attachment given as ``{title, text}`` (empty for a bare name)."""
        raw = self.data.get("attachments", [])
        texts = tuple(
            self.paragraphs(a.get("text"), ("attachments", i, "text"), context) if isinstance(a, Mapping) else ()
            for i, a in enumerate(raw)
        )
        return texts if any(texts) else ()

    def paragraphs(self, value: Any, path: DataPath, context: Mapping[str, Any]) -> tuple[str, ...]:
        """Evaluate a text field that may be one string or a list, into paragraphs."""
        if value is None:
            return ()
        values = [(value, path)] if isinstance(value, str) else [(v, (*path, i)) for i, v in enumerate(value)]
        out: list[str] = []
        for text, where in values:
            for paragraph in split_paragraphs(self.evaluate(text, where, context)):
                self.note(paragraph, where)
                out.append(paragraph)
        return tuple(out)

    def blocks(
        self, value: Any, path: DataPath, context: Mapping[str, Any], section: SectionContext | None
    ) -> tuple[Block, ...]:
        """Evaluate a list of paragraphs and blocks (``{table: …}`` and registered block types)."""
        if value is None:
            return ()
        if isinstance(value, str):
            return self.paragraphs(value, path, context)
        out: list[Block] = []
        for index, entry in enumerate(value):
            where = (*path, index)
            if isinstance(entry, str):
                out.extend(self.paragraphs(entry, where, context))
                continue
            ((name, body),) = entry.items()
            block = self.registry.blocks[name]
            ctx = section or SectionContext(self, path[:-1] or path, {}, None)
            out.extend(block.build(body, ctx.at(where)))
        return tuple(out)

    def locate(self, path: DataPath) -> Location:
        """Return the source location of a data path."""
        return self.facts.locate(path)


class SectionContext:
    """What a section type's build function gets: its data, helpers to build texts and items."""

    def __init__(
        self, builder: Builder, path: DataPath, data: Mapping[str, Any], section_type: SectionType | None
    ) -> None:
        self.builder = builder
        self.path = path
        self.data = data
        self.type = section_type
        self.kind = builder.kind
        self.here: DataPath = path

    def at(self, path: DataPath) -> SectionContext:
        """Return a copy of this context that reports errors at ``path``."""
        ctx = SectionContext(self.builder, self.path, self.data, self.type)
        ctx.here = path
        return ctx

    @property
    def facts(self) -> Mapping[str, Any]:
        """Return the ``facts:`` mapping of the document."""
        facts: Mapping[str, Any] = self.builder.data.get("facts", {})
        return facts

    def locate(self, *sub: str | int) -> Location:
        """Return the location of a field of this section (or of the current block)."""
        return self.builder.locate((*self.here, *sub))

    def error(self, message: str, *sub: str | int) -> FactsError:
        """Return a FactsError located at a field of this section."""
        return FactsError(message, self.locate(*sub))

    def context(self, items: Sequence[Any] = ()) -> dict[str, Any]:
        """Return the expression context; ``items`` are what the text introduces."""
        return {**self.builder.context, "section": self.data, "items": tuple(items)}

    def text(self, value: Any, *sub: str | int, items: Sequence[Any] = ()) -> str:
        """Evaluate a one-line text field of this section."""
        return self.builder.line(value, (*self.here, *sub), self.context(items))

    def paragraphs(self, value: Any, *sub: str | int, items: Sequence[Any] = ()) -> tuple[str, ...]:
        """Evaluate a text field that holds one or more paragraphs."""
        return self.builder.paragraphs(value, (*self.here, *sub), self.context(items))

    def blocks(self, key: str, items: Sequence[Any] = ()) -> tuple[Block, ...]:
        """Evaluate a list of paragraphs and blocks stored under ``key``."""
        return self.builder.blocks(self.data.get(key), (*self.path, key), self.context(items), self)

    def title(self) -> str:
        """Return the section's title: given, the kind's title for this type, or the type's default."""
        assert self.type is not None
        if "title" in self.data:
            title = self.text(self.data["title"], "title")
            if self.data.get("numbered", True):
                self.refuse_label(title, "title")
            return title
        return self.builder.word(self.kind.titles.get(self.type.name, self.type.title))

    def refuse_label(self, title: str, *sub: str | int) -> None:
        """Refuse a title that carries the label the layout computes for it (一是…, （三）…, 1.…)."""
        label = computed_label_in(title)
        if label:
            raise self.error(
                _(
                    "the title starts with its own label {label!r}; labels are computed, write the title without it"
                ).format(label=label),
                *sub,
            )

    def enumeration(self) -> Enumeration:
        """Return the enumeration: given style/layout, the kind's preset, or the type's default."""
        assert self.type is not None
        default = self.kind.enumerations.get(self.type.name, self.type.enumeration)
        return Enumeration(self.data.get("style", default.style), self.data.get("layout", default.layout))

    def items(self, key: str = "items", enumeration: Enumeration | None = None) -> tuple[Item, ...]:
        """Build the generic items under ``key`` (title, text, nested items)."""
        raw = self.data.get(key, [])
        enumeration = enumeration or self.enumeration()
        depth = 2 if enumeration.style == "heading" else 1
        self.check_count(enumeration, len(raw), key)
        return tuple(self.item(entry, (*self.path, key, i), depth, parent=enumeration) for i, entry in enumerate(raw))

    def item(self, raw: Mapping[str, Any], path: DataPath, depth: int, parent: Enumeration | None = None) -> Item:
        """Build one generic item and its children; ``depth`` is the heading depth used so far.

        ``parent`` is the enumeration of the list the item is in: a title carries no label of its own
        when the list computes one, and the children of an item run on inside a paragraph need a
        run-in style when the list does (a heading inside a run-in sentence is no heading).
        """
        enumeration = Enumeration(raw.get("style", "heading"), raw.get("layout", "paragraphs"))
        children_raw = raw.get("items", [])
        inline_parent = parent is not None and parent.layout == "inline"
        if children_raw and enumeration.style == "heading" and (inline_parent or enumeration.layout == "inline"):
            where = _("run on inside its paragraph") if inline_parent else _("laid out inline")
            raise FactsError(
                _(
                    "heading-style items cannot sit inside a list {where}; give them a run-in style (style: "
                    "yishi, yiyao, diyi, shouxian or none)"
                ).format(where=where),
                self.builder.locate((*path, "items")),
            )
        child_depth = depth + 1 if enumeration.style == "heading" else depth
        levels = len(self.builder.heading_scheme.levels) if children_raw and enumeration.style == "heading" else 99
        if child_depth > levels:
            raise FactsError(
                _("items nest deeper than the {levels} heading levels of the numbering scheme").format(levels=levels),
                self.builder.locate((*path, "items")),
            )
        sub = self.at(path)
        sub.check_count(enumeration, len(children_raw), "items")
        children = tuple(
            sub.item(child, (*path, "items", i), child_depth, parent=_children_list(enumeration, inline_parent))
            for i, child in enumerate(children_raw)
        )
        title = sub.text(raw.get("title", ""), "title", items=children)
        if parent is None or parent.style != "none":
            sub.refuse_label(title, "title")
        return Item(
            title=title,
            paragraphs=sub.paragraphs(raw.get("text"), "text", items=children),
            items=children,
            enumeration=enumeration,
        )

    def check_count(self, enumeration: Enumeration, count: int, key: str) -> None:
        """Refuse lists the enumeration cannot number (首先/其次/再次/最后 takes two to four)."""
        if enumeration.style == "shouxian" and count > 4:
            raise self.error(
                _("style 'shouxian' (首先/其次/再次/最后) numbers 2 to 4 items, not {count}").format(count=count), key
            )

    def section(self, **fields: Any) -> Section:
        """Return the generic Section for this data, with ``fields`` replacing built parts."""
        items = fields.pop("items", None)
        enumeration = fields.pop("enumeration", None) or self.enumeration()
        if items is None:
            items = self.items(enumeration=enumeration)
        assert self.type is not None
        values: dict[str, Any] = {
            "type": self.type.name,
            "title": self.title(),
            "lead": self.blocks("lead", items),
            "items": items,
            "closing": self.blocks("closing", items),
            "enumeration": enumeration,
            "numbered": self.data.get("numbered", True),
        }
        values.update(fields)
        return Section(**values)


def computed_label_in(title: str) -> str:
    """Return the label a title starts with (一是, （三）, 1., 第一，), or ``""`` (第一书记 is no label)."""
    label = parse_label(title)
    if label is None or label.family == "首先":
        return ""
    return label.text


def _children_list(enumeration: Enumeration, inline_parent: bool) -> Enumeration:
    """Return how the children of an item are listed: run on inline when their parent is."""
    return Enumeration(enumeration.style, "inline" if inline_parent else enumeration.layout)


def _sample_texts(data: Mapping[str, Any], limit: int = 4000) -> str:
    """Return up to ``limit`` characters of the facts' texts, in document order, to judge their script."""
    out: list[str] = []
    size = 0
    stack: list[Any] = [data]
    while stack and size < limit:
        value = stack.pop()
        if isinstance(value, str):
            out.append(value)
            size += len(value)
        elif isinstance(value, Mapping):
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return "".join(out)[:limit]


def generic_section(ctx: SectionContext) -> Section:
    """Build a section from title, lead, items and closing."""
    return ctx.section()


def format_date(text: str) -> str:
    """Write an ISO date as GB/T 9704 wants it (2018年10月7日); leave other text as it is."""
    try:
        day = dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return text
    if day is None or (len(text) not in (10, 19) and "T" not in text):
        return text
    return f"{day.year}年{day.month}月{day.day}日"

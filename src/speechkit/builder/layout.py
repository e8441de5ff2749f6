"""Turn a Speech into a flat sequence of styled paragraphs; every label is computed here, once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.errors import RenderError
from ..model.numbering import heading_label, runin_marker
from ..model.speech import Block, Item, Section, Speech, Table

if TYPE_CHECKING:
    from ..registry import Registry, SectionLayout

#: Paragraph roles every writer knows (DOCX maps each to a style, Markdown to syntax); a section type
#: that lays out its own items registers its further roles (``Registry.add_role``).
PARA_ROLES: tuple[str, ...] = (
    "issuer",
    "doc_number",
    "title",
    "subtitle",
    "dateline",
    "speaker",
    "toc_title",
    "toc",
    "addressee",
    "salutation",
    "heading",
    "body",
    "closing",
    "attachment",
    "signature",
    "date",
    "caption",
)
#: Run roles: plain body text, a run-in heading (in its level's font) and a run-in sentence (一是…).
RUN_ROLES: tuple[str, ...] = ("text", "heading", "runin")

_SENTENCE_END = "。！？；：!?;:…"


#: Forms laid out with a notice's matter (number and addressee before, signature and date after the body).
NOTICE_FORMS = frozenset({"notice", "letter", "minutes"})


@dataclass(frozen=True)
class Run:
    """A stretch of text with one role; ``level`` is the heading level of a run-in heading."""

    text: str
    role: str = "text"
    level: int = 0


@dataclass(frozen=True)
class Para:
    """A paragraph: a role, its runs, and a level for headings and outline entries."""

    role: str
    runs: tuple[Run, ...]
    level: int = 0

    @property
    def text(self) -> str:
        """Return the paragraph's plain text."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class TableBlock:
    """A table placed between paragraphs."""

    table: Table


LayoutBlock = Para | TableBlock


def layout(speech: Speech, registry: Registry) -> tuple[LayoutBlock, ...]:
    """Lay a Speech out as paragraphs and tables in reading order.

    A section whose type (in ``registry``) has a ``layout`` function has its items laid out by it; every
    other list gets the generic labels, run-ins and headings.
    """
    custom = {name: kind.layout for name, kind in registry.sections.items() if kind.layout is not None}
    return tuple(_Layout(speech, custom).blocks())


class _Layout:
    """One pass over a Speech, yielding blocks."""

    def __init__(self, speech: Speech, custom: dict[str, SectionLayout]) -> None:
        self.speech = speech
        self.scheme = speech.scheme
        self.custom = custom

    def word(self, text: str) -> str:
        """Return a word the layout adds itself (提纲, 附件) in the script of the document."""
        script = self.speech.meta.script
        if script in ("", "hans"):
            return text
        from ..model.script import convert

        return convert(text, script)

    def blocks(self) -> Iterator[LayoutBlock]:
        speech, meta = self.speech, self.speech.meta
        notice = meta.form in NOTICE_FORMS or bool(meta.addressee or meta.doc_number)
        if meta.issuer:
            yield _para("issuer", meta.issuer)
        if meta.doc_number:
            yield _para("doc_number", meta.doc_number)
        yield _para("title", meta.title)
        if meta.subtitle:
            yield _para("subtitle", meta.subtitle)
        if meta.speaker:
            yield _para("speaker", meta.speaker)
        if meta.date and not notice:
            yield _para("dateline", f"（{meta.date}）")
        if meta.toc:
            yield from self.outline()
        if meta.addressee:
            yield _para("addressee", meta.addressee)
        if speech.salutation:
            yield _para("salutation", speech.salutation)
        yield from _blocks("body", speech.opening)
        number = 0
        for section in speech.sections:
            number += section.has_number
            yield from self.section(section, number)
        yield from _blocks("closing", speech.closing)
        for index, name in enumerate(meta.attachments, 1):
            prefix = self.word("附件：") if index == 1 else "\u3000\u3000\u3000"
            label = f"{index}." if len(meta.attachments) > 1 else ""
            yield Para("attachment", (Run(prefix + label), Run(name)))
        if meta.signature:
            yield _para("signature", meta.signature)
        if meta.date and notice:
            yield _para("date", meta.date)

    def outline(self) -> Iterator[Para]:
        """Yield the outline (提纲) of section headings and their heading-style items."""
        yield _para("toc_title", self.word("提纲"))
        number = 0
        for section in self.speech.sections:
            if not section.title:
                continue
            label = ""
            if section.has_number:
                number += 1
                label = heading_label(number, 1, self.scheme)
            yield Para("toc", (Run(label + section.title),), 1)
            if section.enumeration.style == "heading":
                for position, item in enumerate(section.items, 1):
                    if item.title:
                        text = heading_label(position, 2, self.scheme) + _strip_end(item.title)
                        yield Para("toc", (Run(text),), 2)

    def section(self, section: Section, number: int) -> Iterator[LayoutBlock]:
        if section.title:
            label = heading_label(number, 1, self.scheme) if section.has_number else ""
            yield Para("heading", (Run(label + section.title, "heading", 1),), 1)
        yield from _blocks("body", section.lead)
        custom = self.custom.get(section.type)
        if custom is not None:
            yield from custom(section)
        else:
            yield from self.items(section.items, section.enumeration.style, section.enumeration.layout, 1)
        yield from _blocks("body", section.closing)

    def items(self, items: tuple[Item, ...], style: str, how: str, level: int) -> Iterator[LayoutBlock]:
        """Yield the paragraphs of a list; ``level`` is the heading level of the parent."""
        if how == "inline":
            runs = self.inline(items, style, level)
            if runs:
                yield Para("body", tuple(runs))
            return
        for position, item in enumerate(items, 1):
            yield from self.item(item, style, how, position, len(items), level)

    def inline(self, items: tuple[Item, ...], style: str, level: int) -> list[Run]:
        """Return the runs of a list whose items all run on inside one paragraph."""
        return [
            run
            for position, item in enumerate(items, 1)
            for run in self.inline_runs(item, style, position, len(items), level)
        ]

    def label(self, style: str, position: int, count: int, level: int) -> tuple[str, str, int]:
        """Return the label, the run role for the title and the heading level of an item."""
        if style == "heading":
            try:
                return heading_label(position, level + 1, self.scheme), "heading", level + 1
            except ValueError as exc:
                raise RenderError(str(exc)) from None
        try:
            return runin_marker(style, position, count), "runin", level
        except ValueError as exc:
            raise RenderError(str(exc)) from None

    def head_runs(self, item: Item, style: str, position: int, count: int, level: int, has_body: bool) -> list[Run]:
        """Return the runs that open an item: its label and run-in title."""
        label, role, run_level = self.label(style, position, count, level)
        if not item.title:
            return [Run(label, role, run_level)] if label else []
        title = item.title
        if (has_body or role == "runin") and title[-1] not in _SENTENCE_END:
            title += "。"
        return [Run(label + title, role, run_level)]

    def inline_runs(self, item: Item, style: str, position: int, count: int, level: int) -> list[Run]:
        """Return the runs of an item that runs on inside a paragraph."""
        body = "".join(item.paragraphs)
        child_runs = self.inline(item.items, item.enumeration.style, self.child_level(style, level))
        runs = self.head_runs(item, style, position, count, level, bool(body or child_runs))
        if body:
            runs.append(Run(body))
        return runs + child_runs

    def child_level(self, style: str, level: int) -> int:
        """Return the heading level the children of an item enumerated by ``style`` build on."""
        return level + 1 if style == "heading" else level

    def item(self, item: Item, style: str, how: str, position: int, count: int, level: int) -> Iterator[LayoutBlock]:
        """Yield an item's paragraphs: its head runs into the first, inline children after the last."""
        sub = self.child_level(style, level)
        inline = item.enumeration.layout == "inline"
        children = self.inline(item.items, item.enumeration.style, sub) if inline else []
        paragraphs = [[Run(text)] for text in item.paragraphs]
        if how == "separate" and (item.title or not paragraphs):
            yield from self.separate_head(item, style, position, count, level)
        else:
            # A heading-style title with nothing run into it heads its children; alone, it is a sentence.
            # An untitled item (``- text: …``) runs its label into its text, ``separate`` or not: （一）各单位…
            ends_sentence = bool(paragraphs or children or not item.items)
            head = self.head_runs(item, style, position, count, level, ends_sentence)
            if head and head[0].role == "heading" and not ends_sentence:
                yield Para("heading", tuple(head), head[0].level)
            elif head:
                paragraphs = [head + paragraphs[0], *paragraphs[1:]] if paragraphs else [head]
        if children:
            paragraphs = [*paragraphs[:-1], paragraphs[-1] + children] if paragraphs else [children]
        for runs in paragraphs:
            yield Para("body", tuple(runs))
        if not inline:
            yield from self.items(item.items, item.enumeration.style, item.enumeration.layout, sub)

    def separate_head(self, item: Item, style: str, position: int, count: int, level: int) -> Iterator[Para]:
        """Yield the title of a ``separate`` item as a paragraph of its own."""
        label, role, run_level = self.label(style, position, count, level)
        if not (item.title or label):
            return
        if role == "heading":
            yield Para("heading", (Run(label + item.title, "heading", run_level),), run_level)
        else:
            yield Para("body", (Run(label + item.title, "runin"),))


def _para(role: str, text: str) -> Para:
    return Para(role, (Run(text),))


def _blocks(role: str, blocks: tuple[Block, ...]) -> Iterator[LayoutBlock]:
    for block in blocks:
        if isinstance(block, Table):
            if block.caption:
                yield _para("caption", block.caption)
            yield TableBlock(block)
        else:
            yield _para(role, block)


def _strip_end(text: str) -> str:
    return text.rstrip(_SENTENCE_END + "，,")

"""The document model: frozen dataclasses that readers produce and writers consume."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .meta_fields import page_fields

#: How the children of a node are enumerated (labels are computed, never stored).
ListStyle = Literal["yishi", "yiyao", "diyi", "shouxian", "heading", "none"]
#: How the children of a node are laid out.
#: ``paragraphs``: one paragraph each, the title run into its text;
#: ``inline``: all children run on inside the parent's paragraph;
#: ``separate``: the title is a paragraph (a heading) of its own, the text follows.
ListLayout = Literal["paragraphs", "inline", "separate"]

LIST_STYLES: tuple[str, ...] = ("yishi", "yiyao", "diyi", "shouxian", "heading", "none")
LIST_LAYOUTS: tuple[str, ...] = ("paragraphs", "inline", "separate")


@dataclass(frozen=True)
class Table:
    """A table: a header row of column names and body rows of cell texts."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


#: A block of running text: a paragraph (a string) or a table.
Block = str | Table


@dataclass(frozen=True)
class Enumeration:
    """How a list of items is numbered and laid out."""

    style: ListStyle = "yishi"
    layout: ListLayout = "paragraphs"


@dataclass(frozen=True)
class Item:
    """One enumerated point: an optional run-in title, body paragraphs and nested items."""

    title: str = ""
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    enumeration: Enumeration = field(default_factory=lambda: Enumeration("heading"))


@dataclass(frozen=True)
class Section:
    """A top-level part of a document: heading, lead-in, items, closing."""

    type: str
    title: str
    lead: tuple[Block, ...] = ()
    items: tuple[Item, ...] = ()
    closing: tuple[Block, ...] = ()
    enumeration: Enumeration = field(default_factory=Enumeration)
    #: ``False``: no number is used up; without a title the section continues the previous one.
    numbered: bool = True

    @property
    def has_number(self) -> bool:
        """Tell whether the section uses up a heading number: numbered and with a heading."""
        return self.numbered and bool(self.title)


@dataclass(frozen=True)
class Meta:
    """Front and back matter of a document."""

    kind: str
    title: str
    subtitle: str = ""
    #: ``speech`` or ``notice`` (number and addressee before, signature and date after the body).
    form: str = "speech"
    speaker: str = ""
    occasion: str = ""
    date: str = ""
    doc_number: str = ""
    issuer: str = ""
    addressee: str = ""
    signature: str = ""
    attachments: tuple[str, ...] = ()
    #: Print an outline (目录/提纲) of section and item headings before the body.
    toc: bool = False
    #: 份号 (six digits), 密级和保密期限 (``机密★1年``) and 紧急程度 (``特急``) at the top left of a notice.
    copy_number: str = ""
    secrecy: str = ""
    urgency: str = ""
    #: Joint issuers, stacked in the 发文机关标志 (``issuer`` then joins them with ``、``).
    issuers: tuple[str, ...] = ()
    #: ``文件`` printed after (or, for joint issuers, beside) the issuer's name in the 标志.
    issuer_suffix: str = ""
    #: 签发人 of an upward document (上行文), printed on the 发文字号 line.
    signers: tuple[str, ...] = ()
    #: The document is sealed (印章): date 4 characters from the right, signature centred over it.
    seal: bool = False
    #: 附注, printed in brackets on the line after the date.
    note: str = ""
    #: 版记: 抄送机关, 印发机关 and 印发日期 between full-width rules at the foot of the last, even page.
    cc: str = ""
    printer: str = ""
    print_date: str = ""
    #: Text of each attachment (by position in ``attachments``), printed on pages of its own.
    attachment_texts: tuple[tuple[str, ...], ...] = ()
    #: Put a real TOC field (updated by Word with F9) in place of the printed outline.
    toc_field: bool = False
    #: The script of the texts (``hans``, ``hant``, ``tw``, ``hk``; ``""`` when unknown): words the
    #: writers add themselves (提纲, 附件, 合计) are written in it.
    script: str = ""


@dataclass(frozen=True)
class HeadingScheme:
    """Label formats for heading levels 1..n, e.g. ``{cn}、`` ``（{cn}）`` ``{n}.`` ``（{n}）``."""

    levels: tuple[str, ...] = ("{cn}、", "（{cn}）", "{n}.", "（{n}）", "{circled}")
    name: str = "gbt9704"


#: Where a text of the model sits in the model: ``("sections", 0, "items", 1, "paragraphs", 0)``,
#: ``("meta", "title")``, ``("opening", 2)``, ``("sections", 1, "lead", 0)``, ``("closing", 0)``.
ModelPath = tuple[str | int, ...]


@dataclass(frozen=True)
class SourcePos:
    """Where a text of the model came from: a file, a 1-based line (a paragraph in DOCX) and column."""

    path: str
    line: int
    column: int = 1


@dataclass(frozen=True)
class Origin:
    """The file a Speech was read or loaded from, as it was then (``check_speech`` checks it as ``check`` does)."""

    path: str
    #: The registered format that read it: ``txt``, ``md``, ``docx``, ``facts`` or a plugin's.
    format: str
    data: bytes = field(repr=False)
    #: The kind given to ``read(…, kind=…)``, else "".
    kind: str = ""
    #: The Speech's own fields when it was read, to tell whether it was changed since.
    content: tuple[Any, ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class Speech:
    """A whole document: metadata, salutation, opening, sections, closing."""

    meta: Meta
    sections: tuple[Section, ...] = ()
    salutation: str = ""
    opening: tuple[Block, ...] = ()
    closing: tuple[Block, ...] = ()
    scheme: HeadingScheme = field(default_factory=HeadingScheme)
    #: Source positions of the texts, by model path (filled by readers and the builder; not compared).
    source: Mapping[ModelPath, SourcePos] = field(default_factory=dict, compare=False, hash=False, repr=False)
    #: The file the Speech was read or loaded from (``read``, ``load``), else None (not compared).
    origin: Origin | None = field(default=None, compare=False, hash=False, repr=False)

    def pos(self, *path: str | int) -> SourcePos | None:
        """Return the source position of the text at a model path, or of its nearest ancestor that has one."""
        key: ModelPath = tuple(path)
        while key:
            found = self.source.get(key)
            if found is not None:
                return found
            key = key[:-1]
        return None

    def with_origin(self, path: str, format: str, data: bytes, kind: str = "") -> Speech:
        """Return this Speech recording the file it was read from (its bytes then, and its own fields)."""
        return replace(self, origin=Origin(path, format, data, kind, self._content()))

    def unchanged_origin(self) -> Origin | None:
        """Return the file this Speech was read from when the Speech is still as read, else None."""
        if self.origin is None or self.origin.content != self._content():
            return None
        return self.origin

    def _content(self) -> tuple[Any, ...]:
        return (self.meta, self.sections, self.salutation, self.opening, self.closing, self.scheme)


def walk_items(items: tuple[Item, ...]) -> Iterator[tuple[int, Item]]:
    """Yield ``(depth, item)`` for items and all their descendants, depth first."""
    stack = [(0, it) for it in reversed(items)]
    while stack:
        depth, item = stack.pop()
        yield depth, item
        stack.extend((depth + 1, child) for child in reversed(item.items))


def count_parts(speech: Speech) -> tuple[int, int]:
    """Return (sections, items) as the document shows them: numbered sections and labelled items.

    The one count every command prints (``validate``, ``stats``, the MCP summary): a section without a
    heading continues the one before it, and the lines of an unlabelled list (``none``) are no items.
    """
    sections = sum(1 for section in speech.sections if section.has_number)
    items = 0
    for section in speech.sections:
        if section.enumeration.style != "none":
            items += len(section.items)
        items += sum(len(item.items) for _, item in walk_items(section.items) if item.enumeration.style != "none")
    return sections, items


def texts(speech: Speech) -> Iterator[str]:
    """Yield every text of the document in reading order (labels excluded)."""
    meta = speech.meta
    for value in (meta.doc_number, meta.issuer, meta.title, meta.subtitle, meta.speaker):
        if value:
            yield value
    if meta.addressee:
        yield meta.addressee
    if speech.salutation:
        yield speech.salutation
    yield from _block_texts(speech.opening)
    for section in speech.sections:
        if section.title:
            yield section.title
        yield from _block_texts(section.lead)
        for _depth, item in walk_items(section.items):
            if item.title:
                yield item.title
            yield from item.paragraphs
        yield from _block_texts(section.closing)
    yield from _block_texts(speech.closing)
    yield from meta.attachments
    for value in (meta.signature, meta.date):
        if value:
            yield value
    for pages in meta.attachment_texts:
        yield from pages
    for value in (meta.note, meta.cc, meta.printer):
        if value:
            yield value


def model_texts(speech: Speech) -> Iterator[tuple[ModelPath, str]]:
    """Yield ``(model path, text)`` for every non-empty text of the document in reading order, once each."""
    meta = speech.meta
    for name in (*page_fields("marks"), *page_fields("head")):
        value = getattr(meta, name)
        if value:
            yield ("meta", name), value
    if speech.salutation:
        yield ("salutation",), speech.salutation
    yield from _blocks_with_paths(("opening",), speech.opening)
    for index, section in enumerate(speech.sections):
        base: ModelPath = ("sections", index)
        if section.title:
            yield (*base, "title"), section.title
        yield from _blocks_with_paths((*base, "lead"), section.lead)
        yield from _items_with_paths((*base, "items"), section.items)
        yield from _blocks_with_paths((*base, "closing"), section.closing)
    yield from _blocks_with_paths(("closing",), speech.closing)
    for index, name in enumerate(meta.attachments):
        if name:
            yield ("meta", "attachments", index), name
    for index, pages in enumerate(meta.attachment_texts):
        for number, text in enumerate(pages):
            if text:
                yield ("meta", "attachment_texts", index, number), text
    for name in page_fields("foot"):
        value = getattr(meta, name)
        if value:
            yield ("meta", name), value


def _items_with_paths(base: ModelPath, items: tuple[Item, ...]) -> Iterator[tuple[ModelPath, str]]:
    stack: list[tuple[ModelPath, Item]] = [((*base, k), item) for k, item in reversed(list(enumerate(items)))]
    while stack:
        path, item = stack.pop()
        if item.title:
            yield (*path, "title"), item.title
        for number, text in enumerate(item.paragraphs):
            if text:
                yield (*path, "paragraphs", number), text
        stack.extend(((*path, "items", k), child) for k, child in reversed(list(enumerate(item.items))))


def _blocks_with_paths(base: ModelPath, blocks: tuple[Block, ...]) -> Iterator[tuple[ModelPath, str]]:
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            if block.caption:
                yield (*base, index, "caption"), block.caption
            for column, name in enumerate(block.columns):
                if name:
                    yield (*base, index, "columns", column), name
            for row_number, row in enumerate(block.rows):
                for column, cell in enumerate(row):
                    if cell:
                        yield (*base, index, "rows", row_number, column), cell
        elif block:
            yield (*base, index), block


def _block_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Table):
            if block.caption:
                yield block.caption
            yield from block.columns
            for row in block.rows:
                yield from row
        else:
            yield block

"""The registry of section types, document kinds, block types, text filters, check rules and formats."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .i18n import _
from .model.chars import is_han
from .model.errors import RegistryError, RenderError
from .model.speech import Block, Enumeration, Item, Section, Speech

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .builder.build import SectionContext
    from .builder.layout import LayoutBlock
    from .checks.finding import Hit, Rule
    from .checks.text import Doc
    from .readers.raw import Draft
    from .writers.dump import DumpContext

#: The entry-point group plugins register under; each entry is a ``setup(registry)`` function.
ENTRY_POINT_GROUP = "speechkit.sections"

#: A check: reads a Doc (text units; the Speech for structural rules) and yields hits.
RuleCheck = Callable[["Doc"], "Iterator[Hit]"]
SectionBuilder = Callable[["SectionContext"], Section]
#: Lays out the items of a section of one type as paragraphs (heading, lead and closing stay generic).
SectionLayout = Callable[[Section], "Iterable[LayoutBlock]"]
#: Writes a Speech in one format: ``write(speech, registry=…, **options)`` gives text or bytes.
Writer = Callable[..., str | bytes]
#: Reads a source (a path, text or bytes) in one format into a Speech with source positions.
Reader = Callable[..., Speech]
#: Reads a draft's bytes into its positioned paragraphs and tables: ``draft(data, path) -> readers.raw.Draft``.
DraftReader = Callable[[bytes, str], "Draft"]
#: Reads a file as the check rules see it: ``check(path, registry) -> checks.text.Doc``.
DocReader = Callable[["Path", "Registry"], "Doc"]
BlockBuilder = Callable[[Any, "SectionContext"], tuple[Block, ...]]
#: Claims a body line of a draft for a section type: ``read_line(text, role) -> Item | None`` (``role`` is what
#: the draft's paragraph style says, ``""`` when it says nothing).
LineReader = Callable[[str, str], Item | None]
#: Writes a section of one type back as facts: ``dump(ctx) -> dict`` (a :class:`~speechkit.writers.dump.DumpContext`).
SectionDumper = Callable[["DumpContext"], dict[str, Any]]


# The records below are NamedTuples (cheap to create at import): a mapping field's default is one empty
# dict shared by every record, so it is typed Mapping and never changed in place.


class SectionType(NamedTuple):
    """A kind of section: its default title and enumeration, its schema and its build function."""

    name: str
    description: str
    title: str
    enumeration: Enumeration = Enumeration()
    #: JSON Schema properties this type adds to (or replaces in) the common section properties.
    properties: Mapping[str, Any] = {}
    #: Properties this type requires besides ``type``.
    required: tuple[str, ...] = ()
    #: Build function; ``None`` means the generic one (title, lead, items, closing).
    build: SectionBuilder | None = None
    #: Layout of the section's items; ``None`` means the generic one (labels, run-ins, headings).
    #: The paragraph and run roles it uses are registered with :meth:`Registry.add_role`.
    layout: SectionLayout | None = None
    #: A pattern (Simplified) that tells this type from a draft's section title (``问题|不足``); the type
    #: registered first wins among those that match (:meth:`Registry.section_for_title`).
    title_pattern: str = ""
    #: Reads a body line of a draft (one without a label) as an item of this type, or None: the lines it
    #: claims gather, in order, in an unnumbered section of this type (``import``, ``read``).
    read_line: LineReader | None = None
    #: A pattern (Simplified) that the paragraph just before the first claimed line matches when it leads
    #: in to them (``如下``): it becomes the section's lead.
    lead_pattern: str = ""
    #: Writes a section of this type back as facts (``import``, ``dump``); ``None`` means the generic one.
    dump: SectionDumper | None = None


class DocumentKind(NamedTuple):
    """A document kind: a preset of front and back matter and of the sections it expects."""

    name: str
    description: str
    #: ``speech`` (title, salutation, body) or ``notice`` (number, addressee, signature, date).
    form: str = "speech"
    salutation: str = ""
    closing: tuple[str, ...] = ()
    #: Section types a complete document of this kind has, in order.
    sections: tuple[str, ...] = ()
    #: Titles that replace a section type's default title in this kind.
    titles: Mapping[str, str] = {}
    #: Enumerations that replace a section type's default in this kind.
    enumerations: Mapping[str, Enumeration] = {}
    #: Metadata fields a complete document of this kind has (SK401 of ``speechkit check``).
    required_meta: tuple[str, ...] = ()
    numbering: str = "gbt9704"
    #: Parts a complete document of this kind has, each with a pattern (Simplified) that finds it (SK401).
    required_parts: Mapping[str, str] = {}
    #: A pattern (Simplified) that tells this kind from a draft's title, e.g. ``通知$``.
    title_pattern: str = ""
    #: The 文种 of the 党政机关公文处理工作条例 this kind is (``请示``), empty for kinds that are none.
    genre: str = ""
    #: A pattern (Simplified) that ends the title of a document of this 文种 (``请示``; the rules add ``$``).
    genre_title: str = ""
    #: 行文方向: ``upward`` (上行), ``downward`` (下行), ``lateral`` (平行), or several joined by ``|``
    #: when the addressee decides (a notice to ``各…`` is downward).
    direction: str = ""
    #: The second-person forms (``你``, ``贵``) it may use for an organ, per direction: ``{"downward": "你"}``
    #: (``你局`` upward or ``贵局`` to subordinates is SK407).
    address_forms: Mapping[str, str] = {}
    #: Closing formulas a document of this 文种 takes (``特此报告``); another 文种's is a finding (SK406).
    closing_formulas: tuple[str, ...] = ()
    #: Whether a request (``妥否，请批示``) may stand in it: a 报告 carries none (SK403).
    requests: bool = True
    #: How many 主送机关 it may have (0: no limit); an upward document has one (SK405).
    max_addressees: int = 0
    #: A pattern (Simplified) the issuer must match, when only some organs may issue it (令, 议案: SK411).
    issuers: str = ""
    #: A pattern (Simplified) the 主送机关 must match (议案: 人民代表大会; SK411).
    addressees: str = ""
    #: A pattern (Simplified) the text must hold (决议: the meeting that adopted it; SK411).
    wording: str = ""


class BlockType(NamedTuple):
    """A non-paragraph block written as ``{name: value}`` in lead, opening or closing lists."""

    name: str
    description: str
    schema: Mapping[str, Any]
    build: BlockBuilder


class Format(NamedTuple):
    """A file format: its name, file suffixes, and the functions that write and read it.

    ``read``, ``import`` and ``check`` find a draft's format here (by name or suffix) and nowhere else. A
    plugin's format needs only ``read``: ``import`` dumps the Speech it gives and ``check`` walks it.
    """

    name: str
    #: File suffixes with the dot, the first one written: ``(".md", ".markdown")``.
    suffixes: tuple[str, ...]
    write: Writer | None = None
    read: Reader | None = None
    description: str = ""
    #: The draft's paragraphs and tables with their positions, which the readers put together into a
    #: Speech (the built-in draft formats); without it ``read`` gives the Speech itself.
    draft: DraftReader | None = None
    #: The file as the check rules read it (every character at its source position); without it the
    #: rules walk the Speech that ``read`` gives.
    check: DocReader | None = None
    #: Whether ``check --fix`` may rewrite a file of this format in place (a text format).
    fixable: bool = False

    @property
    def readable(self) -> bool:
        """Tell whether drafts of this format can be read into a Speech."""
        return self.draft is not None or self.read is not None

    @property
    def extension(self) -> str:
        """Return the extension a written file gets, without the dot."""
        return self.suffixes[0].lstrip(".") if self.suffixes else self.name


class Role(NamedTuple):
    """A paragraph or run role that a section type lays out, and how each format writes it.

    ``render`` maps a format name to what that writer needs: for ``"docx"`` a
    :class:`~speechkit.writers.docx_styles.Style` (a paragraph style for a paragraph role, a character
    style for a run role); for ``"md"`` a function of the paragraph and the default inline writer
    (``render(para, inline) -> str``) for a paragraph role, or of the escaped text for a run role.
    A format without an entry writes the role as plain body text.
    """

    name: str
    kind: Literal["paragraph", "run"] = "paragraph"
    render: Mapping[str, Any] = {}


class Registry:
    """Holds everything that can be extended: section types, kinds, blocks and filters."""

    def __init__(self) -> None:
        self.sections: dict[str, SectionType] = {}
        self.kinds: dict[str, DocumentKind] = {}
        self.blocks: dict[str, BlockType] = {}
        self.filters: dict[str, Callable[..., Any]] = {}
        #: Check rules by code, and the function that reports each code.
        self.rules: dict[str, Rule] = {}
        self.rule_checks: dict[str, RuleCheck] = {}
        #: Output and input formats by name, and layout roles by name.
        self.formats: dict[str, Format] = {}
        self.roles: dict[str, Role] = {}
        self.plugins: list[str] = []
        self._derived: dict[str, Any] = {}

    def derived(self, key: str, compute: Callable[[], Any]) -> Any:
        """Return a value computed from the registry (its schema, say), recomputed after any change."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def add_section(self, section_type: SectionType, *, override: bool = False) -> None:
        """Register a section type; a duplicate name is an error unless ``override`` is true."""
        self._add(self.sections, section_type.name, section_type, "section type", override)

    def add_kind(self, kind: DocumentKind, *, override: bool = False) -> None:
        """Register a document kind; a duplicate name is an error unless ``override`` is true."""
        self._add(self.kinds, kind.name, kind, "document kind", override)

    def add_block(self, block: BlockType, *, override: bool = False) -> None:
        """Register a block type; a duplicate name is an error unless ``override`` is true."""
        self._add(self.blocks, block.name, block, "block type", override)

    def add_filter(self, name: str, function: Callable[..., Any], *, override: bool = False) -> None:
        """Register a filter for text expressions; a duplicate is an error unless ``override``."""
        self._add(self.filters, name, function, "filter", override)

    def add_rule(self, rule: Rule, check: RuleCheck, *, override: bool = False) -> None:
        """Register a check rule: its code, severity and summary, and the function that yields its hits.

        One function may report several codes (register it under each); it runs once per document.
        """
        self._add(self.rules, rule.code, rule, "rule", override)
        self.rule_checks[rule.code] = check

    def add_format(self, fmt: Format, *, override: bool = False) -> None:
        """Register a format (a writer, a reader or both); a duplicate name is an error unless ``override``."""
        self._add(self.formats, fmt.name, fmt, "format", override)

    def add_role(self, role: Role, *, override: bool = False) -> None:
        """Register a paragraph or run role and its rendering per format."""
        self._add(self.roles, role.name, role, "role", override)

    def writer(self, name: str) -> Format:
        """Return the format called ``name`` (or written with that suffix) that has a writer."""
        fmt = self.formats.get(name) or self.for_suffix(name)
        if fmt is None or fmt.write is None:
            known = ", ".join(n for n, f in self.formats.items() if f.write is not None)
            raise RenderError(_("unknown format {name!r}; known formats: {known}").format(name=name, known=known))
        return fmt

    def reader(self, name: str) -> Format | None:
        """Return the format called ``name`` (or read with that suffix) that reads drafts, or None."""
        key = name.lower().lstrip(".")
        fmt = self.formats.get(key) or self.for_suffix(key)
        return fmt if fmt is not None and fmt.readable else None

    def for_suffix(self, suffix: str) -> Format | None:
        """Return the format a file suffix (``.md``, ``md``) belongs to, or None."""
        wanted = "." + suffix.lower().lstrip(".")
        return next((f for f in self.formats.values() if wanted in f.suffixes), None)

    def _add(self, table: dict[str, Any], name: str, value: Any, what: str, override: bool) -> None:
        if not name or not isinstance(name, str):
            raise RegistryError(_("a {what} needs a non-empty name").format(what=what))
        if name in table and not override:
            raise RegistryError(
                _("{what} {name!r} is already registered (pass override=True to replace it)").format(
                    what=what, name=name
                )
            )
        table[name] = value
        self._derived.clear()

    def use(self, setup: Callable[[Registry], None], name: str = "") -> None:
        """Run a plugin's ``setup(registry)`` and remember its name."""
        setup(self)
        self.plugins.append(name or getattr(setup, "__module__", repr(setup)))

    def display_names(self, record: SectionType | DocumentKind) -> tuple[str, ...]:
        """Return the Chinese names a type or kind is shown by (``speechkit kinds``/``sections`` print them).

        They are the head of its description before the colon, split at ``/`` and brackets
        (``存在问题 / 共性问题: …`` → 存在问题, 共性问题; ``命令（令）: …`` → 命令, 令), and a section type's
        default title: a plugin's records get theirs the same way.
        """
        head = re.split(r"[:：]", record.description, maxsplit=1)[0] if re.search(r"[:：]", record.description) else ""
        names = [part.strip() for part in re.split(r"/|[（）()]", head)]
        if isinstance(record, SectionType):
            names.append(record.title)
        return tuple(dict.fromkeys(n for n in names if n and len(n) <= 20 and any(map(is_han, n))))

    def resolve(self, table: Literal["sections", "kinds"], value: str) -> str | None:
        """Return the registered name ``value`` stands for: the name itself, a display name, or a part of
        exactly one display name (``讲话`` → ``speech``, shown as 讲话稿); None when it names none or several."""
        records: dict[str, Any] = self.sections if table == "sections" else self.kinds
        if value in records:
            return value
        candidates = self.alias_candidates(table, value)
        return candidates[0] if len(candidates) == 1 else None

    def shown(self, table: Literal["sections", "kinds"], name: str) -> str:
        """Return a registered name as an error shows it, with its Chinese names (``speech (讲话稿)``)."""
        records: dict[str, Any] = self.sections if table == "sections" else self.kinds
        names = self.display_names(records[name])
        return f"{name} ({'/'.join(names)})" if names else name

    def listed(self, table: Literal["sections", "kinds"]) -> list[str]:
        """Return every registered name of a table as an error lists them (see :meth:`shown`)."""
        return [self.shown(table, name) for name in sorted(self.sections if table == "sections" else self.kinds)]

    def alias_candidates(self, table: Literal["sections", "kinds"], value: str) -> list[str]:
        """Return the names whose display names are ``value`` or, failing that, hold it (for suggestions)."""
        records: dict[str, Any] = self.sections if table == "sections" else self.kinds
        value = value.strip()
        if not any(map(is_han, value)):
            return []
        shown: dict[str, tuple[str, ...]] = self.derived(
            f"display_names.{table}", lambda: {name: self.display_names(r) for name, r in sorted(records.items())}
        )
        exact = [name for name, names in shown.items() if value in names]
        if exact:
            return exact
        return [name for name, names in shown.items() if len(value) >= 2 and any(value in n for n in names)]

    def section_for_title(self, title: str) -> str | None:
        """Return the section type a draft's section title (Simplified) tells by the types' own title patterns.

        The match that ends latest wins (a Chinese title ends in its head noun: 产生问题的原因 → causes), then the
        longer one, then the type registered first; None when no pattern matches.
        """
        return _latest(title, ((t.name, t.title_pattern) for t in self.sections.values() if t.title_pattern))

    def guess_kind(self, title: str, *, official: bool = False, spoken: bool = False) -> str | None:
        """Return the kind a draft's title (Simplified) tells by the kinds' own title patterns, or None.

        The one guesser of ``import`` (the reader) and ``check`` (SK401). The match that ends latest wins, then
        the longer one, then the kind registered first. What was read decides too: ``official`` (a 发文字号, an
        addressee or a date under the body) admits only 公文 kinds (a form other than ``speech``) and their
        文种 (``genre_title`` at the end), the first notice-form kind when none matches; ``spoken`` (a
        salutation such as 同志们：) admits only the kinds of the speech form.
        """
        title = title.strip().rstrip("。．. ")
        patterns: list[tuple[str, str]] = []
        for kind in self.kinds.values():
            if (kind.form == "speech") if official else (spoken and kind.form != "speech"):
                continue
            if kind.title_pattern:
                patterns.append((kind.name, kind.title_pattern))
            if official and kind.genre_title:
                patterns.append((kind.name, f"(?:{kind.genre_title})$"))
        found = _latest(title, patterns)
        if found is None and official:
            found = next((k.name for k in self.kinds.values() if k.form == "notice"), None)
        return found

    def section_type(self, name: str) -> SectionType:
        """Return a registered section type."""
        return self.sections[name]

    def kind(self, name: str) -> DocumentKind:
        """Return a registered document kind."""
        return self.kinds[name]


def _latest(title: str, patterns: Iterable[tuple[str, str]]) -> str | None:
    """Return the name whose pattern ends latest in ``title`` (then the longer match, then the first given)."""
    best: tuple[int, int, int] | None = None
    name = None
    for order, (candidate, pattern) in enumerate(patterns):
        match = next(reversed(list(re.finditer(pattern, title))), None)  # the last match ends latest
        if match is not None and (best is None or (match.end(), match.end() - match.start(), -order) > best):
            best, name = (match.end(), match.end() - match.start(), -order), candidate
    return name

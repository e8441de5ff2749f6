"""Put a draft together: front matter, body, back matter, kind and section types → a Speech."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from ..i18n import _
from ..model.meta_fields import META_FIELDS
from ..model.numbering import SCHEMES, division_pattern
from ..model.script import to_simplified
from ..model.speech import Block, Meta, ModelPath, Section, SourcePos, Speech
from ..registry import Registry
from .clean import fix_text
from .front import split_back, split_front
from .raw import Draft, Note, RawBlock, RawPara
from .structure import read_body, to_blocks, to_section


@dataclass
class Reading:
    """A draft read into a Speech, with the notes of what was changed or set aside."""

    speech: Speech
    notes: list[Note]
    path: str


#: An article of a regulation at the start of a line: ``第一条``, ``第 12 條``.
_ARTICLE = re.compile(r"^[\s\u3000•·]*" + division_pattern("条"))
#: How many article lines make a body of articles: a regulation's, which reads as a 公文.
_ARTICLES = 3
#: The names a regulation gives itself in its text (本办法所称…, 特订定本要点).
_RULE_NAMES = "办法|规定|条例|细则|规则|要点|制度|章程|准则|守则"
#: A regulation naming itself: made (制定本办法), defining its words (本办法所称) or saying where it applies.
_SELF_NAMED = re.compile(
    rf"(?:订定|制定|制订)本(?:{_RULE_NAMES})|本(?:{_RULE_NAMES})(?:所称|所指|适用|自|由|未尽|施行|规定的)"
)
#: How many times a text names itself so to read as a regulation.
_SELF_NAMES = 2
#: How many times a text names itself so to read as a regulation.


def guess_kind(
    meta_fields: dict[str, str],
    salutation: str,
    registry: Registry,
    *,
    articles: bool = False,
    spoken: bool = False,
    formula: str | None = None,
    column: str = "",
) -> str:
    """Guess the document kind from the title and what the front and back matter held (the registry's guesser).

    ``formula`` is the 公文 kind whose formula the body holds (妥否，请批示; 现将有关事项通知如下): it names
    the kind of a draft whose title names none (a title naming a 文种 of a 公文 still wins); so does ``column``,
    the name of the page's column above the title (行政公告).
    """
    title = to_simplified(meta_fields.get("title", ""))
    if column and registry.guess_kind(title) is None and registry.guess_kind(to_simplified(column)) is not None:
        title = to_simplified(column)
    if formula is not None and registry.guess_kind(title) is None:
        named = registry.guess_kind(title, official=True)
        fallback = registry.guess_kind("", official=True)
        return named if named is not None and named != fallback else formula
    # a 发文字号, an addressee, a date under the body or a body of articles (第一条…) make a 公文;
    # a salutation (同志们：) or a dateline under the title (（2016年4月10日）) a text spoken
    official = articles or bool(
        meta_fields.get("doc_number") or meta_fields.get("addressee") or meta_fields.get("form")
    )
    kind = registry.guess_kind(title, official=official, spoken=spoken or bool(salutation))
    if kind is None:
        kind = "speech" if "speech" in registry.kinds else next(iter(registry.kinds))
    return kind


def _self_named(texts: list[str]) -> bool:
    """Tell whether a text names itself as a regulation often enough to be one (本要点所称…, 本办法自…施行)."""
    return sum(len(_SELF_NAMED.findall(to_simplified(t))) for t in texts) >= _SELF_NAMES


def formula_kind(texts: list[str], registry: Registry, *, addressed: bool = False) -> str | None:
    """Return the 公文 kind whose formulas the paragraphs hold most (妥否，请批示; 特此通知; 通知如下), or None.

    A formula counts where it opens or ends a paragraph or a clause before a colon (以上请示，祈盼批准。;
    …现将有关事项通知如下：一、… in a copy that ran the lines together); the ``X如下`` of a kind's 文种 only
    for a kind written downward (a report's 报告如下 is also a 述职报告's) unless the draft is ``addressed``
    to an organ (a 主送机关 was read: 现将自查情况报告如下 is then a 报告's).
    """
    lines = [
        _FOLD.sub("", unicodedata.normalize("NFKC", to_simplified(clause)))
        for t in texts
        for clause in _CLAUSES.split(t)
    ]
    best: tuple[int, str] | None = None
    for kind in registry.kinds.values():
        if kind.form == "speech":
            continue
        formulas = [_FOLD.sub("", unicodedata.normalize("NFKC", f)) for f in kind.closing_formulas]
        if kind.genre and ("downward" in kind.direction or addressed):
            formulas += [f"{kind.genre}如下", f"{kind.genre}于后"]
        if not formulas:
            continue
        alternatives = "|".join(re.escape(f) for f in formulas)
        found = re.compile(rf"^(?:{alternatives})|(?:{alternatives})[.:!。：！]?$")
        hits = sum(1 for line in lines if found.search(line))
        if hits and (best is None or hits > best[0]):
            best = (hits, kind.name)
    return best[1] if best else None


#: Where a paragraph is cut into clauses for its formulas: after a colon (…通知如下：一、…).
_CLAUSES = re.compile(r"(?<=[：:])")
#: What a formula is compared without: spaces and the commas inside it (妥否，请批示 = 妥否,请批示 = 妥否请批示).
_FOLD = re.compile(r"[\s,，、]+")


def section_type(title: str, registry: Registry) -> str:
    """Map a section title to a section type by the types' own title patterns (generic when none fits)."""
    return registry.section_for_title(to_simplified(title)) or "generic"


def assemble(draft: Draft, kind: str | None = None, *, fix: bool = True, registry: Registry) -> Reading:
    """Read a draft's blocks into a Speech with source positions."""
    notes = list(draft.notes)
    blocks = list(draft.blocks)
    if fix:
        for index, block in enumerate(blocks):
            if isinstance(block, RawPara):
                text, changes = fix_text(block.text)
                if changes:
                    notes.extend(Note(block.line, "fixed", change) for change in changes)
                    blocks[index] = replace(block, text=text, title_end=-1 if text != block.text else block.title_end)
    path = draft.path
    front, start = split_front(blocks, path, notes)
    end = split_back(blocks, start, front, path, notes)
    body, _formats = read_body([*front.leftovers, *blocks[start:end]], path, notes, registry=registry)
    column = front.column
    if "title" not in front.fields:
        column = column or _header_kind(notes, blocks[start:] if start < len(blocks) else [], registry)
        front.fields["title"] = _fallback_title(blocks, path, notes)
    articles = sum(1 for b in blocks if isinstance(b, RawPara) and _ARTICLE.match(b.text)) >= _ARTICLES
    texts = [b.text for b in blocks if isinstance(b, RawPara)]
    normative = articles or _self_named(texts)
    kind_name = kind or guess_kind(
        front.fields,
        front.salutation,
        registry,
        articles=normative,
        spoken=front.dateline,
        formula=formula_kind(texts, registry, addressed=bool(front.fields.get("addressee"))),
        column=column,
    )
    document_kind = registry.kinds[kind_name]
    source: dict[ModelPath, SourcePos] = dict(front.positions)
    sections: list[Section] = []
    previous = ""
    for index, node in enumerate(body.sections):
        name = node.section_type or (previous if not node.title and previous else section_type(node.title, registry))
        if name not in registry.sections:
            name = "generic"
        # the lines a type claims (a branch line) are no section the untitled ones after them continue
        previous = name if registry.sections[name].read_line is None else previous
        sections.append(to_section(node, index, name, source))
    opening: tuple[Block, ...] = to_blocks(body.opening, ("opening",), source)
    closing: tuple[Block, ...] = to_blocks(body.closing, ("closing",), source)
    f = front.fields
    values: dict[str, Any] = {m.name: f.get(m.name, "") for m in META_FIELDS if m.value in ("line", "date", "issuer")}
    for m in META_FIELDS:
        if m.value == "lines":  # the front matter joins them with 、
            values[m.name] = tuple(name for name in f.get(m.name, "").split("、") if name)
    meta = Meta(kind=kind_name, form=document_kind.form, attachments=tuple(front.attachments), toc=front.toc, **values)
    scheme = body.scheme if body.scheme.levels != SCHEMES["gbt9704"].levels else SCHEMES["gbt9704"]
    speech = Speech(
        meta=meta,
        sections=tuple(sections),
        salutation=front.salutation,
        opening=opening,
        closing=closing,
        scheme=scheme,
        source=source,
    )
    return Reading(speech, notes, path)


def _header_kind(notes: list[Note], body: list[RawBlock], registry: Registry) -> str:
    """The page's header above an untitled draft that names a kind of text (调研报告汇编(61篇)), or "".

    Only a kind of the speech form (a report, an outline, a speech): a 公文 kind follows from what its own
    head holds (a 发文字号, an addressee), not from the name of a page's collection.
    """
    first = next((b.line for b in body if isinstance(b, RawPara)), None)
    for note in notes:
        if note.action != "set aside" or first is None or note.line >= first:
            continue
        kind = registry.guess_kind(to_simplified(note.text))
        if kind is not None and registry.kinds[kind].form == "speech":
            return note.text
    return ""


def _fallback_title(blocks: list[RawBlock], path: str, notes: list[Note]) -> str:
    """Return a title for a draft that has none: its file name, with a note saying so.

    The facts need a title; no line of the draft reads as one, so every line stays in the body and
    the note tells the writer the title is a stand-in to replace.
    """
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    title = name if name and not name.startswith("<") else "无标题"
    line = next((b.line for b in blocks if not isinstance(b, RawPara) or b.text.strip()), 1)
    notes.append(
        Note(
            line,
            "kept as text",
            _("no line reads as the title; the title is {title!r}, to replace").format(title=title),
        )
    )
    return title

"""SK401: what a document kind requires (``DocumentKind.required_meta`` and ``required_parts``, e.g. a
notice's addressee, signature and date, a duty report's 述责任/挖问题/谈打算); a measure, owner and deadline
for each problem in the three lists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...i18n import _, language
from ...model.meta_fields import META_FIELD
from ...model.notice_parts import DATELINE, is_addressee_line, is_salutation_line, read_parts
from ...model.script import to_simplified
from ...registry import DocumentKind
from ..finding import Hit
from ..text import Doc, DocTable

_BODY_END = "。！？；"
_TABLE_NEEDS = (
    ("measure", "措施|举措|办法"),
    ("owner", "责任人|责任单位|责任|负责"),
    ("deadline", "时限|期限|完成时间|时间"),
)


_NEED_NAMES = {"measure": "整改措施", "owner": "责任人", "deadline": "完成时限"}


def _field_name(name: str) -> str:
    """Return how a finding names a missing metadata field: its declared label, translated, else its name."""
    field = META_FIELD.get(name)
    return _(field.label) if field is not None and field.label else name


def _registry(doc: Doc) -> Any:
    return doc.registry  # the runner gives every Doc its registry


def _kind(doc: Doc, name: str) -> DocumentKind | None:
    kind: DocumentKind | None = _registry(doc).kinds.get(name)
    return kind


def _kind_name(kind: DocumentKind) -> str:
    if language() == "zh" and "：" not in kind.description and ":" in kind.description:
        return kind.description.split(":", 1)[0]  # 通知, 述职报告
    return kind.name.replace("_", " ")


def infer_kind(doc: Doc) -> str:
    """Return the kind from the facts, else the one the registry's guesser tells from the draft's title."""
    return doc.kind or _guess(doc)[0]


def _guess(doc: Doc) -> tuple[str, int | None]:
    """Return the kind the registry's guesser tells from a draft's title, and the title's unit.

    The title is the first of the first lines that reads as one and names a kind; an addressee line right
    after it (主送机关) makes the document a 公文, and a salutation or a dateline in the three lines after it
    (同志们：, （2016年4月10日）) a text spoken, as they do for ``import``.
    """
    registry = _registry(doc)
    units = doc.structure()[:13]
    for position, index in enumerate(units[:12]):
        title = doc.simple(index).strip()
        if len(title) > 60 or any(mark in title for mark in _BODY_END):
            continue
        after = [to_simplified(doc.units[unit].text.strip()) for unit in units[position + 1 : position + 4]]
        following = after[0] if after else ""
        spoken = is_salutation_line(following) or any(DATELINE.match(line) for line in after)
        found = registry.guess_kind(title, official=is_addressee_line(following) and not spoken, spoken=spoken)
        if found:
            return str(found), index
    return "", None


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each missing part of the document's kind and each incomplete problem row."""
    for table in doc.tables:
        yield from _three_lists(doc, table)
    if not doc.structural:
        return
    name, title = (doc.kind, None) if doc.kind else _guess(doc)
    kind = _kind(doc, name)
    units = doc.structure()
    if kind is None or not units:
        return
    if kind.required_parts:
        text = "\n".join(doc.simple(i) for i in units)
        missing = [name for name, pattern in kind.required_parts.items() if not re.search(pattern, text)]
        if missing:
            yield Hit(
                units[0],
                0,
                1,
                "SK401",
                _("a {kind_name} needs {missing}; not found").format(
                    kind_name=_kind_name(kind), missing="、".join(missing)
                ),
            )
    if doc.speech is not None:
        yield from _model_meta(doc, kind, units)
    else:
        if title is None:  # the kind was given: its title is the first line its pattern finds
            pattern = kind.title_pattern
            title = next((i for i in units[:12] if pattern and re.search(pattern, doc.simple(i).strip())), units[0])
        yield from _draft_meta(doc, kind, units, title)


def _model_meta(doc: Doc, kind: DocumentKind, units: list[int]) -> Iterator[Hit]:
    """Yield a hit for each required metadata field the model leaves empty (at the title)."""
    assert doc.speech is not None
    title = next((i for i in units if doc.units[i].role == "title"), units[0])
    for name in kind.required_meta:
        if not getattr(doc.speech.meta, name, ""):
            yield Hit(
                title,
                0,
                1,
                "SK401",
                _("a {kind_name} needs {get}").format(kind_name=_kind_name(kind), get=_field_name(name)),
            )


def _draft_meta(doc: Doc, kind: DocumentKind, units: list[int], title: int) -> Iterator[Hit]:
    """Yield a hit for each required field a draft's lines lack (addressee, signature, date can be told)."""
    needed = set(kind.required_meta)
    lines = [doc.units[i].text for i in units]
    parts = read_parts(lines, units.index(title), [doc.units[i].role for i in units])
    name = _kind_name(kind)
    if "addressee" in needed and parts.addressee is None:
        yield Hit(
            title,
            0,
            1,
            "SK401",
            _("a {name} needs {addressee}").format(name=name, addressee=_field_name("addressee")),
        )
    if parts.date is None:
        if "date" in needed:
            yield Hit(units[-1], 0, 1, "SK401", _("a {name} needs {date}").format(name=name, date=_field_name("date")))
        return
    if "signature" in needed and parts.signature is None:
        yield Hit(
            units[parts.date],
            0,
            1,
            "SK401",
            _("a {name} needs {signature}").format(name=name, signature=_field_name("signature")),
        )


def _three_lists(doc: Doc, table: DocTable) -> Iterator[Hit]:
    """Yield a hit for each problem row lacking its measure, owner or deadline."""
    columns = [to_simplified(name.strip()) for name in table.columns]
    problem = next((i for i, c in enumerate(columns) if "问题" in c), None)
    if problem is None:
        return
    found = {
        need: next((i for i, c in enumerate(columns) if i != problem and re.compile(words).search(c)), None)
        for need, words in _TABLE_NEEDS
    }
    if all(v is None for v in found.values()):
        return
    anchor = _anchor(doc, table)
    absent = [_NEED_NAMES[n] for n, v in found.items() if v is None]
    if absent:
        yield Hit(
            anchor, 0, 1, "SK401", _("the problem list has no column for {absent}").format(absent="、".join(absent))
        )
    for number, row in enumerate(table.rows, 1):
        if problem >= len(row) or not row[problem].strip():
            continue
        empty = [_NEED_NAMES[n] for n, v in found.items() if v is not None and (v >= len(row) or not row[v].strip())]
        if empty:
            yield Hit(
                anchor,
                0,
                1,
                "SK401",
                _("problem {strip!r} (row {number}) has no {empty}").format(
                    strip=row[problem].strip()[:20], number=number, empty="、".join(empty)
                ),
            )


def _anchor(doc: Doc, table: DocTable) -> int:
    """Return the unit to report a table's findings at: its first cell, else the closest line."""
    units = [i for i, u in enumerate(doc.units) if not u.derived] or list(range(len(doc.units)))
    return min(units, key=lambda i: (abs(doc.units[i].line - table.line), doc.units[i].role != "cell"))


__all__ = ["check", "infer_kind"]

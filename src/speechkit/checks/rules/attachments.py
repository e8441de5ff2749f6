"""SK107: the attachment note (附件说明, GB/T 9704 §7.3.6) — ``附件：1.名称``, names without a final
mark, numbers in order — and attachments named in the body but not listed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from ...i18n import _
from ...model.numbering import parse_cn
from ..finding import Hit
from ..text import Doc


@cache
def _note() -> re.Pattern[str]:
    """The start of the attachment note."""
    return re.compile(r"^[ \u3000\t]*附[ \u3000]*件[ \u3000]*[:：][ \u3000]*")


@cache
def _item() -> re.Pattern[str]:
    """A numbered line of the note."""
    return re.compile(
        r"^[ \u3000\t]*(?:(?P<n>\d{1,2})(?P<sep>[.．、,，]|\s)|[（(](?P<p>\d{1,2})[）)]"
        r"|(?P<c>[一二三四五六七八九十])、)[ \u3000]*"
    )


_END_MARKS = "。；;，,、.．"


@cache
def _mention() -> re.Pattern[str]:
    """An attachment named in the body."""
    return re.compile("附件[ \u3000]*(?P<n>\\d{1,2}|[一二三四五六七八九十])(?![\\d.．])")


@cache
def _header() -> re.Pattern[str]:
    """The heading of an attachment page."""
    return re.compile(r"^[ \u3000\t]*附[ \u3000]*件[ \u3000]*(?:\d{1,2}|[一二三四五六七八九十])?[ \u3000]*$")


@dataclass
class Note:
    """An attachment note: its first unit and the units of its items with their numbers."""

    unit: int
    items: list[tuple[int, int, int | None, str]] = field(default_factory=list)  # unit, offset, number, sep


def find_note(doc: Doc) -> Note | None:
    """Return the attachment note (``附件：…`` and the numbered lines that continue it), if any."""
    units = doc.structure()
    for position, index in enumerate(units):
        text = doc.units[index].text
        head = _note().match(text)
        if not head:
            continue
        note = Note(index)
        rest = text[head.end() :]
        if rest.strip():
            note.items.append((index, head.end(), *_number(rest)))
        for following in units[position + 1 :]:
            item = _item().match(doc.units[following].text)
            if not item:
                break
            note.items.append((following, 0, *_number(doc.units[following].text)))
        return note
    return None


def note_units(doc: Doc) -> set[int]:
    """Return the units of the attachment note (not an enumeration: SK103 leaves them alone)."""
    note = find_note(doc)
    return {note.unit, *(item[0] for item in note.items)} if note else set()


def _number(text: str) -> tuple[int | None, str]:
    item = _item().match(text)
    if not item:
        return None, ""
    if item.group("n"):
        return int(item.group("n")), item.group("sep")
    if item.group("p"):
        return int(item.group("p")), "()"
    return parse_cn(item.group("c")), "、"


def check(doc: Doc) -> Iterator[Hit]:
    """Yield hits for a malformed attachment note and for attachments the body names but the note lacks."""
    if not doc.structural:
        return
    note = find_note(doc)
    listed = 0
    if note is not None:
        yield from _note_hits(doc, note)
        listed = len(note.items)
    skip = {note.unit, *(i[0] for i in note.items)} if note else set()
    for index in doc.structure():
        text = doc.units[index].text
        if index in skip:
            continue
        header = _header().match(text)
        if header and note is None:
            continue  # the attachment pages themselves
        for match in _mention().finditer(text):
            raw = match.group("n")
            number = int(raw) if raw.isdigit() else parse_cn(raw)
            if number <= listed:
                continue
            where = (
                _("the attachment note lists none")
                if note is None
                else _("the attachment note lists {listed}").format(listed=listed)
            )
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK107",
                _("{group!r} is named but not listed ({where})").format(group=match.group(), where=where),
            )


def _note_hits(doc: Doc, note: Note) -> Iterator[Hit]:
    items = note.items
    if not items:
        text = doc.units[note.unit].text
        yield Hit(note.unit, 0, len(text.rstrip()), "SK107", _("the attachment note names no attachment"))
        return
    numbered = [item for item in items if item[2] is not None]
    if len(items) == 1 and numbered:
        unit, offset, _number, _sep = items[0]
        yield Hit(unit, offset, offset + 2, "SK107", _("a single attachment takes no number (附件：名称)"))
    for position, (unit, offset, number, sep) in enumerate(items, 1):
        text = doc.units[unit].text
        if len(items) > 1 and number is None:
            yield Hit(
                unit,
                offset,
                offset + 1,
                "SK107",
                _("attachment {position} has no number (附件：1.名称 / 2.名称)").format(position=position),
            )
        elif len(items) > 1 and number != position:
            yield Hit(
                unit,
                offset,
                offset + 1,
                "SK107",
                _("attachment number {number} where {position} is expected").format(number=number, position=position),
            )
        elif len(items) > 1 and sep not in (".", "．"):
            yield Hit(
                unit,
                offset,
                offset + 1,
                "SK107",
                _("attachment numbers take a full stop ({number}.), not {sep!r}").format(number=number, sep=sep),
            )
        name = text.rstrip()
        bare = name.rstrip(_END_MARKS)
        if offset < len(bare) < len(name):
            mark = name[len(bare) :]
            yield Hit(
                unit,
                len(bare),
                len(name),
                "SK107",
                _("no punctuation after an attachment name; delete {mark!r}").format(mark=mark),
            )

"""SK404–SK408, SK411: the 文种 and 行文规则 of the 党政机关公文处理工作条例, read from the registry's kinds.

SK404 two 文种 in one title; SK405 an upward document to more than one 主送机关 or to a person; SK406 a
closing formula of another 文种; SK407 address forms against the direction (``你局`` upward, ``贵局`` to
subordinates, an order's tone in a 函); SK408 an upward document copied to subordinates; SK411 a 令, 议案 or
决议 whose issuer, addressee or wording that 文种 does not allow. Each is silent when the 文种 or the
addressee cannot be told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import N_, _
from ...registry import DocumentKind
from ..finding import Hit
from ..text import Doc
from .genre import LOCAL_DEPARTMENT, Reading, body_units, genre_kinds, is_person, is_subordinate, reading

#: Second-person address forms: ``你`` or ``贵`` before an organ (``你局``, ``贵委``, ``你单位``).
_ADDRESS = r"(?<![宝珍富昂名高尊权可显])([你贵])(?:单位|公司|中心|[局委部厅办处科院所校司站队组会省市县区镇乡])"
#: ``你`` before a verb, not an organ: 你会, 你所说, 你处理, 你办理.
_NOT_ADDRESS = r"你(?:会|所(?=[在说做提有述讲属知])|处(?=[理置])|办(?=[理事好]))"
#: The forms each direction uses for a kind that does not say (``DocumentKind.address_forms``).
_DIRECTION_FORMS = {"upward": "贵", "lateral": "贵", "downward": "你"}
_DIRECTION_NAMES = {
    "upward": N_("an upward (上行)"),
    "lateral": N_("a lateral (平行)"),
    "downward": N_("a downward (下行)"),
}
#: An order's tone, wrong toward an organ that is not subordinate (a 函 asks: 商请, 请…为盼).
_ORDER_TONE = r"务必|遵照执行|贯彻执行|严格执行|不得有误|责令"


def check(doc: Doc) -> Iterator[Hit]:
    """Yield the hits of SK404–SK408 and SK411 for a document whose 文种 can be told."""
    read = reading(doc)
    if read.kind is None or read.title is None:
        return
    yield from _two_genres(doc, read)
    yield from _addressees(doc, read)
    yield from _closings(doc, read)
    yield from _address_forms(doc, read)
    yield from _copies(doc, read)
    yield from _issuers(doc, read)


def _two_genres(doc: Doc, read: Reading) -> Iterator[Hit]:
    """SK404: a title that ends in two 文种 (``请示报告``): one document, one 文种."""
    if len(read.genres) < 2 or read.title is None:
        return
    words = "".join(read.genres)
    start = max(doc.simple(read.title).find(words), 0)
    yield Hit(
        read.title,
        start,
        start + len(words),
        "SK404",
        (
            _("the title names two 文种 ({genres}); a document is of one 文种 (a request goes in a 请示)")
            if "请示" in read.genres
            else _("the title names two 文种 ({genres}); a document is of one 文种")
        ).format(genres="、".join(read.genres)),
    )


def _addressees(doc: Doc, read: Reading) -> Iterator[Hit]:
    """SK405: an upward document to more than ``max_addressees`` 主送机关, or addressed to a person."""
    kind = read.kind
    if kind is None or read.addressee is None or read.direction != "upward":
        return
    people = [name for name in read.addressees if is_person(name)]
    if people:
        yield _at(
            doc,
            read.addressee,
            people[0],
            "SK405",
            _(
                "{genre} addressed to {person!r}, a person: an upward document goes to the organ "
                "(条例 第十五条), not to a leader in person"
            ).format(genre=kind.genre, person=people[0]),
        )
    elif kind.max_addressees and len(read.addressees) > kind.max_addressees and not _party_and_government(read):
        yield _at(
            doc,
            read.addressee,
            read.addressees[kind.max_addressees],
            "SK405",
            _(
                "{genre} to {count} 主送机关 ({names}): an upward document has {most} (条例 第十五条); "
                "copy the others (抄送)"
            ).format(
                genre=kind.genre,
                count=len(read.addressees),
                names="、".join(read.addressees),
                most=kind.max_addressees,
            ),
        )


def _party_and_government(read: Reading) -> bool:
    """Return whether the addressees are one level's 党委 and 人民政府 (``市委、市政府``), written to as one."""
    names = read.addressees
    return len(names) == 2 and names[0].endswith("委") and names[1].endswith("政府")


@cache
def _formula_pattern(formula: str) -> re.Pattern[str]:
    """A closing formula with its marks optional (``妥否，请批示`` also as ``妥否,请批示``, ``妥否请批示``)."""
    parts = [re.escape(part) for part in re.split("[，,、；;]", formula)]
    return re.compile("[，,、；;]?\\s*".join(parts))


def _closings(doc: Doc, read: Reading) -> Iterator[Hit]:
    """SK406: a closing formula that belongs to another 文种 (``特此报告`` in a 请示, ``特此通知`` in a 函)."""
    kind = read.kind
    if kind is None:
        return
    own = set(kind.closing_formulas)
    others: dict[str, DocumentKind] = {}
    for other in genre_kinds(doc):
        if other.name == kind.name:
            continue
        for formula in other.closing_formulas:
            if formula in own:
                continue
            if not kind.requests and other.name == "request":
                continue  # a request in a 报告 is SK403's
            others.setdefault(formula, other)
    if not others:
        return
    seen: set[int] = set()
    for index in body_units(doc, read):
        text = doc.simple(index)
        for formula, other in sorted(others.items(), key=lambda item: -len(item[0])):
            match = _formula_pattern(formula).search(text)
            if match is None or match.start() in seen or not _is_clause(text, match.start(), match.end()):
                continue
            seen.update(range(match.start(), match.end()))
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK406",
                _closing_message(doc.units[index].text[match.start() : match.end()], other, kind),
            )


def _closing_message(words: str, other: DocumentKind, kind: DocumentKind) -> str:
    """SK406's message: whose formula this is, and the kind's own when it has one."""
    if kind.closing_formulas:
        return _("{words!r} closes a {other}; this is a {genre} (close it {own!r})").format(
            words=words, other=other.genre, genre=kind.genre, own=kind.closing_formulas[0]
        )
    return _("{words!r} closes a {other}; this is a {genre}").format(words=words, other=other.genre, genre=kind.genre)


def _is_clause(text: str, start: int, end: int) -> bool:
    """Return whether a formula stands as a clause of its own (not quoted, not part of a longer word)."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return (not before or before[-1] in "。！!；;，,：:") and (not after or after[0] in "。！!；;，,")


def _address_forms(doc: Doc, read: Reading) -> Iterator[Hit]:
    """SK407: ``你局`` in an upward or lateral document, ``贵局`` to subordinates, an order's tone in a 函."""
    kind = read.kind
    if kind is None or read.direction not in _DIRECTION_FORMS:
        return
    allowed = (kind.address_forms or _DIRECTION_FORMS).get(read.direction, _DIRECTION_FORMS[read.direction])
    for index in body_units(doc, read):
        text = doc.simple(index)
        for match in re.compile(_ADDRESS).finditer(text):
            form = match.group(1)
            if form == "你" and re.compile(_NOT_ADDRESS).match(text, match.start()):
                continue
            if form in allowed:
                continue
            if form == "你" and read.direction == "lateral" and _replies(doc, read):
                continue  # a reply (复函) from a higher organ writes 你局《…》收悉
            word = doc.units[index].text[match.start() : match.end()]
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK407",
                (
                    _("{word!r} in {direction} {genre}: '你…' is for subordinates; write {hint}")
                    if form == "你"
                    else _("{word!r} in {direction} {genre}: '贵…' is for organs not subordinate; write {hint}")
                ).format(
                    word=word,
                    direction=_(_DIRECTION_NAMES[read.direction]),
                    genre=kind.genre,
                    hint=_name_hint(read),
                ),
            )
        if read.direction == "lateral":
            for match in re.compile(_ORDER_TONE).finditer(text):
                yield Hit(
                    index,
                    match.start(),
                    match.end(),
                    "SK407",
                    _(
                        "{words!r} is an order's tone; a {genre} goes to an organ that is not subordinate: "
                        "ask (商请, 请…为盼)"
                    ).format(words=doc.units[index].text[match.start() : match.end()], genre=kind.genre),
                )


def _replies(doc: Doc, read: Reading) -> bool:
    """Return whether a letter answers one (复函, 函复, …收悉): a higher organ's reply may write 你局."""
    return "复" in read.title_text or any("收悉" in doc.simple(i) for i in body_units(doc, read))


def _name_hint(read: Reading) -> str:
    if read.direction == "downward":
        return _("'你…' or the organ's name")
    if read.addressees:
        return _("'贵…' or the organ's name ({name!r})").format(name=read.addressees[0])
    return _("'贵…' or the organ's name")


def _copies(doc: Doc, read: Reading) -> Iterator[Hit]:
    """SK408: an upward document copied (抄送) to subordinates (条例 第十五条（一）)."""
    if read.cc is None or read.direction != "upward" or read.kind is None:
        return
    for name in read.ccs:
        if is_subordinate(name):
            yield _at(
                doc,
                read.cc,
                name,
                "SK408",
                _(
                    "{genre} copied to {name!r}: an upward document is not copied to subordinates (条例 第十五条)"
                ).format(genre=read.kind.genre, name=name),
            )


def _issuers(doc: Doc, read: Reading) -> Iterator[Hit]:
    """SK411: a 令 or 议案 from an organ that may not issue it, an 议案 to another than the 人大, a 决议 with no
    meeting that adopted it."""
    kind = read.kind
    if kind is None or read.title is None:
        return
    if (
        kind.issuers
        and read.issuer
        and not re.compile(kind.issuers).search(read.issuer)
        and re.compile(LOCAL_DEPARTMENT).search(read.issuer)
    ):
        yield Hit(
            read.title,
            0,
            len(doc.units[read.title].text.strip()) or 1,
            "SK411",
            _("{issuer!r} is a department: a {genre} is issued only by organs the law empowers ({organs})").format(
                issuer=read.issuer, genre=kind.genre, organs=kind.issuers.replace("^", "").replace("|", "、")
            ),
        )
        return
    if kind.addressees and read.addressee is not None:
        wrong = [name for name in read.addressees if not re.compile(kind.addressees).search(name)]
        if wrong:
            yield _at(
                doc,
                read.addressee,
                wrong[0],
                "SK411",
                _("a {genre} goes to the {organs} (or its 常务委员会), not to {name!r}").format(
                    genre=kind.genre, organs=kind.addressees, name=wrong[0]
                ),
            )
    if kind.wording:
        text = "\n".join(doc.simple(i) for i in (read.title, *read.body))
        if not re.compile(kind.wording).search(text):
            yield Hit(
                read.title,
                0,
                len(doc.units[read.title].text.strip()) or 1,
                "SK411",
                _("a {genre} is adopted by a meeting: name it (e.g. '（2026年3月1日…会议通过）')").format(
                    genre=kind.genre
                ),
            )


def _at(doc: Doc, index: int, name: str, code: str, message: str) -> Hit:
    """Return a hit on ``name`` within unit ``index`` (the whole line when it cannot be found)."""
    text = doc.simple(index)
    start = text.find(name)
    if start < 0:
        return Hit(index, 0, max(len(text.rstrip()), 1), code, message)
    return Hit(index, start, start + len(name), code, message)


__all__ = ["check"]

"""Read a document as the 公文 it is: its 文种 (from the title, behind the 版头), direction, issuer, 主送 and 抄送.

The rules of the 公文 layer (SK403–SK411) share this reading, computed once per Doc. It knows only what the
registry's kinds say (``DocumentKind.genre``, ``genre_title``, ``direction``…) and is silent where it cannot
tell: no title that ends in a 文种, no addressee line, an addressee it does not recognise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from ...model.notice_parts import addressee_names, is_addressee_line, read_parts
from ...registry import DocumentKind
from ..text import Doc

#: Marks that may end a title by mistake (SK206 flags them; the 文种 is read all the same).
TRAILING = "。．.，,；;！!？?、 \t\u3000"
_SENTENCE = "。；！？;!?"
#: 版头 lines: 份号, 密级, 紧急程度, 发文字号 (with or without 签发人), 签发人, a 发文机关标志 ending in 文件.
_HEAD = (
    r"^\d{6}$|^(?:绝密|机密|秘密)(?:★.*)?$|^(?:特急|加急|特提|平急)$|签发人[：:]"
    r"|^\S{1,20}[〔\[【(（［](?:19|20)\d{2}[〕\]】)）］]\s*第?\d+号|^第\s*\d+\s*号$|^\S{2,40}文件$|^[—━─=＝-]+$"
)
#: Addressees that name a person, not an organ: an upward document goes to an organ (条例 第十五条（五）).
_PERSON = (
    r"(?:省长|市长|县长|区长|州长|镇长|乡长|书记|局长|厅长|部长|主任|处长|科长|院长|校长|主席|总理|委员长|"
    r"秘书长|理事长|董事长|总经理|经理|社长|馆长|所长|站长|领导|同志)$"
)
_CC = r"^(?:抄送|抄报)[：:]\s*(.+?)[。.]?$"
#: Subordinates named in a 抄送 line (``各区卫生健康局``, ``下属各单位``).
_SUBORDINATE = r"^(?:(?:[省市县区州旗]直)?各(?![位副])|下属|所属|下级)"
#: Organs that may be issuers: a name ending in one of these.
_ORGAN_END = (
    r"(?:人民政府|政府|国务院|委员会|委|局|厅|部|办公室|办公厅|办|处|科|署|院|所|站|中心|会|校|学校|公司|"
    r"党委|党组|支部|总支|街道|主席|军事委员会)$"
)
#: A department of a province, city, county, district, town: it cannot issue a 令 or lay an 议案.
LOCAL_DEPARTMENT = (
    r"^(?!.*(?:人民政府|国务院))\S*(?:省|市|县|区|州|盟|旗|镇|乡|街道)\S*"
    r"(?:局|厅|委员会|委|办公室|办|中心|处|科|所|站|院|校|学校)$"
)


class Reading(NamedTuple):
    """What a draft or built document shows of its 公文 side (unit indexes into ``doc.units``)."""

    kind: DocumentKind | None
    title: int | None = None
    #: The title in Simplified script without the marks that end it by mistake.
    title_text: str = ""
    #: Each 文种 word the title ends with, outermost last (``请示报告`` → 请示, 报告).
    genres: tuple[str, ...] = ()
    issuer: str = ""
    addressee: int | None = None
    addressees: tuple[str, ...] = ()
    cc: int | None = None
    ccs: tuple[str, ...] = ()
    #: ``upward``, ``downward``, ``lateral``, or ``""`` when neither kind nor addressee tells.
    direction: str = ""
    #: Units after the title (the body, closing, signature, 版记) in reading order.
    body: tuple[int, ...] = ()


def registry_of(doc: Doc) -> Any:
    """Return the registry the document is checked with (the runner gives every Doc its registry)."""
    return doc.registry


def genre_kinds(doc: Doc) -> list[DocumentKind]:
    """Return the registered kinds that are 文种 (``genre_title`` set)."""
    return [k for k in registry_of(doc).kinds.values() if k.genre and k.genre_title]


def reading(doc: Doc) -> Reading:
    """Return the document's 公文 reading, computed once per Doc."""
    if "genre" not in doc.memo:
        doc.memo["genre"] = _read(doc)
    result: Reading = doc.memo["genre"]
    return result


def strip_title(text: str) -> str:
    """Return a title without surrounding space and the marks that end it by mistake."""
    return text.strip().rstrip(TRAILING)


def title_genres(title: str, kinds: list[DocumentKind]) -> list[tuple[str, DocumentKind]]:
    """Return the 文种 words that end ``title``, from the end inward (``请示报告`` → 报告, 请示)."""
    found: list[tuple[str, DocumentKind]] = []
    rest = title
    while rest:
        best = max(
            ((m.group(), k) for k in kinds for m in [re.compile(f"(?:{k.genre_title})$").search(rest)] if m),
            key=lambda pair: len(pair[0]),
            default=None,
        )
        if best is None or (found and best[1].name == "opinion" and found[-1][1].name == "letter"):
            break  # 征求意见函 is a 函, not two 文种
        found.append(best)
        rest = rest[: -len(best[0])]
    return found


def _read(doc: Doc) -> Reading:
    kinds = genre_kinds(doc)
    if not doc.structural or not kinds:
        return Reading(None)
    units = doc.textual() if doc.speech is not None else doc.structure()
    if doc.speech is not None:
        return _read_model(doc, units)
    head_issuer = ""
    for position, index in enumerate(units[:14]):
        text = doc.simple(index).strip()
        if not text:
            continue
        if re.compile(_HEAD).search(text):
            if text.endswith("文件"):
                head_issuer = text.removesuffix("文件")
            continue
        title = strip_title(text)
        if len(title) > 80 or any(mark in title for mark in _SENTENCE):
            return Reading(None)
        found = title_genres(title, kinds)
        if found:
            return _reading(doc, index, title, found, units[position + 1 :], head_issuer)
        later = [i for i in units[position + 1 :] if doc.simple(i).strip()]
        following = doc.simple(later[0]).strip() if later else ""
        if not re.compile(_HEAD).search(following):
            # A long title broken over two lines: the second ends in the 文种.
            joined = title + strip_title(following)
            found = title_genres(joined, kinds) if following and not _ends_clause(following) else []
            if found and len(joined) <= 80 and not is_addressee_line(following):
                return _reading(doc, index, joined, found, units[units.index(later[0]) + 1 :], head_issuer)
            return Reading(None)
        if head_issuer or len(title) > 40:
            return Reading(None)
        head_issuer = title  # a 发文机关标志 without 文件, above the 发文字号
    return Reading(None)


def _ends_clause(text: str) -> bool:
    """Return whether a line holds a sentence mark (so it is no part of a title)."""
    return any(mark in text for mark in _SENTENCE + "，,：:")


def _reading(
    doc: Doc,
    title: int,
    text: str,
    found: list[tuple[str, DocumentKind]],
    rest: list[int],
    head_issuer: str,
) -> Reading:
    genres = tuple(word for word, _ in reversed(found))
    # A title with two 文种 asks for what the 请示 among them asks (``请示报告`` is a 请示 written as a 报告).
    kind = next((k for _, k in found if k.name == "request"), found[0][1])
    issuer = head_issuer or _title_issuer(text, found[-1][0] if len(found) == 1 else "".join(genres))
    addressee, names = _addressee(doc, rest)
    cc, ccs = _cc(doc, rest)
    if not issuer:
        issuer = _signature(doc, rest)
    return Reading(
        kind,
        title,
        text,
        genres,
        issuer,
        addressee,
        names,
        cc,
        ccs,
        _direction(kind, names),
        tuple(rest),
    )


def _read_model(doc: Doc, units: list[int]) -> Reading:
    """Read a built Speech: the kind is the facts', the parts are its meta fields."""
    kind = registry_of(doc).kinds.get(doc.kind)
    if kind is None or not kind.genre:
        return Reading(None)
    roles = {doc.units[i].role: i for i in reversed(units)}
    title = roles.get("title")
    text = strip_title(doc.simple(title)) if title is not None else ""
    found = title_genres(text, genre_kinds(doc)) if text else []
    addressee = roles.get("addressee")
    names = _names(doc.simple(addressee)) if addressee is not None else ()
    cc = roles.get("cc")
    ccs = _names(doc.simple(cc)) if cc is not None else ()
    meta = doc.speech.meta if doc.speech is not None else None
    issuer = (meta.issuer or meta.signature) if meta is not None else ""
    body = tuple(i for i in units if doc.units[i].role not in ("title", "addressee", "cc"))
    genres = tuple(word for word, _ in reversed(found))
    return Reading(kind, title, text, genres, issuer, addressee, names, cc, ccs, _direction(kind, names), body)


def _title_issuer(title: str, genre: str) -> str:
    """Return the issuer a title names before ``关于`` (or before the 文种 of ``示例区教育局令``)."""
    head = title.split("关于", 1)[0] if "关于" in title else title.removesuffix(genre)
    return head if re.compile(_ORGAN_END).search(head) else ""


def _names(line: str) -> tuple[str, ...]:
    """Return the organs an addressee or 抄送 line names."""
    return addressee_names(line)


def _addressee(doc: Doc, rest: list[int]) -> tuple[int | None, tuple[str, ...]]:
    """Return the 主送机关 line right after the title, as the notice reading tells it."""
    if not rest:
        return None, ()
    found = read_parts(["", *(doc.simple(i) for i in rest)], 0).addressee
    if found is None:
        return None, ()
    index = rest[found - 1]
    return index, _names(doc.simple(index))


def _cc(doc: Doc, rest: list[int]) -> tuple[int | None, tuple[str, ...]]:
    """Return the 抄送 line of the 版记, if any."""
    for index in reversed(rest):
        match = re.compile(_CC).match(doc.simple(index).strip())
        if match:
            return index, _names(match.group(1))
    return None, ()


def _signature(doc: Doc, rest: list[int]) -> str:
    """Return the 署名 above the first date line near the end, when it names an organ."""
    from ...model.notice_parts import is_date_line

    for position, index in enumerate(rest):
        if position and is_date_line(doc.units[index].text):
            above = doc.simple(rest[position - 1]).strip()
            return above if re.compile(_ORGAN_END).search(above) else ""
    return ""


def _direction(kind: DocumentKind, addressees: tuple[str, ...]) -> str:
    """Return the direction: the kind's own, else ``downward`` when the addressee names subordinates (各…)."""
    options = kind.direction.split("|") if kind.direction else []
    if len(options) == 1:
        return options[0]
    if "downward" in options and addressees and all(re.compile(_SUBORDINATE).search(a) for a in addressees):
        return "downward"
    return ""


def is_person(name: str) -> bool:
    """Return whether an addressee names a person (``张市长``) rather than an organ."""
    return bool(re.compile(_PERSON).search(name)) and not name.startswith("各")


def is_subordinate(name: str) -> bool:
    """Return whether a 抄送 entry names subordinates (``各区卫生健康局``)."""
    return bool(re.compile(_SUBORDINATE).search(name))


def body_units(doc: Doc, read: Reading) -> Iterator[int]:
    """Yield the units after the title that are the document's own text (not the addressee or 抄送 line)."""
    for index in read.body:
        if index not in (read.addressee, read.cc) and not doc.units[index].derived:
            yield index


__all__ = ["LOCAL_DEPARTMENT", "TRAILING", "Reading", "body_units", "is_person", "is_subordinate", "reading"]

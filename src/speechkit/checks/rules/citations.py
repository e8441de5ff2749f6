"""SK409 a citation that gives the 发文字号 before the title; SK410 a repealed regulation or standard cited.

先引标题，后引发文字号: ``《关于…的通知》（示政发〔2025〕3号）``, not ``示政发〔2025〕3号《关于…的通知》``. The
repealed ones are a shipped list (``data/repealed.yaml``: what replaced each and from when), extended by the
configuration's ``repealed`` and ``repealed-lists``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import NamedTuple

import yaml

from ...i18n import _
from ...package_data import read_text
from ..finding import Hit
from ..text import Doc
from .chars import is_han

_NUMBER_FIRST = r"[〔\[【(（［](?:19|20)\d{2}[〕\]】)）］]\s*第?\d{1,5}\s*号(?:文件|文)?[的、]?\s*(?=《)"
#: Words that come before a cited number but are no part of its 机关代字.
_LEAD = (
    r"(?:现将|特将|根据|依据|按照|依照|遵照|参照|贯彻|落实|执行|对照|结合|印发|转发"
    r"|见|按|依|据|照|经|和|及|与|并|将|对|把)+"
)
#: A sentence that says the old text is repealed names it rightly (``《办法》同时废止``).
_REPEALING = r"废止|停止执行|失效|取代|代替|替代|不再执行|修订前|原《"


class Replacement(NamedTuple):
    """What replaced a repealed text, and the year it did."""

    by: str
    year: int | None = None


_EXTRA: ContextVar[Mapping[str, Replacement] | None] = ContextVar("speechkit_extra_repealed", default=None)


def parse_entries(data: object) -> dict[str, Replacement]:
    """Return the entries of a repealed list (``{old: {by, year}}`` or ``{old: by}``); raise ValueError if malformed."""
    if isinstance(data, dict) and isinstance(data.get("repealed"), dict):
        data = data["repealed"]
    if not isinstance(data, dict):
        raise ValueError(_("expected a mapping old: {by: new, year: N} (optionally under 'repealed:')"))
    entries: dict[str, Replacement] = {}
    for old, value in data.items():
        if isinstance(value, str) and value:
            entries[str(old)] = Replacement(value)
        elif isinstance(value, dict) and isinstance(value.get("by"), str) and value["by"]:
            year = value.get("year")
            if year is not None and not isinstance(year, int):
                raise ValueError(_("{old}: year must be a number").format(old=old))
            entries[str(old)] = Replacement(value["by"], year)
        else:
            raise ValueError(_("{old}: expected a replacement (a text, or {{by: …, year: …}})").format(old=old))
    return entries


@cache
def builtin_repealed() -> dict[str, Replacement]:
    """Return the shipped list (``data/repealed.yaml``), old → replacement."""
    data = yaml.load(read_text(__package__, "data/repealed.yaml"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return parse_entries(data)


@contextmanager
def extra_repealed(entries: Mapping[str, Replacement]) -> Iterator[None]:
    """Add ``entries`` to the repealed list while the block runs."""
    token = _EXTRA.set(dict(entries))
    try:
        yield
    finally:
        _EXTRA.reset(token)


def check_order(doc: Doc) -> Iterator[Hit]:
    """SK409: yield a hit for each 发文字号 written before the title it cites."""
    for index in doc.textual():
        text = doc.units[index].text
        for match in re.compile(_NUMBER_FIRST).finditer(text):
            start = match.start()
            while start and is_han(text[start - 1]) and start > match.start() - 8:
                start -= 1
            lead = re.compile(_LEAD).match(text, start, match.start())
            start = lead.end() if lead else start
            if start == match.start():
                continue  # no 机关代字 before the year: not a document number
            number = text[start : match.end()].rstrip("的、 文件") or text[start : match.end()]
            yield Hit(
                index,
                start,
                match.end(),
                "SK409",
                _(
                    "{number!r} before the title it cites: cite the title first, then the number (《…》（{bare}）)"
                ).format(number=number.strip(), bare=number.strip().removesuffix("文件").rstrip("的、")),
            )


@cache
def _pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for key in sorted(keys, key=len, reverse=True):
        code = re.match(r"^([A-Z]+(?:/[A-Z])?)\s*(\d+(?:\.\d+)?)[-—–－]\s*(\d{4})$", key)
        if code:
            prefix, number, year = code.groups()
            parts.append(rf"{re.escape(prefix).replace('/', '/?')}\s*{number}\s*[-—–－]\s*{year}(?!\d)")
        else:
            parts.append(re.escape(key))
    return re.compile("|".join(parts))


def _key_of(found: str, entries: Mapping[str, Replacement]) -> str:
    if found in entries:
        return found
    squeezed = re.sub(r"[\s—–－/-]", "", found)
    return next((key for key in entries if re.sub(r"[\s—–－/-]", "", key) == squeezed), found)


def check_repealed(doc: Doc) -> Iterator[Hit]:
    """SK410: yield a hit for each repealed regulation or standard cited (not where it is said to be repealed)."""
    entries = {**builtin_repealed(), **(_EXTRA.get() or {})}
    texts = [(index, doc.simple(index)) for index in doc.textual()]
    if not entries or not any(("《" in t or "GB" in t or "gb" in t) for _, t in texts):
        return
    pattern = _pattern(tuple(sorted(entries)))
    for index, text in texts:
        for match in pattern.finditer(text):
            sentence = _sentence(text, match.start(), match.end())
            if re.compile(_REPEALING).search(sentence):
                continue
            old = _key_of(match.group(), entries)
            new = entries.get(old)
            if new is None:
                continue
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK410",
                (
                    _("{words!r} is repealed: replaced by {new} since {year}")
                    if new.year
                    else _("{words!r} is repealed: replaced by {new}")
                ).format(words=doc.units[index].text[match.start() : match.end()], new=new.by, year=new.year),
            )


def _sentence(text: str, start: int, end: int) -> str:
    """Return the sentence around ``start..end``."""
    left = max(text.rfind(mark, 0, start) for mark in "。；！？")
    rights = [pos for pos in (text.find(mark, end) for mark in "。；！？") if pos >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]


__all__ = ["Replacement", "builtin_repealed", "check_order", "check_repealed", "extra_repealed", "parse_entries"]

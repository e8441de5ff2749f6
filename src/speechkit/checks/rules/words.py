"""SK210: misused words from a dictionary shipped as data (``签定`` → ``签订``), extensible by the user."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import yaml

from ...i18n import _
from ...model.script import to_simplified
from ...package_data import read_text
from ..finding import Hit
from ..text import Doc

#: Extra entries (wrong → right) in force for the current check, set from the user's configuration.
_EXTRA: ContextVar[Mapping[str, str] | None] = ContextVar("speechkit_extra_words", default=None)


@cache
def builtin_words() -> dict[str, str]:
    """Return the shipped dictionary (``data/misused_words.yaml``), wrong → right."""
    text = read_text(__package__, "data/misused_words.yaml")
    # libyaml's loader when PyYAML has it: the pure-Python one takes about 10 ms for this file.
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {str(k): str(v) for k, v in data["words"].items()}


@contextmanager
def extra_words(words: Mapping[str, str]) -> Iterator[None]:
    """Add ``words`` (wrong → right) to the dictionary while the block runs."""
    token = _EXTRA.set({to_simplified(k): v for k, v in words.items()})
    try:
        yield
    finally:
        _EXTRA.reset(token)


@cache
def _pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so that 截止到目前 wins over a shorter entry at the same place.
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each dictionary entry found (matched in Simplified script)."""
    words = {**builtin_words(), **(_EXTRA.get() or {})}
    words = {k: v for k, v in words.items() if k and k != v}
    if not words:
        return
    pattern = _pattern(tuple(sorted(words)))
    for index in doc.textual():
        text = doc.units[index].text
        for match in pattern.finditer(doc.simple(index)):
            wrong = text[match.start() : match.end()]
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK210",
                _("{wrong!r} is a misused form; write {words!r}").format(wrong=wrong, words=words[match.group()]),
            )

"""Simplified ⇄ Traditional conversion with the official OpenCC package."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any, TypeVar, cast

from ..i18n import _
from .errors import SpeechkitError

#: Output scripts and the OpenCC configuration that produces each from any input. ``hant`` uses the
#: standard forms Traditional readers expect (為, 啟, 審核: OpenCC ``s2tw``, not ``s2t``'s 爲, 啓, 審覈),
#: with the words of ``WORDS`` on top; ``tw`` and ``hk`` are OpenCC's regional standards as they are.
SCRIPTS: dict[str, tuple[str, ...]] = {
    "hans": ("t2s",),
    "hant": ("s2tw",),
    "tw": ("s2tw",),
    "hk": ("s2hk",),
}
#: Words written after OpenCC, per script: 匯報 (report to a superior) is the standard form, 彙 is for
#: collections (詞彙, 彙編, 彙總).
WORDS: dict[str, dict[str, str]] = {
    "hant": {"彙報": "匯報"},
}

T = TypeVar("T")


@cache
def converter(config: str) -> Any:
    """Return a cached ``opencc.OpenCC`` for a configuration name such as ``s2t``."""
    import opencc

    return opencc.OpenCC(config)


def _check(script: str) -> tuple[str, ...]:
    try:
        return SCRIPTS[script]
    except KeyError:
        raise SpeechkitError(
            _("unknown script {script!r}; known: {scripts}").format(script=script, scripts=", ".join(SCRIPTS))
        ) from None


def convert(text: str, script: str) -> str:
    """Convert ``text`` to ``hans`` (Simplified), ``hant`` (Traditional), ``tw`` or ``hk``."""
    configs = _check(script)
    if not text:
        return text
    if script != "hans":
        # Normalise first, so that Traditional input converts as cleanly as Simplified input.
        text = converter("t2s").convert(text)
    for config in configs:
        text = converter(config).convert(text)
    for old, new in WORDS.get(script, {}).items():
        text = text.replace(old, new)
    return text


def to_simplified(text: str) -> str:
    """Return ``text`` in Simplified script with the same length (unchanged if OpenCC cannot keep it)."""
    try:
        out = converter("t2s").convert(text)
    except (UnicodeError, RuntimeError, ValueError):
        return text
    return out if len(out) == len(text) else text


def convert_speech(speech: T, script: str) -> T:
    """Return a copy of a Speech (or any dataclass tree) with every text converted to ``script``.

    The Speech keeps its source positions, and its metadata records the script it is now written in.
    """
    _check(script)
    converted = _convert_value(speech, script)
    meta = getattr(converted, "meta", None)
    if meta is not None and hasattr(meta, "script"):
        converted = dataclasses.replace(converted, meta=dataclasses.replace(meta, script=script))
    return cast(T, converted)


def _convert_value(value: Any, script: str) -> Any:
    if isinstance(value, str):
        return convert(value, script)
    if isinstance(value, tuple):
        return tuple(_convert_value(v, script) for v in value)
    if isinstance(value, list):
        return [_convert_value(v, script) for v in value]
    if isinstance(value, dict):
        return {k: _convert_value(v, script) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _convert_value(getattr(value, f.name), script)
            for f in dataclasses.fields(value)
            if f.init and not _is_code_field(value, f.name)
        }
        return dataclasses.replace(value, **changes)
    return value


#: Fields that hold identifiers or formats, not text a reader sees.
_CODE_FIELDS = {
    ("Meta", "kind"),
    ("Section", "type"),
    ("Enumeration", "style"),
    ("Enumeration", "layout"),
    ("HeadingScheme", "name"),
    ("HeadingScheme", "levels"),
    ("Meta", "script"),
    ("Speech", "source"),
}


def _is_code_field(value: Any, name: str) -> bool:
    return (type(value).__name__, name) in _CODE_FIELDS


def _has_han(text: str) -> bool:
    """Return whether ``text`` holds a Han character (CJK Unified Ideographs and extension A)."""
    # Compared by code point: ``re`` would spend about 3 ms building a class of these ranges at each start.
    return not text.isascii() and any("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" for char in text)


def detect_script(text: str) -> str:
    """Return ``hant`` when ``text`` has more Traditional-only than Simplified-only characters, else
    ``hans`` (``""`` when it holds no Han character, as pure numbers do).

    The cheap ``t2s`` converter decides most texts: without a Traditional-only character the text is
    Simplified, and the costly ``s2t`` converter (about 0.15 s to load) is never made.
    """
    if not text:
        return ""
    try:
        simple = converter("t2s").convert(text)
    except (UnicodeError, RuntimeError, ValueError):
        return ""
    if len(simple) != len(text):
        return ""
    trad = sum(1 for a, b in zip(text, simple, strict=True) if a != b)
    if not trad:
        return "hans" if _has_han(text) else ""
    try:
        traditional = converter("s2t").convert(text)
    except (UnicodeError, RuntimeError, ValueError):
        return ""
    if len(traditional) != len(text):
        return ""
    simp = sum(1 for a, b, c in zip(text, traditional, simple, strict=True) if a != b and a == c)
    if trad > simp:
        return "hant"
    return "hans" if simp else ""

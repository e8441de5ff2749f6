"""Read a facts YAML file into a Doc whose positions point into the YAML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import SpeechkitError
from .sources import InputError, leaf_strings, read_text_file, split_lines
from .text import Doc, Unit

#: Keys whose values are identifiers or options, not text a reader sees.
_CODE_KEYS = {
    "kind",
    "type",
    "style",
    "layout",
    "scheme",
    "template",
    "script",
    "enumeration",
    "id",
    "schema",
    "$schema",
    "format",
    "version",
    "numbered",
    "toc",
}

#: ISO dates are data the build formats (2018-10-07 → 2018年10月7日), not text to check.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+-]+Z?)?")


def doc_from_yaml(path: Path) -> Doc:
    """Read the facts with :func:`speechkit.facts.parse_facts` and make one unit per text value."""
    from ..facts import parse_facts

    text = read_text_file(path)
    try:
        facts = parse_facts(text, str(path))
    except SpeechkitError as exc:
        raise InputError(str(exc)) from None
    lines = split_lines(text)
    units = [
        _unit(value, facts.positions.get(data_path, (1, 1)), lines)
        for data_path, value in leaf_strings(facts.data)
        if value.strip()
        and not _ISO_DATE.fullmatch(value.strip())
        and not (data_path and str(data_path[-1]) in _CODE_KEYS)
    ]
    kind = facts.data.get("kind", "") if isinstance(facts.data, dict) else ""
    doc = Doc(str(path), units, kind=kind if isinstance(kind, str) else "", structural=False)
    looks_like_facts = isinstance(facts.data, dict) and "sections" in facts.data
    speech = _try_build(facts) if looks_like_facts else None
    if speech is not None:
        from .speech_source import located_units

        doc.units += located_units(speech, units)
        doc.structural = True
    return doc


def _unit(value: str, start: tuple[int, int], lines: list[str]) -> Unit:
    """Map a string's characters into the YAML source when they appear there verbatim."""
    line, column = start
    where: list[tuple[int, int]] = []
    cursor = line - 1
    for index, part in enumerate(value.split("\n")):
        found = -1
        while part and cursor < len(lines):
            offset = column - 1 if index == 0 and cursor == line - 1 else 0
            found = lines[cursor].find(part, offset)
            if found >= 0:
                break
            cursor += 1
        if not part:
            where.append((cursor + 1, 1))
            continue
        if found < 0:
            return Unit(value, line, column, tuple([start] * len(value)), fixable=False)
        where.extend((cursor + 1, found + 1 + i) for i in range(len(part)))
        where.append((cursor + 1, found + 1 + len(part)))  # the line break
        cursor += 1
    return Unit(value, line, column, tuple(where[: len(value)]))


def _try_build(facts: Any) -> Any:
    """Build the document from the facts when the build stage exists; None otherwise."""
    import importlib

    try:
        build_module = importlib.import_module("speechkit.build")
    except ImportError:
        return None
    builder = getattr(build_module, "build_speech", None) or getattr(build_module, "build", None)
    if builder is None:
        return None
    try:
        return builder(facts)
    except SpeechkitError as exc:
        raise InputError(str(exc)) from None

"""Read a facts YAML file into a Doc whose positions point into the YAML."""

from __future__ import annotations

import re
from pathlib import Path

from ..model.errors import SpeechkitError
from ..model.text import split_lines
from ..registry import Registry
from .locate import located_unit
from .sources import InputError, leaf_strings, read_text_file
from .text import Doc

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


def doc_from_yaml(path: Path, registry: Registry) -> Doc:
    """Read facts: built into a Speech and walked (positions in the YAML); other YAML as its strings."""
    from ..facts.reading import parse_facts

    text = read_text_file(path)
    try:
        facts = parse_facts(text, str(path))
    except SpeechkitError as exc:
        raise InputError(str(exc)) from None
    if isinstance(facts.data, dict) and "sections" in facts.data:
        from ..builder.build import build
        from .speech_source import doc_from_speech

        try:
            speech = build(facts, registry=registry)
        except SpeechkitError as exc:
            raise InputError(str(exc)) from None
        return doc_from_speech(speech, str(path), text, registry)
    lines = split_lines(text)
    units = [
        located_unit(value, facts.positions.get(data_path, (1, 1)), lines, window=len(lines))
        for data_path, value in leaf_strings(facts.data)
        if value.strip()
        and not _ISO_DATE.fullmatch(value.strip())
        and not (data_path and str(data_path[-1]) in _CODE_KEYS)
    ]
    kind = facts.data.get("kind", "") if isinstance(facts.data, dict) else ""
    return Doc(str(path), units, kind=kind if isinstance(kind, str) else "", structural=False)

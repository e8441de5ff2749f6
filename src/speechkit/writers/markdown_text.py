"""Escape text for CommonMark so that markdown-it-py parses it back literally."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from ..builder.layout import Para, Run

#: ASCII punctuation that can start Markdown syntax anywhere in a line.
_ALWAYS = set("\\`*_[]<>&|~!")
_LINE_START = re.compile(r"^([#+=-]|\d{1,9}(?=[.)]))")
_TRAILING_END = "。！？；：，、!?;:,"


def escape(text: str, extra: str = "") -> str:
    """Escape one text (which may hold line breaks) for use inside a Markdown paragraph."""
    core = text.strip("\n")
    if not core:
        return "&#10;" * len(text)
    head = "&#10;" * (len(text) - len(text.lstrip("\n")))
    tail = "&#10;" * (len(text) - len(text.rstrip("\n")))
    return head + "\\\n".join(_escape_line(line, extra) for line in core.split("\n")) + tail


def _escape_line(line: str, extra: str = "") -> str:
    out = "".join("\\" + ch if ch in _ALWAYS or ch in extra else ch for ch in line)
    match = _LINE_START.match(out)
    if match:
        if match.group(1)[0].isdigit():
            end = match.end()
            out = out[:end] + "\\" + out[end:]
        else:
            out = "\\" + out
    return _protect_edges(out)


def _protect_edges(line: str) -> str:
    """Write leading and trailing white space as character references so it survives."""
    start = 0
    while start < len(line) and _space(line[start]):
        start += 1
    end = len(line)
    while end > start and _space(line[end - 1]):
        end -= 1
    return _refs(line[:start]) + line[start:end] + _refs(line[end:])


def _refs(spaces: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in spaces)


def is_punctuation(ch: str) -> bool:
    """Tell whether a character counts as punctuation for CommonMark emphasis flanking."""
    return unicodedata.category(ch)[0] in "PS"


def _space(ch: str | None) -> bool:
    return ch is None or ch.isspace() or unicodedata.category(ch) == "Zs"


def can_emphasize(before: str | None, inner: str, after: str | None) -> bool:
    """Tell whether ``**inner**`` between ``before`` and ``after`` parses as strong emphasis."""
    if not inner:
        return False
    first, last = inner[0], inner[-1]
    if _space(first) or _space(last):
        return False
    opening = not is_punctuation(first) or _space(before) or is_punctuation(before or " ")
    closing = not is_punctuation(last) or _space(after) or is_punctuation(after or " ")
    return opening and closing


def inline(
    para: Para,
    *,
    bold_roles: frozenset[str] = frozenset({"heading"}),
    run_renderers: Mapping[str, Callable[[str], str]] | None = None,
) -> str:
    """Write a paragraph's runs as Markdown, bolding run-in headings where CommonMark allows it.

    ``run_renderers`` write the (escaped) text of runs whose roles plugins registered.
    """
    pieces: list[str] = []
    runs = list(para.runs)
    custom = run_renderers or {}
    for index, run in enumerate(runs):
        if run.role in custom and run.text:
            pieces.append(custom[run.role](escape(run.text)))
        elif run.role in bold_roles and run.text:
            pieces.append(_strong(run, pieces, runs[index + 1 :]))
        else:
            pieces.append(escape(run.text))
    return "".join(pieces)


def _strong(run: Run, before: list[str], rest: list[Run]) -> str:
    raw = run.text
    core = raw.rstrip(_TRAILING_END)
    tail = raw[len(core) :]
    following = tail or "".join(r.text for r in rest)
    previous = "".join(before)
    prev_ch = previous[-1] if previous else None
    next_ch = following[0] if following else None
    if "\n" in core or not can_emphasize(prev_ch, core, next_ch):
        return escape(raw)
    return f"**{escape(core)}**{escape(tail)}"


def heading(text: str) -> str:
    """Escape text for an ATX heading line (no line breaks, no closing hashes)."""
    return escape(text.replace("\n", " "), extra="#")


def cell(text: str) -> str:
    """Escape text for a pipe-table cell."""
    return escape(text.replace("\n", " "))

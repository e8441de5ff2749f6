"""Chinese-typing slips in facts YAML, told where they stand: ``：`` for ``:``, ``，`` in ``[…]``, ``　`` in the
indentation, an unquoted ``{{``.

A Chinese input method types full-width marks, which YAML does not read as its own; the parser then stops
somewhere after the slip with a message that names neither. On a YAML error each line that holds a slip is
a candidate; the nearest one at or before the error whose mending lets the parser pass the error's position
is reported, at the slip's own line and column, with the fix.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

import yaml

from ..i18n import _

#: A key typed with a full-width colon: ``title：点评提纲``, ``- type：achievements``.
_FULL_COLON_KEY = re.compile(
    r"^(?P<lead>[ \t\u3000]*(?:-[ \t\u3000]+)?)(?P<key>[A-Za-z_][\w-]{0,40}|[^\s:：#'\"\[\]{}，,]{1,20})："
)
#: A key whose colon is followed by a full-width space (``title:　点评提纲``): YAML reads one plain text there.
_FULL_SPACE_VALUE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[^\s:#'\"\[\]{}-][^\s:#'\"\[\]{}]{0,40}):\u3000")
#: Leading whitespace that holds a full-width space before a key or a list item.
_FULL_SPACE_INDENT = re.compile(r"^(?P<lead>[ \t]*\u3000[ \t\u3000]*)(?=-[ \t]|[^\s#][^:#]*:(?:[ \t]|$))")
#: A value, key or list item that begins with ``{{`` (YAML reads a flow mapping there).
_UNQUOTED_BRACES = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?(?:[^\s:#'\"{][^:#]*:[ \t]+)?)\{\{")
#: How many candidates are tried by parsing the mended text (each parse is one pass over the file).
_MAX_TRIES = 12


class Slip(NamedTuple):
    """A slip: where it stands (1-based line and column), what to do, and the mended text to verify it by."""

    line: int
    column: int
    message: str
    mended: str


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _with_line(lines: list[str], number: int, new: str) -> str:
    return "\n".join([*lines[:number], new, *lines[number + 1 :]])


def _colons(lines: list[str]) -> Iterator[Slip]:
    for number, line in enumerate(lines):
        match = _FULL_COLON_KEY.match(line)
        if match and ": " not in line[: match.end()]:
            column = match.end()
            new = line[: column - 1] + ": " + line[column:].lstrip()
            yield Slip(
                number + 1,
                column,
                _("use ':' (half-width) instead of '：' after {key!r}").format(key=match.group("key")),
                _with_line(lines, number, new),
            )


def _commas(lines: list[str]) -> Iterator[Slip]:
    for number, line in enumerate(lines):
        opening = min((i for i in (line.find("["), line.find("{")) if i >= 0), default=-1)
        comma = line.find("，", opening) if opening >= 0 else -1
        if comma >= 0:
            new = line[:opening] + line[opening:].replace("，", ", ")
            yield Slip(
                number + 1,
                comma + 1,
                _("use ',' (half-width) to separate the entries of [ ] or {{ }}, not '，'").format(),
                _with_line(lines, number, new),
            )


def _spaces(lines: list[str]) -> Iterator[Slip]:
    for number, line in enumerate(lines):
        match = _FULL_SPACE_INDENT.match(line)
        if match:
            lead = match.group("lead")
            new = lead.replace("\u3000", "  ") + line[len(lead) :]
            yield Slip(
                number + 1,
                lead.index("\u3000") + 1,
                _("a full-width space (U+3000) in the indentation; indent YAML with ASCII spaces"),
                _with_line(lines, number, new),
            )


def _value_spaces(lines: list[str]) -> Iterator[Slip]:
    for number, line in enumerate(lines):
        match = _FULL_SPACE_VALUE.match(line)
        if match:
            column = match.end()
            new = line[: column - 1] + " " + line[column:].lstrip("\u3000")
            yield Slip(
                number + 1,
                column,
                _("a full-width space (U+3000) after {key!r}; put an ASCII space after the ':'").format(
                    key=match.group("key") + ":"
                ),
                _with_line(lines, number, new),
            )


def _braces(lines: list[str]) -> Iterator[Slip]:
    for number, line in enumerate(lines):
        match = _UNQUOTED_BRACES.match(line)
        if match:
            lead = match.group("lead")
            value = line[len(lead) :].rstrip()
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            yield Slip(
                number + 1,
                len(lead) + 1,
                _("a value that starts with '{{{{' must be quoted: write {quoted}").format(
                    quoted=(lead.strip() + " " + quoted).strip()
                ),
                _with_line(lines, number, lead + quoted),
            )


_FINDERS: tuple[Callable[[list[str]], Iterator[Slip]], ...] = (_colons, _commas, _spaces, _value_spaces, _braces)


def _stops_at(text: str, loader: type[yaml.SafeLoader]) -> tuple[int, int] | None:
    """Return where parsing ``text`` fails (0-based line, column), or None when it parses."""
    parser = loader(io.StringIO(text))
    try:
        parser.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return (mark.line, mark.column) if mark is not None else (0, 0)
    except yaml.YAMLError:
        return (0, 0)
    finally:
        parser.dispose()
    return None


def find_slip(text: str, line: int, loader: type[yaml.SafeLoader], *, verify: bool = True) -> Slip | None:
    """Return the slip nearest at or before 1-based ``line`` whose mending gets the parser past it."""
    lines = _lines(text)
    candidates = [slip for finder in _FINDERS for slip in finder(lines) if slip.line <= line]
    candidates.sort(key=lambda slip: (line - slip.line, slip.column))
    for slip in candidates[:_MAX_TRIES]:
        if not verify:
            return slip
        stop = _stops_at(slip.mended, loader)
        if stop is None or stop[0] + 1 > line:
            return slip
    return None


def slip_at(text: str, line: int) -> Slip | None:
    """Return the slip that stands on 1-based ``line`` (a key indented with ``　``, a ``{{`` value), if any."""
    lines = _lines(text)
    return next((slip for finder in (_spaces, _braces) for slip in finder(lines) if slip.line == line), None)


__all__ = ["Slip", "find_slip", "slip_at"]

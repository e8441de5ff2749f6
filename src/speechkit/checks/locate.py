"""Map the characters of a text to the source lines it was written on.

A text of a built document is its facts value after the expressions were evaluated: most of it stands
in the source verbatim, the values of ``{{ … }}`` do not. Each character that stands there gets its own
line and column (so a fix can rewrite it in place); one that does not gets the position of the
character before it. The search stays within a few lines of the value, so the mapping is linear.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import overload

from .text import Unit

#: How many source lines after its start a text is looked for.
WINDOW = 64
#: How many characters must agree before a stretch of the text is taken to be the source's.
CHUNK = 3

Where = tuple[int, int]


class Positions(Sequence[Where]):
    """The source (line, column) of each character of a text, held as runs rather than one pair each.

    A run from ``offset`` on is either side by side on one line (each character one column further)
    or the same position repeated (characters an expression produced, given the one before them).
    """

    __slots__ = ("_length", "_runs", "_starts")

    def __init__(self, runs: list[tuple[int, int, int, int]]) -> None:
        """Take runs of (length, line, column, step); step 1 moves a column a character, 0 stays."""
        self._starts: list[int] = []
        self._runs: list[tuple[int, int, int]] = []
        offset = 0
        for length, line, column, step in runs:
            if length <= 0:
                continue
            self._starts.append(offset)
            self._runs.append((line, column, step))
            offset += length
        self._length = offset

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Where: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Where, ...]: ...

    def __getitem__(self, index: int | slice) -> Where | tuple[Where, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("position index out of range")
        run = bisect.bisect_right(self._starts, index) - 1
        line, column, step = self._runs[run]
        return line, column + (index - self._starts[run]) * step

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=False))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Positions({list(self)!r})"


def located_unit(value: str, start: Where, lines: list[str], role: str = "", window: int = WINDOW) -> Unit:
    """Return a unit of ``value`` whose characters point into ``lines`` from ``start`` (line, column)."""
    line, column = start
    last = min(len(lines), line - 1 + window)
    # Runs of (length, line, column, step); line 0 marks characters not found (filled in below).
    runs: list[tuple[int, int, int, int]] = []
    cursor, col = line - 1, column - 1
    for index, part in enumerate(value.split("\n")):
        if index:
            runs.append((1, *_last_position(runs), 0))  # the line break: where the character before is
            cursor, col = cursor + 1, 0
        if not part:
            continue
        found = _verbatim(part, lines, cursor, col, last)
        if found is not None:
            cursor, col = found
            runs.append((len(part), cursor + 1, col + 1, 1))
            col += len(part)
            continue
        cursor, col = _align(part, lines, cursor, col, last, runs)
    known = [run for run in runs if run[1]]
    if not known:
        return Unit(value, line, column, None, role=role, fixable=False)
    first = known[0]
    filled: list[tuple[int, int, int, int]] = []
    previous: Where = (first[1], first[2])
    for length, run_line, run_column, step in runs:
        if run_line:
            filled.append((length, run_line, run_column, step))
            previous = (run_line, run_column + (length - 1) * step)
        else:
            filled.append((length, *previous, 0))
    return Unit(value, first[1], first[2], Positions(filled), role=role)


def _last_position(runs: list[tuple[int, int, int, int]]) -> Where:
    """Return the position of the last character of ``runs`` ((0, 0) when unknown or none)."""
    if not runs:
        return 0, 0
    length, line, column, step = runs[-1]
    return (line, column + (length - 1) * step) if line else (0, 0)


def _verbatim(part: str, lines: list[str], cursor: int, col: int, last: int) -> Where | None:
    """Return the (0-based) line and column where ``part`` stands whole, from ``cursor``/``col`` on."""
    while cursor < last:
        found = lines[cursor].find(part, col)
        if found >= 0:
            return cursor, found
        cursor, col = cursor + 1, 0
    return None


def _align(
    part: str, lines: list[str], cursor: int, col: int, last: int, runs: list[tuple[int, int, int, int]]
) -> tuple[int, int]:
    """Add runs for the stretches of ``part`` found in order in the source, and unknown runs for the rest."""
    i = 0
    while i < len(part):
        chunk = part[i : i + CHUNK]
        found = _verbatim(chunk, lines, cursor, col, min(last, cursor + 2)) if cursor < last else None
        if found is None:
            runs.append((1, 0, 0, 0))
            i += 1
            continue
        cursor, col = found
        text = lines[cursor]
        begin, begin_col = i, col
        while i < len(part) and col < len(text) and text[col] == part[i]:
            i += 1
            col += 1
        runs.append((i - begin, cursor + 1, begin_col + 1, 1))
    return cursor, col

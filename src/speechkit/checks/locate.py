"""Map the characters of a text to the source lines it was written on.

A text of a built document is its facts value after the expressions were evaluated: most of it stands
in the source verbatim, the values of ``{{ … }}`` do not. Each character that stands there gets its own
line and column (so a fix can rewrite it in place); one that does not gets the position of the
character before it. The search stays within a few lines of the value, so the mapping is linear.
"""

from __future__ import annotations

from .text import Unit

#: How many source lines after its start a text is looked for.
WINDOW = 64
#: How many characters must agree before a stretch of the text is taken to be the source's.
CHUNK = 3

Where = tuple[int, int]


def located_unit(value: str, start: Where, lines: list[str], role: str = "", window: int = WINDOW) -> Unit:
    """Return a unit of ``value`` whose characters point into ``lines`` from ``start`` (line, column)."""
    line, column = start
    last = min(len(lines), line - 1 + window)
    where: list[Where | None] = []
    cursor, col = line - 1, column - 1
    for index, part in enumerate(value.split("\n")):
        if index:
            where.append(where[-1] if where else None)  # the line break
            cursor, col = cursor + 1, 0
        if not part:
            continue
        found = _verbatim(part, lines, cursor, col, last)
        if found is not None:
            cursor, col = found
            where.extend((cursor + 1, col + 1 + i) for i in range(len(part)))
            col += len(part)
            continue
        mapped, cursor, col = _align(part, lines, cursor, col, last)
        where.extend(mapped)
    if not any(where):
        return Unit(value, line, column, None, role=role, fixable=False)
    filled: list[Where] = []
    known: Where = next(w for w in where if w is not None)
    for w in where:
        known = w or known
        filled.append(known)
    return Unit(value, filled[0][0], filled[0][1], tuple(filled), role=role)


def _verbatim(part: str, lines: list[str], cursor: int, col: int, last: int) -> Where | None:
    """Return the (0-based) line and column where ``part`` stands whole, from ``cursor``/``col`` on."""
    while cursor < last:
        found = lines[cursor].find(part, col)
        if found >= 0:
            return cursor, found
        cursor, col = cursor + 1, 0
    return None


def _align(part: str, lines: list[str], cursor: int, col: int, last: int) -> tuple[list[Where | None], int, int]:
    """Map the stretches of ``part`` found in order in the source; the rest maps to None."""
    out: list[Where | None] = []
    i = 0
    while i < len(part):
        chunk = part[i : i + CHUNK]
        found = _verbatim(chunk, lines, cursor, col, min(last, cursor + 2)) if cursor < last else None
        if found is None:
            out.append(None)
            i += 1
            continue
        cursor, col = found
        text = lines[cursor]
        while i < len(part) and col < len(text) and text[col] == part[i]:
            out.append((cursor + 1, col + 1))
            i += 1
            col += 1
    return out, cursor, col

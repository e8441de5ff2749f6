"""Source positions of a built text's characters: the run-length map gives what one pair per character gave."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from speechkit.checks.locate import CHUNK, WINDOW, Positions, located_unit
from speechkit.checks.text import Unit

Where = tuple[int, int]


def reference(value: str, start: Where, lines: list[str], window: int = WINDOW) -> Unit:
    """The mapping as it was written first: one (line, column) pair, or None, per character."""
    line, column = start
    last = min(len(lines), line - 1 + window)
    where: list[Where | None] = []
    cursor, col = line - 1, column - 1
    for index, part in enumerate(value.split("\n")):
        if index:
            where.append(where[-1] if where else None)
            cursor, col = cursor + 1, 0
        if not part:
            continue
        found = verbatim(part, lines, cursor, col, last)
        if found is not None:
            cursor, col = found
            where.extend((cursor + 1, col + 1 + i) for i in range(len(part)))
            col += len(part)
            continue
        mapped: list[Where | None] = []
        i = 0
        while i < len(part):
            chunk = part[i : i + CHUNK]
            hit = verbatim(chunk, lines, cursor, col, min(last, cursor + 2)) if cursor < last else None
            if hit is None:
                mapped.append(None)
                i += 1
                continue
            cursor, col = hit
            text = lines[cursor]
            while i < len(part) and col < len(text) and text[col] == part[i]:
                mapped.append((cursor + 1, col + 1))
                i += 1
                col += 1
        where.extend(mapped)
    if not any(where):
        return Unit(value, line, column, None, fixable=False)
    filled: list[Where] = []
    known: Where = next(w for w in where if w is not None)
    for w in where:
        known = w or known
        filled.append(known)
    return Unit(value, filled[0][0], filled[0][1], tuple(filled))


def verbatim(part: str, lines: list[str], cursor: int, col: int, last: int) -> Where | None:
    while cursor < last:
        found = lines[cursor].find(part, col)
        if found >= 0:
            return cursor, found
        cursor, col = cursor + 1, 0
    return None


alphabet = "一二三是要的。，ab {}\n"
sources = st.lists(st.text(alphabet.replace("\n", ""), max_size=12), min_size=1, max_size=8)


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, Where, list[str]]:
    lines = draw(sources)
    joined = "\n".join(lines)
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        if joined and draw(st.booleans()):
            a = draw(st.integers(0, len(joined)))
            b = draw(st.integers(a, min(len(joined), a + 15)))
            pieces.append(joined[a:b])
        else:
            pieces.append(draw(st.text(alphabet, max_size=6)))
    line = draw(st.integers(1, len(lines)))
    column = draw(st.integers(1, len(lines[line - 1]) + 1))
    return "".join(pieces), (line, column), lines


@settings(max_examples=500, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
@example(("甲乙丙\n丁", (1, 1), ["甲乙丙", "丁"]))
@example(("4位支部书记", (1, 1), ["刚才{{ n }}位支部书记"]))
@example(("\n\n", (1, 1), ["ab"]))
def test_runs_give_what_one_pair_per_character_gave(case: tuple[str, Where, list[str]]) -> None:
    value, start, lines = case
    new, old = located_unit(value, start, lines), reference(value, start, lines)
    assert (new.line, new.column, new.fixable) == (old.line, old.column, old.fixable)
    if old.where is None:
        assert new.where is None
    else:
        assert new.where is not None and tuple(new.where) == old.where
        assert new.where == old.where and hash(new.where) == hash(old.where)
        assert [new.pos(i) for i in range(-1, len(value) + 2)] == [old.pos(i) for i in range(-1, len(value) + 2)]
        assert all(
            new.contiguous(a, b) == old.contiguous(a, b) for a in range(len(value) + 1) for b in range(len(value) + 2)
        )


def test_positions_index_and_slice_like_a_tuple() -> None:
    positions = Positions([(3, 2, 5, 1), (2, 2, 7, 0), (0, 9, 9, 1), (1, 3, 1, 1)])
    expected = ((2, 5), (2, 6), (2, 7), (2, 7), (2, 7), (3, 1))
    assert tuple(positions) == expected and len(positions) == 6
    assert positions[-1] == (3, 1) and positions[1:4] == expected[1:4] and positions[::-2] == expected[::-2]
    assert positions == expected and positions != expected[:-1]

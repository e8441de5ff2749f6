"""The text a check sees: units (lines, paragraphs, cells) that know where each character came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model.script import to_simplified

if TYPE_CHECKING:
    from ..model.speech import ModelPath, Speech


class Unit(NamedTuple):
    """A line or paragraph of text; ``where`` maps each character to a source (line, column)."""

    text: str
    line: int
    column: int = 1
    where: Sequence[tuple[int, int]] | None = None
    role: str = ""
    #: Whether ``--fix`` may rewrite spans of this unit in its source.
    fixable: bool = True
    #: A paragraph of a built document, located in the facts it came from (structural rules only).
    derived: bool = False

    def pos(self, offset: int) -> tuple[int, int]:
        """Return the source (line, column) of the character at ``offset``."""
        if self.where:
            return self.where[min(max(offset, 0), len(self.where) - 1)]
        return self.line, self.column + max(offset, 0)

    def contiguous(self, start: int, end: int) -> bool:
        """Return whether characters ``start..end`` sit side by side on one source line."""
        if not self.where:
            return True
        if end > len(self.where) or start >= end:
            return False
        first = self.where[start]
        return all(self.where[start + i] == (first[0], first[1] + i) for i in range(end - start))


class DocTable(NamedTuple):
    """A table found in the source: header, body rows, and where it sits."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    caption: str = ""


@dataclass
class Doc:
    """Everything a check reads from one source."""

    path: str
    units: list[Unit]
    tables: list[DocTable] = field(default_factory=list)
    #: Document kind when known (facts), else inferred from the title by the kind rule.
    kind: str = ""
    #: Whether enumerations and counting phrases can be judged (False for bare YAML strings).
    structural: bool = True
    #: The document model the units were walked from (a built Speech); structural rules walk it.
    speech: Speech | None = None
    #: The model path of each unit when ``speech`` is set (parallel to ``units``).
    paths: list[ModelPath] = field(default_factory=list)
    #: The registry the document was built with (document kinds for SK401), when known.
    registry: Any = None
    _simple: list[str] | None = None
    #: Results several rules share (the outline of labels), computed once per Doc.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def structure(self) -> list[int]:
        """Return the indexes of the units that carry the document's structure, in reading order."""
        derived = [i for i, unit in enumerate(self.units) if unit.derived]
        return derived or [i for i, unit in enumerate(self.units) if unit.role != "cell"]

    def textual(self) -> list[int]:
        """Return the indexes of the units whose own text is checked."""
        return [i for i, unit in enumerate(self.units) if not unit.derived]

    def simple(self, index: int) -> str:
        """Return unit ``index`` in Simplified script (same length) for keyword matching."""
        if self._simple is None:
            self._simple = [to_simplified(unit.text) for unit in self.units]
        return self._simple[index]

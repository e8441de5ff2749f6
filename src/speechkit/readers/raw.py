"""What a format reader hands to the structurer: paragraphs and tables with positions and hints."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import N_, _
from ..model.speech import Table

#: What a reader did, as the import report names it (the ``action`` of a :class:`Note`).
ACTIONS = (
    N_("fixed"),
    N_("joined"),
    N_("kept as text"),
    N_("outline"),
    N_("renumbered"),
    N_("set aside"),
    N_("split"),
    N_("stripped label"),
)


@dataclass
class RawPara:
    """One paragraph of a draft: its text, where it starts, and what the format says it is."""

    text: str
    line: int
    column: int = 1
    #: A role known from the format (a DOCX style, a Markdown heading): ``title``, ``heading``… or ``""``.
    role: str = ""
    #: Heading level known from the format (Markdown ``##`` = 1, DOCX Heading1 = 1); 0 if unknown.
    level: int = 0
    #: End of the run that holds the label and title (bold in Markdown, a run style in DOCX); -1 if unknown.
    title_end: int = -1
    #: The format's own name for the paragraph's style (a DOCX paragraph style ID), ``""`` if none.
    style: str = ""
    #: The format's name for the style of the paragraph's first run, and where that run ends (-1 if none).
    lead_style: str = ""
    lead_end: int = -1


@dataclass
class RawTable:
    """A table of a draft and where it starts."""

    table: Table
    line: int
    column: int = 1


RawBlock = RawPara | RawTable


@dataclass(frozen=True)
class Note:
    """Something the reader changed or set aside: where, what kind of change, and the text."""

    line: int
    action: str
    text: str

    def format(self, path: str) -> str:
        """Write the note as ``path:line: action: text``."""
        return f"{path}:{self.line}: {_(self.action)}: {self.text}"


@dataclass
class Draft:
    """A draft as a format reader returns it: its blocks, its notes and the file name."""

    path: str
    blocks: list[RawBlock] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

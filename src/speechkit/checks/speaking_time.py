"""Length and speaking time of a document: characters, sections, items, minutes at a reading rate."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..i18n import _

#: Characters a minute a speaker reads aloud at a meeting.
DEFAULT_RATE = 220

#: UTF-16 high bytes of the Han code points U+3400–U+4CFF, U+4E00–U+9FFF and U+F900–U+FAFF
#: (U+4D00–U+4DBF, the end of extension A, shares its high byte with symbols and is told apart).
_HAN_HIGH = bytes([*range(0x34, 0x4D), *range(0x4E, 0xA0), 0xF9, 0xFA])
_PUNCT = re.compile(
    "[\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    "\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]"
)
_WORD = re.compile("[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[.,:%][0-9]+)*%?")


@dataclass(frozen=True)
class Stats:
    """Counts of a document and its estimated speaking time."""

    path: str
    characters: int
    han: int
    punctuation: int
    words: int
    sections: int
    items: int
    rate: int
    seconds: int

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON form, with ``minutes`` rounded to one decimal."""
        return {**asdict(self), "minutes": round(self.seconds / 60, 1)}

    def format(self) -> str:
        """Format as a few lines for the terminal."""
        minutes, seconds = divmod(self.seconds, 60)
        return _(
            "{path}\n"
            "  characters:    {characters} (Han {han}, punctuation {punctuation}, "
            "Latin words and numbers {words})\n"
            "  sections:      {sections}\n"
            "  items:         {items}\n"
            "  speaking time: {minutes} min {seconds:02d} s at {rate} characters a minute"
        ).format(
            path=self.path,
            characters=self.characters,
            han=self.han,
            punctuation=self.punctuation,
            words=self.words,
            sections=self.sections,
            items=self.items,
            minutes=minutes,
            seconds=seconds,
            rate=self.rate,
        )


def count_characters(text: str) -> tuple[int, int, int]:
    """Count Han characters, full-width punctuation, and runs of Latin letters or digits (one each)."""
    return count_han(text), len(_PUNCT.findall(text)), len(_WORD.findall(text))


def count_han(text: str) -> int:
    """Count the Han characters (U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF) of ``text``.

    Counted on the text's UTF-16 high bytes, in C: a compiled class of these ranges costs ``re``
    about 2 ms at each start (it visits every code point), a Python loop as much on a long speech.
    """
    units = text.encode("utf-16-be", "surrogatepass")
    high, low = units[0::2], units[1::2]
    count = len(high) - len(high.translate(None, _HAN_HIGH))
    at = high.find(0x4D)
    while at >= 0:
        count += low[at] < 0xC0
        at = high.find(0x4D, at + 1)
    return count


def stats(source: str | Path, rate: int = DEFAULT_RATE) -> Stats:
    """Return the Stats of a .txt, .md, .docx or facts .yaml file (raises InputError when unreadable)."""
    from ..default import default_registry
    from .runner import load

    return doc_stats(load(source, default_registry()), rate)


def doc_stats(doc: Any, rate: int = DEFAULT_RATE) -> Stats:
    """Return the Stats of a checks Doc: the built document if there is one, else its own text."""
    from .outline import analyze

    if rate <= 0:
        raise ValueError(_("the rate must be a positive number of characters a minute, not {rate}").format(rate=rate))
    if doc.speech is not None:
        text, sections, items = _model_counts(doc.speech, doc.registry)
    else:
        text = "\n".join(doc.units[i].text for i in doc.textual())
        marks = analyze(doc).marks
        sections = sum(1 for m in marks if m.depth == 0 and not m.inline)
        items = len(marks) - sections
    han, punctuation, words = count_characters(text)
    characters = han + punctuation + words
    return Stats(doc.path, characters, han, punctuation, words, sections, items, rate, round(characters * 60 / rate))


def _model_counts(speech: Any, registry: Any) -> tuple[str, int, int]:
    """Return the laid-out text (labels included), the numbered sections and the labelled items."""
    from ..builder.layout import Para, layout
    from ..model.speech import count_parts

    parts: list[str] = []
    for block in layout(speech, registry):
        if isinstance(block, Para):
            parts.append(block.text)
        else:
            parts.extend([*block.table.columns, *(cell for row in block.table.rows for cell in row)])
    sections, items = count_parts(speech)
    return "\n".join(parts), sections, items


def text_stats(text: str, rate: int = DEFAULT_RATE, path: str = "<text>") -> Stats:
    """Return the Stats of plain text."""
    from .sources import doc_from_text

    return doc_stats(doc_from_text(text, path), rate)

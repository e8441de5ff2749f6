"""Word's automatic list numbering (``w:numPr``): the label Word shows in front of a numbered paragraph.

:class:`ListNumbering` reads ``word/numbering.xml`` and the paragraph styles, and
:meth:`ListNumbering.label` returns each numbered paragraph's label in document order, with the
counters kept as LibreOffice keeps them (checked against ``soffice --convert-to txt``):

- the lists of every ``w:num`` that share a ``w:abstractNum`` share one set of counters; a
  ``w:startOverride`` sets its level's start at the first paragraph of its ``w:num``;
- a paragraph counts at its level, resets the deeper levels, and a shallower level not used since
  its last reset counts once at its start value (a list that starts at level 2 reads ``1.1``, the
  next level-1 item ``2.``);
- ``w:lvlRestart`` is followed as the OOXML standard says (LibreOffice 7.4 ignores it), and so is
  ``w:isLgl`` (LibreOffice 7.4 ignores it too);
- ``bullet`` levels give no label; a ``none`` level gives its literal text only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..model.numbering import circled, cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: How many levels a list has.
LEVELS = 9
_ROMAN_VALUES = (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1)
_ROMAN_DIGITS = ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i")
#: Counters past this are written in decimal: Word's own limit, and no label grows without bound.
MAX_NUMBER = 32767
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Level:
    """One list level: its start, number format, label text, restart rule, legal flag and suffix."""

    start: int = 0
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None
    legal: bool = False
    suffix: str = " "


@dataclass
class _Num:
    """One ``w:num``: its abstract list, level overrides and overridden starts."""

    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)


def _val(element: Any, path: str) -> str | None:
    """Return the ``w:val`` of the child at ``path``, or None."""
    child = element.find(path)
    return None if child is None else child.get(f"{W}val")


def _int(text: str | None, default: int) -> int:
    """Read an integer attribute, or the default."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _on(element: Any, path: str) -> bool:
    """Return whether an on/off property at ``path`` is on."""
    child = element.find(path)
    return child is not None and child.get(f"{W}val", "true") not in ("0", "false", "off")


def _level(lvl: Any) -> Level:
    """Read one ``w:lvl``."""
    restart = _val(lvl, f"{W}lvlRestart")
    suffix = {"nothing": "", "space": " ", "tab": " "}.get(_val(lvl, f"{W}suff") or "tab", " ")
    return Level(
        start=_int(_val(lvl, f"{W}start"), 0),
        fmt=_val(lvl, f"{W}numFmt") or "decimal",
        text=_val(lvl, f"{W}lvlText"),
        restart=None if restart is None else _int(restart, 0),
        legal=_on(lvl, f"{W}isLgl"),
        suffix=suffix,
    )


def _letters(n: int, upper: bool) -> str:
    """Write 1, 27 as a, aa (Word's letter numbering repeats the letter)."""
    letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    return letter.upper() if upper else letter


def _roman(n: int, upper: bool) -> str:
    """Write a positive integer in Roman numerals."""
    out = ""
    for value, digits in zip(_ROMAN_VALUES, _ROMAN_DIGITS, strict=True):
        while n >= value:
            out += digits
            n -= value
    return out.upper() if upper else out


def format_number(n: int, fmt: str) -> str:
    """Write a list counter in a ``w:numFmt`` format; formats not known here as decimal."""
    if fmt in ("none", "bullet"):
        return ""
    if not 1 <= n <= MAX_NUMBER:
        return str(n)  # LibreOffice shows 0 in every format
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return cn(n)
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % len(_STEMS)]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= 50:
        return circled(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULL_WIDTH)
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n, fmt == "upperRoman")
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class ListNumbering:
    """Word's list definitions and the counters of a document read in order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        """Read ``w:numbering`` and ``w:styles`` roots (either may be None)."""
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.level_styles: dict[str, int] = {}
        self.nums: dict[str, _Num] = {}
        self.styles: dict[str, tuple[str | None, int | None, str]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        self.default_style = ""
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _read_styles(self, root: Any) -> None:
        """Keep each style's own ``w:numPr`` (numId, ilvl) and its parent."""
        for style in root.iter(f"{W}style"):
            sid = style.get(f"{W}styleId", "")
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true", "on"):
                self.default_style = sid
            num_pr = style.find(f"{W}pPr/{W}numPr")
            num_id = None if num_pr is None else _val(num_pr, f"{W}numId")
            ilvl = None if num_pr is None else _val(num_pr, f"{W}ilvl")
            self.styles[sid] = (num_id, None if ilvl is None else _int(ilvl, 0), _val(style, f"{W}basedOn") or "")

    def _read_numbering(self, root: Any) -> None:
        """Read the abstract lists, their style links and the ``w:num`` instances."""
        for abstract in root.iter(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId", "")
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), -1)
                if 0 <= ilvl < LEVELS:
                    levels[ilvl] = _level(lvl)
                    linked = _val(lvl, f"{W}pStyle")
                    if linked:
                        self.level_styles.setdefault(linked, ilvl)
            self.abstracts[aid] = levels
            link = _val(abstract, f"{W}numStyleLink")
            if link:
                self.style_links[aid] = link
        for num in root.iter(f"{W}num"):
            entry = _Num(_val(num, f"{W}abstractNumId") or "")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), -1)
                if not 0 <= ilvl < LEVELS:
                    continue
                start = _val(override, f"{W}startOverride")
                if start is not None:
                    entry.starts[ilvl] = _int(start, 0)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(f"{W}numId", "")] = entry

    def _abstract(self, num_id: str) -> str:
        """Return the abstract list a ``w:num`` stands for, through a ``w:numStyleLink``."""
        aid = self.nums[num_id].abstract
        for _ in range(3):
            link = self.style_links.get(aid)
            linked_num = self._style_num(link)[0] if link else None
            if linked_num is None or linked_num not in self.nums:
                break
            aid = self.nums[linked_num].abstract
        return aid

    def _style_num(self, style_id: str) -> tuple[str | None, int | None]:
        """Return the (numId, ilvl) a paragraph style gives, following ``w:basedOn``.

        The level is the style's own ``w:ilvl`` (Word's reading), else the level that links the
        style by ``w:pStyle`` (the standard's; LibreOffice 7.4 takes the first level instead).
        """
        seen: set[str] = set()
        current = style_id
        while current in self.styles and current not in seen:
            seen.add(current)
            num_id, ilvl, parent = self.styles[current]
            if num_id is not None:
                if ilvl is None:
                    linked = self.level_styles.get(style_id, self.level_styles.get(current))
                    ilvl = linked
                return num_id, ilvl
            current = parent
        return None, None

    def _levels(self, num_id: str, aid: str) -> dict[int, Level]:
        """Return a ``w:num``'s levels: its abstract's with its overrides and starts applied."""
        num = self.nums[num_id]
        levels = dict(self.abstracts.get(aid, {})) | num.levels
        for ilvl, start in num.starts.items():
            if ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=start)
        return levels

    def numbered(self, p: Any) -> tuple[str, int] | None:
        """Return the (numId, ilvl) numbering paragraph ``p``, or None."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id = None if num_pr is None else _val(num_pr, f"{W}numId")
        ilvl_text = None if num_pr is None else _val(num_pr, f"{W}ilvl")
        style_num, style_ilvl = self._style_num(_val(p, f"{W}pPr/{W}pStyle") or self.default_style)
        if num_id is None:
            num_id = style_num
        ilvl = _int(ilvl_text, 0) if ilvl_text is not None else (style_ilvl or 0)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, ilvl

    def label(self, p: Any) -> str:
        """Count paragraph ``p`` and return its label with the suffix; "" if it shows none."""
        found = self.numbered(p)
        if found is None:
            return ""
        num_id, ilvl = found
        aid = self._abstract(num_id)
        levels = self._levels(num_id, aid)
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid, [None] * LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for start_level in self.nums[num_id].starts:
                counters[start_level] = None
        self._count(counters, levels, ilvl)
        return self._text(counters, levels, ilvl)

    @staticmethod
    def _count(counters: list[int | None], levels: dict[int, Level], ilvl: int) -> None:
        """Advance level ``ilvl``, count unused shallower levels once, reset the deeper ones."""
        for shallower in range(ilvl):
            if counters[shallower] is None:
                counters[shallower] = levels.get(shallower, Level()).start
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or ilvl < restart:
                counters[deeper] = None

    @staticmethod
    def _text(counters: list[int | None], levels: dict[int, Level], ilvl: int) -> str:
        """Return the label of level ``ilvl``: its ``w:lvlText`` with each ``%n`` filled in."""
        level = levels[ilvl]
        if level.fmt == "bullet" or not level.text:
            return ""
        text = level.text
        for n in range(LEVELS, 0, -1):
            if f"%{n}" not in text:
                continue
            other = levels.get(n - 1, Level())
            value = counters[n - 1]
            fmt = "decimal" if level.legal and other.fmt != "none" else other.fmt
            text = text.replace(f"%{n}", "" if value is None else format_number(value, fmt))
        return text + level.suffix if text.strip() else ""

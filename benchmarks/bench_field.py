"""Accuracy of ``import`` on drafts from the field: tests/field/*.txt against their annotations.

    python benchmarks/bench_field.py [--dir tests/field] [--json] [--per-draft]

Every draft is read with :func:`speechkit.readers.read_draft` and compared with its ``.yaml``
annotation (written by reading the page, see tests/field/README.md). For each field it prints
precision, recall and the share of drafts where the field is right, for the development set and
the held-out set (``held_out: true``) apart, as the Markdown table the README quotes.

- scalar fields (kind, title, number, addressee, signature, date): a value read and equal to the
  annotation is a hit; a value read and different is a false positive (and a miss if one was
  expected); nothing read where one was expected is a miss. "right" counts drafts where read and
  expected are equal, both empty included. A title taken from the file name counts as none.
- headings: (level, text) pairs; items: run-in items (一是…, 一要…, 第一…, 首先…) by their start.
- boilerplate: lines; a line the reader sets aside that the annotation does not list (and that
  is not junk) is a body line taken, reported as its share of all body lines.
- Han kept: the Han characters of the body (all lines but boilerplate and junk; a heading's
  number at the start of a line left out, the reader renumbers it) found again anywhere in the
  Speech, as a share of those expected.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from speechkit import default_registry
from speechkit.model.numbering import heading_label, runin_marker
from speechkit.model.script import to_simplified
from speechkit.model.speech import Item, Section, Speech, Table
from speechkit.readers import read_draft

ROOT = Path(__file__).resolve().parent.parent
SCALARS = ("kind", "title", "doc_number", "addressee", "signature", "date")
RUN_IN = ("yishi", "yiyao", "diyi", "shouxian")
HAN = re.compile(r"[\u3400-\u9fff]")
_DROP = re.compile(r"[\s\u3000:：,，。;；、·•\-—_\"'“”‘’《》〈〉()（）\[\]【】〔〕]+")


def norm(text: str) -> str:
    """Fold a string for comparison: width, script, spaces and punctuation."""
    return _DROP.sub("", to_simplified(unicodedata.normalize("NFKC", text))).lower()


_CHAPTER_LABEL = re.compile(r"^第[一二三四五六七八九十百零〇]+[章编节]")


def norm_heading(text: str) -> str:
    """Fold a heading, without a chapter label (第一章) the reader may keep in the title."""
    return norm(_CHAPTER_LABEL.sub("", norm(text)))


def norm_number(text: str) -> str:
    """Fold a document number, keeping its brackets (a broken bracket stays wrong)."""
    return re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", text)))


@dataclass
class Tally:
    """Hits, false positives, misses and drafts right for one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    drafts: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.right += other.right
        self.drafts += other.drafts

    @property
    def precision(self) -> float:
        """Share of what was read that is right (1 when nothing was read)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of what was expected that was read (1 when nothing was expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Result:
    """The tallies of a set of drafts, the body lines and Han characters counted."""

    fields: dict[str, Tally] = field(default_factory=dict)
    body_lines: int = 0
    body_taken: int = 0
    han_expected: int = 0
    han_kept: int = 0
    drafts: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        """Return the tally of a field, made on first use."""
        return self.fields.setdefault(name, Tally())

    def add(self, other: Result) -> None:
        """Add another result into this one."""
        for name, tally in other.fields.items():
            self.tally(name).add(tally)
        self.body_lines += other.body_lines
        self.body_taken += other.body_taken
        self.han_expected += other.han_expected
        self.han_kept += other.han_kept
        self.drafts += other.drafts

    def figures(self) -> dict[str, float]:
        """Flatten into ``field.precision`` / ``field.recall`` / ``field.right`` and the shares."""
        out: dict[str, float] = {}
        for name, t in sorted(self.fields.items()):
            out[f"{name}.precision"] = round(t.precision, 4)
            out[f"{name}.recall"] = round(t.recall, 4)
            out[f"{name}.right"] = round(t.right / t.drafts, 4) if t.drafts else 1.0
        out["body_taken"] = round(self.body_taken / self.body_lines, 4) if self.body_lines else 0.0
        out["han_kept"] = round(self.han_kept / self.han_expected, 4) if self.han_expected else 1.0
        return out


def _item_texts(items: Iterable[Item], style: str, depth: int) -> Iterator[tuple[str, int, str]]:
    """Yield (style of the parent list, depth, text) of items, depth first."""
    for item in items:
        yield style, depth, item.title + "".join(item.paragraphs[:1])
        yield from _item_texts(item.items, item.enumeration.style, depth + 1)


def speech_headings(speech: Speech) -> list[tuple[int, str]]:
    """The headings read: section titles at level 1, titled heading-style items below."""
    found: list[tuple[int, str]] = []
    for section in speech.sections:
        if section.title:
            found.append((1, norm_heading(section.title)))
        for level, title in _heading_items(section.items, section.enumeration.style, 2):
            found.append((level, norm_heading(title)))
    return found


def _heading_items(items: Iterable[Item], style: str, level: int) -> Iterator[tuple[int, str]]:
    """Yield titled items of heading-style lists with their level."""
    for item in items:
        if style == "heading" and item.title:
            yield level, item.title
        yield from _heading_items(item.items, item.enumeration.style, level + 1)


def speech_items(speech: Speech) -> list[str]:
    """The run-in items read, by their text."""
    found: list[str] = []
    for section in speech.sections:
        for style, _depth, text in _item_texts(section.items, section.enumeration.style, 2):
            if style in RUN_IN:
                found.append(norm(text))
    return found


def speech_text(speech: Speech) -> str:
    """All the text of a Speech: meta, salutation, sections and closing."""
    meta = speech.meta
    parts: list[str] = [
        meta.title,
        meta.subtitle,
        meta.speaker,
        meta.occasion,
        meta.date,
        meta.doc_number,
        meta.issuer,
        meta.issuer_suffix,
        meta.addressee,
        meta.signature,
        meta.note,
        meta.cc,
        meta.printer,
        *meta.attachments,
        speech.salutation,
    ]
    parts += [_block(b) for b in speech.opening]
    for section in speech.sections:
        parts += _section_text(section)
    parts += [_block(b) for b in speech.closing]
    return "\n".join(parts)


def speech_markers(speech: Speech) -> str:
    """The run-in markers (一是, 二要, 第三) the Speech writes before its items: read, not text lost."""
    out: list[str] = []
    lists = [(s.enumeration.style, s.items) for s in speech.sections]
    while lists:
        style, items = lists.pop()
        if style in RUN_IN:
            out += [
                runin_marker(style, i, len(items))
                for i in range(1, len(items) + 1)
                if len(items) <= 4 or style != "shouxian"
            ]
        lists += [(item.enumeration.style, item.items) for item in items]
    return "".join(out) + speech_labels(speech)


def speech_labels(speech: Speech) -> str:
    """The heading labels (第一，, 壹、) the Speech's scheme writes before titles: computed, not text lost."""
    out: list[str] = []
    levels = len(speech.scheme.levels)
    numbered = [s for s in speech.sections if s.numbered and s.title]
    out += [heading_label(i, 1, speech.scheme) for i in range(1, len(numbered) + 1)]
    lists = [(s.enumeration.style, s.items, 2) for s in speech.sections]
    while lists:
        style, items, level = lists.pop()
        if style == "heading" and level <= levels:
            out += [heading_label(i, level, speech.scheme) for i in range(1, len(items) + 1)]
        lists += [(item.enumeration.style, item.items, level + 1) for item in items]
    return "".join(label for label in out if not _HEADING_LABEL.fullmatch(label))


def _block(block: str | Table) -> str:
    """Text of a block: a paragraph or a table's cells."""
    if isinstance(block, Table):
        return " ".join([block.caption, *block.columns, *(c for row in block.rows for c in row)])
    return block


def _section_text(section: Section) -> list[str]:
    """Text of a section and its items."""
    parts = [section.title, *(_block(b) for b in section.lead)]
    stack = list(section.items)
    while stack:
        item = stack.pop()
        parts += [item.title, *item.paragraphs]
        stack += item.items
    return parts + [_block(b) for b in section.closing]


def _lines_of(entries: list[str], lines: list[str]) -> set[int]:
    """Line numbers (1-based) of annotated lines: the first k lines equal to an entry listed k times.

    Boilerplate is scored by text, not by line: of the lines with a text listed k times, any k
    set aside are right (which of two equal title lines is the title does not matter).
    """
    wanted = Counter(e.strip() for e in entries)
    found: set[int] = set()
    for number, line in enumerate(lines, 1):
        key = line.strip()
        if wanted.get(key, 0) > 0:
            wanted[key] -= 1
            found.add(number)
    return found


def _whole_line(note: str, line: str) -> bool:
    """Tell whether a note sets a whole line aside (not a cut mark or a tag inside it)."""
    return norm(note.removeprefix("repeated title ")) == norm(line)


def _match(expected: list[str], got: list[str], *, prefix: int = 0) -> tuple[int, int, int]:
    """Greedy one-to-one match of folded strings; with ``prefix``, compare that many leading characters."""
    pool = list(got)
    tp = 0
    for want in expected:
        key = want[:prefix] if prefix else want
        for index, have in enumerate(pool):
            if have.startswith(key) or (not prefix and len(have) >= 4 and want.startswith(have)):
                tp += 1
                del pool[index]
                break
    return tp, len(pool), len(expected) - tp


def score(txt: Path, note: dict[str, Any]) -> Result:
    """Read one draft and score it against its annotation."""
    result = Result(drafts=[txt.stem])
    reading = read_draft(txt, registry=default_registry())
    speech = reading.speech
    meta = speech.meta
    got: dict[str, str] = {name: str(getattr(meta, name, "") or "") for name in SCALARS}
    if got["title"] == txt.stem:
        got["title"] = ""
    for name in SCALARS:
        want = str(note.get(name) or "")
        have = got[name]
        tally = Tally(drafts=1)
        if name == "kind":
            accepted = [want, *note.get("kinds_ok", [])] if want else []
            if note.get("kinds_ok") == []:
                continue
            ok = have in accepted
            tally.tp, tally.fp, tally.fn, tally.right = int(ok), int(not ok), int(not ok), int(ok)
        else:
            fold = norm_number if name == "doc_number" else norm
            w, h = fold(want), fold(have)
            ok = w == h
            tally.right = int(ok)
            tally.tp = int(bool(w) and ok)
            tally.fp = int(bool(h) and not ok)
            tally.fn = int(bool(w) and not ok)
        result.tally(name).add(tally)
    want_heads = [f"{int(level)}|{norm_heading(str(text))}" for level, text in note.get("headings") or []]
    have_heads = [f"{level}|{text}" for level, text in speech_headings(speech)]
    tp, fp, fn = _match(want_heads, have_heads)
    result.tally("headings").add(Tally(tp, fp, fn, int(fp == fn == 0), 1))
    want_items = [norm(str(t)) for t in note.get("items") or []]
    tp, fp, fn = _match(want_items, [_strip_label(t) for t in speech_items(speech)], prefix=6)
    result.tally("items").add(Tally(tp, fp, fn, int(fp == fn == 0), 1))
    lines = txt.read_text(encoding="utf-8").splitlines()
    wanted = Counter(str(b).strip() for b in note.get("boilerplate") or [])
    junk_entries = [str(j) for j in note.get("junk") or []]
    junk = _lines_of(junk_entries, lines)
    whole = [n for n in reading.notes if n.action == "set aside" and _whole_line(n.text, lines[n.line - 1])]
    aside = Counter(lines[n.line - 1].strip() for n in whole if n.line not in junk)
    aside.pop("", None)
    tp = sum(min(k, aside[t]) for t, k in wanted.items())
    taken = sum(max(0, a - wanted.get(t, 0)) for t, a in aside.items())
    misses = sum(wanted.values()) - tp
    result.tally("boilerplate").add(Tally(tp, taken, misses, int(not taken and not misses), 1))
    boiler = _lines_of(list(wanted.elements()), lines)
    body = [n for n, line in enumerate(lines, 1) if line.strip() and n not in boiler and n not in junk]
    result.body_lines += len(body)
    result.body_taken += taken
    out = speech_text(speech)
    if junk_entries:
        left = sum(1 for j in junk_entries if j.strip() and j.strip() in out)
        result.tally("junk").add(Tally(len(junk_entries) - left, 0, left, int(left == 0), 1))
    body_lines = [lines[n - 1] for n in body]
    for j in junk_entries:
        body_lines = [line.replace(j, "") for line in body_lines]
    body_text = "\n".join(_HEADING_LABEL.sub("", line) for line in body_lines)
    want_han = Counter(HAN.findall(to_simplified(body_text)))
    have_han = Counter(HAN.findall(to_simplified(out + speech_markers(speech))))
    result.han_expected += sum(want_han.values())
    result.han_kept += sum(min(n, have_han[c]) for c, n in want_han.items())
    return result


#: A heading's number (一、, （二）) at the start of a line: the reader renumbers it, so it is not text lost.
_HEADING_LABEL = re.compile(r"^[\s\u3000]*[（(]?[一二三四五六七八九十]+[、）)]")
#: A heading's number (一、, （二）) at the start of a line: the reader renumbers it, so it is not text lost.
_HEADING_LABEL = re.compile(r"^[\s\u3000]*[（(]?[一二三四五六七八九十]+[、）)]")
_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+[是要来则]|第[一二三四五六七八九十]+|首先|其次|再次|最后)")


def _strip_label(text: str) -> str:
    """Drop a run-in label (一是, 二要, 第一…) that the reader kept in the item's text."""
    return _LABEL.sub("", text)


def measure(directory: Path) -> dict[str, Result]:
    """Score every annotated draft of a directory: ``dev``, ``held_out`` and ``all``."""
    sets = {"dev": Result(), "held_out": Result(), "all": Result()}
    for txt in sorted(directory.glob("*.txt")):
        annotation = txt.with_suffix(".yaml")
        if not annotation.is_file():
            continue
        note = yaml.safe_load(annotation.read_text(encoding="utf-8"))
        result = score(txt, note)
        sets["held_out" if note.get("held_out") else "dev"].add(result)
        sets["all"].add(result)
    return sets


ROWS = ("kind", "title", "doc_number", "addressee", "signature", "date", "headings", "items", "boilerplate", "junk")


def table(sets: dict[str, Result]) -> str:
    """Write the figures as a Markdown table, one column group per set."""
    names = [n for n in ("dev", "held_out") if sets[n].drafts]
    head = "| field | " + " | ".join(f"{n} P | {n} R | {n} right" for n in names) + " |"
    rule = "| --- |" + " ---: | ---: | ---: |" * len(names)
    rows = [head, rule]
    for row in ROWS:
        cells = []
        for n in names:
            t = sets[n].fields.get(row)
            cells += [f"{t.precision:.0%}", f"{t.recall:.0%}", f"{t.right}/{t.drafts}"] if t else ["–"] * 3
        rows.append(f"| {row} | " + " | ".join(cells) + " |")
    for label, key in (("body lines taken", "body_taken"), ("Han text kept", "han_kept")):
        cells = []
        for n in names:
            cells += [f"{sets[n].figures()[key]:.1%}", "", ""]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    counts = ", ".join(f"{n}: {len(sets[n].drafts)} drafts" for n in names)
    return "\n".join(rows) + f"\n\n{counts}"


def main(argv: list[str] | None = None) -> int:
    """Print the table (or the figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "tests" / "field")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--per-draft", action="store_true", help="print the fields each draft gets wrong")
    args = parser.parse_args(argv)
    sets = measure(args.dir)
    if args.per_draft:
        for txt in sorted(args.dir.glob("*.txt")):
            note = yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8"))
            figures = score(txt, note).fields
            wrong = [name for name, t in figures.items() if t.right < t.drafts]
            print(f"{txt.stem}: {', '.join(wrong) or 'all right'}")
    if args.json:
        print(json.dumps({n: r.figures() for n, r in sets.items()}, indent=1, sort_keys=True))
    else:
        print(table(sets))
    return 0


if __name__ == "__main__":
    sys.exit(main())

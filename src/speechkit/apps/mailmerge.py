"""Mail merge: one document per row of a CSV or XLSX table, the row's columns added to the template's ``facts``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..facts.reading import Facts, parse_facts, read_facts
from ..i18n import _
from ..model.errors import FactsError, Location, SpeechkitError
from .batch import Job

#: Cells read as whole numbers: no sign but minus, no leading zero (``007`` stays text, as codes do).
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
#: Characters a file name cannot hold on any common system.
_BAD_STEM = re.compile(r'[/\\:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Row:
    """One table row: its 1-based number among the data rows, its line in the file, and its values."""

    number: int
    line: int
    values: dict[str, Any]


def read_rows(path: str | os.PathLike[str]) -> tuple[list[str], list[Row]]:
    """Read the header and data rows of a ``.csv``/``.tsv`` (UTF-8 or GB18030) or ``.xlsx`` file."""
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix == ".xlsx":
        header, rows = _xlsx_rows(source)
    elif suffix in (".csv", ".tsv", ".txt"):
        header, rows = _csv_rows(source, "\t" if suffix == ".tsv" else ",")
    else:
        raise SpeechkitError(
            _("{source}: --each takes a .csv, .tsv or .xlsx table, not {value}").format(
                source=source, value=suffix or _("this file")
            )
        )
    return header, rows


def _csv_rows(path: Path, delimiter: str) -> tuple[list[str], list[Row]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpeechkitError(_("{path}: cannot read: {strerror}").format(path=path, strerror=exc.strerror)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # what Excel on a Chinese system saves as "CSV"
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise SpeechkitError(_("{path}: neither UTF-8 nor GB18030 text").format(path=path)) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(_numbered(reader))
    except csv.Error as exc:
        raise SpeechkitError(
            _("{path}:{line_num}: not valid CSV: {exc}").format(path=path, line_num=reader.line_num, exc=exc)
        ) from None
    return _table(path, [(line, [_csv_value(cell) for cell in cells]) for line, cells in records])


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    line = 1
    for cells in reader:
        yield line, cells
        line = reader.line_num + 1


def _csv_value(cell: str) -> Any:
    """Read a cell as a number when it is written as one; anything else stays text."""
    text = cell.strip()
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return cell


def _xlsx_rows(path: Path) -> tuple[list[str], list[Row]]:
    try:
        import openpyxl
    except ImportError:
        raise SpeechkitError(_("XLSX tables need openpyxl: pip install openpyxl")) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise SpeechkitError(_("{path}: cannot read: {value}").format(path=path, value=exc.strerror or exc)) from None
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for a broken file
        raise SpeechkitError(_("{path}: not a readable XLSX workbook: {exc}").format(path=path, exc=exc)) from None
    try:
        sheet = book.worksheets[0]
        records = [
            (line, [_xlsx_value(v) for v in values])
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return _table(path, records)


def _xlsx_value(value: Any) -> Any:
    """Numbers stay numbers (12.0 becomes 12), dates become ``2024-03-01``, empty cells ``""``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _table(path: Path, records: Sequence[tuple[int, Sequence[Any]]]) -> tuple[list[str], list[Row]]:
    """Take the first non-empty record as the header, the rest as rows; blank rows are skipped."""
    filled = [(line, cells) for line, cells in records if any(str(c).strip() for c in cells)]
    if not filled:
        raise SpeechkitError(_("{path}: the table is empty; its first row names the columns").format(path=path))
    header_line, header_cells = filled[0]
    header = [str(c).strip() for c in header_cells]
    while header and not header[-1]:
        header.pop()
    seen: set[str] = set()
    for column, name in enumerate(header, start=1):
        if not name:
            raise SpeechkitError(
                _("{path}:{header_line}: column {column} has no name in the header row").format(
                    path=path, header_line=header_line, column=column
                )
            )
        if name in seen:
            raise SpeechkitError(
                _("{path}:{header_line}: column {name!r} appears twice in the header row").format(
                    path=path, header_line=header_line, name=name
                )
            )
        seen.add(name)
    rows: list[Row] = []
    for number, (line, cells) in enumerate(filled[1:], start=1):
        extra = [c for c in cells[len(header) :] if str(c).strip()]
        if extra:
            raise SpeechkitError(
                _("{path}:{line}: row {number} has more cells than the header has columns").format(
                    path=path, line=line, number=number
                )
            )
        values = {name: cells[i] if i < len(cells) else "" for i, name in enumerate(header)}
        rows.append(Row(number, line, values))
    return header, rows


def merge_jobs(template: str | os.PathLike[str], table: str | os.PathLike[str], stem: str | None = None) -> list[Job]:
    """Make one build job per table row: the template's facts with the row's columns, named by ``stem``.

    ``stem`` is an expression such as ``{{ branch }}`` evaluated like the facts' own (the same sandbox
    and filters); without it documents are named ``<template>-<row number>``.
    """
    from ..default import default_registry
    from ..facts.stat_groups import RESERVED_NAMES

    try:
        content: bytes | None = Path(template).read_bytes()
    except OSError:
        content = None  # read_facts says why
    facts = parse_facts(content, str(template)) if content is not None else read_facts(template)
    header, rows = read_rows(table)
    data = facts.data
    groups = data.get("statistics") if isinstance(data.get("statistics"), dict) else {}
    for name in header:
        if name in RESERVED_NAMES:
            raise SpeechkitError(
                _(
                    "{table}: column {name!r} clashes with a name expressions reserve ({reserved_names}); "
                    "rename the column"
                ).format(table=table, name=name, reserved_names=", ".join(RESERVED_NAMES))
            )
        if name in groups:
            raise SpeechkitError(
                _("{table}: column {name!r} clashes with the statistics group of that name").format(
                    table=table, name=name
                )
            )
    base = data.get("facts") or {}
    if not isinstance(base, dict):
        raise FactsError(_("facts must be a mapping of names to values"), facts.locate(("facts",)))
    from ..facts.expressions import Expressions

    expressions = Expressions(default_registry().filters)
    kind = data.get("kind", "")
    jobs: list[Job] = []
    for row in rows:
        values = {**base, **row.values}
        where = f"{table}:{row.line}: row {row.number}: "
        name = f"{Path(template).stem}-{row.number}"
        if stem is not None:
            context = {**values, "facts": values, "kind": kind}
            place = Location(str(table), row.line, None, "--stem")
            try:
                name = expressions.render(stem, context, lambda: place)  # noqa: B023 - called at once
            except SpeechkitError as exc:
                raise SpeechkitError(_("{where}--stem: {message}").format(where=where, message=exc.message)) from None
            name = _checked_stem(name, where)
        merged = Facts({**data, "facts": values}, facts.file, facts.positions, facts.key_positions)
        jobs.append(Job(str(template), name, content, facts=merged, context=where))
    return jobs


def _checked_stem(name: str, where: str) -> str:
    """Return a usable file name stem, or raise naming the row."""
    name = name.strip()
    if not name:
        raise SpeechkitError(_("{where}--stem gives an empty file name").format(where=where))
    if name in (".", "..") or _BAD_STEM.search(name):
        raise SpeechkitError(
            _('{where}--stem gives {name!r}, which cannot be a file name (no / \\ : * ? " < > |)').format(
                where=where, name=name
            )
        )
    return name

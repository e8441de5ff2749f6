"""SK401: what a document kind requires — a notice's addressee, signature and date; a duty report's
three parts (述责任, 挖问题, 谈打算); a measure, owner and deadline for each problem in the three lists."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...numbering import parse_label
from ..finding import Hit
from ..text import Doc, DocTable
from .formats import DATE_LINE, is_date_line

_ADDRESSEE = re.compile(r"^[^，。,；;！？!?]{2,40}[：:]$")
_BODY_END = "。！？；"
_DUTY_PARTS = (
    ("述责任", re.compile("述责任|履职|履行|职责|责任落实|工作情况|主要做法|成效")),
    ("挖问题", re.compile("挖问题|问题|不足|差距|短板")),
    ("谈打算", re.compile("谈打算|打算|下一步|今后|努力方向|整改措施|工作思路|计划")),
)
_TABLE_NEEDS = (
    ("measure", re.compile("措施|举措|办法")),
    ("owner", re.compile("责任人|责任单位|责任|负责")),
    ("deadline", re.compile("时限|期限|完成时间|时间")),
)
_NEED_NAMES = {"measure": "整改措施", "owner": "责任人", "deadline": "完成时限"}


def infer_kind(doc: Doc) -> str:
    """Return the kind from the facts, else from the title: 通知 → notice, 述职报告 → duty_report."""
    if doc.kind:
        return doc.kind
    for index in doc.structure()[:12]:
        title = doc.simple(index).strip()
        if len(title) > 60 or any(mark in title for mark in _BODY_END):
            continue
        if title.endswith("通知"):
            return "notice"
        if "述职报告" in title:
            return "duty_report"
        if "点评" in title:
            return "critique_outline"
    return ""


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each missing part of the document's kind and each incomplete problem row."""
    for table in doc.tables:
        yield from _three_lists(doc, table)
    if not doc.structural:
        return
    kind = infer_kind(doc)
    units = doc.structure()
    if not units:
        return
    if kind == "notice":
        yield from _notice(doc, units)
    elif kind == "duty_report":
        text = "\n".join(doc.simple(i) for i in units)
        missing = [name for name, pattern in _DUTY_PARTS if not pattern.search(text)]
        if missing:
            yield Hit(units[0], 0, 1, "SK401", f"a duty report needs {'、'.join(missing)}; not found")


def _notice(doc: Doc, units: list[int]) -> Iterator[Hit]:
    roles = {doc.units[i].role for i in units}
    title = next((i for i in units[:12] if doc.simple(i).strip().endswith("通知")), units[0])
    body = next((p for p, i in enumerate(units) if p > units.index(title) and _is_body(doc, i)), len(units))
    head = units[units.index(title) + 1 : body]
    if "addressee" not in roles and not any(_ADDRESSEE.match(doc.units[i].text.strip()) for i in head):
        yield Hit(
            title, 0, 1, "SK401", "a notice needs an addressee line (主送机关, e.g. '各党支部：') after the title"
        )
    if {"signature", "date"} <= roles:
        return
    tail = units[body:]
    dates = [p for p, i in enumerate(tail) if is_date_line(doc.units[i].text)]
    if not dates:
        yield Hit(units[-1], 0, 1, "SK401", "a notice needs a date line (成文日期, e.g. '2018年10月7日')")
        return
    before = tail[dates[0] - 1] if dates[0] else None
    if before is None or _is_body(doc, before) or parse_label(doc.units[before].text):
        yield Hit(tail[dates[0]], 0, 1, "SK401", "a notice needs a signature (署名) above the date")


def _is_body(doc: Doc, index: int) -> bool:
    text = doc.units[index].text.strip()
    return len(text) > 40 or any(mark in text for mark in _BODY_END)


def _three_lists(doc: Doc, table: DocTable) -> Iterator[Hit]:
    """Yield a hit for each problem row lacking its measure, owner or deadline."""
    columns = [doc_text.strip() for doc_text in table.columns]
    problem = next((i for i, c in enumerate(columns) if "问题" in c or "問題" in c), None)
    if problem is None:
        return
    found = {
        need: next((i for i, c in enumerate(columns) if i != problem and p.search(c)), None) for need, p in _TABLE_NEEDS
    }
    if all(v is None for v in found.values()):
        return
    anchor = _anchor(doc, table)
    absent = [_NEED_NAMES[n] for n, v in found.items() if v is None]
    if absent:
        yield Hit(anchor, 0, 1, "SK401", f"the problem list has no column for {'、'.join(absent)}")
    for number, row in enumerate(table.rows, 1):
        if problem >= len(row) or not row[problem].strip():
            continue
        empty = [_NEED_NAMES[n] for n, v in found.items() if v is not None and (v >= len(row) or not row[v].strip())]
        if empty:
            yield Hit(
                anchor, 0, 1, "SK401", f"problem {row[problem].strip()[:20]!r} (row {number}) has no {'、'.join(empty)}"
            )


def _anchor(doc: Doc, table: DocTable) -> int:
    """Return the unit to report a table's findings at: its first cell, else the closest line."""
    units = [i for i, u in enumerate(doc.units) if not u.derived] or list(range(len(doc.units)))
    return min(units, key=lambda i: (abs(doc.units[i].line - table.line), doc.units[i].role != "cell"))


__all__ = ["DATE_LINE", "check", "infer_kind"]

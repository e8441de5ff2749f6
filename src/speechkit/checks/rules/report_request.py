"""SK403: a 报告 that carries a request (``妥否，请批示``, ``请予审批``) — a request belongs in a 请示."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ..finding import Hit
from ..text import Doc

#: The closing formulas of a 请示 (GB/T 9704 kinds; 《党政机关公文处理工作条例》: 报告 must not carry requests).
_REQUEST = (
    "妥否[，,]?\\s*请(?:批示|批复|审批|审示|指示)"
    "|请予(?:审批|批准|批复|审定|核准)"
    "|(?:请|恳请)(?:上级|领导|贵[局委部厅办处])?(?:批示|批复|审批)[。！]?$"
    "|以上请示"
)
_SENTENCE_MARKS = "，。；！？,;!?"


@cache
def _request() -> re.Pattern[str]:
    """The request formulas, compiled for the first 报告 (most documents are none)."""
    return re.compile(_REQUEST)


def is_report(doc: Doc) -> bool:
    """Return whether the document is a 报告: a ``report`` kind, or a title ending in 报告 (not 述职报告)."""
    if doc.kind:
        return doc.kind == "report"
    for index in doc.textual()[:8]:
        title = doc.simple(index).strip()
        if not title or len(title) > 60 or any(mark in title for mark in _SENTENCE_MARKS):
            continue
        return title.endswith(("报告", "报告\n")) and "述职报告" not in title  # as re's 报告$ reads it
    return False


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each request formula in a 报告."""
    if not doc.structural or not is_report(doc):
        return
    for index in doc.textual():
        for match in _request().finditer(doc.simple(index).rstrip()):
            phrase = doc.units[index].text[match.start() : match.end()]
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK403",
                _("{phrase!r} asks for approval; a 报告 carries no request (write a 请示, or end '特此报告')").format(
                    phrase=phrase
                ),
            )

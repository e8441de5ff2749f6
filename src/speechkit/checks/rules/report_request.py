"""SK403: a 报告 that carries a request (``妥否，请批示``, ``请予审批``) — a request belongs in a 请示."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ..finding import Hit
from ..text import Doc
from .genre import reading

#: The closing formulas of a 请示 (GB/T 9704 kinds; 《党政机关公文处理工作条例》: 报告 must not carry requests).
_REQUEST = (
    "妥否[，,]?\\s*请(?:批示|批复|审批|审示|指示)"
    "|请予(?:审批|批准|批复|审定|核准)"
    "|(?:请|恳请)(?:上级|领导|贵[局委部厅办处])?(?:批示|批复|审批)[。！]?$"
    "|以上请示|特此请示"
)


@cache
def _request() -> re.Pattern[str]:
    """The request formulas, compiled for the first 报告 (most documents are none)."""
    return re.compile(_REQUEST)


def is_report(doc: Doc) -> bool:
    """Return whether the document is of a 文种 that carries no request (a 报告; not a 述职报告).

    The 文种 is the facts' kind, else read from the title behind the 版头, whatever mark ends the title.
    """
    kind = reading(doc).kind
    return kind is not None and not kind.requests


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

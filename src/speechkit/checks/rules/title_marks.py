"""SK208: a 顿号 between items that book-title marks or quotes already separate (GB/T 15834 §4.5.3.5)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ..finding import Hit
from ..text import Doc

#: ``》、《`` and ``”、“``: the marks already set the items apart.
_BETWEEN = "(?<=》)、(?=《)|(?<=”)、(?=“)|(?<=』)、(?=『)|(?<=」)、(?=「)"


@cache
def _between() -> re.Pattern[str]:
    """Compile ``_BETWEEN`` on first use."""
    return re.compile(_BETWEEN)


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each 顿号 between two items in book-title marks or quotes."""
    for index in doc.textual():
        text = doc.units[index].text
        for match in _between().finditer(text):
            around = text[max(0, match.start() - 6) : match.end() + 6]
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK208",
                _("no 顿号 between items in book-title marks or quotes ({around}); delete '、'").format(around=around),
            )

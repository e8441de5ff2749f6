"""SK304: GB/T 15835 number forms — full-width digits, ``10～20%`` (→ ``10%～20%``), ``3～5万`` (→ ``3万～5万``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ...model.repair import HALF_DIGITS as _HALF
from ...model.repair import fullwidth_digits as _fullwidth
from ..finding import Hit
from ..text import Doc


@cache
def _range() -> re.Pattern[str]:
    """A range whose first number lacks the ``%`` or ``万``/``亿`` the second one carries."""
    return re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([～~〜—–至到])\s*(\d+(?:\.\d+)?)(%|‰|万|亿)")


def check(doc: Doc) -> Iterator[Hit]:
    """Yield hits for full-width digits and ranges that drop the first number's ``%``, ``万`` or ``亿``."""
    for index in doc.textual():
        text = doc.units[index].text
        for match in _fullwidth().finditer(text):
            digits = match.group()
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK304",
                _("full-width digits {digits!r}; write {translate!r}").format(
                    digits=digits, translate=digits.translate(_HALF)
                ),
            )
        for match in _range().finditer(text):
            low, sign, high, unit = match.groups()
            if float(low) >= float(high):
                continue
            tilde = "～" if sign in "～~〜—–" else sign
            yield Hit(
                index,
                match.start(),
                match.end(),
                "SK304",
                _("range {group!r}: each number keeps its {unit!r}; write {low}{unit}{tilde}{high}{unit}").format(
                    group=match.group(), unit=unit, low=low, tilde=tilde, high=high
                ),
            )

"""Filters for text expressions: numerals, counts, shares, dates, 万/亿, changes and lists."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sized
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..i18n import _
from ..model import numbering
from .budgets import MAX_DIGITS, describe

_WAN = Decimal(10_000)
_YI = Decimal(100_000_000)


def _whole(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _sized(value) or value != int(value):
        raise ValueError(_("{name} needs a whole number, not {describe}").format(name=name, describe=describe(value)))
    return int(value)


def _sized(value: int | float | Decimal) -> bool:
    """Tell whether a number is finite and has at most MAX_DIGITS digits before and after the point."""
    if isinstance(value, int):
        return value.bit_length() <= MAX_DIGITS * 10 // 3
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) < 10.0**MAX_DIGITS
    return value.is_finite() and (not value or -MAX_DIGITS <= value.adjusted() < MAX_DIGITS)


def number(value: Any, name: str) -> Decimal:
    """Read a number (int, float, Decimal or numeric text) exactly as a Decimal."""
    if isinstance(value, bool) or value is None:
        raise ValueError(_("{name} needs a number, not {describe}").format(name=name, describe=describe(value)))
    if isinstance(value, (int, float, Decimal)) and not _sized(value):
        raise ValueError(
            _("{name} needs a finite number of at most {max_digits} digits, not {describe}").format(
                name=name, max_digits=MAX_DIGITS, describe=describe(value)
            )
        )
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, str) and len(value) <= 2 * MAX_DIGITS:
        try:
            result = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(
                _("{name} needs a number, not {describe}").format(name=name, describe=describe(value))
            ) from None
        if _sized(result):
            return result
    raise ValueError(_("{name} needs a number, not {describe}").format(name=name, describe=describe(value)))


def round_half_up(value: Decimal, digits: int) -> Decimal:
    """Round to ``digits`` decimals, halves away from zero (24.15 → 24.2)."""
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """Write a Decimal without exponent or trailing zeros: 48.00 → 48, 1.20 → 1.2."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _digits(digits: Any, name: str) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 6:
        raise ValueError(
            _("{name}: digits must be a whole number from 0 to 6, not {describe}").format(
                name=name, describe=describe(digits)
            )
        )
    return digits


def share(value: Any, total: Any, digits: int = 1) -> Decimal:
    """Return ``value`` as a percentage of ``total``, rounded half-up to ``digits`` decimals."""
    part, whole = number(value, "pct"), number(total, "pct (total)")
    if whole == 0:
        raise ValueError(_("pct: the total is 0, so there is no share to compute"))
    if whole < 0:
        raise ValueError(_("pct: the total must be positive, not {plain}").format(plain=plain(whole)))
    return round_half_up(part * 100 / whole, _digits(digits, "pct"))


def pct(value: Any, total: Any, digits: int = 1) -> str:
    """Write ``value`` as a share of ``total``: 5963 of 24729 → 24.1% (half-up, fixed digits)."""
    return f"{share(value, total, digits):f}%"


def cn(value: Any) -> str:
    """Write a whole number in Chinese numerals: 11 → 十一."""
    return numbering.cn(_whole(value, "cn"))


def count_cn(value: Any, measure: str = "") -> str:
    """Write a count (a number, or the length of a list) before a measure word: 6 → 六, 2 → 两."""
    if isinstance(value, Sized) and not isinstance(value, str):
        value = len(value)
    return numbering.count_cn(_whole(value, "count_cn")) + measure


def date_cn(value: Any) -> str:
    """Write a date as 2018年10月7日 (from a date, a datetime or ISO text; 2018-10 → 2018年10月)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 7 and text[4] == "-":
                month = dt.date.fromisoformat(text + "-01")
                return f"{month.year}年{month.month}月"
            day = dt.date.fromisoformat(text[:10])
        except (ValueError, IndexError):
            pass
        else:
            if len(text) == 10 or text[10] in "T ":
                return f"{day.year}年{day.month}月{day.day}日"
    raise ValueError(_("date_cn needs a date such as 2018-10-07, not {describe}").format(describe=describe(value)))


def wan(value: Any, digits: int = 2) -> str:
    """Write large numbers in 万 or 亿: 480000 → 48万, 120000000 → 1.2亿, 9500 → 9500.

    Numbers below 10000 are written unchanged; others are divided by 10⁴ or 10⁸, rounded
    half-up to at most ``digits`` decimals, trailing zeros dropped (12345 → 1.23万).
    """
    amount = number(value, "wan")
    digits = _digits(digits, "wan")
    size = abs(amount)
    sign = "-" if amount < 0 else ""
    if size < _WAN:
        return sign + plain(size)
    in_wan = round_half_up(size / _WAN, digits)
    if in_wan < _WAN:
        return f"{sign}{plain(in_wan)}万"
    return f"{sign}{plain(round_half_up(size / _YI, digits))}亿"


def change(value: Any, previous: Any, digits: int = 1) -> str:
    """Describe the change since ``previous``: 增长12.5%, 下降3%, 持平 (基本持平 if it rounds to 0)."""
    now, before = number(value, "change"), number(previous, "change (previous)")
    if before == 0:
        raise ValueError(_("change: the previous value is 0, so there is no rate of change"))
    if now == before:
        return "持平"
    rate = round_half_up((now - before) * 100 / abs(before), _digits(digits, "change"))
    if rate == 0:
        return "基本持平"
    return f"{'增长' if rate > 0 else '下降'}{plain(abs(rate))}%"


def join_cn(values: Any, last: str = "和", sep: str = "、") -> str:
    """Join a list in Chinese: 甲、乙和丙; two → 甲和乙; one → 甲 (``last`` may be 及 or 、)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValueError(_("join_cn needs a list, not {describe}").format(describe=describe(values)))
    texts = [_text(v) for v in values]
    if not texts:
        raise ValueError(_("join_cn: the list is empty"))
    if len(texts) == 1:
        return texts[0]
    return sep.join(texts[:-1]) + last + texts[-1]


def _text(value: Any) -> str:
    if value is None or isinstance(value, (list, tuple, dict)):
        raise ValueError(_("join_cn joins texts and numbers, not {describe}").format(describe=describe(value)))
    return str(value)


FILTERS: dict[str, Callable[..., Any]] = {
    "cn": cn,
    "count_cn": count_cn,
    "pct": pct,
    "date_cn": date_cn,
    "wan": wan,
    "change": change,
    "join_cn": join_cn,
}

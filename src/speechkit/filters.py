"""Filters for text expressions: Chinese numerals and counting words."""

from __future__ import annotations

from collections.abc import Callable, Sized
from typing import Any

from . import numbering


def _whole(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise ValueError(f"{name} needs a whole number, not {value!r}")
    return int(value)


def cn(value: Any) -> str:
    """Write a whole number in Chinese numerals: 11 → 十一."""
    return numbering.cn(_whole(value, "cn"))


def count_cn(value: Any) -> str:
    """Write a count (a number, or the length of a list) before a measure word: 6 → 六, 2 → 两."""
    if isinstance(value, Sized) and not isinstance(value, str):
        value = len(value)
    return numbering.count_cn(_whole(value, "count_cn"))


FILTERS: dict[str, Callable[..., Any]] = {"cn": cn, "count_cn": count_cn}

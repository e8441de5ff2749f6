"""Budgets and value checks of the expression sandbox that need no Jinja: what a render may make and print.

:mod:`speechkit.facts.sandbox` builds the Jinja2 environment on these; a plain ``{{ name }}`` or
``{{ name | filter }}`` is evaluated with them directly (:mod:`speechkit.facts.expressions`), without
importing Jinja at all.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import math
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..i18n import _
from ..model.errors import SpeechkitError

#: Characters in one string an expression or template makes (a long speech is ~50,000).
MAX_TEXT = 1_000_000
#: Items in one list, tuple, mapping or range made (range() is capped at this too).
MAX_ITEMS = 100_000
#: Bits of a whole number made by ``*`` or ``**`` (about 120 decimal digits).
MAX_INT_BITS = 400
#: Decimal digits a number may have to be written out (so no 4,000-digit number reaches a document).
MAX_DIGITS = 40
#: Calls, attribute look-ups, operators and loop iterations in one render.
MAX_STEPS = 1_000_000
#: Calls nested inside each other (recursive macros).
MAX_CALL_DEPTH = 100
#: Wall-clock seconds one render may take (a field's expression, or a whole template).
MAX_SECONDS = 10.0
#: Filters whose arguments the sandbox checks before the call (sizes, widths, plain values); a filter
#: of this name is always called through the sandbox, never directly (speechkit.facts.expressions).
PRECHECKED_FILTERS = frozenset(
    {"wordwrap", "urlize", "striptags", "wordcount", "center", "indent", "batch", "slice", "replace", "format"}
    | {"tojson", "string", "pprint", "e", "escape", "forceescape", "safe", "trim", "upper", "lower", "title"}
    | {"join", "sum"}
)
_ADDRESS = re.compile(r"<[^<>]{0,300}? at 0x[0-9a-fA-F]+>")
_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


class BudgetError(SpeechkitError):
    """An expression or template went over one of its budgets, or made a value it may not show."""


@dataclass
class Budget:
    """What one render has used so far."""

    deadline: float
    seconds: float = MAX_SECONDS
    max_steps: int = MAX_STEPS
    steps: int = 0
    depth: int = 0

    def step(self) -> None:
        """Count one step; raise BudgetError past the step or time budget."""
        self.steps += 1
        if self.steps > self.max_steps:
            raise BudgetError(
                _("over budget: more than {max_steps:,} steps (a loop or recursion too large)").format(
                    max_steps=self.max_steps
                )
            )
        if not self.steps & 0x3F and time.monotonic() > self.deadline:
            raise BudgetError(_("over budget: took longer than {seconds:g} seconds").format(seconds=self.seconds))


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("speechkit_budget", default=None)


@contextlib.contextmanager
def budget(seconds: float = MAX_SECONDS, steps: int = MAX_STEPS) -> Iterator[Budget]:
    """Run the body under a fresh budget (one per field or template render)."""
    token = _BUDGET.set(Budget(time.monotonic() + seconds, seconds, steps))
    try:
        yield _current()
    finally:
        _BUDGET.reset(token)


def _current() -> Budget:
    found = _BUDGET.get()
    if found is None:  # rendering outside budget(): still bounded, with a budget of its own
        found = Budget(time.monotonic() + MAX_SECONDS)
        _BUDGET.set(found)
    return found


def describe(value: Any) -> str:
    """Name a value for a message without its repr: short texts and numbers quoted, others by type."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(value) if value.bit_length() <= 64 else _("a {digits}-digit number").format(digits=_digits(value))
    if isinstance(value, (float, Decimal)):
        text = str(value)
        return text if len(text) <= 24 else "a number"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else f"{value[:20]!r}… ({len(value):,} characters)"
    return f"a {type(value).__name__}"


def _digits(value: int) -> int:
    return max(1, math.ceil(abs(value).bit_length() * math.log10(2)))


def clean_message(text: str) -> str:
    """Make an error message safe to print: one line, no object addresses, no long numbers, short."""
    text = _ADDRESS.sub("<object>", str(text))
    text = _LONG_NUMBER.sub(lambda m: _("<{n_group:,}-digit number>").format(n_group=len(m.group(0))), text)
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "…"


def check_size(value: Any) -> Any:
    """Return ``value``, or raise BudgetError if it is a string, sequence or number over budget."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise BudgetError(_("over budget: text longer than {max_text:,} characters").format(max_text=MAX_TEXT))
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        if value.bit_length() > MAX_INT_BITS:
            raise BudgetError(
                _("over budget: a whole number larger than {max_int_bits} bits").format(max_int_bits=MAX_INT_BITS)
            )
    elif isinstance(value, (list, tuple, dict, set, frozenset, range)) and len(value) > MAX_ITEMS:
        raise BudgetError(_("over budget: more than {max_items:,} items").format(max_items=MAX_ITEMS))
    return value


def check_plain(value: Any, depth: int = 0) -> Any:
    """Return ``value`` if it can be written as text without a repr (no objects, functions, addresses)."""
    if value is None or isinstance(value, (str, bool, float, Decimal, dt.date)):
        return value
    if isinstance(value, int):
        if value.bit_length() > MAX_INT_BITS:
            raise BudgetError(
                _("over budget: a whole number larger than {max_int_bits} bits").format(max_int_bits=MAX_INT_BITS)
            )
        return value
    if depth < 8 and isinstance(value, (list, tuple)):
        for item in value:
            check_plain(item, depth + 1)
        return value
    if depth < 8 and isinstance(value, dict):
        for key, item in value.items():
            check_plain(key, depth + 1)
            check_plain(item, depth + 1)
        return value
    jinja2 = sys.modules.get("jinja2")  # an Undefined exists only once Jinja is loaded
    if jinja2 is not None and isinstance(value, jinja2.Undefined):
        str(value)  # a StrictUndefined raises its UndefinedError on str() (Jinja's public behaviour)
        raise jinja2.UndefinedError(_("an undefined value"))  # a lenient Undefined a caller chose
    if type(value).__module__.startswith("speechkit.") and "__str__" in vars(type(value)):
        str(value)  # speechkit's own values say themselves why they are not text (a statistics group)
    raise BudgetError(_("a {name} cannot be written as text").format(name=type(value).__name__))


def finalize(value: Any) -> Any:
    """Check a value a template prints: plain, finite, and a number not too long to write out."""
    if isinstance(value, (str, bool)) or value is None:
        return value
    if isinstance(value, int):
        if _digits(value) > MAX_DIGITS:
            raise BudgetError(
                _("a number with more than {max_digits} digits cannot be written").format(max_digits=MAX_DIGITS)
            )
        return value
    if isinstance(value, (float, Decimal)):
        if not math.isfinite(value):
            raise BudgetError(_("an infinite or undefined number (inf, NaN) cannot be written"))
        if abs(value) >= 10**MAX_DIGITS:
            raise BudgetError(
                _("a number with more than {max_digits} digits cannot be written").format(max_digits=MAX_DIGITS)
            )
        return value
    return check_plain(value)

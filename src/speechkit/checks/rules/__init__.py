"""The rules of ``speechkit check``: each module yields :class:`~speechkit.checks.finding.Hit` for a Doc."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..finding import RULES, Hit
from ..text import Doc
from . import enumeration, formats, kinds, placeholders, punctuation, script_mix, specificity

if TYPE_CHECKING:
    from ...registry import Registry

RuleFunc = Callable[[Doc], Iterator[Hit]]

#: Each rule function and the codes it can report (a function is skipped when none is selected).
RULE_FUNCS: tuple[tuple[tuple[str, ...], RuleFunc], ...] = (
    (("SK101",), placeholders.check),
    (("SK102", "SK103"), enumeration.check),
    (("SK201",), punctuation.check_halfwidth),
    (("SK202",), punctuation.check_pairs),
    (("SK203",), punctuation.check_doubled),
    (("SK204",), punctuation.check_pinyin),
    (("SK205",), script_mix.check),
    (("SK301",), formats.check_doc_numbers),
    (("SK302",), formats.check_dates),
    (("SK401",), kinds.check),
    (("SK402",), specificity.check),
)


def register_rules(registry: Registry) -> None:
    """Register the built-in rules (each code of :data:`RULE_FUNCS` with its entry in ``RULES``)."""
    for codes, func in RULE_FUNCS:
        for code in codes:
            registry.add_rule(RULES[code], func)

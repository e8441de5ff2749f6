"""The rules of ``speechkit check``: each module yields :class:`~speechkit.checks.finding.Hit` for a Doc."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..finding import RULES, Hit
from ..text import Doc
from . import (
    attachments,
    boilerplate,
    citations,
    dates_prose,
    enumeration,
    figures,
    formats,
    garbled,
    headings,
    kinds,
    number_forms,
    placeholders,
    punctuation,
    report_request,
    routing,
    script_mix,
    spacing,
    specificity,
    title_marks,
    typography,
    words,
)

if TYPE_CHECKING:
    from ...registry import Registry

RuleFunc = Callable[[Doc], Iterator[Hit]]

#: Each rule function and the codes it can report (a function is skipped when none is selected).
RULE_FUNCS: tuple[tuple[tuple[str, ...], RuleFunc], ...] = (
    (("SK101",), placeholders.check),
    (("SK102", "SK103"), enumeration.check),
    (("SK104",), figures.check),
    (("SK105",), boilerplate.check),
    (("SK106",), headings.check),
    (("SK107",), attachments.check),
    (("SK201",), punctuation.check_halfwidth),
    (("SK202",), punctuation.check_pairs),
    (("SK203",), punctuation.check_doubled),
    (("SK204",), punctuation.check_pinyin),
    (("SK205",), script_mix.check),
    (("SK206",), typography.check),
    (("SK207",), spacing.check),
    (("SK208",), title_marks.check),
    (("SK209",), garbled.check),
    (("SK210",), words.check),
    (("SK301",), formats.check_doc_numbers),
    (("SK302",), formats.check_dates),
    (("SK303",), dates_prose.check),
    (("SK304",), number_forms.check),
    (("SK401",), kinds.check),
    (("SK402",), specificity.check),
    (("SK403",), report_request.check),
    (("SK404", "SK405", "SK406", "SK407", "SK408", "SK411"), routing.check),
    (("SK409",), citations.check_order),
    (("SK410",), citations.check_repealed),
)


def register_rules(registry: Registry) -> None:
    """Register the built-in rules (each code of :data:`RULE_FUNCS` with its entry in ``RULES``), in code order."""
    funcs = {code: func for codes, func in RULE_FUNCS for code in codes}
    for code in sorted(funcs):
        registry.add_rule(RULES[code], funcs[code])

"""Findings reported by the checks, the fixes attached to them, and the rule table."""

from __future__ import annotations

from typing import NamedTuple

from ..i18n import N_


class Fix(NamedTuple):
    """Replace ``old`` by ``new`` on one source line, from ``column`` up to ``end_column`` (exclusive)."""

    line: int
    column: int
    end_column: int
    old: str
    new: str


class Finding(NamedTuple):
    """One problem found at a 1-based line and column of a source."""

    path: str
    line: int
    column: int
    code: str
    severity: str
    message: str
    fix: Fix | None = None

    def format(self) -> str:
        """Format as ``path:line:col: CODE message``."""
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        """Return the JSON form: path, line, column, code, severity, message (and fixable)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "fixable": self.fix is not None,
        }


class Hit(NamedTuple):
    """A rule's raw result: a span of one unit's text, before it is mapped to source positions."""

    unit: int
    start: int
    end: int
    code: str
    message: str
    replacement: str | None = None


class Rule(NamedTuple):
    """What a rule code means: severity, whether ``--fix`` repairs it, and a one-line summary."""

    code: str
    severity: str
    fixable: bool
    summary: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("SK101", "error", False, N_("placeholder left in the text")),
        Rule("SK102", "error", False, N_("counting phrase disagrees with the items that follow")),
        Rule("SK103", "error", False, N_("enumeration skips, repeats, restarts or mixes schemes")),
        Rule("SK104", "error", False, N_("figures disagree: a share, a breakdown's sum or its shares")),
        Rule("SK105", "error", True, N_("web boilerplate or cut mark left in the text")),
        Rule("SK106", "error", False, N_("heading level skipped or levels in the wrong order")),
        Rule("SK107", "error", False, N_("attachment note malformed, or an attachment named but not listed")),
        Rule("SK201", "error", True, N_("half-width punctuation inside Chinese text")),
        Rule("SK202", "error", False, N_("unbalanced paired marks")),
        Rule("SK203", "error", False, N_("doubled character or punctuation")),
        Rule("SK204", "error", True, N_("pinyin left behind by a broken script conversion")),
        Rule("SK205", "error", False, N_("Simplified and Traditional characters mixed")),
        Rule("SK206", "error", False, N_("hyphen in a numeric range, '...' for '……', title ending in '。'")),
        Rule("SK207", "error", True, N_("space inside Chinese text or before % or a unit")),
        Rule("SK208", "error", False, N_("顿号 between items in book-title marks or quotes")),
        Rule("SK209", "error", True, N_("garbled text from a broken encoding conversion")),
        Rule("SK210", "error", False, N_("misused word (dictionary, extensible)")),
        Rule("SK301", "error", False, N_("document number not in the form 党办发〔2018〕12号")),
        Rule("SK302", "error", False, N_("date not in the form 2018年10月7日")),
        Rule("SK303", "error", False, N_("date in prose in dotted or range form, two-digit year, 号 for a day")),
        Rule("SK304", "error", False, N_("number form against GB/T 15835: full-width digits, 10～20%")),
        Rule("SK401", "error", False, N_("a part the document kind requires is missing")),
        Rule("SK402", "warning", False, N_("problem stated with nothing specific")),
        Rule("SK403", "error", False, N_("a 报告 carrying a request (belongs in a 请示)")),
        Rule("SK404", "error", False, N_("two 文种 in one title (请示报告)")),
        Rule("SK405", "error", False, N_("upward document to more than one 主送机关 or to a person")),
        Rule("SK406", "error", False, N_("closing formula of another 文种 (特此报告 in a 请示)")),
        Rule(
            "SK407",
            "error",
            False,
            N_("address form against the direction (你局 upward, 贵局 downward, order in a 函)"),
        ),
        Rule("SK408", "error", False, N_("upward document copied to subordinates")),
        Rule("SK409", "error", False, N_("citation gives the 发文字号 before the title")),
        Rule("SK410", "error", False, N_("repealed regulation or standard cited")),
        Rule(
            "SK411", "error", False, N_("令, 议案 or 决议 whose issuer, addressee or wording the 文种 does not allow")
        ),
    )
}


def selected(code: str, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> bool:
    """Return whether ``code`` passes ``--select``/``--ignore`` (codes or prefixes such as ``SK2``)."""
    if select and not any(code.startswith(p) for p in select):
        return False
    return not any(code.startswith(p) for p in ignore)

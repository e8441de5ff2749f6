"""``--format sarif``: findings as a SARIF 2.1.0 log, for code-review tools and CI annotations."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..i18n import _, language
from .finding import RULES, Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning"}


def artifact_uri(path: str) -> str:
    """Return a SARIF ``uri`` for a path: relative paths stay relative (``/`` separators, percent-encoded)."""
    as_path = Path(path)
    if as_path.is_absolute():
        return as_path.as_uri()
    return quote(as_path.as_posix())


def to_sarif(findings: Iterable[Finding], version: str = "") -> dict[str, Any]:
    """Return one SARIF run holding every finding, with the rule table as the driver's rules."""
    from ..default import default_registry

    table = default_registry().rules or RULES  # plugins' rules included
    codes = list(table)
    driver: dict[str, Any] = {
        "name": "speechkit",
        "rules": [
            {
                "id": code,
                "name": code,
                "shortDescription": {"text": rule.summary},
                "defaultConfiguration": {"level": _LEVELS.get(rule.severity, "warning")},
                "properties": {"fixable": rule.fixable},
            }
            for code, rule in table.items()
        ],
    }
    if version:
        driver["version"] = version
    results = [_result(finding, codes) for finding in findings]
    run: dict[str, Any] = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    _localize(run, table)
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _localize(run: dict[str, Any], table: dict[str, Any]) -> None:
    """Name the language of a run's messages; each rule keeps its English summary and adds the translation."""
    lang = language()
    if lang == "en":
        return
    run["language"] = {"zh": "zh-CN"}.get(lang, lang)
    for entry, rule in zip(run["tool"]["driver"]["rules"], table.values(), strict=True):
        entry["fullDescription"] = {"text": _(rule.summary)}


def _result(finding: Finding, codes: list[str]) -> dict[str, Any]:
    uri = artifact_uri(finding.path)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": codes.index(finding.code),
        "level": _LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }
            }
        ],
    }
    if finding.fix is not None:
        fix = finding.fix
        result["fixes"] = [
            {
                "description": {"text": _("replace {old!r} by {new!r}").format(old=fix.old, new=fix.new)},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": fix.line,
                                    "startColumn": fix.column,
                                    "endColumn": fix.end_column,
                                },
                                "insertedContent": {"text": fix.new},
                            }
                        ],
                    }
                ],
            }
        ]
    return result

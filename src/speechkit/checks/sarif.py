"""``--format sarif``: findings as a SARIF 2.1.0 log, for code-review tools and CI annotations."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


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
                "description": {"text": f"replace {fix.old!r} by {fix.new!r}"},
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

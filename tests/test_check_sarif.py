"""``speechkit check --format sarif``: a SARIF 2.1.0 log valid against the OASIS schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from speechkit.checks.finding import RULES
from speechkit.checks.sarif import artifact_uri

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(*args: str, cwd: Path) -> tuple[int, dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "speechkit", "check", "--format", "sarif", "--isolated", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
    )
    assert done.stderr == ""
    return done.returncode, json.loads(done.stdout)


def test_sarif_log_is_valid_and_complete(tmp_path: Path) -> None:
    draft = tmp_path / "草稿 一.txt"
    draft.write_text("同志们:\n全镇共有 25 个党支部，x月xx日召开会议。\n", encoding="utf-8")
    code, log = _sarif(draft.name, cwd=tmp_path)
    assert code == 1
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]  # type: ignore[index]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == list(RULES)
    got = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in run["results"]
    ]
    assert got == [("SK201", 1, 4), ("SK207", 2, 5), ("SK207", 2, 8), ("SK101", 2, 14)]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E8%8D%89%E7%A8%BF%20%E4%B8%80.txt"
    fix = run["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix == {
        "deletedRegion": {"startLine": 1, "startColumn": 4, "endColumn": 5},
        "insertedContent": {"text": "："},
    }
    assert "fixes" not in run["results"][-1]
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_clean_run_is_valid(tmp_path: Path) -> None:
    draft = tmp_path / "clean.txt"
    draft.write_text("同志们：\n今天召开会议。\n", encoding="utf-8")
    code, log = _sarif(str(draft), cwd=tmp_path)
    assert code == 0
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []  # type: ignore[index]


def test_artifact_uri_forms(tmp_path: Path) -> None:
    assert artifact_uri("a/b c.txt") == "a/b%20c.txt"
    assert artifact_uri(str(tmp_path / "x.txt")).startswith("file:///")

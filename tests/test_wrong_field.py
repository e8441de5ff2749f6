"""A misspelt field where a required one is missing is named, with the field meant and the shape expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

CASES = [
    # (facts, line:col of the wrong key, wrong key, field meant, shape shown)
    ("titel: 点评提纲\nsections: []\n", "1:1", "titel", "title", "{title: …, sections: […]}"),
    (
        "title: 点评提纲\nsections:\n  - typ: achievements\n    items:\n      - title: 一村\n",
        "3:5",
        "typ",
        "type",
        "{type: achievements}",
    ),
    ("title: 点评\nsections:\n  - tpye: 主要成效\n    titel: 成效\n", "3:5", "tpye", "type", "{type: achievements}"),
    (
        "kind: critique_outline\ntitle: 点评提纲\nsections:\n  - type: branch_issues\n    items:\n"
        "      - branch: 一村\n        isues: 学习不够。\n",
        "7:9",
        "isues",
        "issues",
        "{branch: …, issues: …}",
    ),
    (
        "kind: critique_outline\ntitle: 点评提纲\nsections:\n  - type: branch_issues\n    items:\n"
        "      - brnach: 一村\n        issues: 学习不够。\n",
        "6:9",
        "brnach",
        "branch",
        "{branch: …, issues: …}",
    ),
    (
        "kind: notice\ntitle: 通知\nattachments:\n  - titel: 方案\n    text: 正文\nsections: []\n",
        "4:5",
        "titel",
        "title",
        "{title: …, text: …}",
    ),
]


@pytest.mark.parametrize(("facts", "where", "wrong", "meant", "shape"), CASES)
@pytest.mark.parametrize("command", ["validate", "build"])
def test_the_wrong_field_is_named_at_its_key_with_the_field_meant(
    tmp_path: Path, command: str, facts: str, where: str, wrong: str, meant: str, shape: str
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    args = [command, str(path)] + (["-o", str(tmp_path / "out")] if command == "build" else [])
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"facts.yaml:{where}: " in result.stderr, result.stderr
    assert f"unknown field {wrong!r}; did you mean {meant!r}?" in result.stderr, result.stderr
    assert f"(expected a mapping such as {shape})" in result.stderr, result.stderr
    assert "is required" not in result.stderr


def test_a_missing_field_with_no_misspelling_says_so_and_shows_the_shape(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("title: 点评提纲\nsections:\n  - items:\n      - title: 一村\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "facts.yaml:3:5: sections[0]: 'type' is required (expected a mapping such as {type: achievements})"
    ), result.stderr

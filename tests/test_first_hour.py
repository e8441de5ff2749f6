"""A writer's first hour (issue 24): each friction a new user met, run as that user runs it (the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

NOTICE = """\
kind: notice
title: 关于开展安全生产大检查的通知
addressee: {addressee}
opening: 为切实做好安全生产工作，现将有关事项通知如下。
sections:
  - type: generic
    title: 检查范围
    items:
      - text: 全县各类生产经营单位。
signature: 示例县人民政府办公室
date: 2025-06-01
"""
ADDRESSEES = ["各乡镇人民政府，县直各有关单位：", "各乡镇人民政府、县直各有关单位：", "县应急管理局："]


def _sk401(output: str) -> list[str]:
    return [line for line in output.splitlines() if "SK401" in line]


@pytest.mark.parametrize("addressee", ADDRESSEES)
def test_a_notice_built_by_speechkit_has_its_addressee_when_checked(tmp_path: Path, addressee: str) -> None:
    facts = tmp_path / "notice.yaml"
    facts.write_text(NOTICE.format(addressee=addressee), encoding="utf-8")
    assert not _sk401(run_cli("check", str(facts)).stdout)
    built = run_cli("build", str(facts), "-o", str(tmp_path / "out"), "--format", "md,docx")
    assert built.returncode == 0, built.stderr
    assert not _sk401(built.stdout + built.stderr)
    for name in ("notice.docx", "notice.md"):
        result = run_cli("check", str(tmp_path / "out" / name))
        assert not _sk401(result.stdout), result.stdout


@pytest.mark.parametrize("addressee", ADDRESSEES)
@pytest.mark.parametrize("end", ["。", "."])
def test_a_pasted_notice_has_its_addressee_and_date_line(tmp_path: Path, addressee: str, end: str) -> None:
    draft = tmp_path / "notice.txt"
    draft.write_text(
        f"关于开展安全生产大检查的通知\n\n{addressee}\n\n为切实做好安全生产工作，现将有关事项通知如下{end}\n"
        f"请各单位认真组织实施{end}\n\n示例县人民政府办公室\n2025年6月1日\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(draft))
    assert not _sk401(result.stdout), result.stdout
    imported = run_cli("import", str(draft), "-o", str(tmp_path / "facts.yaml"))
    assert imported.returncode == 0, imported.stderr
    facts = (tmp_path / "facts.yaml").read_text(encoding="utf-8")
    assert f"addressee: {addressee}" in facts
    assert "date: 2025-06-01" in facts or "date: 2025年6月1日" in facts


def test_a_notice_without_its_date_line_is_still_told(tmp_path: Path) -> None:
    draft = tmp_path / "notice.txt"
    draft.write_text(
        "关于开展安全生产大检查的通知\n\n各乡镇人民政府，县直各有关单位：\n\n请各单位认真组织实施.\n\n示例县人民政府办公室\n",
        encoding="utf-8",
    )
    assert any("date line" in line for line in _sk401(run_cli("check", str(draft)).stdout))


SLIPS = [
    ("kind: critique_outline\ntitle：点评提纲\nsections: []\n", "2:6", "use ':' (half-width) instead of '：'"),
    ("title: x\nm: {a: 1， b: 2}\nsections: []\n", "2:9", "use ',' (half-width)"),
    ("title: x\nsections:\n\u3000\u3000- type: achievements\n", "3:1", "full-width space (U+3000)"),
    ("title: x\nsections:\n  - type: generic\n  \u3000title: y\n", "4:3", "full-width space (U+3000)"),
    ("kind: notice\ntitle: x\naddressee: {{ 村名 }}党支部：\nsections: []\n", "3:12", "must be quoted"),
    ("kind: notice\ntitle: x\naddressee: {{ 村名 }}\nsections: []\n", "3:12", "must be quoted"),
]


@pytest.mark.parametrize(("text", "where", "fix"), SLIPS)
def test_a_chinese_typing_slip_is_named_at_its_line_with_the_fix(
    tmp_path: Path, text: str, where: str, fix: str
) -> None:
    facts = tmp_path / "slip.yaml"
    facts.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"{facts}:{where}: ") and fix in lines[0], lines[0]


OUTLINE = """\
kind: {kind}
title: 点评提纲
sections:
  - type: {type}
    items:
      - text: 一是学习扎实。
"""


@pytest.mark.parametrize(
    ("kind", "type_"), [("点评", "主要成效"), ("讲话", "主要成效"), ("述职点评提纲", "achievements")]
)
def test_chinese_names_of_kinds_and_types_are_accepted(tmp_path: Path, kind: str, type_: str) -> None:
    facts = tmp_path / "cn.yaml"
    facts.write_text(OUTLINE.format(kind=kind, type=type_), encoding="utf-8")
    result = run_cli("validate", str(facts))
    assert result.returncode == 0, result.stderr


def test_an_unknown_chinese_type_is_answered_with_the_types_it_fits(tmp_path: Path) -> None:
    facts = tmp_path / "cn.yaml"
    facts.write_text(OUTLINE.format(kind="点评", type="问题"), encoding="utf-8")
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    assert "did you mean" in result.stderr and "common_problems (存在问题/共性问题)" in result.stderr


def test_the_wrong_field_is_named_when_the_right_one_is_missing(tmp_path: Path) -> None:
    facts = tmp_path / "wrong.yaml"
    facts.write_text(
        "kind: critique_outline\ntitle: 点评提纲\nsections:\n  - type: branch_issues\n    items:\n"
        "      - branch: 一村\n        problems:\n          - 学习不够。\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        ":7:9: sections[0].items[0].problems: unknown field 'problems'; did you mean 'issues'? "
        "(expected a mapping such as {branch: …, issues: …})"
    )


def test_a_bare_string_where_a_mapping_is_expected_shows_the_shape(tmp_path: Path) -> None:
    facts = tmp_path / "bare.yaml"
    facts.write_text(
        "kind: critique_outline\ntitle: 点评提纲\nsections:\n  - type: branch_issues\n    items:\n"
        "      - 一村学习不够。\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    assert ":6:9: " in result.stderr and "{branch: …, issues: …}" in result.stderr


def test_validate_and_stats_count_the_same_sections_and_items() -> None:
    from conftest import EXAMPLES

    examples = sorted(EXAMPLES.glob("*.yaml"))
    assert examples
    for example in examples:
        validated = run_cli("validate", str(example)).stdout
        stats = run_cli("stats", str(example)).stdout
        sections = int(stats.split("sections:")[1].split()[0])
        items = int(stats.split("items:")[1].split()[0])
        assert f"{sections} sections, {items} items" in validated, (example.name, validated, stats)


def test_building_a_draft_points_to_import(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("关于开展安全生产大检查的通知\n\n各乡镇人民政府：\n\n请认真组织实施。\n", encoding="utf-8")
    result = run_cli("build", str(draft), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"speechkit import {draft} -o facts.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    (tmp_path / "drafts").mkdir()
    draft.rename(tmp_path / "drafts" / "draft.txt")
    result = run_cli("validate", "drafts/draft.txt", cwd=tmp_path)  # the command given runs from there
    assert result.stderr.strip().endswith("run 'speechkit import drafts/draft.txt -o facts.yaml' first")

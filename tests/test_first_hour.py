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


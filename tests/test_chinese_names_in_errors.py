"""Unknown kinds and section types: errors list the Chinese names beside the registered ones, and suggest them."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def _facts(tmp_path: Path, kind: str, section: str) -> Path:
    path = tmp_path / "f.yaml"
    path.write_text(
        f"kind: {kind}\ntitle: 测试\nsections:\n  - type: {section}\n    items: [{{title: 一, text: 二}}]\n",
        encoding="utf-8",
    )
    return path


def test_an_unknown_kind_lists_every_kind_with_its_chinese_name(tmp_path: Path) -> None:
    run = run_cli("build", str(_facts(tmp_path, "总结", "achievements")), "-o", str(tmp_path / "out"))
    assert run.returncode == 2 and len(run.stderr.splitlines()) == 1, run.stderr
    assert "f.yaml:1:7: kind: unknown document kind '总结'" in run.stderr
    assert "speech (讲话稿)" in run.stderr and "critique_outline (述职点评提纲)" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_mistyped_chinese_section_name_is_suggested_by_its_chinese_name(tmp_path: Path) -> None:
    run = run_cli("build", str(_facts(tmp_path, "speech", "主要成绩效")), "-o", str(tmp_path / "out"))
    assert run.returncode == 2, run.stderr
    assert "did you mean achievements (主要成效)?" in run.stderr
    assert "common_problems (存在问题/共性问题)" in run.stderr


def test_an_english_typo_is_still_suggested_by_its_registered_name(tmp_path: Path) -> None:
    run = run_cli("build", str(_facts(tmp_path, "speech", "achievments")), "-o", str(tmp_path / "out"))
    assert run.returncode == 2 and "did you mean 'achievements'?" in run.stderr, run.stderr


def test_import_takes_a_kind_by_its_chinese_name(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("关于开展检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n", encoding="utf-8")
    taken = run_cli("import", str(draft), "--kind", "讲话稿")
    assert taken.returncode == 0, taken.stderr
    assert "kind: speech" in taken.stdout
    refused = run_cli("import", str(draft), "--kind", "总结")
    assert refused.returncode == 2 and "notice (通知)" in refused.stderr

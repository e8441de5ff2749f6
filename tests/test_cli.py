"""The command line run as a subprocess: outputs, bad input, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli

OUTLINE = EXAMPLES / "critique_outline.yaml"


def test_build_writes_markdown_and_docx(tmp_path: Path) -> None:
    result = run_cli("build", str(OUTLINE), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    md = (tmp_path / "out" / "critique_outline.md").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "critique_outline.docx").read_bytes()[:2] == b"PK"
    for heading in ("## 一、主要成效", "## 二、存在问题", "## 三、下一步的工作要求"):
        assert heading in md
    assert "主要表现在六个方面：" in md and "从三个方面" in md
    assert [m for m in ("一是", "二是", "三是", "四是", "五是", "六是") if f"\n{m}" in md.split("## 二")[1]] == [
        "一是",
        "二是",
        "三是",
        "四是",
        "五是",
        "六是",
    ]
    assert sum(1 for line in md.splitlines() if line.startswith(("小关社区：", "邹庙村：", "红岩村："))) == 3
    assert sum(1 for line in md.splitlines() if line.endswith("。") and ("村：" in line or "社区：" in line)) == 11
    assert result.stderr == "", "the Quickstart example builds without a single warning"
    assert all(f"\n{m}" in md for m in ("一要", "二要", "三要"))


def test_build_from_stdin(tmp_path: Path) -> None:
    result = run_cli("build", "-", "-f", "md", "-o", "o", "--stem", "s", cwd=tmp_path, stdin=OUTLINE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o" / "s.md").exists()


def test_validate_summarises(tmp_path: Path) -> None:
    result = run_cli("validate", str(OUTLINE))
    assert result.returncode == 0
    assert "ok (critique_outline, 3 sections, 21 items)" in result.stdout  # the count stats prints too


def test_listing_commands() -> None:
    sections = run_cli("sections")
    assert sections.returncode == 0 and "branch_issues" in sections.stdout
    kinds = run_cli("kinds", "--json")
    assert {k["name"] for k in json.loads(kinds.stdout)} >= {"critique_outline", "notice", "duty_report"}
    schema = run_cli("schema")
    assert json.loads(schema.stdout)["$schema"].endswith("2020-12/schema")


BAD = {
    "broken syntax": ("title: [x\nsections: []\n", 2),
    "tab indentation": ("title: x\nsections:\n\t- type: generic\n", 3),
    "unknown key": ("title: x\nsections:\n  - type: achievements\n    itemz: []\n", 4),
    "wrong type": ("title: x\nsections:\n  - type: achievements\n    items: {a: 1}\n", 4),
    "unknown section type": ("title: x\nsections:\n  - type: nonsense\n", 3),
    "empty": ("", 1),
    "python tag": ("title: !!python/name:os.system x\nsections: []\n", 1),
    "unknown name": ("title: x\nopening: '{{ nobody }}'\nsections: []\n", 2),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_one_line_exit_2(tmp_path: Path, case: str) -> None:
    text, line = BAD[case]
    facts = tmp_path / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    result = run_cli("build", str(facts), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{facts}:{line}:"), lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_gb18030_file(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_bytes("title: 标题\nsections: []\n".encode("gb18030"))
    result = run_cli("build", str(facts))
    assert result.returncode == 2 and ":1:8: not UTF-8" in result.stderr


def test_failed_build_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", str(OUTLINE), "-o", str(out)).returncode == 0
    before = (out / "critique_outline.md").read_bytes()
    broken = tmp_path / "critique_outline.yaml"
    broken.write_text(OUTLINE.read_text(encoding="utf-8").replace("type: requirements", "type: oops"), encoding="utf-8")
    result = run_cli("build", str(broken), "-o", str(out))
    assert result.returncode == 2
    assert (out / "critique_outline.md").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [
        ".speechkit-outputs.json",
        "critique_outline.docx",
        "critique_outline.md",
    ]


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    result = run_cli("build", str(OUTLINE), "-f", "odt", "-o", str(tmp_path))
    assert result.returncode == 2 and "unknown format 'odt'" in result.stderr
    result = run_cli("build", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_python_m_and_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("speechkit ")


def test_fonts_prints_and_installs_aliases(tmp_path: Path) -> None:
    printed = run_cli("fonts")
    assert printed.returncode == 0 and "<fontconfig>" in printed.stdout and "仿宋_GB2312" in printed.stdout
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "speechkit", "fonts", "--install"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0
    conf = tmp_path / "fontconfig" / "conf.d" / "60-speechkit.conf"
    assert conf.read_text(encoding="utf-8") == printed.stdout


def test_build_reports_findings_and_strict_fails_without_writing(tmp_path: Path) -> None:
    faithful = EXAMPLES / "corpus_000_faithful.yaml"
    result = run_cli("build", str(faithful), "-f", "md", "-o", str(tmp_path / "a"))
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert warnings[0].startswith("warning: ") and " SK101 " in warnings[0]
    assert "more findings" in warnings[-1] and len(warnings) == 6
    strict = run_cli("build", str(faithful), "-f", "md", "-o", str(tmp_path / "b"), "--strict")
    assert strict.returncode == 1 and "--strict" in strict.stderr
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize(("script", "word"), [("hans", "党建"), ("hant", "黨建"), ("tw", "黨建"), ("hk", "黨建")])
def test_build_in_both_scripts(tmp_path: Path, script: str, word: str) -> None:
    result = run_cli("build", str(OUTLINE), "-f", "md,docx", "-o", str(tmp_path), "--script", script, "--no-check")
    assert result.returncode == 0, result.stderr
    md = (tmp_path / "critique_outline.md").read_text(encoding="utf-8")
    assert word in md and "## 二、" in md
    assert ("点评" in md) == (script == "hans")


@pytest.mark.parametrize(
    "example", sorted(p for p in EXAMPLES.glob("*.yaml") if "faithful" not in p.stem), ids=lambda p: p.stem
)
def test_every_clean_example_builds_silently_and_its_outputs_check_clean(example: Path, tmp_path: Path) -> None:
    built = run_cli("build", str(example), "-f", "md,docx", "-o", str(tmp_path))
    assert built.returncode == 0 and built.stderr == "", built.stderr
    for output in (tmp_path / f"{example.stem}.md", tmp_path / f"{example.stem}.docx"):
        checked = run_cli("check", str(output))
        assert checked.returncode == 0 and checked.stdout == "", checked.stdout

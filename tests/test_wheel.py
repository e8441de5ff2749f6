"""A non-editable install from a built wheel works from any folder (templates and schema inside)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


@pytest.mark.slow
def test_wheel_installs_and_builds_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "src-copy"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    for folder in ("src", "templates", "schemas"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(dist.glob("speechkit-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(EXAMPLES / "critique_outline.yaml", elsewhere / "facts.yaml")
    result = subprocess.run(
        [str(bin_dir / "speechkit"), "build", "facts.yaml", "-f", "md,docx,html", "-o", "out", "--no-check"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    md = (elsewhere / "out" / "facts.md").read_text(encoding="utf-8")
    assert "## 二、存在问题" in md and "主要表现在六个方面" in md
    assert (elsewhere / "out" / "facts.docx").read_bytes()[:2] == b"PK"
    assert "@page" in (elsewhere / "out" / "facts.html").read_text(encoding="utf-8")
    imported = subprocess.run(
        [str(bin_dir / "speechkit"), "import", "out/facts.docx", "-o", "again.yaml"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert imported.returncode == 0, imported.stderr  # the readers ship in the wheel
    assert (elsewhere / "again.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    where = subprocess.run(
        [
            str(bin_dir / "python"),
            "-c",
            "import speechkit.templates as t, speechkit.schemas as s, os;"
            "print(t.__file__); print(os.path.exists(os.path.join(os.path.dirname(s.__file__),"
            " 'speech.schema.json')))",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(venv) in where.stdout.splitlines()[0] and where.stdout.splitlines()[1] == "True"
    # the rules' data files ship in the wheel: the SK210 dictionary and the characters both scripts write
    (elsewhere / "draft.txt").write_text("與各支部簽定責任書。\n發揮作用，主推黨建工作占領主陣地。\n", encoding="utf-8")
    checked = subprocess.run(
        [str(bin_dir / "speechkit"), "check", "--select", "SK210,SK205", "draft.txt"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 1 and checked.stderr == ""
    assert [line.split(": ")[1].split()[0] for line in checked.stdout.splitlines()] == ["SK210"]
    # the compiled Chinese catalog ships in the wheel: a Chinese locale is answered in Chinese
    chinese = subprocess.run(
        [str(bin_dir / "speechkit"), "check", "--select", "SK210", "draft.txt"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "SPEECHKIT_LANG": "", "LANGUAGE": "", "LC_ALL": "zh_CN.UTF-8"},
    )
    assert chinese.returncode == 1 and "误用" in chinese.stdout, chinese.stdout

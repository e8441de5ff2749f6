"""`speechkit import` run as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

DRAFTS = Path(__file__).parent / "data"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "speechkit", "import", *args], capture_output=True, text=True)


def test_import_writes_facts_that_build_and_reports_changes(tmp_path: Path) -> None:
    out = tmp_path / "facts.yaml"
    result = _run(str(DRAFTS / "corpus" / "002_adb10e59eea42815.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "set aside: ……(新文秘网" in result.stderr and "fixed: SK201" in result.stderr
    built = subprocess.run(
        [sys.executable, "-m", "speechkit", "build", str(out), "-f", "md", "-o", str(tmp_path), "--no-check"],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    assert yaml.safe_load(text)["toc"] is True


def test_import_to_stdout_with_a_given_kind() -> None:
    result = _run(str(DRAFTS / "drafts" / "one_line.txt"), "--kind", "critique_outline")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["kind"] == "critique_outline"


def test_import_refuses_unreadable_input_with_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    for args in ([str(broken)], [str(tmp_path / "missing.md")], [str(DRAFTS / "drafts" / "notice.txt"), "--kind", "x"]):
        result = _run(*args)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr

"""`speechkit import` run as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from numbered_docx import case_docx

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


def test_import_and_check_a_draft_numbered_by_word(tmp_path: Path) -> None:
    """Headings and items numbered by Word's list numbering become sections and items; check finds nothing."""
    draft = tmp_path / "draft.docx"
    draft.write_bytes(case_docx("chinese_headings"))
    result = _run(str(draft))
    assert result.returncode == 0, result.stderr
    facts = yaml.safe_load(result.stdout)
    assert [s["title"] for s in facts["sections"]] == ["充分肯定成绩", "清醒认识不足", "落实重点任务"]
    first = facts["sections"][0]["items"]
    assert [item["title"] for item in first] == ["工作扎实推进", "作风持续改进"]
    assert [item["title"] for item in first[0]["items"]] == ["抓好学习", "抓好调研"]
    assert [item["title"] for item in first[0]["items"][1]["items"]] == ["深入基层", "解决问题"]
    assert facts["sections"][2]["items"][0]["items"] == [{"title": "从严管理干部"}]
    checked = subprocess.run(
        [sys.executable, "-m", "speechkit", "check", "--format", "json", str(draft)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "SK103" not in checked.stdout and "SK106" not in checked.stdout


def test_import_does_not_replace_an_existing_file_without_force(tmp_path: Path) -> None:
    draft = DRAFTS / "corpus" / "002_adb10e59eea42815.txt"
    out = tmp_path / "facts.yaml"
    out.write_text("# my edited facts\n", encoding="utf-8")
    refused = _run(str(draft), "-o", str(out))
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [refused.stderr.strip()]  # one line
    assert str(out) in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "# my edited facts\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.yaml"]  # no temporary file left
    forced = _run(str(draft), "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_the_schema_line_names_a_file_an_editor_can_load(tmp_path: Path) -> None:
    from urllib.parse import unquote, urlparse

    out = tmp_path / "facts.yaml"
    assert _run(str(DRAFTS / "corpus" / "002_adb10e59eea42815.txt"), "-o", str(out)).returncode == 0
    first = out.read_text(encoding="utf-8").splitlines()[0]
    uri = first.removeprefix("# yaml-language-server: $schema=")
    assert uri.startswith("file:///") and "invalid" not in uri
    schema = Path(unquote(urlparse(uri).path))
    assert schema.is_file() and '"$schema"' in schema.read_text(encoding="utf-8")


def test_a_dropped_attachment_number_is_reported_with_its_line(tmp_path: Path) -> None:
    draft = tmp_path / "notice.txt"
    draft.write_text(
        "关于开展安全生产大检查的通知\n\n各乡镇人民政府：\n\n现将有关事项通知如下。\n\n"
        "附件：1.安全生产大检查工作方案\n\n县安全生产委员会办公室\n\n2024年3月1日\n",
        encoding="utf-8",
    )
    result = _run(str(draft))
    assert result.returncode == 0, result.stderr
    assert f"{draft}:7: stripped label: 1." in result.stderr.splitlines()
    assert "安全生产大检查工作方案" in yaml.safe_load(result.stdout)["attachments"]

"""``speechkit check`` end to end: corpus faults, output formats, exit codes, --fix, inputs, robustness."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import speechkit
from speechkit.apps.check_cli import main
from speechkit.checks.runner import check_path, check_text

CORPUS = Path(__file__).parent / "data" / "corpus"
ALPHABET = "一二三是要、（）()，,:：。“”《》的了和xX*□0123456789年月日号〔〕[]\n 鎮镇(zhèn)第点个方面问题村"
HAS_MAIN = (Path(speechkit.__file__).parent / "__main__.py").exists()


def codes(path: Path) -> Counter[str]:
    return Counter(f.code for f in check_path(path))


def test_corpus_000_faults_found() -> None:
    path = CORPUS / "000_fa1db321f703e3b0.txt"
    found = {(f.line, f.code) for f in check_path(path)}
    assert (3, "SK204") in found  # 鎮(zhèn)
    assert (2, "SK201") in found  # 同志們:
    assert (7, "SK202") in found  # 3344”黨建工作法
    assert (11, "SK101") in found  # x月xx日
    assert (13, "SK203") in found  # 和和
    # 范 / 后 / 于 / 占 are written in both scripts (OpenCC lists them as their own Traditional form): no SK205
    assert not any(code == "SK205" for _, code in found)
    assert not any(code in ("SK102", "SK103") for _, code in found)  # 从三个方面 + 六个方面 agree


def test_corpus_002_faults_found() -> None:
    found = {(f.line, f.code) for f in check_path(CORPUS / "002_adb10e59eea42815.txt")}
    assert (26, "SK101") in found  # **街道
    assert (26, "SK103") in found  # 一是 … 四是 (text cut by the website)
    assert (28, "SK202") in found  # 《**市党员党费收 … never closed
    assert not any(code == "SK102" for _, code in found)


def test_corpus_004_faults_found() -> None:
    found = {(f.line, f.code) for f in check_path(CORPUS / "004_439871a95d4e6b8c.txt")}
    assert (9, "SK301") in found  # 党办发[201812
    assert (21, "SK301") in found  # 牡垦办文【2018】28号
    assert (27, "SK203") in found  # 的的
    assert (19, "SK201") in found  # 各党支部:
    assert not any(code == "SK401" for _, code in found)  # addressee, signature and date present


def test_output_text_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("同志们：\n今天召开会议。\n", encoding="utf-8")
    assert main(["check", str(clean)]) == 0
    assert capsys.readouterr().out == ""
    bad = tmp_path / "bad.txt"
    bad.write_text("同志们:\nx月xx日召开会议。\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{bad}:1:4: SK201 half-width ':' in Chinese text; use '：'",
        f"{bad}:2:1: SK101 placeholder 'x月xx日' left in the text",
    ]


def test_json_select_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("同志们:\nx月xx日召开会议。。\n", encoding="utf-8")
    assert main(["check", "--format", "json", "--select", "SK2", "--ignore", "SK203", str(bad)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data] == ["SK201"]
    assert {"path", "line", "column", "code", "severity", "message"} <= set(data[0])


@pytest.mark.parametrize("content", [b"\xff\xfe\x00bad", b"\xc3\x28 not utf-8"])
def test_bad_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_missing_and_broken_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["check", str(broken), str(tmp_path / "none.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("Traceback" not in line for line in err)


def test_fix_is_idempotent_and_local(tmp_path: Path) -> None:
    source = CORPUS / "000_fa1db321f703e3b0.txt"
    path = tmp_path / "draft.txt"
    shutil.copy(source, path)
    before_text = path.read_text(encoding="utf-8")
    before = check_path(path)
    assert main(["check", "--fix", str(path)]) == 1
    after_text = path.read_text(encoding="utf-8")
    after = check_path(path)
    assert not [f for f in after if f.code in ("SK201", "SK204")]
    # every change lies inside a fixable finding's span
    fixes = {(f.fix.line, f.fix.column - 1): f.fix for f in before if f.fix}
    rebuilt = []
    for number, line in enumerate(before_text.split("\n"), 1):
        out, col = "", 0
        while col < len(line):
            fix = fixes.get((number, col))
            if fix and line[col : fix.end_column - 1] == fix.old:
                out += fix.new
                col = fix.end_column - 1
            else:
                out += line[col]
                col += 1
        rebuilt.append(out)
    assert after_text == "\n".join(rebuilt)
    unfixable = Counter(f.code for f in before if f.code not in ("SK201", "SK204", "SK203"))
    assert Counter(f.code for f in after if f.code in unfixable) == unfixable
    main(["check", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == after_text


def test_fix_keeps_the_paragraph_breaks_of_a_draft_that_arrived_as_one_line(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    text = (
        "在全镇党建工作推进会上的讲话 同志们：今天召开推进会。一、主要成效 今年以来，全镇党建工作全面提升 "
        "一是强化政治引领，组织学习12次。二是夯实基础，召开 党建工作会议3次。\n"
    )
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "speechkit", "check", "--fix", str(path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode in (0, 1), result.stderr
    fixed = path.read_text(encoding="utf-8")
    assert "全面提升 一是强化" in fixed  # the lost paragraph break is not glued shut
    assert "召开党建工作会议" in fixed  # a space inside a sentence is still deleted


def test_fix_markdown_maps_to_source(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    source = "# 一、总体要求\n\n按照**镇党委**的安排,今天召开会议。\n\n- 鎮(zhèn)黨委\n"
    path.write_text(source, encoding="utf-8")
    found = check_path(path, select=("SK201", "SK204"))
    assert [(f.line, f.column, f.code) for f in found] == [(3, 13, "SK201"), (5, 4, "SK204")]
    assert main(["check", "--fix", "--select", "SK201,SK204", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == source.replace(",", "，").replace("(zhèn)", "")


def test_docx_input_positions_are_paragraph_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    document = docx.Document()
    paragraphs = ("关于做好述职评议工作的通知", "", "各党支部:", "党办发[2018]12号", "一是抓责任。", "三是抓落实。")
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    found = {(f.line, f.code) for f in check_path(path)}
    assert {(3, "SK201"), (4, "SK301"), (6, "SK103")} <= found
    assert main(["check", "--fix", str(path)]) == 1
    assert "does not rewrite" in capsys.readouterr().err


def test_yaml_positions(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("title: 测试\nnote: 会议定于x月xx日召开,请准时参加。\n", encoding="utf-8")
    found = {(f.line, f.column, f.code) for f in check_path(path)}
    assert {(2, 11, "SK101"), (2, 18, "SK201")} <= found


@pytest.mark.skipif(not HAS_MAIN, reason="speechkit/__main__.py does not exist yet")
def test_real_cli_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("同志们:\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "speechkit", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.strip() == f"{path}:1:4: SK201 half-width ':' in Chinese text; use '：'"
    run = subprocess.run(
        [sys.executable, "-m", "speechkit", "stats", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 0 and json.loads(run.stdout)["characters"] == 3


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list(ALPHABET)), max_size=200) | st.text(max_size=200))
def test_any_text_is_checked_without_crashing(text: str) -> None:
    for finding in check_text(text):
        assert finding.line >= 1 and finding.column >= 1


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_draft_too_large_is_refused_by_check_as_by_import(tmp_path: Path, suffix: str) -> None:
    from speechkit.readers.limits import MAX_DRAFT_BYTES

    big = tmp_path / f"big{suffix}"
    with big.open("wb") as handle:  # sparse: no 50 MB written
        handle.truncate(MAX_DRAFT_BYTES + 1)
    for command in (["check", str(big)], ["import", str(big)]):
        result = subprocess.run(
            [sys.executable, "-m", "speechkit", *command], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and result.stderr.strip().endswith(
            f"{big}: larger than 50 MB; not a draft"
        )

"""The 公文 layer on built documents: the kinds of the 条例 build, and the build runs the same rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from speechkit import default_registry, load
from speechkit.checks import check_path, check_speech

GONGWEN = ("SK403", "SK404", "SK405", "SK406", "SK407", "SK408", "SK409", "SK410", "SK411")

REQUEST = """\
kind: request
doc_number: 示卫发〔2026〕8号
signers: 王某某
title: 关于申请示范点建设经费的请示
addressee: 示例市人民政府、示例市财政局：
opening: 我委拟新建示范点12个，所需经费120万元。
sections: []
closing: 特此报告。
signature: 示例市卫生健康委员会
date: 2026-03-01
cc: 各区卫生健康局
"""


def test_the_fifteen_kinds_of_the_tiaoli_are_registered_as_data() -> None:
    kinds = default_registry().kinds.values()
    genres = {kind.genre for kind in kinds if kind.genre}
    assert len(genres) == 15
    assert genres >= {"决议", "命令（令）", "议案", "通知", "报告", "请示", "函", "纪要"}
    by_genre = {kind.genre: kind for kind in kinds if kind.genre}
    assert by_genre["请示"].direction == "upward" and by_genre["请示"].max_addressees == 1
    assert not by_genre["报告"].requests and "特此报告" in by_genre["报告"].closing_formulas
    assert by_genre["函"].direction == "lateral" and "请予支持为盼" in by_genre["函"].closing_formulas
    assert by_genre["报告"].address_forms["upward"] == "贵" and by_genre["批复"].address_forms["downward"] == "你"


def test_a_request_built_from_facts_is_checked_at_its_yaml_lines(tmp_path: Path) -> None:
    path = tmp_path / "request.yaml"
    path.write_text(REQUEST, encoding="utf-8")
    found = [(f.line, f.code) for f in check_path(path, select=GONGWEN)]
    assert found == [(5, "SK405"), (8, "SK406"), (11, "SK408")]
    built = run_cli("build", str(path), "-f", "md", "-o", str(tmp_path / "out"))
    assert f"{path}:5:" in built.stderr and "SK405" in built.stderr


@pytest.mark.parametrize("name", ["request", "report", "letter", "minutes"])
def test_the_examples_check_clean(name: str) -> None:
    speech = load(EXAMPLES / f"{name}.yaml")
    assert not [f.format() for f in check_speech(speech, str(EXAMPLES / f"{name}.yaml"))]


def test_a_letter_is_written_in_the_letter_format() -> None:
    from speechkit import render
    from speechkit.writers.docx import pretty_document_xml

    xml = pretty_document_xml(render(load(EXAMPLES / "letter.yaml"), "docx"))
    assert xml.count("<w:framePr ") == 3  # the 标志 and the two red double lines, anchored to page one
    assert '<w:footerReference w:type="first"' in xml and "<w:titlePg/>" in xml  # no number on page one
    assert "文件" not in xml and "签发人" not in xml
    notice = pretty_document_xml(render(load(EXAMPLES / "notice.yaml"), "docx"))
    assert "<w:titlePg/>" not in notice and "<w:framePr " not in notice


def test_minutes_print_the_attendance_lists_under_the_body() -> None:
    from speechkit import render
    from speechkit.writers.docx import pretty_document_xml

    speech = load(EXAMPLES / "minutes.yaml")
    markdown = str(render(speech, "md"))
    assert markdown.rstrip().endswith("列席：委办公室周某某、基层卫生健康科吴某某、规划财务科郑某某")
    assert "出席：王某某、张某某、李某某、赵某某、钱某某\n\n请假：孙某某（出差）" in markdown
    assert "一、关于示范点选址" in markdown and "三、" not in markdown  # the lists take no heading number
    xml = pretty_document_xml(render(speech, "docx"))
    assert xml.count('w:val="AttendanceFirst"') == 1 and xml.count('w:val="Attendance"') == 2
    assert xml.count('w:val="AttendanceLabel"') == 3


def test_an_upward_document_built_without_its_signers_is_told_so(tmp_path: Path) -> None:
    path = tmp_path / "request.yaml"
    path.write_text(REQUEST.replace("signers: 王某某\n", ""), encoding="utf-8")
    found = [(f.line, f.message) for f in check_path(path, select=("SK401",))]
    assert found == [(3, "a request needs a 签发人 (signers), which an upward document names (条例 第九条)")]


def test_a_strict_build_refuses_a_request_to_two_organs(tmp_path: Path) -> None:
    path = tmp_path / "request.yaml"
    path.write_text(REQUEST, encoding="utf-8")
    done = run_cli("build", str(path), "--strict", "-f", "md", "-o", str(tmp_path / "out"))
    assert done.returncode == 1 and "SK405" in done.stderr
    assert not (tmp_path / "out" / "request.md").exists()

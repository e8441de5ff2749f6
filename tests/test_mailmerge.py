"""Mail merge: one document per row of a CSV or XLSX table, named by the --stem expression."""

from __future__ import annotations

import copy
import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import run_cli
from speechkit.apps.mailmerge import merge_jobs, read_rows
from speechkit.model.errors import SpeechkitError

BRANCHES = 50


def template(outline: dict[str, Any]) -> dict[str, Any]:
    """Return the outline whose title and opening use the row's columns."""
    data = copy.deepcopy(outline)
    data["title"] = "{{ branch }}支部书记抓党建工作述职点评提纲"
    data["facts"] = {"secretaries": 4, "first_secretaries": 4, "year": 2024}
    data["opening"] = (
        "{{ year }}年，{{ branch }}共有党员{{ members }}名，发展党员{{ new_members }}名，支部代码{{ code }}。"
    )
    return data


def rows(count: int) -> list[dict[str, Any]]:
    """Return ``count`` branches with their figures; codes keep their leading zeros."""
    return [
        {"branch": f"第{n}党支部", "members": 20 + n, "new_members": n % 4, "code": f"{n:03d}"}
        for n in range(1, count + 1)
    ]


def write_template(tmp_path: Path, outline: dict[str, Any]) -> Path:
    path = tmp_path / "letter.yaml"
    path.write_text(yaml.safe_dump(template(outline), allow_unicode=True), encoding="utf-8")
    return path


def write_csv(path: Path, records: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return path


def test_csv_rows_become_named_documents_with_their_figures(tmp_path: Path, outline: dict[str, Any]) -> None:
    facts = write_template(tmp_path, outline)
    table = write_csv(tmp_path / "branches.csv", rows(BRANCHES))
    result = run_cli(
        "build", str(facts), "--each", str(table), "--stem", "{{ code }}-{{ branch }}", "-f", "md,docx", "-j", "2",
        "-o", str(tmp_path / "out"), "--no-check",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"speechkit: {BRANCHES} of {BRANCHES} documents built")
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".speechkit-outputs.json")
    assert len(names) == 2 * BRANCHES
    for record in rows(BRANCHES):
        stem = f"{record['code']}-{record['branch']}"
        md = (tmp_path / "out" / f"{stem}.md").read_text(encoding="utf-8")
        assert md.startswith(f"# {record['branch']}支部书记抓党建工作述职点评提纲")
        assert f"2024年，{record['branch']}共有党员{record['members']}名，发展党员{record['new_members']}名" in md
        assert f"支部代码{record['code']}。" in md  # "007" stays text
        assert (tmp_path / "out" / f"{stem}.docx").read_bytes().startswith(b"PK")


def test_xlsx_rows_merge_like_csv_rows(tmp_path: Path, outline: dict[str, Any]) -> None:
    import datetime as dt

    import openpyxl

    facts = write_template(tmp_path, outline)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["branch", "members", "new_members", "code", "date"])
    sheet.append(["东街党支部", 31, 2.0, "007", dt.datetime(2024, 3, 1)])
    sheet.append([])
    sheet.append(["西街党支部", 12, 0, "008", dt.datetime(2024, 3, 2)])
    book.save(tmp_path / "branches.xlsx")
    header, table = read_rows(tmp_path / "branches.xlsx")
    assert header == ["branch", "members", "new_members", "code", "date"]
    assert table[0].values == {
        "branch": "东街党支部", "members": 31, "new_members": 2, "code": "007", "date": "2024-03-01",
    }  # fmt: skip
    assert [row.line for row in table] == [2, 4]
    result = run_cli(
        "build", str(facts), "--each", str(tmp_path / "branches.xlsx"), "--stem", "{{ branch }}", "-f", "md",
        "-o", str(tmp_path / "out"), "--no-check",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    md = (tmp_path / "out" / "东街党支部.md").read_text(encoding="utf-8")
    assert "共有党员31名，发展党员2名，支部代码007。" in md
    assert (tmp_path / "out" / "西街党支部.md").exists()


def test_numbers_are_read_as_numbers(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("a,b,c,d,e\n12,-3.5,007,1e3, 4 \n", encoding="utf-8")
    _, records = read_rows(table)
    assert records[0].values == {"a": 12, "b": -3.5, "c": "007", "d": "1e3", "e": 4}


def test_gb18030_csv_from_excel_is_read(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_bytes("branch,members\n东街党支部,31\n".encode("gb18030"))
    assert read_rows(table)[1][0].values == {"branch": "东街党支部", "members": 31}


def test_reserved_column_is_an_error(tmp_path: Path, outline: dict[str, Any]) -> None:
    facts = write_template(tmp_path, outline)
    table = write_csv(tmp_path / "t.csv", [{"branch": "x", "sections": 3}])
    result = run_cli("build", str(facts), "--each", str(table), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "'sections'" in result.stderr and "reserve" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_bad_row_is_named_by_its_number_and_the_others_are_built(tmp_path: Path, outline: dict[str, Any]) -> None:
    facts = write_template(tmp_path, outline)
    records = rows(5)
    records[2]["members"] = 0  # row 3 divides by zero in the template's expression
    table = write_csv(tmp_path / "t.csv", records)
    template_data = template(outline)
    template_data["opening"] += "每名党员{{ 100 // members }}。"
    facts.write_text(yaml.safe_dump(template_data, allow_unicode=True), encoding="utf-8")
    result = run_cli("build", str(facts), "--each", str(table), "--stem", "{{ branch }}", "-f", "md",
                     "-o", str(tmp_path / "out"), "--no-check")  # fmt: skip
    assert result.returncode == 2
    errors = [row for row in result.stderr.splitlines() if not row.startswith("speechkit: ")]
    assert len(errors) == 1 and errors[0].startswith(f"{table}:4: row 3: {facts}:"), result.stderr
    assert "division by zero" in errors[0]
    assert sorted(p.stem for p in (tmp_path / "out").iterdir() if p.name != ".speechkit-outputs.json") == sorted(
        r["branch"] for i, r in enumerate(records) if i != 2
    )


def test_stems_that_clash_or_cannot_be_file_names_are_errors(tmp_path: Path, outline: dict[str, Any]) -> None:
    facts = write_template(tmp_path, outline)
    table = write_csv(tmp_path / "t.csv", rows(3))
    with pytest.raises(SpeechkitError, match="row 2: --stem gives 'a/b'"):
        merge_jobs(facts, table, "{{ 'a/b' if members == 22 else branch }}")
    with pytest.raises(SpeechkitError, match=r"t.csv:2: row 1: --stem: unknown name 'nope'"):
        merge_jobs(facts, table, "{{ nope }}")
    result = run_cli("build", str(facts), "--each", str(table), "--stem", "{{ year }}", "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "output name '2024'" in result.stderr
    assert not (tmp_path / "out").exists()
    jobs = merge_jobs(facts, table)
    assert [job.stem for job in jobs] == ["letter-1", "letter-2", "letter-3"]


@pytest.mark.parametrize("count", [2, 8])
def test_the_summary_advises_a_check_command_that_works(tmp_path: Path, outline: dict[str, Any], count: int) -> None:
    data = template(outline)
    data["opening"] += "20xx年工作已部署。"  # SK101 in every built document
    facts = tmp_path / "letter.yaml"
    facts.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    table = write_csv(tmp_path / "branches.csv", rows(count))
    result = run_cli(
        "build", str(facts), "--each", str(table), "--stem", "{{ branch }}", "-f", "md,docx", "-o", "out",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    advice = next(line for line in result.stderr.splitlines() if "lists them" in line)
    command = advice.split("`")[1]
    assert command.startswith("speechkit check ") and "letter.yaml" not in command
    import subprocess
    import sys

    checked = subprocess.run(  # through the shell, as the user types it (a glob is expanded there)
        f"{sys.executable} -m {command}", shell=True, cwd=tmp_path, capture_output=True, text=True
    )
    assert checked.returncode == 1, checked.stderr
    assert checked.stdout.count("SK101") >= count

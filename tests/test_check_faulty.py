"""The faulty drafts of tests/data/faulty: every expected finding at its line and code, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.checks.runner import check_path

FAULTY = Path(__file__).parent / "data" / "faulty"
DRAFTS = sorted(FAULTY.glob("*.txt"))


def expected(draft: Path) -> set[tuple[int, str]]:
    """Read ``NAME.expected``: one ``LINE CODE`` a line, ``#`` comments."""
    found = set()
    for raw in draft.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split()
        if line:
            found.add((int(line[0]), line[1]))
    return found


def test_every_new_rule_is_covered() -> None:
    covered = {code for draft in DRAFTS for _, code in expected(draft)}
    new = {"SK104", "SK105", "SK106", "SK107", "SK206", "SK207", "SK208", "SK209", "SK210", "SK303", "SK304", "SK403"}
    assert new <= covered
    assert "clean_report.txt" in {draft.name for draft in DRAFTS}


@pytest.mark.parametrize("draft", DRAFTS, ids=[d.stem for d in DRAFTS])
def test_faulty_draft(draft: Path) -> None:
    got = {(f.line, f.code) for f in check_path(draft)}
    want = expected(draft)
    assert sorted(want - got) == [], "missed"
    assert sorted(got - want) == [], "unexpected"


def test_fix_deletes_boilerplate_and_spaces_in_one_run(tmp_path: Path) -> None:
    from speechkit.apps.check_cli import main

    for name in ("web_boilerplate.txt", "marks_spacing.txt"):
        path = tmp_path / name
        path.write_bytes((FAULTY / name).read_bytes())
        main(["check", "--fix", "--isolated", str(path)])
        fixed = path.read_text(encoding="utf-8")
        assert not [f for f in check_path(path) if f.code in ("SK105", "SK201", "SK207")]
        main(["check", "--fix", "--isolated", str(path)])
        assert path.read_text(encoding="utf-8") == fixed
    text = (tmp_path / "web_boilerplate.txt").read_text(encoding="utf-8")
    assert "新文秘网" not in text and "ICP" not in text and "基层党建取得了新进展。\n" in text
    assert "调研成果占年度考核分值的20%，由党委组织部在X区活动中心" in (tmp_path / "marks_spacing.txt").read_text(
        "utf-8"
    )

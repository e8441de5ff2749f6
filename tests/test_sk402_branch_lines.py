"""SK402 reads each common problem alone: the branch lines (小关社区：…) after the last one are not its text."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

DRAFT = """支部书记抓党建工作述职点评提纲

同志们：

一、存在问题

根据平日掌握的情况，共性问题主要表现在两个方面：

一是主业意识不强。部分党支部书记抓党建的主责主业意识没有内化于心。

二是制度执行不力。党内制度形同虚设，活动开展不经常，形式单一。

同时，还存在一些个性问题，下面我逐一点评。

小关社区：支委班子成员抓党建工作用力不均，合力不足。

邹庙村：党员年龄老化，活力不足。
"""


def _sk402_lines(stdout: str) -> list[str]:
    return [line.split(":")[1] for line in stdout.splitlines() if " SK402 " in line]


def test_the_last_common_problem_is_flagged_in_the_draft_its_facts_and_the_built_files(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert _sk402_lines(run_cli("check", str(draft)).stdout) == ["9", "11"]
    facts = tmp_path / "draft.yaml"
    assert run_cli("import", str(draft), "-o", str(facts)).returncode == 0
    assert len(_sk402_lines(run_cli("check", str(facts)).stdout)) == 2
    out = tmp_path / "out"
    assert run_cli("build", str(facts), "-o", str(out), "-f", "md,docx", "--no-check").returncode == 0
    assert len(_sk402_lines(run_cli("check", str(out / "draft.md")).stdout)) == 2
    assert len(_sk402_lines(run_cli("check", str(out / "draft.docx")).stdout)) == 2


def test_a_branch_line_naming_a_unit_does_not_excuse_the_problem_before_it(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT.replace("小关社区：支委班子成员", "小关社区：3名支委"), encoding="utf-8")
    assert _sk402_lines(run_cli("check", str(draft)).stdout) == ["9", "11"]

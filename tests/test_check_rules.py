"""Each rule against its case file: lines marked ``+`` must be flagged, lines marked ``-`` must not."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechkit.checks.finding import RULES
from speechkit.checks.runner import check_text

CASES = Path(__file__).parent / "check_cases"


def _blocks(path: Path) -> list[tuple[str, set[int]]]:
    """Return (text, lines that must be flagged) for each block of a case file."""
    blocks: list[tuple[str, set[int]]] = []
    lines: list[str] = []
    flagged: set[int] = set()
    for raw in [*path.read_text(encoding="utf-8").splitlines(), "---"]:
        if raw.startswith("#"):
            continue
        if raw == "---":
            if lines:
                blocks.append(("\n".join(lines), flagged))
            lines, flagged = [], set()
            continue
        marker, text = raw[:2], raw[2:]
        assert marker in ("+ ", "- "), f"{path.name}: bad line {raw!r}"
        lines.append(text)
        if marker == "+ ":
            flagged.add(len(lines))
    return blocks


def test_every_rule_has_a_case_file() -> None:
    assert sorted(p.stem for p in CASES.glob("SK*.txt")) == sorted(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_cases(code: str) -> None:
    for text, expected in _blocks(CASES / f"{code}.txt"):
        findings = check_text(text, select=(code,))
        assert {f.code for f in findings} <= {code}
        got = {f.line for f in findings}
        lines = text.split("\n")
        missed = [lines[n - 1] for n in sorted(expected - got)]
        extra = [(lines[n - 1], [f.message for f in findings if f.line == n]) for n in sorted(got - expected)]
        assert not missed and not extra, f"{code}: missed {missed}, unexpected {extra}"


def test_severity_and_json_fields() -> None:
    findings = check_text("二、存在问题\n一是意识不强。\n二是作风不实。", select=("SK402",))
    assert findings and all(f.severity == "warning" for f in findings)
    assert set(findings[0].as_dict()) >= {"path", "line", "column", "code", "severity", "message"}


def test_every_rule_has_a_row_in_the_docs() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "check.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(): line.split("|")[3].strip() for line in docs.splitlines() if line.startswith("| SK")
    }
    assert sorted(rows) == sorted(RULES)
    assert {code for code, fixable in rows.items() if fixable == "yes"} == {c for c, r in RULES.items() if r.fixable}


NEW_RULES = ("SK104", "SK105", "SK106", "SK107", "SK206", "SK207", "SK208", "SK209", "SK210", "SK303", "SK304", "SK403")
GONGWEN_RULES = ("SK404", "SK405", "SK406", "SK407", "SK408", "SK409", "SK410", "SK411")
_TOKENS = "? \ufffd 附件： 1. 2、 一、 （一） 其中 占 % 名 个 - ～ 至 。 ， 《 》 “ ” 、 报告 妥否，请批示 签定 2008.04"
_MORE = "18年 月1号 １２ 查看更多 访问量:5 党员 24729 4696 19.2 中 國 a ... …"
_GONGWEN = "请示 函 令 议案 决议 张市长： 某局、某委： 你局 贵局 务必 特此报告 抄送：各区 示发〔2025〕3号《 区教育局"
TRIGGERS = st.sampled_from([*_TOKENS.split(" "), *_MORE.split(" "), *_GONGWEN.split(" "), " ", "\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TRIGGERS, max_size=60).map("".join))
def test_new_rules_never_fail_and_stay_in_their_lines(text: str) -> None:
    findings = check_text(text, select=(*NEW_RULES, *GONGWEN_RULES))
    lines = text.split("\n")
    for finding in findings:
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
        if finding.fix is not None:
            assert lines[finding.line - 1][finding.fix.column - 1 : finding.fix.end_column - 1] == finding.fix.old

"""Common problems derived from tagged branch issues, and branch lines cut to what is particular."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, run_cli
from speechkit import FactsError, Speech, build, load, render

NAMES = [
    "小关社区",
    "新华社区",
    "邹庙村",
    "洛河村",
    "石门村",
    "关家村",
    "龙潭村",
    "枣园村",
    "桥头村",
    "柳林村",
    "河湾村",
]
#: The tags of each of eleven branches: 组织生活 in 9, 合力 in 4, 宣传 in 2, 老化 in 1.
TAGS = [
    ["组织生活", "合力"],
    ["组织生活"],
    ["组织生活", "老化"],
    ["组织生活", "合力"],
    ["组织生活"],
    ["组织生活", "宣传"],
    ["组织生活", "合力"],
    ["组织生活"],
    ["组织生活", "合力", "宣传"],
    [],
    [],
]


OWN = "第一书记对党建工作思想不重视"


def outline(derive: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return a critique outline of eleven branches whose issue tags overlap."""
    branches = []
    for name, tags in zip(NAMES, TAGS, strict=True):
        issues: list[Any] = [{"text": f"{name}{tag}方面的问题", "tags": [tag]} for tag in tags]
        issues.append(f"{name}特有的问题")
        branches.append({"branch": name, "issues": issues})
    problems: dict[str, Any] = {
        "type": "common_problems",
        "lead": "共性问题主要表现在{{ items | count_cn }}个方面：",
        "items": [{"title": OWN, "text": "督促工作不到位。"}],
    }
    if derive is not None:
        problems["derive"] = derive
    return {
        "kind": "critique_outline",
        "title": "述职点评提纲",
        "opening": "全镇{{ 11 | cn }}个支部，从{{ sections | count_cn }}个方面点评。",
        "sections": [
            problems,
            {"type": "branch_issues", "items": branches},
            {"type": "requirements", "items": [{"title": "强化主业抓责任"}]},
        ],
    }


DERIVE = {"min_branches": 3, "tags": {"组织生活": "组织生活不正常、不规范", "合力": "班子合力不足"}}


def test_tags_in_n_branches_become_common_problems_with_the_count() -> None:
    speech = build(outline(DERIVE))
    problems = speech.sections[0]
    assert [i.title for i in problems.items] == ["组织生活不正常、不规范", "班子合力不足", OWN]
    assert problems.items[0].paragraphs == ("9个支部不同程度存在组织生活不正常、不规范的问题。",)
    assert problems.items[1].paragraphs == ("4个支部不同程度存在班子合力不足的问题。",)
    assert problems.lead == ("共性问题主要表现在三个方面：",)
    assert speech.opening == ("全镇十一个支部，从两个方面点评。",)


def test_branch_lines_keep_only_what_is_particular() -> None:
    branches = build(outline(DERIVE)).sections[1]
    lines = {item.title: item.paragraphs[0] for item in branches.items}
    assert lines["小关社区"] == "小关社区特有的问题。"
    assert lines["关家村"] == "关家村宣传方面的问题；关家村特有的问题。"
    assert lines["邹庙村"] == "邹庙村老化方面的问题；邹庙村特有的问题。"
    assert len(branches.items) == 11
    assert "组织生活" not in "".join(lines.values()) and "合力" not in "".join(lines.values())


def test_the_threshold_is_a_setting() -> None:
    titles = [i.title for i in build(outline({**DERIVE, "min_branches": 5})).sections[0].items]
    assert titles == ["组织生活不正常、不规范", OWN]
    titles = [i.title for i in build(outline({**DERIVE, "min_branches": 2})).sections[0].items]
    assert titles == ["组织生活不正常、不规范", "班子合力不足", "宣传", OWN]


def test_a_branch_with_nothing_particular_left_is_left_out() -> None:
    data = outline(DERIVE)
    data["sections"][1]["items"][0]["issues"].pop()  # 小关社区 keeps only tagged issues
    units = [item.title for item in build(data).sections[1].items]
    assert "小关社区" not in units and len(units) == 10


def test_texts_with_count_branches_and_counting_words() -> None:
    own = {"title": "班子合力不足", "text": "{{ branches | join_cn }}{{ count }}个支部合力不强。"}
    derive = {
        "min_branches": 3,
        "unit": "村（社区）",
        "tags": {"合力": own},
        "text": "{{ count | count_cn }}个{{ unit }}存在{{ problem }}问题。",
    }
    items = build(outline(derive)).sections[0].items
    assert items[0].paragraphs == ("小关社区、洛河村、龙潭村和桥头村4个支部合力不强。",)
    assert items[1].title == "组织生活" and items[1].paragraphs == ("九个村（社区）存在组织生活问题。",)


def test_without_pruning_branch_lines_keep_everything() -> None:
    lines = [i.paragraphs[0] for i in build(outline({**DERIVE, "prune": False})).sections[1].items]
    assert "小关社区组织生活方面的问题；小关社区合力方面的问题；小关社区特有的问题。" in lines


def test_without_derive_nothing_changes() -> None:
    speech = build(outline())
    assert [i.title for i in speech.sections[0].items] == ["第一书记对党建工作思想不重视"]
    assert "小关社区组织生活方面的问题" in speech.sections[1].items[0].paragraphs[0]


def located(tmp_path: Path, data: dict[str, Any]) -> tuple[Path, str]:
    path = tmp_path / "outline.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, marker: str) -> int:
    """Return the 1-based line of the first line holding ``marker``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if marker in line)


@pytest.mark.parametrize(
    ("change", "message", "marker"),
    [
        ({"tags": {"组织生活": "x", "组织生話": "y"}}, "no branch issue has the tag '组织生話'", "组织生話"),
        ({"text": "{{ nobody }}"}, "unknown name 'nobody'", "nobody"),
        ({"tags": {"合力": {"title": "{{ 1 | pct(0) }}"}}}, "total is 0", "pct(0)"),
        ({"min_branches": 0}, "minimum", "min_branches"),
    ],
)
def test_faults_name_their_line(tmp_path: Path, change: dict[str, Any], message: str, marker: str) -> None:
    path, text = located(tmp_path, outline({**DERIVE, **change}))
    with pytest.raises(FactsError) as info:
        load(path)
    assert message in info.value.message
    assert info.value.location is not None and info.value.location.line == line_of(text, marker)
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:{line_of(text, marker)}:") and message in result.stderr


def test_derive_needs_branches(tmp_path: Path) -> None:
    data = outline(DERIVE)
    del data["sections"][1]
    path, text = located(tmp_path, data)
    with pytest.raises(FactsError, match="needs a branch_issues section") as info:
        load(path)
    assert info.value.location is not None and info.value.location.line == line_of(text, "derive:")


def test_the_example_derives_six_points_and_builds(tmp_path: Path) -> None:
    speech = load(EXAMPLES / "critique_outline_derived.yaml")
    problems = speech.sections[1]
    assert problems.lead == ("根据平日掌握的情况，全镇基层党建存在的共性问题主要表现在六个方面：",)
    assert problems.items[0].paragraphs[0].startswith("4个支部不同程度存在")
    assert "从三个方面" in speech.opening[1]
    example = EXAMPLES / "critique_outline_derived.yaml"
    result = run_cli("build", str(example), "-f", "md", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "critique_outline_derived.md").read_text(encoding="utf-8")
    assert "## 三、下一步的工作要求" in markdown
    assert "柳林村：党员队伍年龄老化、结构不优；发展党员程序不规范。" in markdown


def big(branches: int) -> dict[str, Any]:
    """Return an outline with many branches, each with tagged issues."""
    data = outline({"min_branches": 3, "tags": {"组织生活": "组织生活不正常、不规范"}})
    data["sections"][1]["items"] = [
        {
            "branch": f"第{n}村",
            "issues": [{"text": "组织生活不正常", "tags": ["组织生活"]}, {"text": f"特有问题{n}", "tags": [f"t{n}"]}],
        }
        for n in range(branches)
    ]
    return data


def timed(data: dict[str, Any]) -> tuple[float, Speech]:
    start = time.perf_counter()
    speech = build(data)
    return time.perf_counter() - start, speech


@pytest.mark.slow
def test_ten_thousand_branches_build_in_linear_time() -> None:
    small, _ = timed(big(1_000))
    large, speech = timed(big(10_000))
    assert speech.sections[0].items[0].paragraphs[0].startswith("10000个支部不同程度存在")
    assert len(speech.sections[0].items) == 2
    assert speech.sections[1].items[-1].paragraphs == ("特有问题9999。",)
    assert large < 25 * small + 1.0
    assert isinstance(render(speech, "md"), str)

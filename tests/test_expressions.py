"""Text expressions: facts in texts, literal braces, and every fault named by its YAML line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from speechkit import ExpressionError, load

OUTLINE = """\
kind: critique_outline
title: 支部书记抓党建工作述职点评提纲
facts:
  secretaries: 4
  first_secretaries: 4
  members: 24729
  young: 5963
  meeting: 2018-10-07
opening:
  - 刚才，我们听取了{{ secretaries }}位支部书记和{{ first_secretaries }}位第一书记的述职发言。
  - "{{ meeting | date_cn }}，全镇{{ 11 | cn }}个支部，从{{ sections | count_cn }}个方面作简要点评。"
  - 35岁以下党员{{ young }}名，占{{ young | pct(members) }}。
sections:
  - type: achievements
    items:
      - title: 党建责任有效落实
        text: 压实党建工作责任。
  - type: common_problems
    lead: 共性问题主要表现在{{ items | count_cn }}个方面：
    items:
      - title: 主业意识不强
        text: 部分支部书记抓党建的意识没有内化于心。
      - title: 制度执行不力
        text: 组织生活开展不经常。
  - type: requirements
    items:
      - title: 强化主业抓责任
        text: 各党支部书记要坚决承担和落实党建责任。
"""


def write(tmp_path: Path, text: str, name: str = "facts.yaml") -> Path:
    """Write a facts file into the test's folder."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, marker: str) -> int:
    """Return the 1-based line of the first line holding ``marker``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if marker in line)


def with_fault(expression: str) -> str:
    """Return the outline with an expression added to the common-problems lead."""
    return OUTLINE.replace("个方面：", f"个方面：{expression}", 1)


def test_facts_and_filters_fill_the_texts(tmp_path: Path) -> None:
    speech = load(write(tmp_path, OUTLINE))
    assert speech.opening == (
        "刚才，我们听取了4位支部书记和4位第一书记的述职发言。",
        "2018年10月7日，全镇十一个支部，从三个方面作简要点评。",
        "35岁以下党员5963名，占24.1%。",
    )
    assert speech.sections[1].lead == ("共性问题主要表现在两个方面：",)


FAULTS = [
    ("{{ nope }}", "unknown name 'nope'"),
    ("{{ ''.__class__ }}", "not allowed"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed"),
    ("{{ secretaries.__init__.__globals__ }}", "not allowed"),
    ("{{ 1 | pct(0) }}", "total is 0"),
    ("{{ 1 / 0 }}", "division by zero"),
    ("{{ secretaries | change(0) }}", "previous value is 0"),
    ("{{ 'abc' | wan }}", "needs a number"),
    ("{{ nope | cn }}", "unknown name 'nope'"),
    ("{{ young | nofilter }}", "nofilter"),
    ("{{ young ", "expression syntax"),
    ("{{ [1, 2] }}", "not text"),
    ("{{ none }}", "no value"),
]


@pytest.mark.parametrize(("expression", "message"), FAULTS)
def test_each_fault_names_its_line(tmp_path: Path, expression: str, message: str) -> None:
    text = with_fault(expression)
    with pytest.raises(ExpressionError) as info:
        load(write(tmp_path, text))
    error = info.value
    assert message in error.message
    assert error.location is not None
    assert error.location.line == line_of(text, "个方面：")
    assert error.location.path == "sections[1].lead"
    assert str(error).startswith(f"{tmp_path / 'facts.yaml'}:{error.location.line}:")


@pytest.mark.parametrize(("expression", "message"), [FAULTS[0], FAULTS[1], FAULTS[4]])
def test_the_cli_exits_2_with_one_line_naming_the_line(tmp_path: Path, expression: str, message: str) -> None:
    text = with_fault(expression)
    path = write(tmp_path, text)
    line = line_of(text, "个方面：")
    for command in (("validate", str(path)), ("build", str(path), "-f", "md", "-o", str(tmp_path / "out"))):
        result = run_cli(*command)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"{path}:{line}:")
        assert "sections[1].lead" in result.stderr and message in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "facts.md").exists()


def test_a_fault_in_a_nested_item_names_that_item(tmp_path: Path) -> None:
    text = OUTLINE.replace("组织生活开展不经常。", "组织生活开展不经常{{ missing }}。")
    with pytest.raises(ExpressionError) as info:
        load(write(tmp_path, text))
    assert info.value.location is not None
    assert info.value.location.line == line_of(text, "{{ missing }}")
    assert info.value.location.path == "sections[1].items[1].text"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("写作{{ '{{' }} name }}", "写作{{ name }}"),
        ("{% raw %}{{ name }}{% endraw %}", "{{ name }}"),
        ("{{ '{%' }}", "{%"),
    ],
)
def test_literal_braces(tmp_path: Path, source: str, expected: str) -> None:
    text = OUTLINE.replace("  - 35岁以下党员", f'  - "{source}"\n  - 35岁以下党员', 1)
    speech = load(write(tmp_path, text))
    assert speech.opening[2] == expected


def test_the_cli_builds_the_text_with_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, OUTLINE)
    result = run_cli("build", str(path), "-f", "md", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "facts.md").read_text(encoding="utf-8")
    assert "全镇十一个支部，从三个方面" in markdown
    assert "占24.1%" in markdown


def test_builds_of_one_process_share_compiled_texts_but_not_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speechkit.facts.sandbox import BudgetedSandbox

    compiled: list[str] = []
    real = BudgetedSandbox.compile

    def counting(self: BudgetedSandbox, source: object, *args: object, **kwargs: object) -> object:
        compiled.append(str(source))
        return real(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BudgetedSandbox, "compile", counting)
    texts = []
    for number in (3, 5):
        path = tmp_path / f"f{number}.yaml"
        path.write_text(
            f"title: 述职点评\nfacts:\n  n: {number}\nopening: 共有{{{{ n | cn }}}}个支部。\n"
            "sections:\n  - type: achievements\n    items:\n      - text: 压实责任。\n",
            encoding="utf-8",
        )
        texts.append(load(path).opening[0])
    assert texts == ["共有三个支部。", "共有五个支部。"]
    assert compiled.count("共有{{ n | cn }}个支部。") == 1

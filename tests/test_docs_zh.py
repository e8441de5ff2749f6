"""The Chinese README and guides keep in step with the English ones: the same commands, the same rule codes."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from speechkit.checks import RULES

GUIDES = ("facts", "check", "import", "docx", "preview")


def _rule_codes(markdown: str) -> list[str]:
    """Return the codes that open the rows of a document's rule table, in order."""
    return re.findall(r"^\| (SK\d{3}) \|", markdown, re.M)


def _quickstart(readme: str, heading: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", readme.split(heading)[1].split("\n## ")[0], re.S)


def test_the_chinese_rule_table_has_every_rule_of_the_english_one_and_the_registry() -> None:
    """A rule merged from elsewhere needs its row in docs/check.md and in docs/zh/check.md."""
    from speechkit import default_registry

    english = _rule_codes((ROOT / "docs" / "check.md").read_text(encoding="utf-8"))
    chinese = _rule_codes((ROOT / "docs" / "zh" / "check.md").read_text(encoding="utf-8"))
    registered = sorted({*RULES, *default_registry().rules})
    assert english == sorted(english) and chinese == sorted(chinese)
    assert chinese == english == registered


def test_each_chinese_rule_row_names_the_rule_in_chinese_and_gives_an_example() -> None:
    text = (ROOT / "docs" / "zh" / "check.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if re.match(r"\| SK\d{3} \|", line)]
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split(" | ")]
        code, name, severity, fixable, catches, example = cells
        assert re.search("[\u4e00-\u9fff]{2}", name), code
        assert severity == ("警告" if RULES[code].severity == "warning" else "错误"), code
        assert fixable == ("是" if RULES[code].fixable else "否"), code
        assert catches and example, code


def test_the_chinese_readme_is_linked_and_has_the_same_quickstart_commands() -> None:
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert "[简体中文](README.zh-CN.md)" in english.split("\n## ")[0]
    assert "[English](README.md)" in chinese.split("\n## ")[0]
    assert _quickstart(chinese, "## 快速上手") == _quickstart(english, "## Quickstart")


@pytest.mark.parametrize("guide", GUIDES)
def test_every_chinese_guide_exists_links_its_english_one_and_is_linked_from_the_readme(guide: str) -> None:
    chinese = (ROOT / "docs" / "zh" / f"{guide}.md").read_text(encoding="utf-8")
    assert f"[English](../{guide}.md)" in chinese
    assert (ROOT / "docs" / f"{guide}.md").exists()
    assert f"(docs/zh/{guide}.md)" in (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")


def test_the_links_of_the_chinese_docs_resolve() -> None:
    for page in [ROOT / "README.zh-CN.md", *sorted((ROOT / "docs" / "zh").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: {target}"

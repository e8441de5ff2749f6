"""A Chinese user is answered in Chinese: the locale, --lang and SPEECHKIT_LANG choose; English stays the fallback."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT
from speechkit import i18n
from speechkit.checks import RULES, check_text
from speechkit.i18n import language_from_environment

#: Environment variables that choose a language; each subprocess below sets its own.
_LANG_VARS = ("SPEECHKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: A draft with a placeholder (SK101), a skipped run-in (SK103) and half-width punctuation (SK201).
DRAFT = "各单位：\n\n今年x月xx日召开会议，主要有以下几点:一是加强学习;三是抓好落实.\n"
#: A facts file naming a section type that does not exist.
FACTS = "title: 测试讲话\nkind: speech\nsections:\n  - type: achievments\n    items: [一是加强学习。]\n"


def speechkit(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m speechkit`` with only the language variables given (and a UTF-8 stdout)."""
    base = {k: v for k, v in os.environ.items() if k not in _LANG_VARS}
    result = subprocess.run(
        [sys.executable, "-m", "speechkit", *args],
        cwd=cwd,
        capture_output=True,
        env={**base, "PYTHONIOENCODING": "utf-8", **env},
        timeout=300,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def english_words(text: str, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Return the English words of ``text`` left after codes, paths, options and quoted values are taken out."""
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`", " ", text)  # quoted values and commands
    text = re.sub(r"(?:/|\b[\w.-]+/)[\w./-]*|[\w*]*\.(?:md|txt|docx|yaml|yml|csv|xlsx)\b", " ", text)  # paths
    text = re.sub(r"\bSK\d+\b|--?[\w-]+|\{[^}]*\}|\[[^\]]*\]", " ", text)  # codes, options, choices
    return [w for w in re.findall(r"[A-Za-z_]{2,}", text) if w not in allowed]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """Write the draft and the facts file into a temporary folder."""
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    return tmp_path


# --- choosing the language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "fr:zh", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "zh_CN", "LANG": "C.UTF-8"}, "en"),  # as GNU gettext: LANGUAGE is ignored under C
        ({"SPEECHKIT_LANG": "zh", "LANG": "C.UTF-8"}, "zh"),
        ({"SPEECHKIT_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"SPEECHKIT_LANG": "", "LANG": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_the_language_follows_speechkit_lang_then_the_locale(env: dict[str, str], expected: str) -> None:
    assert language_from_environment(env) == expected


def test_split_lang_option_takes_lang_out_wherever_it_stands() -> None:
    assert i18n.split_lang_option(["--lang", "zh", "check", "a.md"]) == ("zh", ["check", "a.md"])
    assert i18n.split_lang_option(["check", "--lang=en", "a.md"]) == ("en", ["check", "a.md"])
    assert i18n.split_lang_option(["check", "--", "--lang", "zh"]) == (None, ["check", "--", "--lang", "zh"])
    assert i18n.split_lang_option(["--lang", "fr"]) == (None, ["--lang", "fr"])  # argparse names the choices


def test_using_restores_the_language_and_english_opens_no_catalog() -> None:
    with i18n.using("zh"):
        assert i18n.language() == "zh"
        assert i18n._("placeholder left in the text") == "文中遗留占位符"
        with i18n.using("en"):
            assert i18n._("placeholder left in the text") == "placeholder left in the text"
        assert i18n.ngettext("{n} file", "{n} files", 2).format(n=2) == "2 个文件"
    assert i18n.language() == "en"  # conftest pins English
    assert i18n._("placeholder left in the text") == "placeholder left in the text"


def test_findings_follow_the_language_and_codes_stay() -> None:
    with i18n.using("zh"):
        chinese = check_text(DRAFT)
    english = check_text(DRAFT)
    assert [(f.line, f.column, f.code) for f in chinese] == [(f.line, f.column, f.code) for f in english]
    assert {f.code for f in english} >= {"SK101", "SK103", "SK201"}
    for zh, en in zip(chinese, english, strict=True):
        assert zh.message != en.message and re.search("[\u4e00-\u9fff]", zh.message)
        assert zh.as_dict().keys() == en.as_dict().keys()


# --- the catalog -----------------------------------------------------------------------------------------


def _catalog_tool() -> ModuleType:
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("catalog_tool", ROOT / "tools" / "catalog.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_marked_message_is_translated_and_the_catalog_is_current() -> None:
    """Re-extract the marked messages: each is in zh_CN, translated, and the shipped .mo is compiled from it."""
    problems = _catalog_tool().problems()
    assert problems == [], "run `python tools/catalog.py all` and translate:\n" + "\n".join(problems)


def test_every_rule_summary_is_translated() -> None:
    """A rule added without marking its summary N_() (or without a translation) fails here."""
    from speechkit import default_registry

    rules = {**RULES, **default_registry().rules}
    missing = [code for code, rule in rules.items() if not i18n.translated(rule.summary)]
    assert missing == []


def test_translations_keep_the_placeholders_of_their_message() -> None:
    tool = _catalog_tool()
    catalog = tool.read(tool.locales()[0])
    pattern = re.compile(r"\{[^{}]*\}|%\(\w+\)[sr]|%[sr]")
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert sorted(pattern.findall(string)) == sorted(pattern.findall(ids[-1])), message.id


# --- the command line, as the issue checks it ------------------------------------------------------------

#: Words the Chinese help may keep: command and metavar names, formats, product and standard names.
HELP_WORDS = {
    "COMMAND", "COMMANDS", "FILE", "DIR", "FMT", "OUTDIR", "STEM", "TABLE", "ADDRESS", "CODES", "FACTS", "PORT",
    "HOST", "DRAFT", "speechkit", "usage", "build", "validate", "schema", "sections", "kinds", "check", "stats",
    "fonts", "import", "serve", "mcp", "en", "zh", "YAML", "JSON", "Markdown", "DOCX", "PDF", "SPEECHKIT_LANG",
    "Model", "Context", "Protocol", "Schema",
}  # fmt: skip


def test_help_under_a_chinese_locale_is_chinese() -> None:
    result = speechkit("--help", LANG="zh_CN.UTF-8")
    assert result.returncode == 0
    assert "用法：" in result.stdout and "显示帮助信息并退出" in result.stdout and "根据素材生成文档" in result.stdout
    assert english_words(result.stdout, HELP_WORDS - {"usage"}) == []
    english = speechkit("--help", LANG="C.UTF-8")
    assert "usage: speechkit" in english.stdout and "show this help message and exit" in english.stdout
    assert not re.search("[\u4e00-\u9fff]{4}", english.stdout.replace("中文", ""))


def test_command_help_and_argparse_errors_are_chinese() -> None:
    result = speechkit("check", "--help", LANG="zh_CN.UTF-8")
    assert "要检查的文件" in result.stdout and "位置参数" in result.stdout
    missing = speechkit("build", LANG="zh_CN.UTF-8")
    assert missing.returncode == 2 and "错误：缺少以下必需参数：facts" in missing.stderr


def test_unknown_section_type_is_reported_in_chinese(files: Path) -> None:
    result = speechkit("validate", "facts.yaml", cwd=files, LANG="zh_CN.UTF-8")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("facts.yaml:4:11: sections[0].type: 未知部分类型 'achievments'；是否想写 'achievements'？")
    known = line.split("已有类型：")[1]
    assert english_words(line.split(": ", 2)[2].replace(known, "")) == []
    english = speechkit("validate", "facts.yaml", cwd=files, LANG="C.UTF-8")
    assert "unknown section type 'achievments'; did you mean 'achievements'?" in english.stderr


def test_check_of_a_draft_is_chinese_and_the_same_run_under_c_is_english(files: Path) -> None:
    result = speechkit("check", "draft.md", cwd=files, LANG="zh_CN.UTF-8")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(" ")[1] for line in lines] == ["SK101", "SK201", "SK201", "SK103", "SK201"]
    assert lines[0] == "draft.md:3:3: SK101 文中遗留占位符 'x月xx日'"
    assert "中文文本中的半角 ':'；应使用 '：'" in lines[1] and "缺少 二是" in lines[3]
    for line in lines:
        assert english_words(line.split(" ", 2)[2]) == [], line
    english = speechkit("check", "draft.md", cwd=files, LANG="C.UTF-8")
    assert english.stdout.splitlines()[0] == "draft.md:3:3: SK101 placeholder 'x月xx日' left in the text"
    assert [line.split(" ")[:2] for line in english.stdout.splitlines()] == [line.split(" ")[:2] for line in lines]


def test_lang_option_and_speechkit_lang_override_the_locale(files: Path) -> None:
    english = speechkit("--lang", "en", "check", "draft.md", cwd=files, LANG="zh_CN.UTF-8")
    assert "placeholder 'x月xx日' left in the text" in english.stdout
    chinese = speechkit("check", "--lang", "zh", "draft.md", cwd=files, LANG="C.UTF-8")
    assert "文中遗留占位符" in chinese.stdout
    by_variable = speechkit("check", "draft.md", cwd=files, LANG="C.UTF-8", SPEECHKIT_LANG="zh")
    assert by_variable.stdout == chinese.stdout


def test_json_and_sarif_keep_their_keys_and_ids_and_carry_the_message_in_the_language(files: Path) -> None:
    zh = json.loads(speechkit("check", "--format", "json", "draft.md", cwd=files, SPEECHKIT_LANG="zh").stdout)
    en = json.loads(speechkit("check", "--format", "json", "draft.md", cwd=files, SPEECHKIT_LANG="en").stdout)
    assert [sorted(f) for f in zh] == [sorted(f) for f in en]
    assert [f["code"] for f in zh] == [f["code"] for f in en]
    assert zh[0]["message"] == "文中遗留占位符 'x月xx日'"
    sarif_zh = json.loads(speechkit("check", "--format", "sarif", "draft.md", cwd=files, SPEECHKIT_LANG="zh").stdout)
    sarif_en = json.loads(speechkit("check", "--format", "sarif", "draft.md", cwd=files, SPEECHKIT_LANG="en").stdout)
    run_zh, run_en = sarif_zh["runs"][0], sarif_en["runs"][0]
    assert run_zh["language"] == "zh-CN" and "language" not in run_en
    rules_zh, rules_en = run_zh["tool"]["driver"]["rules"], run_en["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules_zh] == [r["id"] for r in rules_en]
    assert [r["shortDescription"] for r in rules_zh] == [r["shortDescription"] for r in rules_en]  # English
    assert rules_zh[0]["fullDescription"]["text"] == "文中遗留占位符"
    assert [r["ruleId"] for r in run_zh["results"]] == [r["ruleId"] for r in run_en["results"]]
    assert run_zh["results"][0]["message"]["text"] == "文中遗留占位符 'x月xx日'"

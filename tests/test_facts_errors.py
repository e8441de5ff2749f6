"""Bad facts give one-line errors naming file, line, column and data path."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit import FactsError, UnknownKindError, UnknownSectionTypeError, load
from speechkit.facts.reading import parse_facts

GOOD = """\
kind: critique_outline
title: 点评提纲
sections:
  - type: achievements
    items:
      - title: 党建责任有效落实
        text: 年初，镇党委创新提出工作法。
"""


def error_of(text: str | bytes, tmp_path: Path) -> FactsError:
    path = tmp_path / "facts.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(FactsError) as info:
        load(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path) + ":")
    return info.value


def test_good_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(GOOD, encoding="utf-8")
    speech = load(path)
    assert speech.sections[0].items[0].title == "党建责任有效落实"


def test_unknown_key_has_position_and_hint(tmp_path: Path) -> None:
    error = error_of(GOOD.replace("        text:", "        txt:"), tmp_path)
    assert error.location is not None
    assert (error.location.line, error.location.column) == (7, 9)
    assert error.location.path == "sections[0].items[0].txt"
    assert "did you mean 'text'" in error.message


def test_missing_required_field(tmp_path: Path) -> None:
    error = error_of(GOOD.replace("title: 点评提纲\n", ""), tmp_path)
    assert error.location is not None and error.location.line == 1
    assert "'title' is required" in error.message


def test_wrong_type_names_expected_and_got(tmp_path: Path) -> None:
    error = error_of(GOOD.replace("    items:\n", "    items: 3\n", 1).split("      - title")[0], tmp_path)
    assert error.location is not None and error.location.line == 5
    assert "expected a list, got a number" in error.message


def test_unknown_section_type_lists_known(tmp_path: Path) -> None:
    error = error_of(GOOD.replace("type: achievements", "type: achievment"), tmp_path)
    assert isinstance(error, UnknownSectionTypeError)
    assert error.location is not None and error.location.line == 4
    assert "did you mean 'achievements'" in error.message and "branch_issues" in error.message


def test_unknown_kind_lists_known(tmp_path: Path) -> None:
    error = error_of(GOOD.replace("critique_outline", "memo"), tmp_path)
    assert isinstance(error, UnknownKindError)
    assert "notice" in error.message and "duty_report" in error.message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("", 1, "empty"),
        ("   \n\n", 1, "empty"),
        ("title: x\nsections:\n\t- type: generic\n", 3, "tab"),
        ("title: [unclosed\nsections: []\n", 2, ""),
        ("title: !!python/object/apply:os.system ['true']\nsections: []\n", 1, "tag"),
        ("title: x\ntitle: y\nsections: []\n", 2, "duplicate key"),
        ("- a\n- b\n", 1, "top level must be a mapping"),
        ("title: x\nsections: []\nfacts:\n  items: 3\n", 4, ""),
    ],
)
def test_broken_files(tmp_path: Path, text: str, line: int, words: str) -> None:
    error = error_of(text, tmp_path)
    assert error.location is not None and error.location.line == line
    assert words in error.message


def test_gb18030_bytes_are_reported_with_position(tmp_path: Path) -> None:
    error = error_of(GOOD.encode("gb18030"), tmp_path)
    assert error.location is not None and error.location.line == 2
    assert "UTF-8" in error.message


def test_control_character_is_refused(tmp_path: Path) -> None:
    error = error_of(GOOD.replace("text: 年初，镇党委创新提出工作法。", 'text: "年初\\a，"'), tmp_path)
    assert "control character" in error.message


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 9)]
    with pytest.raises(FactsError, match="alias bomb"):
        parse_facts("\n".join(lines) + "\n")


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    text = GOOD.replace("        text: 年初，镇党委创新提出工作法。", "        text: 年初，镇党委 {{ nope }}")
    error = error_of(text, tmp_path)
    assert error.location is not None and error.location.line == 7
    assert "nope" in error.message


def test_missing_file() -> None:
    with pytest.raises(FactsError, match="no such file"):
        load("/nonexistent/facts.yaml")

"""One label grammar: the builder's check of titles, the readers and the checks read labels alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run_cli
from speechkit.model.numbering import label_at, parse_label

#: Characters labels are made of, and some that follow them, so that random texts often hold labels.
LABEL_ALPHABET = (
    "零〇一二两三四五六七八九十百千万0123456789①⑳（）()、，,.．是要第首先其次再最后季月年级节 \u3000。：工作"
)

NOT_LABELS = ["一、二季度", "一是一，二是二", "两是", "〇、"]


@given(st.text(alphabet=LABEL_ALPHABET, max_size=12) | st.text(max_size=12))
def test_parse_label_and_label_at_agree_on_every_string(text: str) -> None:
    by_family = parse_label(text)
    by_format = label_at(text)
    assert (by_family is None) == (by_format is None)
    if by_family is not None and by_format is not None:
        assert (by_family.number, by_family.text) == (by_format.ordinal, by_format.text)
        assert by_family.rest == text[by_format.end :]


@pytest.mark.parametrize("text", NOT_LABELS)
def test_lists_idioms_and_odd_numerals_are_no_labels(text: str) -> None:
    assert parse_label(text) is None
    assert label_at(text) is None


@pytest.mark.parametrize(("text", "label"), [("一、一年来的工作", "一、"), ("一、一、二季度工作情况", "一、")])
def test_a_numeral_that_does_not_follow_on_starts_the_title(text: str, label: str) -> None:
    found = parse_label(text)
    assert found is not None and found.text == label


def test_build_takes_titles_the_reader_reads_as_titles(tmp_path: Path) -> None:
    facts = tmp_path / "speech.yaml"
    facts.write_text(
        "kind: speech\ntitle: 在工作会议上的讲话\nsections:\n  - type: generic\n    title: 一、二季度工作情况\n"
        "    items:\n      - title: 一是一，二是二\n        text: 抓落实。\n",
        encoding="utf-8",
    )
    built = run_cli("build", "-f", "md", "-o", str(tmp_path / "out"), str(facts))
    assert built.returncode == 0, built.stderr
    markdown = tmp_path / "out" / "speech.md"
    assert "一、一、二季度工作情况" in markdown.read_text(encoding="utf-8")
    imported = run_cli("import", str(markdown))
    assert imported.returncode == 0, imported.stderr
    assert "title: 一、二季度工作情况\n" in imported.stdout
    assert "title: 一是一，二是二\n" in imported.stdout


def test_build_still_refuses_a_title_with_its_own_label(tmp_path: Path) -> None:
    facts = tmp_path / "speech.yaml"
    facts.write_text(
        "kind: speech\ntitle: 在工作会议上的讲话\nsections:\n  - type: generic\n    title: 二、工作情况\n",
        encoding="utf-8",
    )
    built = run_cli("build", "-f", "md", "-o", str(tmp_path / "out"), str(facts))
    assert built.returncode == 2
    assert built.stderr.startswith(f"{facts}:5:12: ") and "'二、'" in built.stderr

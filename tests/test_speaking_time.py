"""``speechkit stats``: characters, sections, items and speaking time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from speechkit.apps.check_cli import main
from speechkit.checks.speaking_time import DEFAULT_RATE, count_characters, stats, text_stats

CORPUS = Path(__file__).parent / "data" / "corpus"


def test_count_characters() -> None:
    # Han 今天开会, full-width ，“”。, Latin runs 2018 ABC x (the half-width "," is not counted)
    han, punct, words = count_characters("今天，“开会”。2018 ABC, x")
    assert (han, punct, words) == (4, 4, 3)


def test_text_stats_counts_sections_items_and_time() -> None:
    text = "同志们：\n一、主要成效\n一是责任落实。\n二是任务推进。\n二、存在问题\n一是意识不强。二是制度不严。\n"
    result = text_stats(text, rate=10)
    assert result.sections == 2
    assert result.items == 4
    assert result.characters == 44
    assert result.seconds == round(44 * 60 / 10)


def test_stats_of_corpus_and_default_rate() -> None:
    result = stats(CORPUS / "000_fa1db321f703e3b0.txt")
    assert result.rate == DEFAULT_RATE == 220
    assert result.sections == 3
    assert result.characters > 3000
    assert 10 * 60 < result.seconds < 25 * 60


def test_stats_cli_json_and_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "speech.txt"
    path.write_text("一、总体要求\n" + "讲" * 440 + "。\n", encoding="utf-8")
    assert main(["stats", str(path), "--format", "json", "--rate", "441"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["characters"] == 447 and data["sections"] == 1 and data["seconds"] == round(447 * 60 / 441)
    assert main(["stats", str(path)]) == 0
    assert "speaking time: 2 min 02 s at 220 characters a minute" in capsys.readouterr().out


def test_stats_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["stats", "x.txt", "--rate", "0"])

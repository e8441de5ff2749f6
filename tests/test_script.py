"""Simplified ⇄ Traditional conversion with the official OpenCC package."""

from __future__ import annotations

import dataclasses

import pytest

from speechkit.model.errors import SpeechkitError
from speechkit.model.script import SCRIPTS, convert, convert_speech
from speechkit.model.speech import Item, Meta, Section, Speech, Table


def test_official_opencc_is_installed() -> None:
    import opencc

    # the C++ package has a compiled core; the pure-Python reimplementation does not
    assert hasattr(opencc, "CONFIGS") or hasattr(opencc, "__version__")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("hans", "镇党委的安排后面"),
        ("hant", "鎮黨委的安排後面"),
        ("tw", "鎮黨委的安排後面"),
        ("hk", "鎮黨委的安排後面"),
    ],
)
def test_convert_both_directions(script: str, expected: str) -> None:
    assert convert("镇党委的安排后面", script) == expected
    assert convert("鎮黨委的安排後面", script) == expected


def test_convert_keeps_non_chinese_and_empty() -> None:
    assert convert("", "hant") == ""
    assert convert("2018年10月7日 ABC，1.5%", "hant") == "2018年10月7日 ABC，1.5%"


def test_unknown_script_names_the_known_ones() -> None:
    with pytest.raises(SpeechkitError, match="hans, hant, tw, hk"):
        convert("党", "zh")


def test_convert_speech_converts_every_text_and_keeps_identifiers() -> None:
    speech = Speech(
        meta=Meta(kind="critique_outline", title="支部书记述职点评提纲", date="2018年10月7日"),
        salutation="同志们：",
        opening=("今天召开会议。", Table(("问题", "责任人"), (("党员发展把关不严", "张三"),), "问题清单")),
        sections=(Section("common_problems", "存在问题", items=(Item("主业意识不强", ("部分支部书记",)),)),),
    )
    out = convert_speech(speech, "hant")
    assert out.meta.title == "支部書記述職點評提綱"
    assert out.meta.kind == "critique_outline"
    assert out.sections[0].type == "common_problems"
    assert out.sections[0].items[0].title == "主業意識不強"
    assert out.opening[1].rows == (("黨員發展把關不嚴", "張三"),)
    assert out.scheme == speech.scheme
    assert dataclasses.replace(convert_speech(out, "hans"), meta=speech.meta).sections == speech.sections
    assert set(SCRIPTS) == {"hans", "hant", "tw", "hk"}


def test_hant_writes_the_forms_traditional_readers_expect() -> None:
    out = convert("为了启动审核工作，向县委汇报，编制词汇汇编。", "hant")
    assert out == "為了啟動審核工作，向縣委匯報，編制詞彙彙編。"
    assert convert("向县委汇报", "tw") == "向縣委彙報"  # the regional variants stay OpenCC's
    assert convert("为了启动", "hk") == "為了啓動"

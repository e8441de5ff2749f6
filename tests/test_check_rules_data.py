"""The data the rules ship: the misused-word dictionary and the characters both scripts write."""

from __future__ import annotations

import shutil
from pathlib import Path

import opencc
import pytest

from speechkit.checks.rules.script_mix import shared_chars
from speechkit.checks.rules.words import builtin_words
from speechkit.model.script import converter

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def test_misused_words_are_consistent() -> None:
    words = builtin_words()
    assert len(words) >= 80
    assert all(wrong != right for wrong, right in words.items())
    # a right form is never itself listed as wrong, and no wrong form hides inside a right one
    assert not set(words.values()) & set(words)
    assert not [(w, r) for w, r in words.items() for other in words if other != w and other in r]


def test_shared_chars_are_kept_by_t2s() -> None:
    chars = shared_chars()
    assert {"占", "于", "后", "范"} <= chars
    assert not {"们", "这", "发", "稳", "镇"} & chars
    t2s = converter("t2s")
    assert all(t2s.convert(c) == c for c in chars)


def test_shared_chars_match_the_installed_opencc() -> None:
    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    if not tool.exists() or shutil.which(str(tool)) is None:
        pytest.skip("this opencc build ships no opencc_dict tool")
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_chars_tool", TOOLS / "shared_chars.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert frozenset(module.shared_chars()) == shared_chars()

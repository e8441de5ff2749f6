"""The words a page writes of its own follow the document's language: Simplified, or Traditional with zh-Hant."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from speechkit import load, render
from speechkit.model.script import convert_speech
from speechkit.writers.page_words import page_language, page_words, speech_texts


def test_an_html_page_names_the_script_of_its_document() -> None:
    speech = load(EXAMPLES / "critique_outline.yaml")
    assert '<html lang="zh-CN">' in render(speech, "html")
    traditional = convert_speech(speech, "hant")
    assert page_language(speech_texts(traditional)) == "zh-Hant"
    assert '<html lang="zh-Hant">' in render(traditional, "html")


def test_the_preview_panes_speak_the_documents_script(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from speechkit.apps.serve import Preview
    from speechkit.apps.serve_app import Page

    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "title: 關於召開黨建工作會議的通知\nsections:\n  - type: achievements\n    items: [{title: x月xx日召開會議}]\n",
        encoding="utf-8",
    )
    preview = Preview(facts)
    snapshot = preview.snapshot
    assert snapshot.lang == "zh-Hant" and snapshot.findings
    page = Page(preview)
    panel = page.panel(snapshot)
    assert "檢查結果" in panel and "第 4 行，第 " in panel and "检查结果" not in panel
    html = page.html(snapshot)
    assert '<html lang="zh-Hant">' in html and 'data-synced="已同步"' in html and "連接中斷" in html
    assert page_words()["findings"] == "检查结果"

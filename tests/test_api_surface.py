"""The public API as docs/api.md documents it: typed keyword options, ``path=``, ``loads``, and only its own names."""

from __future__ import annotations

from pathlib import Path

import pytest

import speechkit
from conftest import EXAMPLES


def test_render_rejects_an_unknown_option_by_name() -> None:
    speech = speechkit.load(EXAMPLES / "notice.yaml")
    with pytest.raises(TypeError, match="runin_bol"):
        speechkit.render(speech, "docx", runin_bol=True)  # type: ignore[call-arg]


def test_render_with_path_writes_the_file_and_returns_its_content(tmp_path: Path) -> None:
    speech = speechkit.load(EXAMPLES / "notice.yaml")
    docx = speechkit.render(speech, "docx", path=tmp_path / "x.docx", runin_bold=True)
    assert isinstance(docx, bytes) and (tmp_path / "x.docx").read_bytes() == docx
    md = speechkit.render(speech, "md", path=tmp_path / "x.md")
    assert isinstance(md, str) and (tmp_path / "x.md").read_text(encoding="utf-8") == md


def test_loads_reads_yaml_text_and_load_of_yaml_text_points_to_it() -> None:
    text = (EXAMPLES / "notice.yaml").read_text(encoding="utf-8")
    assert speechkit.loads(text) == speechkit.load(EXAMPLES / "notice.yaml")
    with pytest.raises(speechkit.FactsError, match=r"speechkit\.loads"):
        speechkit.load(text)
    with pytest.raises(speechkit.FactsError, match=r"^<string>:1:1: "):
        speechkit.loads("title: x\n")


def test_dir_and_all_list_only_the_packages_own_names() -> None:
    names = dir(speechkit)
    assert names == sorted(speechkit.__all__)
    assert not {"Any", "sys", "importlib", "TYPE_CHECKING", "annotations"} & set(names)
    for name in speechkit.__all__:
        assert getattr(speechkit, name) is not None


def test_check_speech_of_a_loaded_file_names_that_file() -> None:
    from speechkit.checks import check_speech

    path = str(EXAMPLES / "corpus_000_faithful.yaml")
    findings = check_speech(speechkit.load(path))
    assert findings and {f.path for f in findings} == {path}

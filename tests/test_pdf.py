"""PDF output: LibreOffice when installed, one clear line when it is not."""

from __future__ import annotations

import shutil

import pytest

from speechkit.default import default_registry
from speechkit.model.errors import RenderError
from speechkit.writers import pdf as pdf_module
from speechkit.writers.docx import render_docx
from test_docx import notice


def test_missing_libreoffice_names_the_package(monkeypatch) -> None:
    monkeypatch.setattr(pdf_module.shutil, "which", lambda _name: None)
    with pytest.raises(RenderError) as info:
        pdf_module.render_pdf(b"")
    assert str(info.value) == "PDF output needs LibreOffice: apt-get install libreoffice-writer-nogui"


def test_fontconfig_maps_official_faces_to_free_ones() -> None:
    xml = pdf_module.fontconfig_xml()
    edit = '</test><edit name="family" mode="prepend" binding="strong">'
    assert f"<string>仿宋_GB2312</string>{edit}<string>Noto Serif CJK SC</string>" in xml
    assert f"<string>黑体</string>{edit}<string>Noto Sans CJK SC</string>" in xml
    assert f"<string>楷体_GB2312</string>{edit}<string>AR PL UKai CN</string>" in xml


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs soffice")
def test_render_pdf_returns_a_pdf() -> None:
    data = pdf_module.render_pdf(render_docx(notice(), registry=default_registry()))
    assert data.startswith(b"%PDF-")

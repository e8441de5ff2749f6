"""LibreOffice as the oracle: the labels it shows for Word's list numbering are the ones we read."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import docx
import pytest

from numbered_docx import CASES, case_docx
from speechkit.readers.docx import read_docx

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="needs soffice"),
]


def python_docx_lists() -> bytes:
    """Return a DOCX numbered by python-docx's default template: List Number, List Number 2, List Bullet."""
    document = docx.Document()
    for text, style in (("一项", "List Number"), ("二项", "List Number"), ("要点", "List Bullet")):
        document.add_paragraph(text, style=style)
    document.add_paragraph("二级", style="List Number 2")
    document.add_paragraph("三项", style="List Number")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCUMENTS = {name: case_docx(name) for name in CASES} | {"python_docx_lists": python_docx_lists()}


def normalise(line: str) -> str:
    """Drop white space (LibreOffice's text export indents and puts a space after every label) and bullets."""
    return re.sub(r"\s+", "", line).removeprefix("•")


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Convert every case to plain text with LibreOffice; return each case's non-empty lines."""
    work = tmp_path_factory.mktemp("numbering")
    files = []
    for name, data in DOCUMENTS.items():
        files.append(work / f"{name}.docx")
        files[-1].write_bytes(data)
    command = ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", "txt:Text", "--outdir", str(work / "out"), *map(str, files)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    out = {}
    for name in DOCUMENTS:
        text = (work / "out" / f"{name}.txt").read_text(encoding="utf-8-sig")
        out[name] = [line for line in text.splitlines() if line.strip()]
    return out


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_read_labels_are_the_ones_libreoffice_shows(name: str, shown: dict[str, list[str]]) -> None:
    read = [block.text for block in read_docx(DOCUMENTS[name], f"{name}.docx").blocks]
    assert [normalise(text) for text in read] == [normalise(line) for line in shown[name]]

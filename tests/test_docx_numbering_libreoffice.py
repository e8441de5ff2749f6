"""LibreOffice as the oracle: the labels it shows for Word's list numbering are the ones we read."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from numbered_docx import CASES, case_docx
from speechkit.readers.docx import read_docx

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="needs soffice"),
]


def normalise(line: str) -> str:
    """Drop white space (LibreOffice's text export indents and puts a space after every label) and bullets."""
    return re.sub(r"\s+", "", line).removeprefix("•")


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Convert every case to plain text with LibreOffice; return each case's non-empty lines."""
    work = tmp_path_factory.mktemp("numbering")
    files = []
    for name in CASES:
        files.append(work / f"{name}.docx")
        files[-1].write_bytes(case_docx(name))
    command = ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", "txt:Text", "--outdir", str(work / "out"), *map(str, files)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    out = {}
    for name in CASES:
        text = (work / "out" / f"{name}.txt").read_text(encoding="utf-8-sig")
        out[name] = [line for line in text.splitlines() if line.strip()]
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_read_labels_are_the_ones_libreoffice_shows(name: str, shown: dict[str, list[str]]) -> None:
    read = [block.text for block in read_docx(case_docx(name), f"{name}.docx").blocks]
    assert [normalise(text) for text in read] == [normalise(line) for line in shown[name]]

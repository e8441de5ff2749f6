"""PDFs of a batch come from one LibreOffice run, with the font configuration written once."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from speechkit.model.errors import RenderError
from speechkit.writers import pdf as pdf_module
from test_batch import write_facts

DOCUMENTS = 10


def counting_soffice(tmp_path: Path, real: str) -> Path:
    """Put an ``soffice`` first on PATH that logs its arguments and runs the real one."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "soffice.log"
    script = bin_dir / "soffice"
    script.write_text(f'#!/bin/sh\necho "$#" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return log


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="needs soffice")
def test_ten_pdfs_in_one_libreoffice_run(tmp_path: Path, outline: dict[str, Any], monkeypatch: Any) -> None:
    real = shutil.which("soffice")
    assert real is not None
    log = counting_soffice(tmp_path, real)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    paths = write_facts(tmp_path / "facts", outline, DOCUMENTS)
    result = run_cli("build", str(tmp_path / "facts"), "-f", "pdf,docx", "--no-check", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1  # one LibreOffice for the whole batch
    for number, path in enumerate(paths):
        pdf = tmp_path / "out" / f"{path.stem}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert f"第{number}党支部书记" in text.replace(" ", "")
        assert (tmp_path / "out" / f"{path.stem}.docx").exists()


def test_a_failed_conversion_fails_only_that_document(
    tmp_path: Path, outline: dict[str, Any], monkeypatch: Any
) -> None:
    from speechkit import build_many

    def half(documents: dict[str, bytes]) -> dict[str, bytes]:
        return {name: b"%PDF-" + name.encode() for name in documents if int(name) % 2 == 0}

    monkeypatch.setattr(pdf_module, "render_pdfs", half)
    paths = write_facts(tmp_path / "facts", outline, 4)
    result = build_many(paths, tmp_path / "out", ["md", "pdf"], workers=1)
    assert [o.status for o in result.outcomes] == ["ok", "bad", "ok", "bad"]
    assert result.failed[0].error == f"{paths[1]}: LibreOffice could not convert the document to PDF"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "doc000.md",
        "doc000.pdf",
        "doc002.md",
        "doc002.pdf",
    ]


def test_missing_libreoffice_fails_every_pdf_document(
    tmp_path: Path, outline: dict[str, Any], monkeypatch: Any
) -> None:
    from speechkit import build_many

    monkeypatch.setattr(pdf_module.shutil, "which", lambda _name: None)
    paths = write_facts(tmp_path / "facts", outline, 2)
    result = build_many(paths, tmp_path / "out", ["pdf"], workers=1)
    assert [o.error for o in result.failed] == [f"{p}: {RenderError(pdf_module.MISSING)}" for p in paths]
    assert not (tmp_path / "out").exists()

"""PDF output through LibreOffice (``soffice --headless --convert-to pdf``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..i18n import N_, _
from ..model.errors import RenderError
from .faces import fontconfig_xml

#: Seconds LibreOffice may take for one document (a cold start takes about 2 s).
TIMEOUT = 180
#: Extra seconds allowed for each further document of a batch (one takes about 0.3 s).
PER_DOCUMENT_TIMEOUT = 10
MISSING = N_("PDF output needs LibreOffice: apt-get install libreoffice-writer-nogui")

__all__ = ["MISSING", "TIMEOUT", "fontconfig_xml", "render_pdf"]


def render_pdf(docx: bytes) -> bytes:
    """Convert DOCX bytes to PDF bytes with LibreOffice in a private, temporary profile."""
    pdf = render_pdfs({"document": docx}).get("document")
    if pdf is None:
        raise RenderError(_("LibreOffice could not convert the document to PDF"))
    return pdf


def render_pdfs(documents: Mapping[str, bytes]) -> dict[str, bytes]:
    """Convert several DOCX (name → bytes) to PDF in one LibreOffice run; a name left out failed.

    One ``soffice --convert-to pdf`` converts every document, with one private profile and the
    font configuration written once, so a batch pays LibreOffice's start-up (about 2 s) once.
    Raises RenderError when LibreOffice is missing, fails outright or converts none of them.
    """
    if not documents:
        return {}
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RenderError(_(MISSING))
    names = list(documents)
    with tempfile.TemporaryDirectory(prefix="speechkit-pdf-") as tmp:
        work = Path(tmp)
        sources = work / "in"
        sources.mkdir()
        # Files are numbered, not named after the documents: any stem is safe on soffice's command line.
        files = [sources / f"d{index:06d}.docx" for index in range(len(names))]
        for name, file in zip(names, files, strict=True):
            file.write_bytes(documents[name])
        fonts = work / "fonts.conf"
        fonts.write_text(fontconfig_xml(), encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts))
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            # Keep the blank page LibreOffice inserts before a section that starts on an even page (版记).
            'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
            "--outdir",
            str(work / "out"),
            *map(str, files),
        ]
        timeout = TIMEOUT + PER_DOCUMENT_TIMEOUT * (len(files) - 1)
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(
                _("LibreOffice did not finish the PDF within {timeout} s").format(timeout=timeout)
            ) from None
        except OSError as exc:
            raise RenderError(_("cannot run LibreOffice: {strerror}").format(strerror=exc.strerror)) from None
        out: dict[str, bytes] = {}
        for name, file in zip(names, files, strict=True):
            pdf = work / "out" / f"{file.stem}.pdf"
            if pdf.exists():
                out[name] = pdf.read_bytes()
        if not out:
            detail = " ".join((run.stderr or run.stdout or "no output").split())[:200]
            raise RenderError(_("LibreOffice could not convert the document to PDF: {detail}").format(detail=detail))
        return out

"""PDF output through LibreOffice (``soffice --headless --convert-to pdf``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import RenderError
from ..fonts import fontconfig_xml

#: Seconds LibreOffice may take for one document (a cold start takes about 2 s).
TIMEOUT = 180
MISSING = "PDF output needs LibreOffice: apt-get install libreoffice-writer-nogui"

__all__ = ["MISSING", "TIMEOUT", "fontconfig_xml", "render_pdf"]


def render_pdf(docx: bytes) -> bytes:
    """Convert DOCX bytes to PDF bytes with LibreOffice in a private, temporary profile."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RenderError(MISSING)
    with tempfile.TemporaryDirectory(prefix="speechkit-pdf-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(docx)
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
            str(work),
            str(source),
        ]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice did not finish the PDF within {TIMEOUT} s") from None
        except OSError as exc:
            raise RenderError(f"cannot run LibreOffice: {exc.strerror}") from None
        pdf = work / "document.pdf"
        if run.returncode != 0 or not pdf.exists():
            detail = " ".join((run.stderr or run.stdout or "no output").split())[:200]
            raise RenderError(f"LibreOffice could not convert the document to PDF: {detail}")
        return pdf.read_bytes()

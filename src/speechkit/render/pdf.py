"""PDF output through LibreOffice (``soffice --headless --convert-to pdf``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..errors import RenderError
from .docx_styles import FONTS
from .docx_xml import escape

#: Seconds LibreOffice may take for one document (a cold start takes about 2 s).
TIMEOUT = 180
#: Extra seconds allowed for each further document of a batch (one takes about 0.3 s).
PER_DOCUMENT_TIMEOUT = 10
MISSING = "PDF output needs LibreOffice: apt-get install libreoffice-writer-nogui"


def fontconfig_xml(*, standalone: bool = True) -> str:
    """Return a fontconfig file that maps the official faces to their free substitutes.

    LibreOffice ignores the DOCX font table's ``w:altName``, so without this a system with only
    Noto CJK draws every face in one sans; with it, 仿宋/楷体/宋体/小标宋 come out in
    Noto Serif CJK SC and 黑体 in Noto Sans CJK SC. ``standalone`` includes the system
    configuration (for ``FONTCONFIG_FILE``); without it the text suits a ``conf.d`` folder.
    """
    aliases = "".join(
        f'<alias binding="same"><family>{escape(font.name)}</family>'
        f"<prefer><family>{escape(font.alt_name)}</family></prefer></alias>"
        for font in FONTS
    )
    include = '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' if standalone else ""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"{include}{aliases}</fontconfig>\n"
    )


def render_pdf(docx: bytes) -> bytes:
    """Convert DOCX bytes to PDF bytes with LibreOffice in a private, temporary profile."""
    pdf = render_pdfs({"document": docx}).get("document")
    if pdf is None:
        raise RenderError("LibreOffice could not convert the document to PDF")
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
        raise RenderError(MISSING)
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
            "pdf",
            "--outdir",
            str(work / "out"),
            *map(str, files),
        ]
        timeout = TIMEOUT + PER_DOCUMENT_TIMEOUT * (len(files) - 1)
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice did not finish the PDF within {timeout} s") from None
        except OSError as exc:
            raise RenderError(f"cannot run LibreOffice: {exc.strerror}") from None
        out: dict[str, bytes] = {}
        for name, file in zip(names, files, strict=True):
            pdf = work / "out" / f"{file.stem}.pdf"
            if pdf.exists():
                out[name] = pdf.read_bytes()
        if not out:
            detail = " ".join((run.stderr or run.stdout or "no output").split())[:200]
            raise RenderError(f"LibreOffice could not convert the document to PDF: {detail}")
        return out

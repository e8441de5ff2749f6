"""LibreOffice renders speechkit DOCX on the GB/T 9704 grid: 22 lines a page, 28 characters a line."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest

from speechkit.default import default_registry
from speechkit.writers.docx import render_docx
from speechkit.writers.pdf import render_pdf
from test_docx import long_speech, notice

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="needs soffice and pdftotext"
    ),
]

LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
WORD = re.compile(r">([^<]*)</word>")
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
#: The text block ends 35 mm above the bottom edge; below it only the page number may sit.
BOTTOM_MARGIN_PT = 35 / 25.4 * 72


def measure(pdf: Path) -> list[dict]:
    """Return per page the body lines (text, x, y) and the footer lines, from pdftotext -bbox-layout."""
    html = pdf.with_suffix(".html")
    subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(html)], check=True, timeout=60)
    pages = []
    for chunk in html.read_text(encoding="utf-8").split("<page ")[1:]:
        height = float(PAGE.match("<page " + chunk).group(2))
        lines = sorted(
            (float(y0), float(x0), float(x1), "".join(WORD.findall(body)))
            for x0, y0, x1, _y1, body in LINE.findall(chunk)
        )
        limit = height - BOTTOM_MARGIN_PT
        pages.append(
            {
                "body": [line for line in lines if line[0] < limit],
                "footer": [line for line in lines if line[0] >= limit],
                "width": 595.0,
            }
        )
    return pages


def cjk_only(text: str) -> bool:
    """Return whether a line holds only Chinese characters and full-width marks."""
    return bool(text) and all(ord(char) > 0x2E7F for char in text)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[dict]:
    pdf = tmp_path_factory.mktemp("lo") / "long.pdf"
    pdf.write_bytes(render_pdf(render_docx(long_speech(), registry=default_registry())))
    return measure(pdf)


def test_full_pages_have_22_lines(pages) -> None:
    """Full pages hold 22 lines; 21 where a heading kept with its next line moved over (or the title's blank line)."""
    assert len(pages) >= 4
    counts = []
    for number, page in enumerate(pages[:-1], 1):
        if number == 8:
            continue  # the table page: rows are shorter than body lines
        counts.append(len(page["body"]))
        assert len(page["body"]) >= 21, f"page {number}: {len(page['body'])} lines"
        pitches = [b[0] - a[0] for a, b in zip(page["body"], page["body"][1:], strict=False)]
        assert 27.5 <= statistics.median(pitches) <= 29.5
    assert sum(count >= 22 for count in counts) >= len(counts) // 2, counts


def test_full_lines_have_28_characters(pages) -> None:
    lengths = [len(line[3]) for page in pages for line in page["body"] if cjk_only(line[3])]
    assert max(lengths) == 28
    assert lengths.count(28) >= 20


def test_page_numbers_alternate_sides(pages) -> None:
    first, second = pages[0]["footer"], pages[1]["footer"]
    assert [line[3] for line in first] == ["—1—"]
    assert [line[3] for line in second] == ["—2—"]
    assert first[0][2] > 480 and second[0][1] < 120
    assert abs((595.3 - first[0][2]) - second[0][1]) < 20


def test_page_one_text_shows_the_number_between_dashes(tmp_path) -> None:
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(render_pdf(render_docx(notice(), registry=default_registry())))
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert "— 1 —" in text


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs pdffonts")
def test_pdf_uses_serif_body_and_sans_heading(tmp_path) -> None:
    pdf = tmp_path / "fonts.pdf"
    pdf.write_bytes(render_pdf(render_docx(long_speech(), registry=default_registry())))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    if "Noto" not in fonts:
        pytest.skip("Noto CJK fonts are not installed")
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts

"""The example 函, 纪要 and 请示 as LibreOffice prints them: §10.1 信函格式, §10.3 纪要格式, an upward 版头."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from speechkit import build, default_registry
from speechkit.api import load
from speechkit.writers.docx import render_docx
from speechkit.writers.pdf import render_pdf
from test_gbt9704_libreoffice import CHAR_PT, LEFT, LINE_PT, MM, TOP, WIDTH, ink_bands, text_lines

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in ("soffice", "pdftotext", "pdftoppm")),
        reason="needs soffice and poppler-utils",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
#: 7/8 of a 三号 (16 pt) character's height.
SEVEN_EIGHTHS = 16 * 7 / 8


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf = tmp_path_factory.mktemp("letter") / "letter.pdf"
    pdf.write_bytes(render_pdf(render_docx(load(ROOT / "examples" / "letter.yaml"), registry=default_registry())))
    return pdf


def test_the_issuer_is_red_30_mm_below_the_top_edge_and_centred(letter_pdf: Path) -> None:
    issuer = ink_bands(letter_pdf, 1, "red")[0]
    assert abs(issuer[0] - 30 * MM) <= 0.7 * MM, f"top edge {issuer[0] / MM:.1f} mm"
    assert abs((issuer[2] + issuer[3]) / 2 - PAGE_WIDTH / 2) <= 0.7 * MM
    first = text_lines(letter_pdf)[0][0]
    assert first[4] == "示例市卫生健康委员会"  # the 标志 of a letter carries no 文件


def test_two_red_double_lines_170_mm_thick_over_thin_then_thin_over_thick_20_mm_from_the_bottom(
    letter_pdf: Path,
) -> None:
    issuer, *rules = ink_bands(letter_pdf, 1, "red")
    assert len(rules) == 4, rules
    for rule in rules:
        assert abs((rule[3] - rule[2]) - 170 * MM) <= 0.7 * MM and abs(rule[2] - 20 * MM) <= 0.7 * MM
    upper_thick, upper_thin, lower_thin, lower_thick = rules
    assert upper_thick[1] - upper_thick[0] > upper_thin[1] - upper_thin[0]  # 上粗下细
    assert lower_thick[1] - lower_thick[0] > lower_thin[1] - lower_thin[0]  # 上细下粗
    assert abs(upper_thick[0] - issuer[1] - 4 * MM) <= 0.7 * MM, f"{(upper_thick[0] - issuer[1]) / MM:.1f} mm"
    assert abs(lower_thin[0] - (PAGE_HEIGHT - 20 * MM)) <= 0.7 * MM, f"{(PAGE_HEIGHT - lower_thin[0]) / MM:.1f} mm"


def test_the_number_is_flush_right_under_the_rule_and_the_title_two_lines_below(letter_pdf: Path) -> None:
    rules = ink_bands(letter_pdf, 1, "red")[1:3]
    page = text_lines(letter_pdf)[0]
    (number,) = [line for line in page if line[4].startswith("示卫函")]
    assert abs(number[2] - (LEFT + WIDTH)) <= 1.5  # 顶格居版心右边缘
    dark = [band for band in ink_bands(letter_pdf, 1, "dark") if number[1] - 2 <= band[0] <= number[3]]
    gap = min(band[0] for band in dark) - rules[1][1]
    assert abs(gap - SEVEN_EIGHTHS) <= 0.7 * MM, f"{gap / MM:.1f} mm"
    title = next(line for line in page if line[4].startswith("示例市卫生健康委员会关于"))
    assert 2.5 * LINE_PT <= title[1] - number[1] <= 3.5 * LINE_PT


def test_a_one_page_letter_has_no_page_number_and_a_longer_one_numbers_from_page_two(tmp_path: Path) -> None:
    pages = text_lines(_pdf(tmp_path, load(ROOT / "examples" / "letter.yaml"), "one"))
    assert len(pages) == 1 and not any("—" in line[4] for line in pages[0])
    data = yaml.safe_load((ROOT / "examples" / "letter.yaml").read_text(encoding="utf-8"))
    data["opening"] = [data["opening"]] * 12
    pages = text_lines(_pdf(tmp_path, build(data), "long"))
    assert len(pages) >= 2
    assert not any("—" in line[4] for line in pages[0])
    assert any(line[4].replace(" ", "") == "—2—" for line in pages[1])


def _pdf(tmp_path: Path, speech: object, name: str) -> Path:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(render_pdf(render_docx(speech, registry=default_registry())))  # type: ignore[arg-type]
    return pdf


def test_minutes_carry_the_mark_35_mm_down_and_the_lists_two_characters_in(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, load(ROOT / "examples" / "minutes.yaml"), "minutes")
    mark = ink_bands(pdf, 1, "red")[0]
    assert abs(mark[0] - (TOP + 35 * MM)) <= 0.7 * MM, f"{(mark[0] - TOP) / MM:.1f} mm"
    pages = text_lines(pdf)
    lines = [line for page in pages for line in page]
    present = next(line for line in lines if line[4].startswith("出席："))
    attending = next(line for line in lines if line[4].startswith("列席："))
    assert abs(present[0] - (LEFT + 2 * CHAR_PT)) <= 2  # 左空二字
    page = next(page for page in pages if attending in page)
    wrapped = page[page.index(attending) + 1]
    assert abs(wrapped[0] - (LEFT + 5 * CHAR_PT)) <= 2  # under the first character after 列席：
    data = yaml.safe_load((ROOT / "examples" / "minutes.yaml").read_text(encoding="utf-8"))
    del data["sections"][1]  # a shorter body: the lists follow it on page one
    (page,) = text_lines(_pdf(tmp_path, build(data), "short"))
    body = next(line for line in page if line[4].endswith("完成选址。"))
    present = next(line for line in page if line[4].startswith("出席："))
    assert 1.5 * LINE_PT <= present[1] - body[1] <= 2.5 * LINE_PT  # one blank line under the body


def test_a_request_prints_its_signer_on_the_number_line_and_closes_asking(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, load(ROOT / "examples" / "request.yaml"), "request")
    mark = ink_bands(pdf, 1, "red")[0]
    assert abs(mark[0] - (TOP + 35 * MM)) <= 0.7 * MM
    pages = text_lines(pdf)
    (number,) = [line for line in pages[0] if line[4].startswith("示卫发")]
    (signer,) = [line for line in pages[0] if line[4].replace(" ", "").startswith("签发人")]
    assert signer[4].replace(" ", "") == "签发人：王某某" and abs(signer[1] - number[1]) <= 2  # on the number's line
    assert abs(number[0] - (LEFT + CHAR_PT)) <= 2 and abs(signer[2] - (LEFT + WIDTH - CHAR_PT)) <= 2
    lines = [line[4] for page in pages for line in page]
    assert "妥否，请批示。" in lines and "示例市人民政府：" in lines

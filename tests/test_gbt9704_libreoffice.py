"""The example notice as LibreOffice prints it: 版头, title, signature and 版记 measured in the PDF (GB/T 9704)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from speechkit.api import load
from speechkit.default import default_registry
from speechkit.writers.docx import render_docx
from speechkit.writers.pdf import render_pdf

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in ("soffice", "pdftotext", "pdftoppm", "pdffonts")),
        reason="needs soffice and poppler-utils",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4
#: The text block: 37 mm from the top, 28 mm from the left, 156 × 225 mm.
TOP, LEFT, WIDTH, HEIGHT = 37 * MM, 28 * MM, 156 * MM, 225 * MM
BOTTOM = TOP + HEIGHT
LINE_PT = 28.95
CHAR_PT = 15.75
DPI = 144
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
WORD = re.compile(r">([^<]*)</word>")


def text_lines(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Return per page the text lines (x0, y0, x1, y1, text) from pdftotext -bbox-layout."""
    html = pdf.with_suffix(".html")
    subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(html)], check=True, timeout=60)
    pages = []
    for chunk in html.read_text(encoding="utf-8").split("<page ")[1:]:
        pages.append(
            sorted(
                (float(y0), float(x0), float(x1), float(y1), "".join(WORD.findall(body)))
                for x0, y0, x1, y1, body in LINE.findall(chunk)
            )
        )
    return [[(x0, y0, x1, y1, t) for y0, x0, x1, y1, t in page] for page in pages]


def ink_bands(pdf: Path, page: int, colour: str) -> list[tuple[float, float, float, float]]:
    """Return the horizontal bands of red or dark ink on a page as (top, bottom, left, right) in pt."""
    raw = subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    _magic, size, _depth, pixels = raw.split(b"\n", 3)
    width, height = map(int, size.split())
    scale = 72 / DPI
    bands: list[list[int]] = []
    for y in range(height):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        reds, greens, blues = row[0::3], row[1::3], row[2::3]
        if colour == "red":
            xs = [x for x in range(width) if reds[x] > 180 and greens[x] < 90 and blues[x] < 90]
        else:
            xs = [x for x in range(width) if reds[x] < 100 and greens[x] < 100 and blues[x] < 100]
        if not xs:
            continue
        if bands and bands[-1][1] == y:
            band = bands[-1]
            band[1], band[2], band[3] = y + 1, min(band[2], xs[0]), max(band[3], xs[-1] + 1)
        else:
            bands.append([y, y + 1, xs[0], xs[-1] + 1])
    return [(a * scale, b * scale, c * scale, d * scale) for a, b, c, d in bands]


@pytest.fixture(scope="module")
def notice_pdf(tmp_path_factory) -> Path:
    pdf = tmp_path_factory.mktemp("gbt9704") / "notice.pdf"
    pdf.write_bytes(render_pdf(render_docx(load(ROOT / "examples" / "notice.yaml"), registry=default_registry())))
    return pdf


@pytest.fixture(scope="module")
def lines(notice_pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    return text_lines(notice_pdf)


@pytest.fixture(scope="module")
def first_page_red(notice_pdf: Path) -> list[tuple[float, float, float, float]]:
    return ink_bands(notice_pdf, 1, "red")


def find(page: list[tuple[float, float, float, float, str]], start: str) -> tuple[float, float, float, float, str]:
    (line,) = [line for line in page if line[4].startswith(start)]
    return line


def test_the_issuer_is_red_on_one_line_35_mm_below_the_text_block_top(lines, first_page_red) -> None:
    issuer, _rule = first_page_red
    assert abs(issuer[0] - (TOP + 35 * MM)) <= 0.7 * MM, f"top edge {(issuer[0] - TOP) / MM:.1f} mm below"
    assert issuer[1] - issuer[0] < 1.5 * LINE_PT  # one line of characters, not two
    assert abs((issuer[2] + issuer[3]) / 2 - (LEFT + WIDTH / 2)) <= 2  # centred
    (line,) = [line for line in lines[0] if line[4].startswith("中共") and line[1] < TOP + 60 * MM]
    assert line[4] == "中共黑龙江省农垦牡丹江管理局高级中学委员会办公室文件"


def test_the_red_separator_is_as_wide_as_the_text_block_4_mm_under_the_number(notice_pdf, lines, first_page_red):
    _issuer, rule = first_page_red
    assert rule[1] - rule[0] <= 3
    assert abs(rule[2] - LEFT) <= 1 and abs((rule[3] - rule[2]) - WIDTH) <= 0.7 * MM
    number = find(lines[0], "党办发")
    dark = [band for band in ink_bands(notice_pdf, 1, "dark") if number[1] - 2 <= band[0] <= number[3]]
    ink_bottom = max(band[1] for band in dark)
    assert abs(rule[0] - ink_bottom - 4 * MM) <= 0.7 * MM, f"{(rule[0] - ink_bottom) / MM:.1f} mm"
    issuer = next(line for line in lines[0] if line[4].startswith("中共"))
    assert 2.5 * LINE_PT <= number[1] - issuer[1] <= 3.5 * LINE_PT  # two blank lines under the 标志


def test_the_marks_sit_top_left_in_order(lines) -> None:
    marks = [line for line in lines[0] if line[4] in ("000012", "加急")]
    assert [m[4] for m in marks] == ["000012", "加急"]
    assert all(abs(m[0] - LEFT) <= 1 for m in marks)
    # Consecutive grid lines (digits and Chinese differ in their boxes by a point or two).
    assert marks[0][1] < TOP + LINE_PT and LINE_PT - 3 <= marks[1][1] - marks[0][1] <= LINE_PT + 3


def test_the_title_is_two_lines_below_the_rule_and_the_addressee_one_below_the_title(lines, first_page_red):
    _issuer, rule = first_page_red
    first = find(lines[0], "关于从严从实")
    second = find(lines[0], "基层党建")
    addressee = find(lines[0], "各党支部")
    # Two blank lines (2 × 28.95 pt) between the rule and the title's first line.
    gap = first[1] - rule[1]
    assert 2 * LINE_PT - 6 <= gap <= 2 * LINE_PT + 6, gap
    # Balanced lines, both centred.
    for line in (first, second):
        assert abs((line[0] + line[2]) / 2 - (LEFT + WIDTH / 2)) <= 3
    # One blank line between the title and the addressee, which is flush left.
    assert 1.6 * LINE_PT <= addressee[1] - second[1] <= 2.4 * LINE_PT
    assert abs(addressee[0] - LEFT) <= 1


def test_signature_and_date_are_placed_as_section_7_3_5_says(lines) -> None:
    page = next(page for page in lines if any(line[4].startswith("牡丹江管理局") for line in page))
    signature = find(page, "牡丹江管理局")
    date = find(page, "2018年10月7日")
    right = LEFT + WIDTH
    assert abs(right - signature[2] - 2 * CHAR_PT) <= 3  # two characters in from the right
    assert abs(date[0] - signature[0] - 2 * CHAR_PT) <= 3  # first character two characters right
    assert LINE_PT - 1 <= date[1] - signature[1] <= LINE_PT + 1  # on the next line
    above = max(line for line in page if line[1] < signature[1] - 1)
    assert 1.6 * LINE_PT <= signature[1] - above[1] <= 2.4 * LINE_PT  # one blank line below the body


def test_the_imprint_ends_an_even_last_page_between_rules(notice_pdf, lines) -> None:
    assert len(lines) % 2 == 0, f"{len(lines)} pages"
    last = lines[-1]
    texts = [line[4] for line in last]
    assert texts[0] == "抄送：党委组织部，党委宣传部，校工会，校团委。"
    assert "高级中学党委办公室" in texts[1]
    assert "2018年10月8日印发" in "".join(texts)
    assert all(line[3] <= BOTTOM + 1 for line in last)  # no page number under the text block
    rules = [band for band in ink_bands(notice_pdf, len(lines), "dark") if band[3] - band[2] > WIDTH - 2]
    assert len(rules) == 3
    assert abs(rules[-1][1] - BOTTOM) <= 2  # the last rule on the text block's bottom edge
    first, between, final = (band[1] - band[0] for band in rules)
    assert first > between and final > between  # first and last thick
    assert rules[0][0] < last[0][1] < rules[1][0] < last[-1][1] < rules[2][0]


def test_full_pages_hold_21_or_22_lines(lines) -> None:
    for number, page in enumerate(lines[1:-2], 2):
        body = [line for line in page if line[3] <= BOTTOM + 1]
        assert len(body) in (21, 22), f"page {number}: {len(body)} lines"


@pytest.mark.skipif(
    subprocess.run(["fc-list", ":family=AR PL UKai CN"], capture_output=True, text=True).stdout.strip() == "",
    reason="needs fonts-arphic-ukai and fonts-noto-cjk",
)
def test_title_level_1_level_2_and_body_use_four_distinct_faces(tmp_path: Path) -> None:
    pdf = tmp_path / "speech.pdf"
    pdf.write_bytes(
        render_pdf(render_docx(load(ROOT / "examples" / "review_speech.yaml"), registry=default_registry()))
    )
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in fonts.splitlines()[2:]}
    assert any("SerifCJK" in n and "Bold" in n for n in names), names  # 小标宋 title
    assert any("SansCJK" in n for n in names), names  # 黑体 level 1
    assert any("UKai" in n for n in names), names  # 楷体 level 2
    assert any("SerifCJK" in n and "Regular" in n for n in names), names  # 仿宋 body


def test_an_attachment_starts_a_page_label_top_left_title_on_the_third_line(tmp_path: Path) -> None:
    import yaml

    from speechkit.api import build

    data = yaml.safe_load((ROOT / "examples" / "notice.yaml").read_text(encoding="utf-8"))
    data["attachments"] = [{"title": "党支部书记抓基层党建述职评议考核评分表", "text": ["一、评分办法。"]}]
    pdf = tmp_path / "attachment.pdf"
    pdf.write_bytes(render_pdf(render_docx(build(data), registry=default_registry())))
    pages = text_lines(pdf)
    (page,) = [page for page in pages if page and page[0][4] == "附件"]
    label, title, text = page[0], page[1], page[2]
    assert abs(label[0] - LEFT) <= 1 and label[1] < TOP + LINE_PT  # first line, flush left
    assert 2 * LINE_PT - 3 <= title[1] - TOP <= 3 * LINE_PT  # the third line
    assert abs((title[0] + title[2]) / 2 - (LEFT + WIDTH / 2)) <= 3  # centred
    assert text[4] == "一、评分办法。"
    assert len(pages) % 2 == 0 and pages[-1][0][4].startswith("抄送")
    # The attachment ends on an even page: a blank page, without a page number, comes before the 版记.
    number = pages.index(page) + 1
    after = pages[number:-1]
    assert after == ([[]] if number % 2 == 0 else [])


def test_an_upward_document_has_number_and_signers_one_character_in_over_a_full_rule(tmp_path: Path) -> None:
    import yaml

    from speechkit.api import build

    data = yaml.safe_load((ROOT / "examples" / "notice.yaml").read_text(encoding="utf-8"))
    data["signers"] = ["张三", "李四", "王五"]
    pdf = tmp_path / "upward.pdf"
    pdf.write_bytes(render_pdf(render_docx(build(data), registry=default_registry())))
    page = text_lines(pdf)[0]
    number = find(page, "党办发")
    last_signer = find(page, "王五")
    assert abs(number[0] - (LEFT + CHAR_PT)) <= 1.5  # one character in on the left
    assert abs((LEFT + WIDTH) - last_signer[2] - CHAR_PT) <= 1.5  # one character in on the right
    assert abs(number[1] - last_signer[1]) <= 1  # on the same line
    _issuer, rule = ink_bands(pdf, 1, "red")
    assert abs(rule[2] - LEFT) <= 1 and abs((rule[3] - rule[2]) - WIDTH) <= 0.7 * MM

"""The repair stage of reading (model/repair.py, model/mojibake.py): each repair, and one detection for
``import`` and SK209."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from speechkit.checks import check_text
from speechkit.default import default_registry
from speechkit.model.repair import (
    garbles,
    halfwidth_spans,
    mend_doc_numbers,
    mend_fullwidth_digits,
    mend_mojibake,
    mend_pinyin,
)
from speechkit.readers import read_draft
from speechkit.readers.clean import fix_text


def test_pinyin_note_shows_before_and_after() -> None:
    assert mend_pinyin("請各單位正式會(huì)員认真组织") == (
        "請各單位正式會員认真组织",
        ["SK204 正式會(huì)員认真 → 正式會員认真"],
    )
    # two remnants close together make one note
    text, changes = mend_pinyin("關(guān)于本市加強(qiáng)監管")
    assert text == "關于本市加強監管" and changes == ["SK204 關(guān)于本市加強(qiáng)監管 → 關于本市加強監管"]
    assert mend_pinyin("作者(zuo)和(1)") == ("作者(zuo)和(1)", [])


def test_halfwidth_marks_and_digits_and_document_numbers() -> None:
    assert [char for _s, _e, char in halfwidth_spans("我们,认真学习;提高认识.")] == [",", ";", "."]
    assert mend_fullwidth_digits("２０２４年３月") == ("2024年3月", ["SK304 ２０２４ → 2024", "SK304 ３ → 3"])
    assert mend_doc_numbers("国办发„2009‟3号") == ("国办发〔2009〕3号", ["SK301 国办发„2009‟3号 → 国办发〔2009〕3号"])
    assert mend_doc_numbers("沈政令[1997]29号")[0] == "沈政令〔1997〕29号"
    assert mend_doc_numbers("沈政令[1997]029号")[1] == []  # another fault too: SK301 reports it, no repair


@pytest.mark.parametrize(
    ("garbled", "repaired"),
    [
        ("ä¸­æ–‡", "中文"),  # UTF-8 read as Windows-1252
        ("â€œ", "“"),
        ("ä¸\x8dæ˜¯", "不是"),  # the byte Windows-1252 lacks, kept as a C1 control (ftfy's sloppy codec)
        ("ÖÐÎÄ±¨¸æ", "中文报告"),  # GBK read as Latin-1
        ("¬F©²¤u§@", "政府工作"),  # Big5 read as Latin-1
        ("鎶ュ憡鎬讳綋", "报告总体"),  # UTF-8 read as GBK
        ("鍫卞憡绺介珨", "報告總體"),  # Traditional UTF-8 read as GBK
    ],
)
def test_mojibake_is_repaired(garbled: str, repaired: str) -> None:
    text = f"会议{garbled}内容"
    assert mend_mojibake(text) == (f"会议{repaired}内容", [f"SK209 {garbled} → {repaired}"], [])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("全县總?cè)丝?8萬人", "?cè)丝?"),
        ("书面报告??傮w评价", "??傮w"),
        ("录入系统\ufffd处理完毕", "\ufffd"),
        ("文件锟斤拷锟斤拷已下发", "锟斤拷锟斤拷"),
        ("å…¨é\ufffd¢ä»Žä¸¥æ²»å…š", "å…¨é\ufffd¢ä»Žä¸¥æ²»å…š"),  # a byte lost: not certain, kept whole
        ("文件名åºå½æ°çåºç¨ç¤ºä¾", "åºå½æ°çåºç¨ç¤ºä¾"),  # a page that dropped the bytes 0x80–0x9F
    ],
)
def test_lost_bytes_are_kept_and_reported(text: str, kept: str) -> None:
    assert mend_mojibake(text) == (text, [], [f"SK209 garbled text {kept!r}; restore it from the source"])


def test_a_run_cut_inside_a_character_repairs_what_it_can() -> None:
    assert garbles("鎶ュ憡鎬?") == [(0, 3, "报告"), (3, 4, None)]


def test_pinyin_is_read_through() -> None:
    """``學(xué)?站``: the reader removes the pinyin, and the ? between two Han characters is garbage."""
    text = "學(xué)?站帊徫还_選"
    assert garbles(text) == [(6, 7, None)]
    fixed, changes = fix_text(text)
    assert fixed == "學?站帊徫还_選" and changes == ["SK204 學(xué) → 學"]


@pytest.mark.parametrize(
    "text", ["××××年××月××日", "Café au lait, Müller 学习", "温度37℃。", "这是怎么回事?", "亮点是哪些?开工是哪些?"]
)
def test_clean_text_is_no_mojibake(text: str) -> None:
    assert garbles(text) == []


def _common_han() -> list[str]:
    """The Han characters of GB 2312 and Big5's frequent ones: what clean Chinese text is written in."""
    chars = []
    codes = [("gb2312", bytes((row, cell))) for row in range(0xB0, 0xF8) for cell in range(0xA1, 0xFF)]
    codes += [("big5", code.to_bytes(2, "big")) for code in range(0xA440, 0xC67F)]
    for codec, raw in codes:
        try:
            chars.append(raw.decode(codec))
        except UnicodeDecodeError:
            continue
    return [char for char in chars if "\u4e00" <= char <= "\u9fff"]


_CLEAN = st.text(
    st.sampled_from(_common_han())
    | st.sampled_from(list("，。、；：？！“”‘’《》（）【】…—·"))
    | st.sampled_from(list("0123456789")),
    min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CLEAN)
def test_repair_never_changes_clean_chinese(text: str) -> None:
    assume(not any(sign in text for sign in ("锟斤拷", "烫烫烫", "屯屯屯")))  # SK209's signatures of lost bytes
    assert garbles(text) == []
    assert mend_mojibake(text) == (text, [], [])
    assert mend_pinyin(text) == (text, [])


_GARBLED_FINDING = re.compile(r"^garbled text (.*) \(a broken encoding conversion\); restore it from the source$")
_GARBLED_NOTE = re.compile(r"^SK209 garbled text (.*); restore it from the source$")
#: Pieces drafts are made of: clean text, each kind of mojibake, lost bytes, pinyin, marks, line breaks.
_PIECES = st.sampled_from(
    [
        "会议要求",
        "各单位认真落实。",
        "ä¸­æ–‡",
        "â€œ",
        "ÖÐÎÄ",
        "鎶ュ憡鎬讳綋",
        "鍫卞憡",
        "?",
        "??傮w",
        "\ufffd",
        "會(huì)員",
        "，",
        ",",
        "ä",
        "¸",
        "ä¸",  # the first two bytes of 中, cut by a line break from the third (\xad) and 文
        "\xadæ–‡",
        "鎶ュ",
        "憡鎬讳綋",
        "鎬",
        " ",
        "\n",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_import_repairs_what_sk209_offers_to_fix(text: str) -> None:
    """For any text, the spans ``import`` repairs are SK209's fixable findings, and its kept ones the others."""
    draft = "关于做好工作的通知\n" + text + "\n"
    notes = read_draft(draft, "txt", registry=default_registry()).notes
    findings = [f for f in check_text(draft, select=("SK209",))]
    fixed = sorted((f.line, f"SK209 {f.fix.old} → {f.fix.new}") for f in findings if f.fix is not None)
    kept = sorted((f.line, _GARBLED_FINDING.search(f.message).group(1)) for f in findings if f.fix is None)
    assert sorted((n.line, n.text) for n in notes if n.action == "fixed" and n.text.startswith("SK209")) == fixed
    garbled = [(n.line, _GARBLED_NOTE.search(n.text)) for n in notes if n.action == "kept as text"]
    kept_notes = [(line, found.group(1)) for line, found in garbled if found]  # other notes keep other text
    assert sorted(kept_notes) == kept


def _speechkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "speechkit", *args], capture_output=True, text=True)


def test_check_and_import_agree_on_a_draft_with_mojibake(tmp_path: Path) -> None:
    draft = tmp_path / "notice.txt"
    draft.write_text(
        "关于做好安全生产工作的通知\n各乡镇人民政府：\n现将鎶ュ憡鎬讳綋印发给你们。\n全县總?cè)丝?8萬人。\n县政府办公室\n",
        encoding="utf-8",
    )
    checked = _speechkit("check", "--select", "SK209", "--format", "json", str(draft))
    found = [(f["line"], f["column"], f["fixable"]) for f in json.loads(checked.stdout)]
    assert found == [(3, 3, True), (4, 4, False)], checked.stdout
    assert "报告总体" in json.loads(checked.stdout)[0]["message"]
    imported = _speechkit("import", str(draft))
    assert imported.returncode == 0, imported.stderr
    assert f"{draft}:3: fixed: SK209 鎶ュ憡鎬讳綋 → 报告总体" in imported.stderr.splitlines()
    assert f"{draft}:4: kept as text: SK209 garbled text '?cè)丝?'; restore it from the source" in imported.stderr
    assert "现将报告总体印发给你们" in imported.stdout and "?cè)丝?" in imported.stdout  # kept in the body


def test_check_fix_applies_the_repair_import_makes(tmp_path: Path) -> None:
    """``speechkit check --fix`` writes back what import repairs (SK209 is fixable where the bytes survive)."""
    draft = tmp_path / "notice.txt"
    draft.write_text("关于工作的通知\n各单位：\n本次ä¸­æ–‡会议要认真组织。\n", encoding="utf-8")
    fixed = run_cli("check", "--select", "SK209", "--fix", str(draft))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert draft.read_text(encoding="utf-8") == "关于工作的通知\n各单位：\n本次中文会议要认真组织。\n"


@pytest.mark.parametrize("fmt", ["txt", "md", "docx"])
def test_a_garble_left_unrepaired_is_noted_once_in_every_format(fmt: str) -> None:
    """``import`` says what it keeps garbled in a .md or .docx draft as in a .txt one, once per stretch."""
    lines = ["关于做好人口统计工作的通知", "各乡镇人民政府：", "全县總?cè)丝?8萬人。", "县政府办公室"]
    source: str | bytes = "\n".join(lines) + "\n" if fmt != "md" else "\n\n".join(lines) + "\n"
    if fmt == "docx":
        import io

        import docx

        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        buffer = io.BytesIO()
        document.save(buffer)
        source = buffer.getvalue()
    notes = read_draft(source.encode() if isinstance(source, str) else source, fmt, registry=default_registry()).notes
    kept = [n.text for n in notes if n.action == "kept as text" and n.text.startswith("SK209")]
    assert kept == ["SK209 garbled text '?cè)丝?'; restore it from the source"]

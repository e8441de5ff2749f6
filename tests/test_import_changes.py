"""`speechkit import` names every change it makes on stderr, and `check` reports the same ones (subprocesses)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

#: A pasted notice: a broken bracket, full-width digits, a pinyin remnant of a Traditional cut, a site's buttons
#: and a single attachment numbered 1. (shapes from tests/field: gov_shenyang_gonggao, wenku_bdocx_shuzhi).
DRAFT = """关于开展安全生产大检查的通知
国办发„2009‟3号
各乡镇人民政府，县直各有关单位：
根据上级部署，决定于２０２４年３月开展安全生产大检查，請各單位正式會(huì)員认真组织。
一、检查范围。全县各类生产经营单位。
下载 相关 举报
附件：1.安全生产大检查工作方案
县人民政府办公室
2024年2月7日
"""
#: Each change import makes: its line, what, and a piece of what stderr says; the code check reports there.
CHANGES = [
    (2, "fixed: SK301 国办发„2009‟3号 → 国办发〔2009〕3号", "SK301"),
    (4, "fixed: SK304 ２０２４ → 2024", "SK304"),
    (4, "fixed: SK304 ３ → 3", "SK304"),
    (4, "fixed: SK204 正式會(huì)員认真 → 正式會員认真", "SK204"),
    (6, "set aside: 下载 相关 举报", "SK105"),
    (7, "stripped label: 1.", "SK107"),
]


def test_import_names_each_change_and_check_reports_it(tmp_path: Path) -> None:
    draft = tmp_path / "notice.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    imported = run_cli("import", str(draft))
    assert imported.returncode == 0, imported.stderr
    changes = [line for line in imported.stderr.splitlines() if not line.startswith(f"{draft}: ")]
    assert sorted(changes) == sorted(f"{draft}:{line}: {what}" for line, what, _code in CHANGES)
    assert "２" not in imported.stdout and "〔2009〕" in imported.stdout and "(huì)" not in imported.stdout
    checked = run_cli("check", str(draft))
    found = {
        (int(m.group(1)), m.group(2))
        for m in re.finditer(rf"^{re.escape(str(draft))}:(\d+):\d+: (SK\d+)", checked.stdout, re.M)
    }
    assert {(line, code) for line, _what, code in CHANGES} <= found, checked.stdout


def test_check_reports_every_line_import_sets_aside(tmp_path: Path) -> None:
    """A breadcrumb and an end mark the reader sets aside are SK105 findings at their lines too."""
    draft = tmp_path / "speech.txt"
    draft.write_text(
        "首页 > 领导讲话 > 正文\n在全市安全生产工作会议上的讲话\n同志们：\n"
        "今天我们召开会议，部署安全生产工作。\n（全文完）\n",
        encoding="utf-8",
    )
    imported = run_cli("import", str(draft))
    aside = {int(m.group(1)) for m in re.finditer(r":(\d+): set aside: ", imported.stderr)}
    assert aside == {1, 5}, imported.stderr
    checked = run_cli("check", "--select", "SK105", str(draft))
    assert {int(m.group(1)) for m in re.finditer(r":(\d+):\d+: SK105 ", checked.stdout)} == aside, checked.stdout

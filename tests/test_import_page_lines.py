"""`speechkit import` and `check` (as subprocesses) set aside a web page's lines by their features.

Each draft is a short notice with lines copied from the pages in tests/field (named beside each
case); import must say it set each line aside and keep it out of the facts, and check must report
the same lines as SK105 at their line numbers.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

BODY = [
    "各乡镇人民政府，县直各有关单位：",
    "为切实做好当前安全生产工作，确保人民群众生命财产安全，现将有关事项通知如下。",
    "一、提高思想认识。各单位要充分认识做好安全生产工作的重要性，切实增强责任感。",
    "二、落实工作责任。各单位要层层落实安全生产责任制，把责任落实到岗位、落实到人。",
    "县人民政府办公室",
    "2024年2月7日",
]
TITLE = "关于做好当前安全生产工作的通知"


def _speechkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "speechkit", *args], capture_output=True, text=True)


def _draft(tmp_path: Path, head: list[str], tail: list[str]) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text("\n".join([*head, TITLE, *BODY, *tail]) + "\n", encoding="utf-8")
    return path


#: (case, lines before the title, lines after the body, the lines set aside) from tests/field.
CASES = [
    (  # gov_zb_rules, wenku_*: a metadata line of labels and values
        "metadata",
        ["索引号: 003129766/201901-00336 组配分类: 规范性文件发布"],
        [],
        ["索引号: 003129766/201901-00336 组配分类: 规范性文件发布"],
    ),
    (  # wenku_bdocx_shuzhi: upload data in one line
        "upload metadata",
        ["上传人:仙*** 文档编号:1225367 上传时间:2019-10-11 格式:DOC 页数:4 大小:14.44KB"],
        [],
        ["上传人:仙*** 文档编号:1225367 上传时间:2019-10-11 格式:DOC 页数:4 大小:14.44KB"],
    ),
    (  # an editor's roles after the signature
        "editor roles",
        [],
        ["(撰稿:熊方琪 审核:刘益玲)"],
        ["(撰稿:熊方琪 审核:刘益玲)"],
    ),
    (  # gov_lukou_shuangshu, a forum: a bare date stamp, with a time and a counter
        "date stamp",
        ["2024-02-07 22:49:56 583"],
        ["2025-12-25"],
        ["2024-02-07 22:49:56 583", "2025-12-25"],
    ),
    (  # wenku_bdocx_shuzhi: a file's name, a thumbnail's caption and a pager
        "file name and pager",
        ["安全生产工作方案.docx", "安全生产工作方案.docx_第1页", "第1页 / 共11页"],
        [],
        ["安全生产工作方案.docx", "安全生产工作方案.docx_第1页", "第1页 / 共11页"],
    ),
    (  # wenku_bdocx_shuzhi: a row of the page's buttons
        "buttons",
        ["下载 相关 举报"],
        ["点击查看更多>>"],
        ["下载 相关 举报", "点击查看更多>>"],
    ),
    (  # wenmi_kingxue_kaohe: a bulleted menu
        "menu",
        ["• 全部考试", "  • 考试报名", "  • 考试时间"],
        [],
        ["• 全部考试", "• 考试报名", "• 考试时间"],
    ),
    (  # repo_jiange_ducha: lines of markup only
        "markup",
        ["<body>", "<!--content-->", '<div class="content_box">'],
        ["</div>"],
        ["<body>", "<!--content-->", '<div class="content_box">', "</div>"],
    ),
    (  # news_voc_taohuajiang: a breadcrumb broken over lines
        "breadcrumb",
        ["益阳频道", "", ">", "", "乡镇风采", "", ">", "", "正文"],
        [],
        ["益阳频道", ">", "乡镇风采", ">", "正文"],
    ),
    (  # gov_pingjiang_zhengwu: a page's form, two labels in a row with nothing after them
        "bare labels",
        ["视力保护色:", "浏览量:"],
        [],
        ["视力保护色:", "浏览量:"],
    ),
    (  # wenmi_21ks_shipin: a collection's piece line, the title below without the site's 范文
        "collection piece",
        ["第1篇:关于做好当前安全生产工作的通知范文"],
        [],
        ["第1篇:关于做好当前安全生产工作的通知范文"],
    ),
    (  # news_voc_taohuajiang: a sidebar's short labels ending the page
        "sidebar",
        [],
        ["区县新闻", "便民提醒", "益阳论坛"],
        ["区县新闻", "便民提醒", "益阳论坛"],
    ),
]


@pytest.mark.parametrize(("head", "tail", "aside"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_import_and_check_set_aside_the_page_lines(
    tmp_path: Path, head: list[str], tail: list[str], aside: list[str]
) -> None:
    draft = _draft(tmp_path, head, tail)
    lines = draft.read_text(encoding="utf-8").splitlines()
    result = _speechkit("import", str(draft))
    assert result.returncode == 0, result.stderr
    facts = yaml.safe_load(result.stdout)
    assert facts["title"] == TITLE
    assert facts["signature"] == "县人民政府办公室"
    dumped = yaml.safe_dump(facts, allow_unicode=True)
    checked = _speechkit("check", str(draft))
    for text in aside:
        number = next(n for n, line in enumerate(lines, 1) if line.strip() == text)
        assert f"{draft}:{number}: set aside: {text}" in result.stderr, result.stderr
        assert f"{draft}:{number}:1: SK105 " in checked.stdout, checked.stdout
        if text not in (">",):
            assert text not in dumped


def test_a_clean_notice_sets_nothing_aside(tmp_path: Path) -> None:
    draft = _draft(tmp_path, [], ["时间：2024年3月1日", "地点：县政府三楼会议室"])
    result = _speechkit("import", str(draft))
    assert result.returncode == 0, result.stderr
    assert "set aside" not in result.stderr
    assert "SK105" not in _speechkit("check", str(draft)).stdout


def test_a_banner_is_no_title(tmp_path: Path) -> None:
    """news_hzdd17_weinan: a site's banner of slogans above a report that starts with its first sentence."""
    banner = "喜迎二十大 忠诚保平安 奋进新征程 建功新时代"
    draft = tmp_path / "report.txt"
    draft.write_text(
        f"{banner}\n\n2月5日上午，市公安局召开机关述职评议会议，听取各处室主要负责人履职情况报告。\n", encoding="utf-8"
    )
    result = _speechkit("import", str(draft))
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["title"] != banner
    assert f"{draft}:1: set aside: {banner}" in result.stderr, result.stderr
    assert f"{draft}:1:1: SK105 " in _speechkit("check", str(draft)).stdout

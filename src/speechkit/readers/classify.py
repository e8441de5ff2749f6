"""Tell the lines of a web page from the lines of the document, by features and by their neighbours.

One pass over all the lines of a draft, shared by the text reader (which sets the lines aside)
and SK105 (which reports them), so ``import`` and ``check`` agree on what is not the document's:

- a sidebar ``label:`` with nothing after it, the label from the metadata vocabulary of
  government and document-sharing pages (索引号, 主题分类, 发文机构, 内容概述, 简介…);
- a counter: a line that is only a number after a short label line (金钱 / 2052), and that label;
- a document-sharing site's header: upload and download lines, the editor's blurb (小编…整理,
  欢迎阅读), a collection's name (通用6篇, 精选九篇, 第7/23页) and its ``第一篇:`` line when the
  title after it comes again below;
- a line of bars and dots only (``|``, ``- -``), a link bar, a switch of script (转换到繁體中文).

Anti-copy junk is told by its character mix (:func:`junk_spans`), inside a line too.

The lines a label's value stands on are left alone: a 发文字号 or a date there is the document's.
"""

from __future__ import annotations

import re

from ..i18n import N_
from ..model.script import to_simplified

#: Labels of a page's metadata sidebar; a line holding one of them and nothing after is the page's.
_LABELS = (
    "索引号|主题分类|主题词|分类|体裁分类|组配分类|服务对象|来源|信息来源|文章来源|发文机构|发布机构|发文机关|"
    "发文字号|文号|发文日期|成文日期|发布日期|发布时间|生效日期|有效性|时效|是否有效|内容概述|内容预览|摘要|"
    "简介|关键词|关 键 词|关键字|今天是|日期|作者|编辑|责任编辑|浏览次数|访问次数|字号|字体|推荐度|资源描述|"
    "上传人|上传时间|文档编号|格式|页数|大小|下载积分|资源ID|资源大小|全文页数|资源格式"
)
_EMPTY_LABEL = re.compile(rf"^[\s•·●▪\-*]*(?:{_LABELS})\s*[:：]?\s*$")
_NUMBER_ONLY = re.compile(r"^\s*\d{1,7}\s*$")
_SHORT_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}\s*$")
#: A document-sharing site's own lines: uploads, downloads, the editor's blurb, sizes and page counts.
_SHARING = re.compile(
    r"下载本文|会员上传|文库小编|小编(?:精心)?(?:为你|为大家)?(?:整理|收集|推荐)|上传文档|下载积分|^\s*[-•]?\s*\d+(?:\.\d+)?\s*[KM]B\s*\|?\s*$|^\s*[-•]?\s*\d+\s*页\s*\|?\s*$|"
    r"^\s*[-•]?\s*\d{4}-\d{2}-\d{2}\s*发布\s*\|?\s*$|相[关關](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\))?推[荐薦]\s*$|推荐度\s*[:：]\s*$"
)
#: A collection's name: ``(通用6篇)``, ``精选(九篇)``, ``汇编(61篇)``, ``(第7/23页)``.
_COLLECTION = re.compile(
    r"[(（](?:通用|精选)?[\d一二三四五六七八九十]+篇[)）]|精选[(（][\d一二三四五六七八九十]+篇[)）]|[(（]第\d+/\d+页[)）]"
)
_PIECE = re.compile(r"^\s*第\s*[\d一二三四五六七八九十]+\s*篇\s*[:：]\s*(.+?)\s*$")
#: A link bar: short pieces between bars (``论坛 | 新闻 | …``, ``查看: 1387|回复: 0``), no sentence.
_LINK_BAR = re.compile(r"^(?![|｜])[^。！？!?|｜、，,；;]{1,40}(?:[|｜][^。！？!?|｜、，,；;]{0,40}){1,8}$")
#: A switch of script or version: ``转换到繁體中文``, ``繁体  简体``.
_SCRIPT = "(?:繁体|简体)(?:中文|版)?"  # lines are matched in Simplified script
_SWITCH = re.compile(rf"^(?:(?:转换|切换)到)?{_SCRIPT}(?:\s*{_SCRIPT})?$")
_BARS = re.compile(r"^[\s|｜¦/\\\-—_·•.]+$")
#: The longest line read as a site header or a collection's name.
_SHORT = 120


#: Anti-copy junk of forum software: six or more runs of one or two ASCII marks, letters and digits
#: between single spaces (``9 Y8 f3 E5 k. p. Q8 f$ Y) |. D#``), on a line of its own or glued to the text.
_JUNK = re.compile(r"(?:[!-~]{1,2} ){5,}[!-~]{1,2}(?![!-~])")


def junk_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of anti-copy junk in a line: told by its mix of letters, digits and marks."""
    if text.count(" ") < 5:
        return []
    found = []
    for match in _JUNK.finditer(text):
        piece = match.group(0)
        letters = sum(c.isalpha() for c in piece)
        marks = sum(not c.isalnum() and c != " " for c in piece)
        if letters >= 3 and marks >= 3:
            found.append(match.span())
    return found


def page_lines(lines: list[str]) -> dict[int, str]:
    """Return the 0-based numbers of the lines that belong to the page, each with why."""
    simple = [to_simplified(line).strip() for line in lines]
    found: dict[int, str] = {}
    filled = [n for n, text in enumerate(simple) if text]
    for position, n in enumerate(filled):
        text = simple[n]
        if _EMPTY_LABEL.match(text):
            found[n] = N_("sidebar label with nothing after it")
        elif _NUMBER_ONLY.match(text) and position and _SHORT_LABEL.match(simple[filled[position - 1]]):
            found[n] = N_("counter")
            found.setdefault(filled[position - 1], N_("counter label"))
        elif _BARS.match(text):
            found[n] = N_("bars")
        elif _LINK_BAR.match(text) and not text.endswith("|"):
            found[n] = N_("link bar")
        elif _SWITCH.match(text):
            found[n] = N_("script switch")
        elif len(text) <= _SHORT * 3 and _SHARING.search(text):
            found[n] = N_("document-sharing site")
        elif len(text) <= _SHORT and _COLLECTION.search(text):
            found[n] = N_("collection name")
        else:
            piece = _PIECE.match(text)
            if piece and any(simple[m].startswith(piece.group(1)) for m in filled[position + 1 :]):
                found[n] = N_("collection piece repeating the title")
    return found

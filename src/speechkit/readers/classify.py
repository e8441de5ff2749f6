"""Tell the lines of a web page from the lines of the document, by features and by their neighbours.

One pass over all the lines of a draft, shared by the text reader (which sets the lines aside)
and SK105 (which reports them), so ``import`` and ``check`` agree on what is not the document's:

- a sidebar ``label:`` with nothing after it, the label from the metadata vocabulary of
  government and document-sharing pages (索引号, 主题分类, 发文机构, 内容概述, 简介…);
- a counter: a line that is only a number after a short label line (金钱 / 2052), and that label;
- a document-sharing site's header: upload and download lines, the editor's blurb (小编…整理,
  欢迎阅读), a collection's name (通用6篇, 精选九篇, 第7/23页) and its ``第一篇:`` line when the
  title after it comes again above or below;
- a line of bars and dots only (``|``, ``- -``), a link bar, a switch of script (转换到繁體中文);
- a metadata line: labels from the same vocabulary with their values and no sentence (发文机关:…,
  上传人:… 文档编号:…, ``(撰稿:… 审核:…)``), a bare date stamp (2025-12-25, with a time and a counter);
- a file's name (``….docx``, ``….docx_第2页``), a pager (``第1页 / 共11页``), a row of the page's
  buttons (下载 相关 举报), a menu of three or more bulleted words, a line of markup only (``</div>``);
- a line of the page's interface words only (回复 引用 举报, 【字号：大 中 小】, 朗读, 主动公开, with their
  counts), a counter (阅读：1234, views 56), a tags line, a forum post's header (… 发表于 2021-3-4 10:22),
  a reader's comment that ends in its bracketed date stamp (… ［2016-07-10］), a byline (文/…, 记者 … 通讯员 …);
- a short line about hidden or paid text (此处隐藏…字, 开通VIP, 预览结束, 余下全文) that ends no sentence, and a
  preview: a line ending in ``…`` whose words (after a label) come again in the lines that follow;
- an attachment list: a bare 附件 label before file names, and file names with their size and downloads;
- a metadata line of pairs with an ISO date in it (废止时间: 2020-01-23 名称: …), a line at the top made of
  the values of a metadata line just above it, a periodical's issue line (《…》 2008年 第03期), a notice
  about the browser, an editor's blurb label (核心提示:), a line with an icon's name (``text_rotate_vertical``),
  a forum floor (2楼, #3), a link bar opened by a bar unless a line beside it has as many bars (a table);
- a breadcrumb over several lines (short words between lines of ``>``), and a sidebar's run of three
  or more short labels that ends the page after the document's last sentence;
- above the document's text (its first sentence, addressee or long line): a site's address (``www.….com``),
  a padded date after a date label, a column with a date pair and a button, a lead that is the start of the
  line below it, a site's words before a title that the document's title line repeats (某某网 > 标题);
- the site's welcome and disclaimer (欢迎来到…网, 不代表本站观点), a count of readers (352人看过), a comment
  box's heading with its (empty) count, the first of two equal lines in a row (the copy below is kept);
- a run of up to three short lines with no sentence between two lines of the page, above the text (not the
  title, a speaker's name alone or an issuer before the title) or below its last sentence (not an issuer's
  name before the document's date): a page's user name, tags, a forum reply, a file list's captions.

- a line of a program kept in a copy (code marks, keys of code, a tag broken over lines, ``:::``), a Markdown page's
  front matter (its title stays), server code (``<?php … ?>``, ``<% … %>``) and ``<!DOCTYPE>``; a title given in a
  tag's attribute (``og:title``, a template's ``var="title"``) is kept as text;
- a periodical's record (作者单位, 中图分类号, DOI, 关键词…), the page's address under its label, a 范文 site's
  how-to, a label with only a bar after it, a caption in square brackets, a long id, a news dateline (…县讯), a
  photo's caption, running text in a Latin script, a test page's question (options A、B、C… with its blank or its
  answer), a list of links under its label, a book's chapter above a 公文's title;
- the page's publisher (a site's name above its breadcrumb, a body's name above the page's date stamp above the
  text), the title shown again inside the text (after the salutation or a sentence).

Anti-copy junk is told by its character mix (:func:`junk_spans`), inside a line too, and so is a style sheet
left in a copy (rules of declarations in braces); a draft whose words are sprinkled with stray marks (``市容】和``,
``人?民``) has those marks removed everywhere (:func:`sprinkled_marks`).

The lines a label's value stands on are left alone: a 发文字号 or a date there is the document's.
"""

from __future__ import annotations

import itertools
import re

from ..i18n import N_
from ..model.chars import is_han
from ..model.script import to_simplified

#: The labels of a page's metadata, each with its role (one table for the two kinds of line they make):
#: ``bare`` — alone with nothing after it, the line is the page's (a sidebar's ``索引号:``); ``value`` — with
#: its value and no sentence, the line is the page's (issuer and dates of the page, validity, upload data,
#: the editor's roles; a 发文字号 or a title after its label is left alone); ``pair`` — only beside another
#: pair (a notice's body has 时间：… lines). A ``value`` label pairs too.
_BARE, _VALUE, _PAIR_ONLY = frozenset({"bare"}), frozenset({"value"}), frozenset({"pair"})
_BARE_VALUE, _BARE_PAIR = _BARE | _VALUE, _BARE | _PAIR_ONLY
PAGE_LABELS: dict[str, frozenset[str]] = {
    "索引号": _BARE_VALUE,
    "主题分类": _BARE_VALUE,
    "主题词": _BARE,
    "分类": _BARE_PAIR,
    "体裁分类": _BARE_VALUE,
    "组配分类": _BARE_VALUE,
    "服务对象": _BARE_VALUE,
    "来源": _BARE_PAIR,
    "信息来源": _BARE_VALUE,
    "文章来源": _BARE_VALUE,
    "发文机构": _BARE_VALUE,
    "发布机构": _BARE_VALUE,
    "发文机关": _BARE_VALUE,
    "发文字号": _BARE,
    "文号": _BARE,
    "发文日期": _BARE,
    "成文日期": _BARE,
    "发布日期": _BARE_VALUE,
    "发布时间": _BARE_VALUE,
    "生效日期": _BARE_VALUE,
    "有效性": _BARE_VALUE,
    "时效": _BARE_VALUE,
    "是否有效": _BARE_VALUE,
    "内容概述": _BARE,
    "内容预览": _BARE,
    "摘要": _BARE,
    "简介": _BARE,
    "关键词": _BARE,
    "关 键 词": _BARE,
    "关键字": _BARE,
    "今天是": _BARE,
    "日期": _BARE_PAIR,
    "作者": _BARE_PAIR,
    "编辑": _BARE_PAIR,
    "责任编辑": _BARE_PAIR,
    "浏览次数": _BARE_VALUE,
    "访问次数": _BARE_VALUE,
    "字号": _BARE,
    "字体": _BARE,
    "推荐度": _BARE,
    "资源描述": _BARE,
    "上传人": _BARE_VALUE,
    "上传时间": _BARE_VALUE,
    "文档编号": _BARE_VALUE,
    "格式": _BARE_VALUE,
    "页数": _BARE_VALUE,
    "大小": _BARE_VALUE,
    "下载积分": _BARE,
    "资源ID": _BARE,
    "资源大小": _BARE,
    "全文页数": _BARE,
    "资源格式": _BARE,
    "施行日期": _VALUE,
    "失效日期": _VALUE,
    "时效性": _VALUE,
    "上传者": _VALUE,
    "文档格式": _VALUE,
    "下载次数": _VALUE,
    "阅读次数": _VALUE,
    "撰稿": _VALUE,
    "审核": _VALUE,
    "审校": _VALUE,
    "责编": _VALUE,
    "校对": _VALUE,
    "摄影": _VALUE,
    "通讯员": _VALUE,
    "供稿": _VALUE,
    "发布人": _VALUE,
    "初审": _VALUE,
    "复审": _VALUE,
    "终审": _VALUE,
    "审稿": _VALUE,
    "核稿": _VALUE,
    "公开方式": _VALUE,
    "公开范围": _VALUE,
    "公开属性": _VALUE,
    "公开类别": _VALUE,
    "信息类别": _VALUE,
    "所属主题": _VALUE,
    "发布单位": _VALUE,
    "发布部门": _VALUE,
    "发布文号": _BARE,
    "来源单位": _VALUE,
    "废止日期": _VALUE,
    "废止时间": _VALUE,
    "公开日期": _VALUE,
    "公开时间": _VALUE,
    "时间": _PAIR_ONLY,
    "联络点": _PAIR_ONLY,
    "字数": _PAIR_ONLY,
    "信息分类": _PAIR_ONLY,
    "作者单位": _BARE_VALUE,
    "网站标识码": _BARE_VALUE,
    "发布者": _VALUE,
    "主办单位": _PAIR_ONLY,
    "承办单位": _PAIR_ONLY,
    "协办单位": _PAIR_ONLY,
    "文章出处": _VALUE,
    "原文链接": _VALUE,
    "原文地址": _VALUE,
    "本文地址": _VALUE,
    "本文链接": _VALUE,
    "文章作者": _VALUE,
    "文档贡献者": _VALUE,
    "贡献者等级": _VALUE,
    "访问人次": _VALUE,
    "所属分类": _BARE_VALUE,
    "所属栏目": _BARE_VALUE,
    "栏目": _BARE_VALUE,
    "标签": _PAIR_ONLY,
}


def _labels(*roles: str) -> str:
    """The labels of any of these roles as an alternation, longest first."""
    return "|".join(sorted((k for k, v in PAGE_LABELS.items() if v & set(roles)), key=len, reverse=True))


_LABELS = _labels("bare")
_VALUE_LABELS = _labels("value")
_PAIR_LABELS = _labels("value", "pair")
_EMPTY_LABEL = re.compile(rf"^[\s•·●▪\-*]*(?:{_LABELS})\s*[:：]?\s*$")
_NUMBER_ONLY = re.compile(r"^\s*\d{1,7}\s*$")
_SHORT_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}\s*$")
#: A document-sharing site's own lines: uploads, downloads, the editor's blurb, sizes and page counts.
_SHARING = re.compile(
    r"下载本文|会员上传|文库小编|小编(?:精心)?(?:为你|为大家)?(?:整理|收集|推荐)|小编[^。！？]{0,12}(?:为您|为你|给大家)带来|上传文档|下载积分|由会员分享|免费预览|"
    r"预览范围|试读结束|^\s*\d+\s*(?:积分|下载券|金币)\s*(?:下载)?\s*$|开通会员|无限下载|在线阅读.{0,30}搜索|联系客服|^\s*[-•]?\s*\d+(?:\.\d+)?\s*[KM]B\s*\|?\s*$|^\s*[-•]?\s*\d+\s*页\s*\|?\s*$|"
    r"^\s*[-•]?\s*\d{4}-\d{2}-\d{2}\s*发布\s*\|?\s*$|相[关關](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\))?推[荐薦]\s*$|推荐度\s*[:：]\s*$"
)
#: A collection's name: ``(通用6篇)``, ``精选(九篇)``, ``汇编(61篇)``, ``(第7/23页)``.
_COLLECTION = re.compile(
    r"[(（](?:通用|精选)?[\d一二三四五六七八九十]+篇[)）]|精选[(（][\d一二三四五六七八九十]+篇[)）]|[(（]第\d+/\d+页[)）]"
    r"|^(?!第)[^。！？，,]{2,40}?(?<![第\d一二三四五六七八九十])[\d一二三四五六七八九十]{1,3}篇$"
)
_PIECE = re.compile(r"^\s*第\s*[\d一二三四五六七八九十]+\s*篇\s*[:：]\s*(.+?)\s*$")
#: A link bar opened or closed by a bar: ``| 我的首页``, ``|相册 |圈子 |`` (alone: a table's rows come in runs).
_OPEN_BAR = re.compile(
    r"^(?:[|｜]\s*[^。！？!?|｜、，,；;]{0,12}\s*)+[|｜]?$|^(?:[^。！？!?|｜、，,；;]{0,12}\s*[|｜]\s*)+$"
)
#: A link bar: short pieces between bars (``论坛 | 新闻 | …``, ``查看: 1387|回复: 0``), no sentence.
_LINK_BAR = re.compile(r"^(?![|｜])[^。！？!?|｜、，,；;]{1,40}(?:[|｜][^。！？!?|｜、，,；;]{0,40}){1,8}$")
#: A switch of script or version: ``转换到繁體中文``, ``繁体  简体``.
_SCRIPT = "(?:繁体|简体)(?:中文|版)?"  # lines are matched in Simplified script
_SWITCH = re.compile(rf"^(?:(?:转换|切换)到)?{_SCRIPT}(?:\s*{_SCRIPT})?$")
_BARS = re.compile(r"^[\s|｜¦/\\\-—_·•.>›»＞]+$")
#: One ``label: value`` pair; a line of them with no sentence is a metadata line.
_PAIR = re.compile(rf"(?:{_PAIR_LABELS})\s*[:：]\s*[^\s:：。！？；]{{0,40}}")
_META_LINE = re.compile(rf"^[（(]?\s*(?:{_VALUE_LABELS})\s*[:：]\s*[^:：。！？；]{{0,40}}?[）)]?$")
_PAIRS_LINE = re.compile(rf"^[（(]?\s*(?:(?:{_PAIR_LABELS})\s*[:：]\s*[^:：。！？；]{{0,40}}?\s*){{2,}}[）)]?$")
#: A date stamp of the page: ``2025-12-25``, ``2024-02-07 22:49:56 583``, after a user's name (``admin2019-12-02 20``);
#: with dots only padded or with a time (``2021.05.08``: a speech may be dated ``1965.12.14`` under its speaker).
_STAMP = re.compile(
    r"^(?!发表|发布|更新)(?:[\u4e00-\u9fff]{0,4}(?:时间|日期)\s*[:：]\s*|[A-Za-z][A-Za-z0-9_.-]{1,19}\s*)?"
    r"\d{4}(?:[-/]\d{1,2}[-/]\d{1,2}|\.\d{1,2}\.\d{1,2}(?=\s+\d)|\.(?:0\d\.\d{1,2}|\d{1,2}\.0\d))"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\d{1,7})?$"
)
#: A source and a date the way a page stamps them: the month or the day padded with 0 (``某某委员会 2022年12月06日``,
#: ``时间: 民国090年01月04日``); a document dates without the 0 (GB/T 9704: 月、日不编虚位).
_PADDED = r"年(?:0[1-9]月\d{1,2}|\d{1,2}月0[1-9])日$"
_PADDED_STAMP = re.compile(rf"^[\u4e00-\u9fff]{{2,20}}[ \u3000]+\d{{4}}{_PADDED}")
#: (above the document's text only: a notice's body may date its meeting so)
_PADDED_PAIR = re.compile(rf"^[\u4e00-\u9fff]{{0,4}}(?:时间|日期)\s*[:：]\s*(?:中华)?(?:民国)?\s*\d{{3,4}}{_PADDED}")
#: A search box's hint (``多个检索词，请用空格间隔。``).
_SEARCH_HINT = re.compile(r"^(?:多个|请输入)?(?:检索词|关键词|关键字|搜索词)[^。]{0,12}空格(?:间隔|隔开|分隔)[。.]?$")
#: A news page's summary above the text: ``核心提示：…``, ``导读：…``.
_SUMMARY = re.compile(r"^(?:核心提示|导读|导语)\s*[:：]")
#: A comment or a link stamped with the page's date at its end: ``李某：同意 ［2016-07-10］``.
_DATED_ENTRY = re.compile(r"[\[［【(（]\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\]］】)）]$")
#: The heading of a page's comment box.
_COMMENTS = re.compile(
    r"^(?:评论回复|用户评论|最新评论|评论列表|留言板|我要评论|(?:留言|评论)[与和及](?:留言|评论|回复))"
    r"\s*(?:[(（]\s*共有?\s*\d*\s*条(?:评论|留言|回复)?\s*[)）])?\s*[|｜]?$"
)  # 发表评论, 网友评论: clean.py
#: An editor's line introducing the text below (``下面给出一例述职报告。``, ``以下是…，供参考。``).
_INTRODUCES = re.compile(r"^(?:下面|以下)[^。！？]{0,60}[。：:！!]?$")
#: A file's name, or a page of it as a sharing site captions its thumbnails.
_FILE_NAME = re.compile(
    r"^\S.{0,100}\.(?:docx?|wps|pdf|txt|rtf|pptx?|xlsx?|zip|rar|jpe?g|png|gif|bmp|webp)(?:_第\d+页)?[】\]》]?"
    r"(?:\s*[(（]?\s*\d+(?:\.\d+)?\s*[KMG]B?\s*[)）]?)?(?:\s*下载次数\s*[:：]?\s*\d+)?"
    r"(?:\s*[(（\[【]?\s*(?:点击)?下载\s*[)）\]】]?)?(?:\s*已下载\s*\d+\s*次)?$",
    re.IGNORECASE,
)


def file_title(text: str) -> str:
    """The name a sharing site gives a document by its file (``干部测评讲话.doc`` → 干部测评讲话), else ``""``."""
    match = _FILE_NAME.match(text.strip())
    if match is None or re.search(r"_第\d+页$", text.strip()):
        return ""
    return re.sub(r"\.[A-Za-z]{2,4}$", "", text.strip())


#: A pager: ``第1页 / 共11页``, ``共4页``.
_PAGER = re.compile(
    r"^(?:第\s*\d+\s*页\s*[/／]?\s*)?共\s*\d+\s*页$|^\d{1,3}\s*[/／]\s*\d{1,3}$|^page\s*\d+\s*(?:of|/)\s*\d+$"
    r"|^(?=.*(?:上一页|下一页|尾页|末页))(?:(?:第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|首页|尾页|末页|\d{1,3})\s*){2,}$",
    re.IGNORECASE,
)
#: Words of a page's buttons; a line of them only (``下载 相关 举报``, ``点击查看更多>>``) is the page's.
_BUTTONS = (
    "下载|相关|举报|返回|收藏|分享|打印|关闭|评论|点赞|复制|纠错|全屏|放大|缩小|上一页|下一页|首页|提交回复|提交|回复|"
    "加入收藏|下载资源|正文复制|点击查看更多|查看更多|展开全文|阅读全文"
)
_BUTTON_ROW = re.compile(rf"^(?:(?:{_BUTTONS})[>»]*\s*){{1,6}}$")
#: Words of a page's interface (buttons, a forum's tools, a government page's reading tools); a line made of
#: them only, with their counts, is the page's (``回复 引用 举报``, ``【字号：大 中 小】``, ``支持(0) 反对(0)``).
_INTERFACE = sorted(
    (
        f"{_BUTTONS}|回复|引用|只看该作者|只看楼主|楼主|沙发|板凳|地板|支持|反对|顶|踩|朗读|主动公开|依申请公开|"
        "字号|大|中|小|默认|打印本页|关闭窗口|收藏本页|分享到|发帖|回帖|使用道具|评分|提交|提交回复|电梯直达|"
        "倒序浏览|阅读模式|楼|微信|微博|扫一扫|二维码|保存|另存|友善列印|列印|print|热门标签|相关标签|标签云|排行榜|"
        "我要评论|我要回复|快速回复|回复本帖|只看|楼层|F|评论列表|最新评论|全部评论|热门评论|网友评论|评论区|登录|注册|"
        "退出|发表|搜索|高级搜索|站内搜索|网站地图|联系我们|关于我们|设为首页|无障碍|长者模式|关怀版|手机版|移动版|"
        "English|RSS|订阅|投稿|我要投稿|我要留言|留言|帮助|帮助中心|意见反馈|反馈|网站导航|导航|相关链接|友情链接|更多|"
        "列表|顶部|top|信息公开|政务公开|登陆|无障碍版|长者版|长者助手|适老版|读屏|我要纠错|收藏本文|关注我们|"
        "微信公众号|阅读|尾页|末页|A\\+|A-"
    ).split("|"),
    key=len,
    reverse=True,
)
_INTERFACE_LINE = re.compile(
    rf"^(?:[\s|｜【】\[\]()（）:：/·•#]*\d{{0,4}}\s*(?:{'|'.join(_INTERFACE)})(?:[(（]\d{{0,7}}[)）]|\s*#?\d{{1,7}})?)+[\s|｜【】\[\]()（）:：/·•#]*$",
    re.IGNORECASE,
)
#: Lines the boilerplate table of the text reader sets aside first (:data:`~.clean.SHORT_BOILERPLATE`).
_TABLE_FIRST = re.compile(
    r"^(?:评论区|发表评论|网友评论|搜索框|上一篇|下一篇|相关文章|相关阅读|推荐阅读|热门文章|返回顶部|打印本页|关闭窗口|分享到|"
    r"扫一扫|微信扫|查看更多|展开全文|阅读全文)|二维码"
)
#: A forum post's floor: ``2楼``, ``#3``, ``5F``.
_FLOOR = re.compile(r"^#?\s*\d{1,4}\s*(?:楼|#|F)$|^#\s*\d{1,4}$", re.IGNORECASE)
#: What is not a word's letter (a line of interface words has two or more letters).
_WORD_CHARS = re.compile(r"[\W\d_]")
#: A counter of the page: ``阅读：1234``, ``浏览 123 次``, ``views: 56`` (one or more, no sentence).
_COUNTER = re.compile(
    r"^(?:[\s|｜/【】\[\]]*(?:阅读|浏览|点击|访问|查看|回复|评论|下载|人气|热度|点赞|收藏|views?|hits|reads?|comments?)"
    r"(?:量|数|次数)?\s*[:：]?\s*\d{1,9}\s*(?:次|人)?)+[\s|｜/【】\[\]]*$|^共有?\s*\d+\s*条(?:评论|回复|留言)$"
    r"|^\d{1,9}(?:\.\d)?[万wW]?\s*(?:人|次)\s*(?:看过|阅读|浏览|查看|围观|观看|收藏|下载|点赞|喜欢|评论)$"
    r"|^您是(?:本站)?第\s*\d+\s*位(?:访客|访问者)",
    re.IGNORECASE,
)
#: A tags line: ``标签：防火 安全``, ``Tags: …`` (short words, no sentence).
_TAGS = re.compile(r"^(?:标签|tags?)(?:\s*[:：]\s*|\s+)[^。，；！？,;]{0,60}$", re.IGNORECASE)
#: A forum post's header: a name, ``发表于`` and a date stamp.
_POST_HEADER = re.compile(
    r"^[^。，；！？]{0,20}?(?:(?:发表于|回复于|发布于)\s*[:：]?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\s\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$)"
)
#: A reader's comment ending in its bracketed date stamp (a document dates with 年月日): ``李某：同意 ［2016-07-10］``.
_COMMENT = re.compile(r"[\[［【(（]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]］】)）]$")
#: A byline: ``文/张三``, ``记者 张三 通讯员 李四``, ``（记者 张三）`` (roles and names, nothing else).
_NAMES = r"[\u4e00-\u9fff]{2,4}(?:[ \u3000、，,]+[\u4e00-\u9fff]{2,4}){0,3}"
_BYLINE = re.compile(
    rf"^[（(【]?\s*(?:(?:(?:本报|见习|特约)?(?:记者|通讯员)(?:\s+|\s*[/／:：]\s*)|(?:文|图|摄影?|撰稿)\s*[/／:：]\s*){_NAMES}\s*)+[）)】]?$"
    r"|^[（(【\[]\s*(?:责任)?编辑\s*[:：]\s*[^\s:：。]{1,12}\s*[）)】\]]$"  # (责任编辑：张三) closing a news item
)
#: Hidden or paid text of a document-sharing page (a short line that ends no sentence with 。).
_PAYWALL = re.compile(
    r"此处隐藏|隐藏了?\s*\d+\s*字|VIP(?:会员|专享|免费|下载|文档)|(?:开通|升级|成为)VIP|预览结束|试读已?结束|阅读已结束|余下全文|剩余全文|还剩\s*\d+\s*页|"
    r"剩余\s*\d+\s*页|付费阅读|下载全文|全文下载|完整版下载|下载完整|(?:立即|免费|付费|点击)下载|下载(?:文档|券)",
    re.IGNORECASE,
)
_PAYWALL_LINE = 60
#: A preview: the first words of another line, cut with ``…``.
_PREVIEW = re.compile(r"^(?P<stem>[^…]{10,200}?)\s*(?:…+|\.{3,}|。{3,})\s*(?:\[?(?:展开|更多|全文)\]?)?$")
#: A bare attachment label, set aside when file names follow it.
#: A pair whose value is an ISO date stamp (a document dates with 年月日): ``废止时间: 2020-01-23``.
#: (a page's 发布时间/发表时间/更新时间 line is the boilerplate table's, :data:`~.clean.SHORT_BOILERPLATE`)
_ISO_PAIR = re.compile(
    r"(?<![\u4e00-\u9fff])(?!(?:发表|发布|更新)(?:时间|日期))[\u4e00-\u9fff]{2,6}\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}"
)
_ANY_PAIR = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]\s*\S")
#: A periodical's issue line: ``《某某月报》 2008年 第03期``.
_ISSUE = re.compile(r"^《[^》]{2,30}》\s*(?:\d{4}\s*年)?\s*(?:第\s*\d{1,3}\s*期|\d{1,3}\s*期)$")
#: An icon's name left in a copy (``text_rotate_vertical``), or a notice about the reader's browser.
_ICON = re.compile(r"(?<![A-Za-z0-9_])[a-z]+(?:_[a-z]+)+(?![A-Za-z0-9_])")
_BROWSER = re.compile(r"JavaScript|浏览器.{0,40}(?:不支持|不支援|开启|启用|升级|版本)", re.IGNORECASE)
#: The site speaking of itself: its welcome (``欢迎来到某某网！``) and its disclaimer (``不代表本站观点``).
_WELCOME = re.compile(r"^欢迎(?:您)?(?:来到|访问|光临)[^。，,；;]{1,16}(?:网|网站|平台|论坛|文库)[!！。.]?$")
_SITE_VOICE = re.compile(
    r"不代表本(?:站|网)(?:的)?(?:观点|立场)|本(?:站|网)小编|转载请注明|^温馨提示\s*[:：]|^本文由[^。，,]{1,30}(?:收集|搜集)?整理|来源于(?:互联)?网络"
)
#: The page's own address under its label (``原文链接：http://…``, ``本文地址：…``): a notice's 报名网址 stays.
_PAGE_ADDRESS = re.compile(
    r"^(?:原文链接|原文地址|本文地址|本文链接|文章链接|文章出处|转载自|出处|来源)\s*[:：]\s*(?:https?://|www\.)\S+$",
    re.IGNORECASE,
)
#: A periodical's metadata: the labels of an article's record (作者单位, 中图分类号, DOI, 基金项目…) and its
#: keywords (``关键词：基层党建；考核``); a document's own line opens with none of them.
_PERIODICAL = re.compile(
    r"^(?:作者单位|中图(?:法)?分类号|文献标(?:识|志)码|文章编号|DOI|收稿日期|修回日期|基金项目|作者简介|引用格式|引用本文|"
    r"网络出版(?:时间|地址))\s*[:：]|^关\s*键\s*[词字]\s*[:：][^。！？]{1,80}$",
    re.IGNORECASE,
)
#: A 范文 site's explanation of how a kind of document is written (``怎么写述职报告？``, ``述职报告的格式``,
#: ``写作指导：…``), not the document.
_HOWTO = re.compile(
    r"^(?:写作(?:指导|要点|技巧|思路|提示)|范文(?:点评|说明))\s*[:：]|^(?:怎么|如何|怎样)(?:写|撰写)[^。！]{0,20}[?？]?$"
    r"|^[^。！？，,]{0,20}(?:报告|讲话稿|讲话|发言稿|总结|通知|主持词|致辞|方案|计划|心得体会)的?(?:格式|写法|模板|"
    r"写作(?:要点|技巧|格式|要求|方法))[?？]?$"
)
#: A site's address: ``www.example.com``, ``m.example.net`` (the page's logo or its name in brackets).
_DOMAIN = re.compile(
    r"(?<![\w.@/])(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|net|cn|org|gov|edu|info|cc|tw|hk|top)(?![\w.])", re.IGNORECASE
)
#: An editor's blurb label of a news page: ``核心提示:``, ``【导读】``.
_BLURB = re.compile(r"^(?:【(?:核心提示|导读|导语)】|(?:核心提示|导读|导语)\s*[:：])")
_ATTACHMENT_LABEL = re.compile(r"^(?:相关)?附件(?:下载)?\s*[:：]?$")
#: A menu entry: a bullet and a short word, no sentence and no number label (``• 考试报名``).
_MENU = re.compile(r"^[•·●▪◆\-*]\s*[\u4e00-\u9fff]{2,6}$")
#: Markup left in a copy: tags, comments and entities.
_MARKUP = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>|&(?:nbsp|amp|lt|gt|quot|emsp|ensp|#\d+);")
#: A server page's code left in a copy, stripped before the tags it may stand inside (``<a href="<?php … ?>">``):
#: ``<?php … ?>``, ``<%@ page … %>``, ``<%-- … --%>``.
_SERVER_CODE = re.compile(r"<\?(?:php|=)?.*?\?>|<%.*?%>")
#: A short label of a sidebar or a breadcrumb: a few words, no sentence, no number.
_STUB = re.compile(r"^[^\d。！？；，,:：()（）、]{1,12}$")
#: A sidebar's label line: a short line ending in a colon, no sentence in it.
_SIDEBAR_LABEL = re.compile(r"^[^。！？；]{1,60}[:：]$")
#: The end of an issuer's name: a signature at the end of a notice is no sidebar label.
_ISSUER = re.compile(r"(委员会|政府|办公室|办公厅|党委|党组|支部|总支|局|厅|院|中心|学校|公司|部)$")

#: The names of documents a title ends in (matched on Simplified text).
NAMED = (
    r"(通知|讲话|报告|提纲|意见|方案|决定|总结|发言|致辞|致词|主持词|讲话稿|规定|办法|细则|规则|条例|公告|通告|通报|"
    r"批复|请示|纪要|函|计划|规划|要点|制度|章程|守则)$"
)
#: What a site adds to a title: a file extension, 范文, a piece's counter (篇1), a picture mark ((图)).
_TITLE_NOISE = re.compile(
    r"(?:\.(?:docx?|wps|pdf|txt)|\s*[篇][\d一二三四五六七八九十]{1,3}|[(（]图[)）]|范文|範文)+$", re.IGNORECASE
)


def clean_title(text: str) -> str:
    """A title without what a site added (``….docx``, ``…范文``, ``有关…范文``, ``… 篇1``, ``…方案1``, ``…(图)``)."""
    cleaned = _TITLE_NOISE.sub("", text).strip()
    if cleaned != text.strip() and re.search(r"[范範]文$", text.strip()):
        cleaned = re.sub(r"^(?:有关|有關)(?=[\u4e00-\u9fff]{4})", "", cleaned)  # a site's 有关…范文
    if re.search(NAMED[:-1] + r"\d{1,2}$", to_simplified(cleaned)):
        cleaned = cleaned.rstrip("0123456789")
    return cleaned if len(cleaned) >= 4 else text


#: The longest line read as a site header or a collection's name.
_SHORT = 120


#: Anti-copy junk of forum software: six or more runs of one or two ASCII marks, letters and digits
#: between single spaces (``9 Y8 f3 E5 k. p. Q8 f$ Y) |. D#``), on a line of its own or glued to the text.
#: The last run may be glued to a number label it stands before (``Z5 _1.作评价``, ``Z7 P(1)言会``).
_BEFORE_LABEL = r"(?=(?:[1-9]\d?[.、．]|[(（][1-9一二三四五六七八九十]\d?[)）])[\u4e00-\u9fff])"
_JUNK = re.compile(rf"(?:[!-~]{{1,2}} ){{5,}}(?:[!-~]{{1,2}}(?![!-~])|[!-~]{{1,2}}{_BEFORE_LABEL})")


#: A page's style sheet left in a copy: rules of declarations in braces (``@page { margin: 1in } p.cjk { … }``),
#: with what is left of the tag before them (``l>``).
_CSS = re.compile(
    r"(?:(?<!\S)[a-z]{0,5}>\s*)?(?:(?:@[a-z-]+|[a-z*.#][\w.#:*-]*)\s*\{[^{}]{0,400}\}\s*)+", re.IGNORECASE
)
_DECLARATION = re.compile(r"[a-z-]+\s*:\s*[^;{}]*;", re.IGNORECASE)


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
    for match in _CSS.finditer(text):
        piece = match.group(0)
        if len(_DECLARATION.findall(piece)) >= 2 and len(re.findall(r"[\u4e00-\u9fff]", piece)) * 10 < len(piece):
            found.append((match.start(), match.end() - (len(piece) - len(piece.rstrip()))))
    return sorted(found)


#: A line of a program left in a copy (a page kept as source in a repository), told by its shape: marks of code
#: only (``}``, ``},``, a template's closing backtick), a key of code with a quoted, numeric or opening value
#: (``createdAt: '2019/3/15',``, ``edges: [{``, ``category:``), an assignment that opens a block
#: (``module.exports = {``), a statement's end (``', 'HTML');``), a tag broken over lines (``<c:set … value="`` …
#: ``scope="page" />``), a Markdown container's fence (``::: tip``).
_CODE_LINE = re.compile(
    r"^(?=.*[{}\[\]`])[{}\[\]()`'\";,]+$"
    r"|^[A-Za-z_$][A-Za-z0-9_$]*\s*:\s*(?:'[^']*'|\"[^\"]*\"|`.*|[\[{]+)?\s*,?$"
    r"|^[A-Za-z_$][A-Za-z0-9_$]*\s*:\s*(?:-?\d[\d.]*|true|false|null)\s*,$"
    r"|^[A-Za-z_$][A-Za-z0-9_$.]*\s*=\s*[\[{(]$"
    r"|^[\x20-\x7e]*['\"`]\s*\)+\s*;$"
    r"|^<[A-Za-z][A-Za-z0-9_:.-]*(?:\s+[A-Za-z0-9_:.-]+=\"[^\"]*\")*\s+[A-Za-z0-9_:.-]+=\"$"
    r"|^(?:[A-Za-z0-9_:.-]+=\"[^\"]*\"\s*)+/?>$"
    r"|^:::(?:\s|$)"
    r"|^(?=[\x20-\x7e]*\{$)[^A-Za-z)]*[A-Za-z)]|^\}[\x20-\x7e]*$"
)


#: A data file's title field (``title: '习总书记对…的要求',``): the document's title, kept for the front reader.
_TITLE_FIELD = re.compile(r"^[\"']?title[\"']?\s*:", re.IGNORECASE)


def _is_code(text: str) -> bool:
    """Tell whether a line is a line of a program (its shape, not anti-copy junk: that is cut from the line); a
    title field with Chinese text in it stays, as a front matter's title does."""
    if _TITLE_FIELD.match(text) and any(is_han(char) for char in text):
        return False
    return bool(_CODE_LINE.match(text)) and not junk_spans(text)


#: A photo's caption: who stands where (``某某(左)与某某(右)…``) or whose picture it is (``…(县府提供)``,
#: ``(记者某某摄)``).
_CAPTION = re.compile(r"[(（](?:左|右|中|前|后)[一二三四五\d]?[)）]|[(（][^()（）]{0,8}(?:提供|摄|摄影)[)）]$")


def _is_caption(text: str) -> bool:
    """Tell whether a line is a photo's caption: its marks of place or source, and no sentence it ends."""
    return bool(_CAPTION.search(text)) and not re.search(r"[。！？]", text) and len(text) <= _SHORT


#: The fewest words of a line in another script that is a page's translation or abstract, not the document's.
_FOREIGN_WORDS = 12
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _is_foreign(text: str) -> bool:
    """Tell whether a line is running text in a Latin script, without a Han character (a periodical's abstract in
    English, a translation the page adds); anti-copy junk is cut from its line instead."""
    if len(_LATIN_WORD.findall(text)) < _FOREIGN_WORDS or any(is_han(char) for char in text):
        return False
    letters = sum(char.isalpha() for char in text)
    return letters * 10 >= len(text) * 6 and not junk_spans(text)


#: A key of a page's front matter (``date: 2022-07-01``, ``tags:``) and an entry of its list (``- 规章``).
_FRONT_KEY = re.compile(r"^(?:[A-Za-z_][\w-]*\s*:(?:\s.*)?|-\s+\S.*)$")
#: The longest front matter read, in lines.
_FRONT_LINES = 40


def _front_matter(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a Markdown page's front matter: keys between two ``---`` lines at the top (its title stays)."""
    if not filled or simple[filled[0]] != "---":
        return
    for position, n in enumerate(filled[1:_FRONT_LINES], 1):
        if simple[n] == "---":
            block = filled[1:position]
            if block and all(_FRONT_KEY.match(simple[m]) for m in block):
                for m in [filled[0], *block, n]:
                    if not re.match(r"title\s*:", simple[m], re.IGNORECASE):
                        found.setdefault(m, N_("front matter"))
            return


#: A tag that gives the page's title or a heading as an attribute (``<meta property="og:title" content="…">``,
#: a template's ``<c:set var="title" value="…" />``): its value is text of the document.
_TITLE_TAG = re.compile(
    r"<[A-Za-z][\w:.-]*\s(?=[^<>]*\b(?:var|name|property)=\"(?:og:)?title\")[^<>]*?\b(?:value|content)=\"([^\"<>]*)\"[^<>]*>"
)


#: Marks anti-copy software sprinkles through a page's text, inside its words (``城市市容】和``, ``第!十届人?民政府``).
_SPRINKLE = "【】《》?!—"
_PAIRS = {"》": "《", "】": "【"}
#: A draft is sprinkled when this many of its lines hold two stray marks or more, and this many stray marks come per
#: thousand Han characters (a document's own strays: a bracket a line break cut, a few per thousand).
_SPRINKLED_LINES, _SPRINKLED_RATE = 3, 40


def _strays(line: str) -> list[str]:
    """The stray marks of a line: a bracket without its pair, a ``?``, ``!`` or single ``—`` between Han characters."""
    found: list[str] = []
    opened = {"《": 0, "【": 0}
    for i, char in enumerate(line):
        if char in opened:
            opened[char] += 1
        elif char in _PAIRS:
            if opened[_PAIRS[char]]:
                opened[_PAIRS[char]] -= 1
            else:
                found.append(char)
        elif char in "?!—" and 0 < i < len(line) - 1 and is_han(line[i - 1]) and is_han(line[i + 1]):
            found.append(char)
    return found + [mark for mark, count in opened.items() for _ in range(count)]


def sprinkled_marks(lines: list[str]) -> str:
    """The marks a draft's text is sprinkled with as anti-copy junk (each of them is junk there), else ``""``."""
    strays = [_strays(line) for line in lines]
    han = sum(1 for line in lines for char in line if is_han(char))
    total = sum(len(found) for found in strays)
    if sum(1 for found in strays if len(found) >= 2) < _SPRINKLED_LINES or total * 1000 < _SPRINKLED_RATE * han:
        return ""
    return "".join(sorted({mark for found in strays for mark in found}))


def strip_markup(text: str) -> str:
    """The text of a line without its tags, comments and entities (a title given in a tag's attribute stays)."""
    if "<?" in text or "<%" in text:
        text = _SERVER_CODE.sub("", text)
    if "title" in text:
        text = _TITLE_TAG.sub(lambda m: m.group(1), text)
    return _MARKUP.sub(lambda m: " " if m.group(0).startswith("&") else "", text)


def page_lines(lines: list[str]) -> dict[int, str]:
    """Return the 0-based numbers of the lines that belong to the page, each with why."""
    raw = [to_simplified(line).strip() for line in lines]
    simple = [strip_markup(text).strip() if "<" in text or "&" in text else text for text in raw]
    found: dict[int, str] = {}
    for n, text in enumerate(raw):
        if text and not simple[n]:
            found[n] = N_("markup")
    filled = [n for n, text in enumerate(simple) if text]
    head = True  # above the document's text: no line of it kept yet
    for position, n in enumerate(filled):
        why = _line_kind(simple, filled, position, head, found)
        if why:
            found[n] = why
        elif _OPENS.match(simple[n]):
            head = False
    _front_matter(simple, filled, found)
    _open_bars(simple, filled, found)
    _metadata_echo(simple, filled, found)
    _attachments(simple, filled, found)
    _label_runs(simple, filled, found)
    _breadcrumbs(simple, filled, found)
    _sidebar_tail(simple, filled, found)
    first = next((n for n in filled if n not in found and _OPENS.match(simple[n])), len(simple))
    _site_words_before_title(simple, filled, found, first)
    _repeated_lines(simple, filled, found, first)
    _title_again(simple, filled, found)
    _publisher_lines(simple, filled, found, first)
    _book_chapter(simple, filled, found)
    _test_questions(simple, filled, found)
    _link_lists(simple, filled, found)
    _between_page_lines(simple, [n for n, text in enumerate(raw) if text], found, first)
    return found


#: The document's text begins: a sentence, a salutation or an addressee long enough to be no label, a long line.
_OPENS = re.compile(r"^.{12,}[。！？：:]$|^.{40,}$")


def _line_kind(simple: list[str], filled: list[int], position: int, head: bool, found: dict[int, str]) -> str:
    """Why one line is the page's by its own features (and those of the lines beside it), else ``""``."""
    n = filled[position]
    text = simple[n]
    if _EMPTY_LABEL.match(text):
        return N_("sidebar label with nothing after it")
    if _is_code(text):
        return N_("source code")
    if _is_foreign(text):
        return N_("text in another script")
    if _is_caption(text):
        return N_("photo caption")
    if len(text) <= _SHORT and (
        _META_LINE.match(text) or _PAIRS_LINE.match(text) or len(_PAIR.findall(text)) >= 3 or _iso_pairs(text, head)
    ):
        return N_("metadata line")
    if _STAMP.match(text) or _PADDED_STAMP.match(text) or (head and _PADDED_PAIR.match(text)):
        return N_("date stamp")
    if len(text) <= _SHORT and (_ISSUE.match(text) or _SEARCH_HINT.match(text) or _COMMENTS.match(text)):
        return N_("metadata line")
    if _SUMMARY.match(text):
        return N_("editor's summary")
    if len(text) <= _SHORT * 2 and (_PERIODICAL.match(text) or _PAGE_ADDRESS.match(text)):
        return N_("metadata line")
    if len(text) <= _SHORT and _HOWTO.match(text):
        return N_("site header")
    if len(text) <= _SHORT and _DATED_ENTRY.search(text):
        return N_("dated comment or link")
    if position < _TOP_LINES and _introduces(simple, filled, position):
        return N_("editor's line introducing the text")
    if (head or position < _TOP_LINES) and _excerpt(simple, filled, position):
        return N_("excerpt repeating the lines below")
    if _FILE_NAME.match(text) or _PAGER.match(text):
        return N_("file name or pager")
    if _BUTTON_ROW.match(text) or _is_interface(text):
        return N_("buttons")
    if len(text) <= _SHORT_UI and (_COUNTER.match(text) or _TAGS.match(text)):
        return N_("counter")
    if len(text) <= _SHORT and (_POST_HEADER.match(text) or _COMMENT.search(text)):
        return N_("post header or comment")
    if len(text) <= _SHORT_UI and _BYLINE.match(text):
        return N_("byline")
    if len(text) <= _PAYWALL_LINE and not text.endswith("。") and _PAYWALL.search(text):
        return N_("hidden or paid text")
    if _is_preview(text, simple, filled, n):
        return N_("preview")
    if len(text) <= _SHORT and (_BLURB.match(text) or (_BROWSER.search(text) and text[-1] != "。")):
        return N_("site header")
    if len(text) <= _SHORT and (_SITE_VOICE.search(text) or (len(text) <= _SHORT_UI and _WELCOME.match(text))):
        return N_("site header")
    if head and _is_address(text):
        return N_("site header")
    if len(text) <= _SHORT_ICON and _ICON.search(text) and not _SENTENCE_MARK.search(text):
        return N_("buttons")
    if _MENU.match(text) and _menu_run(simple, filled, position):
        return N_("menu")
    if _NUMBER_ONLY.match(text) and position and _SHORT_LABEL.match(simple[filled[position - 1]]):
        found.setdefault(filled[position - 1], N_("counter label"))
        return N_("counter")
    if _BARS.match(text):
        return N_("bars")
    if _LONE_MARK.match(text) or (len(text) <= _STUB_LINE and _DATELINE.match(text)):
        return N_("site header")
    if _LINK_BAR.match(text) and not text.endswith("|") and not _titled(text):
        return N_("link bar")
    if _SWITCH.match(text):
        return N_("script switch")
    if position < _TOP_LINES and _SLOGANS.match(text):
        return N_("banner")
    if len(text) <= _SHORT * 3 and _SHARING.search(text):
        return N_("document-sharing site")
    if len(text) <= _SHORT and _COLLECTION.search(text):
        return N_("collection name")
    piece = _PIECE.match(text)
    named = clean_title(piece.group(1)) if piece else ""
    if piece and any(simple[m].startswith(named) for m in filled if m != n):  # above it or below
        return N_("collection piece repeating the title")
    return ""


def _fold(text: str) -> str:
    """A line without spaces and marks, as a page's excerpt repeats it (straight quotes for curly ones)."""
    return re.sub(r"[\W_]+", "", text)


#: How many lines below a page's excerpt it runs together, at least.
_EXCERPT_LINES = 2


#: The fewest letters of a page's excerpt that is the start of the line below it.
_PREFIX = 20


def _excerpt(simple: list[str], filled: list[int], position: int) -> bool:
    """Tell a page's excerpt at the top: one line that runs the lines below it together, cut anywhere in the last,
    or the first sentences of the line below it (a news page's lead, a sharing site's preview)."""
    text = _fold(simple[filled[position]])
    covered, lines = 0, 0
    for n in filled[position + 1 :]:
        below = _fold(simple[n])
        if not below:
            continue
        if not lines and len(text) >= _PREFIX and _lead_of(simple[filled[position]], simple[n]):
            return True
        rest = text[covered:]
        if rest.startswith(below):
            covered, lines = covered + len(below), lines + 1
            continue
        return lines >= _EXCERPT_LINES and (not rest or below.startswith(rest[: max(1, len(rest) // 2)]))
    return lines >= _EXCERPT_LINES and covered == len(text)


def _lead_of(text: str, below: str) -> bool:
    """Tell whether a line with a sentence's marks is the start of the line below it, spaces aside."""
    text, below = _SPACE.sub("", text), _SPACE.sub("", below)
    return len(below) > len(text) and below.startswith(text) and bool(_SENTENCE_MARK.search(text))


def _introduces(simple: list[str], filled: list[int], position: int) -> bool:
    """Tell an editor's line at the top that names the short line under it (下面给出一例述职报告。 / 述职报告)."""
    text = simple[filled[position]]
    if not _INTRODUCES.match(text) or position + 1 >= len(filled):
        return False
    below = clean_title(simple[filled[position + 1]])
    return 2 <= len(below) <= 40 and below in text and not text.startswith(below)


#: The longest line read as a row of interface words, a counter or a byline.
_SHORT_UI = 40


def _is_interface(text: str) -> bool:
    """Tell whether a short line is made of the page's interface words only (two or more letters), or a floor."""
    if _FLOOR.match(text):
        return True
    if _TABLE_FIRST.search(text):
        return False  # the boilerplate table's line (clean.SHORT_BOILERPLATE), reported in its words
    return len(text) <= _SHORT_UI and bool(_INTERFACE_LINE.match(text)) and len(_WORD_CHARS.sub("", text)) >= 2


#: The longest line read as a row of icons.
_SHORT_ICON = 60
_SENTENCE_MARK = re.compile(r"[。！？；，,;]")


_SPACE = re.compile(r"\s+")
#: A label before a preview (``内容预览：``), and the fewest letters a preview repeats.
_LEAD_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]\s*")
_STEM = 12


def _iso_pairs(text: str, head: bool) -> bool:
    """Tell whether a line is pairs of labels and values, one of them an ISO date, with no sentence.

    Above the document's text, a short line with such a pair and the page's buttons is the page's too
    (``栏目 时间: 2017-07-11 我要投稿``).
    """
    pair = _ISO_PAIR.search(text)
    if not pair:
        return False
    if head and len(text) <= _SHORT_UI and not _SENTENCE_MARK.search(text):
        rest = _ISO_VALUE.sub("", text[pair.start() :]).split()
        if rest and _is_interface(rest[-1]):
            return True
    return len(_ANY_PAIR.findall(text)) >= 2 and not re.search(r"[。！？；]", text)


_ISO_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def _is_preview(text: str, simple: list[str], filled: list[int], n: int) -> bool:
    """Tell whether a line is the first words of another line cut with ``…`` (a page's preview)."""
    match = _PREVIEW.match(text)
    if not match:
        return False
    stem = _SPACE.sub("", _LEAD_LABEL.sub("", match.group("stem")))
    return len(stem) >= _STEM and stem in _SPACE.sub("", "".join(simple[m] for m in filled if m != n))


def _bars(text: str) -> int:
    """Count the bars in a line."""
    return text.count("|") + text.count("｜")


def _open_bars(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a link bar opened or closed by a bar unless a line beside it has as many bars (a table's rows)."""
    for position, n in enumerate(filled):
        if n in found or not _OPEN_BAR.match(simple[n]):
            continue
        beside = [filled[at] for at in (position - 1, position + 1) if 0 <= at < len(filled)]
        if not any(_bars(simple[m]) == _bars(simple[n]) for m in beside):
            found[n] = N_("link bar")


#: How far down the page's metadata is echoed (in lines with text).
_ECHO_LINES = 8


def _metadata_echo(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a line at the top made only of values of a metadata line just above it (issuer, date)."""
    for position, n in enumerate(filled[:_ECHO_LINES]):
        words = simple[n].split()
        if n in found or len(words) < 2 or _SENTENCE_MARK.search(simple[n]) or any(len(w) < 4 for w in words):
            continue
        above = [simple[m] for m in filled[max(0, position - 3) : position] if found.get(m) == "metadata line"]
        if any(all(w in line for w in words) for line in above):
            found[n] = N_("metadata line")


def _attachments(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a bare attachment label whose next line is a file name set aside (a page's attachment list)."""
    for position, n in enumerate(filled[:-1]):
        listed = found.get(filled[position + 1]) == "file name or pager"
        if listed and n not in found and _ATTACHMENT_LABEL.match(simple[n]):
            found[n] = N_("attachment list")


def _is_address(text: str) -> bool:
    """Tell whether a short line is a site's address with a few words, no sentence (``site logo: www.example.com``)."""
    match = _DOMAIN.search(text)
    return match is not None and len(text) <= _SHORT_UI and not _SENTENCE_MARK.search(_DOMAIN.sub("", text))


def _titled(text: str) -> bool:
    """Tell whether a piece between bars reads as a document's title (``关于…的通知 | 某县``): no link bar."""
    return any(
        len(piece.strip()) >= 8 and re.search(NAMED, piece.strip().strip("《》")) for piece in re.split(r"[|｜]", text)
    )


def _menu_run(simple: list[str], filled: list[int], position: int) -> bool:
    """Tell whether a menu entry stands among three or more in a row."""
    run = 1
    for step in (-1, 1):
        at = position + step
        while 0 <= at < len(filled) and _MENU.match(simple[filled[at]]):
            run += 1
            at += step
    return run >= 3


#: A site's banner at the top: four or more short phrases between spaces, no mark (喜迎二十大 忠诚保平安 …).
_SLOGANS = re.compile(r"^[\u4e00-\u9fff]{3,8}(?:[ \u3000]+[\u4e00-\u9fff]{3,8}){3,}$")
#: How far from the top of a page a banner is looked for (in lines with text).
_TOP_LINES = 5
#: A short label with nothing after it, of any vocabulary (``视力保护色:``, ``浏览量:``).
_BARE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]$")
#: A line that is only a label and a bar (``文章全文: |``), a link's caption in square brackets (``[例文1]``,
#: ``[复制链接]``) or a long number alone (a page's id, ``625800000007``).
_LONE_MARK = re.compile(r"^[^\x00-\x7f:：|｜]{2,8}\s*[:：]\s*[|｜]$|^\[[^\[\]]{1,8}\]$|^\d{9,}$")


#: A sentence of the document: a line that ends one and is long enough to be no label.
_SENTENCE = re.compile(r"^.{12,}[。！？]$")


def _label_runs(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside two or more bare labels in a row above the document's first sentence: a page's form.

    Below a sentence they are the document's own empty fields (申请人: / 申请日期: under a 请示).
    """
    first = next((n for n in filled if _SENTENCE.match(simple[n])), len(simple))
    run: list[int] = []
    for n in [*[m for m in filled if m < first], -1]:
        if n >= 0 and n not in found and _BARE_LABEL.match(simple[n]):
            run.append(n)
            continue
        if len(run) >= 2:
            for m in run:
                found[m] = N_("sidebar label with nothing after it")
        run = []


def _breadcrumbs(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside the short words between lines of ``>`` (a breadcrumb broken over lines)."""
    for position, n in enumerate(filled):
        if found.get(n) != "bars" or simple[n].strip(" >›»＞") != "":
            continue
        for at in (position - 1, position + 1):
            if 0 <= at < len(filled) and filled[at] not in found and _STUB.match(simple[filled[at]]):
                found[filled[at]] = N_("breadcrumb")


def _sidebar_tail(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a run of three or more short labels that ends the page (a sidebar, a footer's links)."""
    stubs: list[int] = []
    passed: list[int] = []
    for n in reversed(filled):
        text = simple[n]
        if n in found:
            continue
        if _STUB.match(text) and not _ISSUER.search(text):
            stubs.append(n)
        elif not (_NUMBER_ONLY.match(text) or _SIDEBAR_LABEL.match(text)):
            break
        passed.append(n)
    if len(stubs) >= 3:
        for n in passed:
            found[n] = N_("sidebar")


#: What parts a page's header: spaces, a breadcrumb's marks, a colon, a bar, a dash between spaces.
_HEADER_CUT = re.compile(r"\s*(?:[>›»＞|｜:：]|\s-\s|\s)\s*")
#: A site's word before a title in its header: a few letters, no sentence and no number.
_SITE_WORD = re.compile(r"^(?=.*[^\W\d_])[^\d。！？；，,、()（）]{1,10}$")
#: The fewest letters of a title a header repeats.
_TITLE_KEY = 6
#: A site's tag before a title (``【原创】``, ``[转载]``).
_TAG = re.compile(r"^\s*[【\[][^】\]]{1,6}[】\]]\s*")


def _site_words_before_title(simple: list[str], filled: list[int], found: dict[int, str], first: int) -> None:
    """Set aside a line above the text made of a site's words and a title that comes again below it.

    ``某某网 精选范文 关于…报告范文``, ``常用范文 > …讲话范文``, ``某某博客:…(图)``: the site's name, a column,
    a breadcrumb before the page's title, which the document's own title line repeats below.
    """
    for position, n in enumerate(filled[:first]):
        if n in found or len(simple[n]) > _SHORT:
            continue
        below = {_fold(clean_title(_TAG.sub("", simple[m]))) for m in filled[position + 1 :]}
        for cut in _HEADER_CUT.finditer(simple[n]):
            words = [w for w in _HEADER_CUT.split(simple[n][: cut.start()]) if w]
            key = _fold(clean_title(simple[n][cut.end() :]))
            if not words or len(words) > 3 or not all(_SITE_WORD.match(w) for w in words) or len(key) < _TITLE_KEY:
                continue
            if key in below:
                found[n] = N_("site header")
                break


#: The fewest letters of a line read as repeated right below it (two equal short words may be a table's), and above
#: the document's text.
_REPEAT, _SHORTEST_REPEAT = 6, 2


#: A heading's number label (a document may number two headings with the same words).
_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")


def _repeated_lines(simple: list[str], filled: list[int], found: dict[int, str], first: int) -> None:
    """Set aside the first of two equal lines in a row: a page that shows a title or a number twice (the copy below
    is kept); above the document's text a short word too (a column's name over its page). A sentence or a numbered
    heading the document may say twice (two branches with the same issue)."""
    for position, n in enumerate(filled[:-1]):
        below, text = filled[position + 1], simple[n]
        shortest = _REPEAT if below >= first else _SHORTEST_REPEAT
        if n in found or below in found or len(text) < shortest or text != simple[below]:
            continue
        if not (_SENTENCE_MARK.search(text) or text[-1] in "。！？：:…" or _HEADING_NUMBER.match(text)):
            found[n] = N_("line repeated below it")


#: How far down the page a copy of a line above it is the page's repetition of its title (in lines with text).
_TITLE_AGAIN_LINES = 14


#: A breadcrumb line (the text reader's table sets it aside: :data:`~.clean.SHORT_BOILERPLATE`).
_CRUMB = re.compile(r"^(?:您的位置|当前位置|所在位置|当前的位置|位置)\s*[:：]|^.{0,30}>\s*.{0,30}>")
#: A page's date stamp alone: an ISO date, perhaps with its time (a document dates with 年月日).
_ISO_STAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
#: A news desk's dateline: ``新闻中心/某县讯``, ``本报讯`` (a paper's or a place's 讯; a 简讯 or 快讯 is a title).
_DATELINE = re.compile(r"^(?:[^\s/／。，,]{2,10}[/／])?[^\s/／。，,、]{0,10}[报社网台省市县区镇乡]讯$")


def _publisher_lines(simple: list[str], filled: list[int], found: dict[int, str], first: int) -> None:
    """Set aside the page's publisher: a site's or column's name on the first line above its breadcrumb, and above
    the document's text a body's name right above the page's date stamp (``某某局 / 2024-03-01``; below the text it
    is the document's signature)."""
    if len(filled) > 1:
        top, below = filled[0], filled[1]
        text = simple[top]
        head = top not in found and len(text) <= _STUB_LINE and not _SENTENCE_MARK.search(text)
        if head and _CRUMB.search(simple[below]) and not _CRUMB.search(text):
            found[top] = N_("site header")
    for above, n in itertools.pairwise(filled):
        text = simple[above]
        if n > first or found.get(n) != "date stamp" or above in found or not _ISO_STAMP.match(simple[n]):
            continue
        if len(text) <= _SHORT_UI and not _SENTENCE_MARK.search(text) and _issuer(text):
            found[above] = N_("metadata line")


#: The label of a page's list of links (``相关文章推荐:``, ``热门阅读``) and a numbered entry of it
#: (``1.某某报告【完整】``).
_LINKS_LABEL = re.compile(
    r"^(?:相关|推荐|热门|延伸|更多|最新)(?:文章|阅读|推荐|文档|范文|资料|内容|链接|专题|搜索|标签)[^\x00-\x7f:：。，]{0,4}[:：]?$"
    r"|^(?:猜你喜欢|您可能感兴趣的?(?:文章|内容)?)[:：]?$"
)
_LINK_ENTRY = re.compile(r"^\d{1,2}\s*[.、．]\s*[^。！？，,；;：:]{2,40}$")


def _link_lists(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside the numbered entries of a page's list of links under its label (titles, no sentence)."""
    for position, n in enumerate(filled):
        if not _LINKS_LABEL.match(simple[n]):
            continue
        found.setdefault(n, N_("link bar"))
        for m in filled[position + 1 :]:
            if m in found or not _LINK_ENTRY.match(simple[m]):
                break
            found[m] = N_("link bar")


#: A question of a test page: its options (``A、…``, ``选项 A、…``, ``(B) …``), its stem with the blank to fill
#: (``…的一项是(    )。``) and its answer (``答案A``, ``正确答案：B``).
_OPTION = re.compile(r"^(?:选项\s*)?[（(]?([A-H])[)）]?\s*[、.．:：]")
_BLANK = re.compile(r"[（(][ \u3000]*[）)]")
_ANSWER = re.compile(r"^(?:正确|参考)?答案\s*[:：]?\s*[A-H]+$")
#: The fewest options of a question, and how far below its last option its answer stands (in lines with text).
_OPTIONS, _ANSWER_LINES = 3, 2


def _test_questions(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a test page's question: three or more options lettered A, B, C… in a row with the answer below them,
    and the stem above them when it holds a blank to fill (a questionnaire in a report has no answer: it stays)."""
    position = 0
    while position < len(filled):
        run = position
        while run < len(filled):
            option = _OPTION.match(simple[filled[run]])
            if not option or ord(option.group(1)) - ord("A") != run - position:
                break
            run += 1
        if run - position < _OPTIONS:
            position = max(run, position + 1)
            continue
        answer = [n for n in filled[run : run + _ANSWER_LINES] if _ANSWER.match(simple[n])]
        question = [filled[at] for at in range(position, run)] + answer
        if position and _BLANK.search(simple[filled[position - 1]]):
            question.append(filled[position - 1])
        if answer:
            for n in question:
                found.setdefault(n, N_("test question"))
        position = run


#: A chapter's label of a book (``第7章 通 报``) and a 公文's title (``…关于…的通报``).
_BOOK_CHAPTER = re.compile(r"^第\s*[\d一二三四五六七八九十]{1,3}\s*章(?:\s|$)")
_OFFICIAL_TITLE = re.compile(r"关于[^。！？；]{2,80}?的(?:通知|通报|决定|批复|意见|报告|请示|函)")


def _book_chapter(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a chapter's label above a 公文's title with no sentence between: the book the page copies it from
    (a regulation's 第一章 comes below its title)."""
    chapter = -1
    for n in filled:
        text = simple[n]
        if n in found:
            continue
        if _BOOK_CHAPTER.match(text) and len(text) <= _STUB_LINE:
            chapter = n
        elif _OFFICIAL_TITLE.search(text):
            if chapter >= 0:
                found[chapter] = N_("site header")
            return
        elif _OPENS.match(text) or _SENTENCE_MARK.search(text):
            return


#: A speech's salutation: ``同志们：``, ``各位代表：``, ``女士们、先生们：``.
_SALUTATION = re.compile(r"^(?:[^\s:：。]{0,20}们|各位[^\s:：。]{0,12})[:：]$")


def _title_again(simple: list[str], filled: list[int], found: dict[int, str]) -> None:
    """Set aside a line near the top that repeats a line kept above it once the text has begun (a salutation or a
    sentence between them): the page shows its title again inside the text. A sentence, a numbered heading or an
    issuer's name (a signature) stays."""
    above: set[str] = set()
    began = False
    for n in filled[:_TITLE_AGAIN_LINES]:
        text = simple[n]
        if n in found:
            continue
        if _SALUTATION.match(text) or _OPENS.match(text):
            began = True
        elif began and text in above and not (_SENTENCE_MARK.search(text) or _HEADING_NUMBER.match(text)):
            if len(text) >= _REPEAT and not _issuer(text):
                found[n] = N_("repetition of the title")
        elif not began:
            above.add(text)


#: The longest line read as a page's stub between its lines, and the most stubs in a run.
_STUB_LINE, _STUB_RUN = 24, 3
#: What a stub has none of: a mark of a sentence or of a label, a number.
_NOT_STUB = re.compile(r"[\d。，,；;、：:]")
#: A name (a speaker under the title): alone between page lines it stays.
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
#: A document's date as it writes it.
_DOC_DATE = re.compile(r"^[（(]?\s*(?:\d{4}|[一二三四五六七八九〇○零]{4})\s*年.{1,8}日\s*[）)]?$")


#: The end of a body's name, an issuer's or a signature's (some more than a notice's issuer: 协会, 小组, 站).
_BODY_END = re.compile(r"(?:[会组站所队处科室馆社委办团校园行署]|中心|公司)$")
#: A speaker's post: a line that names one above the text stays (县委书记张某某).
_POST = re.compile(r"书记|[省市县区镇乡局厅部处科院校社会组]长|主任|主席|委员|同志|代表|经理")


def _issuer(text: str) -> bool:
    """Tell whether a line may be an issuer's name: a name before its kind (某某局; 学校 alone is a word)."""
    return len(text) >= 3 and bool(_ISSUER.search(text) or _BODY_END.search(text))


def _between_page_lines(simple: list[str], shown: list[int], found: dict[int, str], first: int) -> None:
    """Set aside a run of short lines with no sentence between two lines of the page, above or below the text.

    ``shown`` are the lines with anything on them (markup too), ``first`` the line of the document's first sentence.
    Above it the title stays (the last line named as a document, else the last line before the text), and so does
    a name alone or a post (a speaker) or an issuer before the title; below the last sentence an issuer's name stays
    unless the document's date came before it (an upload's department in a file list).
    """
    last = max((n for n in shown if n not in found and _SENTENCE.match(simple[n])), default=-1)
    head = [n for n in shown if n < first and n not in found and simple[n]]
    named = [n for n in head if re.search(NAMED, clean_title(simple[n]))]
    title = named[-1] if named else (head[-1] if head else -1)
    dated = next((n for n in shown if n > last and _DOC_DATE.match(simple[n])), len(simple))

    def stub(n: int) -> bool:
        text = simple[n]
        if not text or len(text) > _STUB_LINE or _NOT_STUB.search(text) or text[0] in "（(-—－" or n == title:
            return False
        if n < first:
            return not (re.search(r"[\s。！？]", text) or _POST.search(text) or (n < title and _issuer(text)))
        return n > last and not (n < dated and _issuer(text))

    run: list[int] = []
    for at, n in enumerate(shown):
        if n not in found and stub(n):
            run.append(at)
            continue
        bounded = bool(run) and run[0] > 0 and n in found and shown[run[0] - 1] in found
        alone = len(run) == 1 and shown[run[0]] < first and _NAME.match(simple[shown[run[0]]])
        if bounded and len(run) <= _STUB_RUN and not alone:
            for m in run:
                found[shown[m]] = N_("page line between page lines")
        run = []

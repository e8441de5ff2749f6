"""Tell the lines of a web page from the lines of the document, by features and by their neighbours.

One pass over all the lines of a draft, shared by the text reader (which sets the lines aside)
and SK105 (which reports them), so ``import`` and ``check`` agree on what is not the document's:

- a sidebar ``label:`` with nothing after it, the label from the metadata vocabulary of
  government and document-sharing pages (索引号, 主题分类, 发文机构, 内容概述, 简介…);
- a counter: a line that is only a number after a short label line (金钱 / 2052), and that label;
- a document-sharing site's header: upload and download lines, the editor's blurb (小编…整理,
  欢迎阅读), a collection's name (通用6篇, 精选九篇, 第7/23页) and its ``第一篇:`` line when the
  title after it comes again below;
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
  or more short labels that ends the page after the document's last sentence.

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
    r"下载本文|会员上传|文库小编|小编(?:精心)?(?:为你|为大家)?(?:整理|收集|推荐)|小编[^。！？]{0,12}(?:为您|为你|给大家)带来|上传文档|下载积分|由会员分享|免费预览|"
    r"预览范围|试读结束|开通会员|无限下载|在线阅读.{0,30}搜索|联系客服|^\s*[-•]?\s*\d+(?:\.\d+)?\s*[KM]B\s*\|?\s*$|^\s*[-•]?\s*\d+\s*页\s*\|?\s*$|"
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
#: Labels whose value is the page's, not the document's: issuer and dates of the page, validity,
#: upload data, the editor's roles (a 发文字号 or a title after its label is left alone).
_VALUE_LABELS = (
    "索引号|主题分类|体裁分类|组配分类|服务对象|发文机构|发布机构|发文机关|发布日期|发布时间|生效日期|施行日期|"
    "失效日期|有效性|时效性|时效|是否有效|上传人|上传时间|上传者|文档编号|文档格式|格式|页数|大小|下载次数|浏览次数|"
    "访问次数|阅读次数|撰稿|审核|审校|责编|校对|摄影|通讯员|供稿|发布人|信息来源|文章来源|初审|复审|终审|审稿|核稿|"
    "公开方式|公开范围|公开属性|公开类别|信息类别|所属主题|发布单位|来源单位|废止日期|废止时间|公开日期|公开时间"
)
#: Labels that make a metadata line only beside another pair (a notice's body has 时间：… lines).
_PAIR_LABELS = rf"{_VALUE_LABELS}|来源|时间|日期|作者|编辑|责任编辑|联络点|字数|信息分类|分类"
#: One ``label: value`` pair; a line of them with no sentence is a metadata line.
_PAIR = re.compile(rf"(?:{_PAIR_LABELS})\s*[:：]\s*[^\s:：。！？；]{{0,40}}")
_META_LINE = re.compile(rf"^[（(]?\s*(?:{_VALUE_LABELS})\s*[:：]\s*[^:：。！？；]{{0,40}}?[）)]?$")
_PAIRS_LINE = re.compile(rf"^[（(]?\s*(?:(?:{_PAIR_LABELS})\s*[:：]\s*[^:：。！？；]{{0,40}}?\s*){{2,}}[）)]?$")
#: A date stamp of the page: ``2025-12-25``, ``2024-02-07 22:49:56 583`` (a document dates with 年月日).
_STAMP = re.compile(
    r"^(?!发表|发布|更新)(?:[\u4e00-\u9fff]{0,4}(?:时间|日期)\s*[:：]\s*)?"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\d{1,7})?$"
)
#: A file's name, or a page of it as a sharing site captions its thumbnails.
_FILE_NAME = re.compile(
    r"^\S.{0,100}\.(?:docx?|wps|pdf|txt|rtf|pptx?|xlsx?|zip|rar|jpe?g|png|gif|bmp|webp)(?:_第\d+页)?[】\]》]?"
    r"(?:\s*[(（]?\s*\d+(?:\.\d+)?\s*[KMG]B?\s*[)）]?)?(?:\s*下载次数\s*[:：]?\s*\d+)?"
    r"(?:\s*[(（\[【]?\s*(?:点击)?下载\s*[)）\]】]?)?(?:\s*已下载\s*\d+\s*次)?$",
    re.IGNORECASE,
)
#: A pager: ``第1页 / 共11页``, ``共4页``.
_PAGER = re.compile(
    r"^(?:第\s*\d+\s*页\s*[/／]?\s*)?共\s*\d+\s*页$|^\d{1,3}\s*[/／]\s*\d{1,3}$|^page\s*\d+\s*(?:of|/)\s*\d+$",
    re.IGNORECASE,
)
#: Words of a page's buttons; a line of them only (``下载 相关 举报``, ``点击查看更多>>``) is the page's.
_BUTTONS = (
    "下载|相关|举报|返回|收藏|分享|打印|关闭|评论|点赞|复制|纠错|全屏|放大|缩小|上一页|下一页|首页|"
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
        "English|RSS|订阅|投稿|我要留言|留言|帮助|帮助中心|意见反馈|反馈|网站导航|导航|相关链接|友情链接|更多"
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
    r"(?:量|数|次数)?\s*[:：]?\s*\d{1,9}\s*(?:次|人)?)+[\s|｜/【】\[\]]*$|^共有?\s*\d+\s*条(?:评论|回复|留言)$",
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
#: An editor's blurb label of a news page: ``核心提示:``, ``【导读】``.
_BLURB = re.compile(r"^(?:【(?:核心提示|导读)】|(?:核心提示|导读)\s*[:：])")
_ATTACHMENT_LABEL = re.compile(r"^(?:相关)?附件(?:下载)?\s*[:：]?$")
#: A menu entry: a bullet and a short word, no sentence and no number label (``• 考试报名``).
_MENU = re.compile(r"^[•·●▪◆\-*]\s*[\u4e00-\u9fff]{2,6}$")
#: Markup left in a copy: tags, comments and entities.
_MARKUP = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>|&(?:nbsp|amp|lt|gt|quot|#\d+);")
#: A short label of a sidebar or a breadcrumb: a few words, no sentence, no number.
_STUB = re.compile(r"^[^\d。！？；，,:：()（）、]{1,12}$")
#: A sidebar's label line: a short line ending in a colon, no sentence in it.
_SIDEBAR_LABEL = re.compile(r"^[^。！？；]{1,60}[:：]$")
#: The end of an issuer's name: a signature at the end of a notice is no sidebar label.
_ISSUER = re.compile(r"(委员会|政府|办公室|办公厅|党委|党组|支部|总支|局|厅|院|中心|学校|公司|部)$")

#: The names of documents a title ends in (matched on Simplified text).
NAMED = (
    r"(通知|讲话|报告|提纲|意见|方案|决定|总结|发言|致辞|主持词|讲话稿|规定|办法|细则|规则|条例|公告|通告|通报|"
    r"批复|请示|纪要|函|计划|规划|要点|制度|章程|守则)$"
)
#: What a site adds to a title: a file extension, 范文, a piece's counter (篇1), a picture mark ((图)).
_TITLE_NOISE = re.compile(
    r"(?:\.(?:docx?|wps|pdf|txt)|\s*[篇][\d一二三四五六七八九十]{1,3}|[(（]图[)）]|范文|範文)+$", re.IGNORECASE
)


def clean_title(text: str) -> str:
    """A title without what a site added to it (``….docx``, ``…范文``, ``… 篇1``, ``…方案1``, ``…(图)``)."""
    cleaned = _TITLE_NOISE.sub("", text).strip()
    if re.search(NAMED[:-1] + r"\d{1,2}$", to_simplified(cleaned)):
        cleaned = cleaned.rstrip("0123456789")
    return cleaned if len(cleaned) >= 4 else text


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


def strip_markup(text: str) -> str:
    """The text of a line without its tags, comments and entities."""
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
    for position, n in enumerate(filled):
        text = simple[n]
        if _EMPTY_LABEL.match(text):
            found[n] = N_("sidebar label with nothing after it")
        elif len(text) <= _SHORT and (
            _META_LINE.match(text) or _PAIRS_LINE.match(text) or len(_PAIR.findall(text)) >= 3 or _iso_pairs(text)
        ):
            found[n] = N_("metadata line")
        elif _STAMP.match(text):
            found[n] = N_("date stamp")
        elif _FILE_NAME.match(text) or _PAGER.match(text):
            found[n] = N_("file name or pager")
        elif _BUTTON_ROW.match(text) or _is_interface(text):
            found[n] = N_("buttons")
        elif len(text) <= _SHORT_UI and (_COUNTER.match(text) or _TAGS.match(text)):
            found[n] = N_("counter")
        elif len(text) <= _SHORT and (_POST_HEADER.match(text) or _COMMENT.search(text)):
            found[n] = N_("post header or comment")
        elif len(text) <= _SHORT_UI and _BYLINE.match(text):
            found[n] = N_("byline")
        elif len(text) <= _PAYWALL_LINE and not text.endswith("。") and _PAYWALL.search(text):
            found[n] = N_("hidden or paid text")
        elif _is_preview(text, simple, filled, n):
            found[n] = N_("preview")
        elif len(text) <= _SHORT and (
            _ISSUE.match(text) or _BLURB.match(text) or (_BROWSER.search(text) and text[-1] != "。")
        ):
            found[n] = N_("site header")
        elif len(text) <= _SHORT_ICON and _ICON.search(text) and not _SENTENCE_MARK.search(text):
            found[n] = N_("buttons")
        elif _MENU.match(text) and _menu_run(simple, filled, position):
            found[n] = N_("menu")
        elif _NUMBER_ONLY.match(text) and position and _SHORT_LABEL.match(simple[filled[position - 1]]):
            found[n] = N_("counter")
            found.setdefault(filled[position - 1], N_("counter label"))
        elif _BARS.match(text):
            found[n] = N_("bars")
        elif _LINK_BAR.match(text) and not text.endswith("|") and not _titled(text):
            found[n] = N_("link bar")
        elif _SWITCH.match(text):
            found[n] = N_("script switch")
        elif position < _TOP_LINES and _SLOGANS.match(text):
            found[n] = N_("banner")
        elif len(text) <= _SHORT * 3 and _SHARING.search(text):
            found[n] = N_("document-sharing site")
        elif len(text) <= _SHORT and _COLLECTION.search(text):
            found[n] = N_("collection name")
        else:
            piece = _PIECE.match(text)
            named = clean_title(piece.group(1)) if piece else ""
            if piece and any(simple[m].startswith(named) for m in filled[position + 1 :]):
                found[n] = N_("collection piece repeating the title")
    _open_bars(simple, filled, found)
    _metadata_echo(simple, filled, found)
    _attachments(simple, filled, found)
    _label_runs(simple, filled, found)
    _breadcrumbs(simple, filled, found)
    _sidebar_tail(simple, filled, found)
    return found


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


def _iso_pairs(text: str) -> bool:
    """Tell whether a line is pairs of labels and values, one of them an ISO date, with no sentence."""
    return bool(_ISO_PAIR.search(text)) and len(_ANY_PAIR.findall(text)) >= 2 and not re.search(r"[。！？；]", text)


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

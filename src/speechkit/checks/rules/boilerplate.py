"""SK105: web boilerplate and cut marks left in a draft (whole lines and inline); ``--fix`` deletes them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...i18n import _
from ..finding import Hit
from ..text import Doc

#: Lines that only a web page carries: breadcrumbs, counters, comment boxes, licences, disclaimers.
_LINE = (
    r"^\s*(?:"
    r"(?:当前位置|您的位置|你的位置|你现在的位置|您现在的位置)\s*[:：]"
    r"|.{0,40}(?:访问量|浏览量|浏览次数|点击量|点击数|阅读量|阅读次数)\s*[:：]\s*\d+"
    r"|(?:发表|发布|更新)时间\s*[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}"
    r"|(?:申明敬告|免责声明|郑重声明|版权声明)\s*[:：]"
    r"|.{0,60}ICP[备证][^，。]{0,6}\d{4,}"
    r"|.{0,60}公网安备"
    r"|(?:评论区|发表评论|我要评论|网友评论|搜索框|相关文章|相关阅读|上一篇|下一篇|打印本页|关闭窗口|返回顶部|分享到)\s*[:：]?\s*$"
    r"|(?:上一篇|下一篇)\s*[:：]"
    r"|(?:责任编辑|编辑|作者)\s*[:：]\s*\S{1,12}\s*$"
    r"|版权所有|Copyright\s*©|©\s*\d{4}"
    r"|.{0,80}仅提供技术支持"
    r"|评论仅供.{0,20}表达个人看法"
    r"|(?:相关推荐|推荐阅读|热门文章|猜你喜欢|延伸阅读)\s*[:：]?\s*$"
    r"|.{0,20}(?:字号|字体)\s*[:：]\s*[【\[]?\s*大"
    r"|.{0,20}扫一扫在手机(?:上)?打开"
    r"|(?:本站|本网|版权)?[^，。]{0,10}(?:未经(?:授权|许可)[^，。]{0,8}[，,]?\s*)?(?:严禁|禁止|不得)转载[。.！!]?\s*$"
    r"|来源\s*[:：]\s*\S{0,20}(?:网|报|新闻|在线|频道|公众号|\.com|\.cn)\s*$"
    r")"
)
#: Web page metadata (来源, 作者, 发布时间, 点击…): two of them on one short line make it a byline.
_META = "(?:来源|作者|编辑|责任编辑|发布时间|发表时间|发布日期|更新时间|点击数|点击|浏览次数|浏览)\\s*[:：]"
#: Inline cut marks and teasers: ``……(…省略773字，正式会员可完整阅读)……``, ``查看更多``, ``收藏《…》``.
_INLINE = (
    r"[…\.]{0,6}[（(][^（）()\n]{0,60}省略\s*\d+\s*字[^（）()\n]{0,40}[）)][…\.]{0,6}\s*"
    r"|[…\.]{0,6}[（(]\s*未完[，,]?(?:全文共\d+字[，,]?)?(?:当前仅显示\d+字[，,]?)?(?:请阅读下面提示信息[。.]?)?[）)]?"
    r"|[（(]?(?:点击)?查看(?:更多|全文|原文)[）)]?(?:>>|»)?"
    r"|[（(]本文已被(?:浏览|阅读)\s*\d+\s*次[）)]"
    r"|(?:点击)?收藏《[^《》\n]{1,60}》"
    r"|(?:正式)?会员可(?:完整)?阅读(?:全文)?"
)


def is_boilerplate_line(simple: str) -> bool:
    """Return whether a whole line (in Simplified script) is web boilerplate."""
    if re.compile(_LINE).match(simple):
        return True
    return len(simple) <= _BYLINE and len(re.compile(_META).findall(simple)) >= 2


#: The longest line read as a byline (来源：… 作者：… 发布时间：…).
_BYLINE = 120


def boilerplate_spans(simple: str) -> list[tuple[int, int]]:
    """Return the spans of a line (in Simplified script) that are boilerplate or cut marks."""
    if is_boilerplate_line(simple):
        return [(0, len(simple))]
    return cut_spans(simple)


def cut_spans(simple: str) -> list[tuple[int, int]]:
    """Return the spans of the inline cut marks of a line (in Simplified script) that is no boilerplate."""
    return [match.span() for match in re.compile(_INLINE).finditer(simple) if match.group().strip()]


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a fixable hit deleting each boilerplate line and each inline cut mark."""
    # In facts YAML a value emptied by a fix would break the facts: there the finding comes without one.
    keep_values = doc.path.lower().endswith((".yaml", ".yml"))
    textual = doc.textual()
    page = {} if keep_values else _page_lines(doc, textual)
    aside = _set_aside(doc, textual)
    sprinkled = sprinkled_in(doc)
    for index in textual:
        text = doc.units[index].text
        simple = doc.simple(index)
        reported = False
        for hit in _own_hits(doc, index, text, simple, page, keep_values, sprinkled):
            reported = True
            yield hit
        for cut in [] if reported else aside.get(index, []):
            start = text.find(cut) if cut else -1
            if start < 0 or (not text[:start].strip() and not text[start + len(cut) :].strip()):
                why = _("line set aside on import {short!r}; delete the line").format(short=_short(text))
                # a note that is not the line's text (a repeated title) names the line; deleting it is the writer's call
                yield Hit(index, 0, len(text), "SK105", why, "" if start >= 0 else None)
                break
            why = _("text set aside on import {short!r}; delete it").format(short=_short(cut))
            yield Hit(index, start, start + len(cut), "SK105", why, "")


def _own_hits(
    doc: Doc, index: int, text: str, simple: str, page: dict[int, str], keep_values: bool, sprinkled: str
) -> Iterator[Hit]:
    """The hits of one unit by the page-line classification, the boilerplate lines, the cut marks and junk."""
    if index in page:
        why = _("web page line ({why}) {short!r}; delete the line").format(why=_(page[index]), short=_short(text))
        yield Hit(index, 0, len(text), "SK105", why, "")
        return
    if is_boilerplate_line(simple):
        fix = None if keep_values else ""
        yield Hit(
            index,
            0,
            len(text),
            "SK105",
            _("web boilerplate {short!r}; delete the line").format(short=_short(text)),
            fix,
        )
        return
    for start, end in cut_spans(simple):
        cut = text[start:end]
        fix = None if keep_values and not (text[:start] + text[end:]).strip() else ""
        yield Hit(index, start, end, "SK105", _("cut mark {short!r}; delete it").format(short=_short(cut)), fix)
    if not keep_values:
        for start, char in enumerate(text):
            if char in sprinkled:
                why = _("anti-copy junk {short!r}; delete it").format(short=char)
                yield Hit(index, start, start + 1, "SK105", why, "")
        for start, end in _junk_spans(text):
            yield Hit(
                index,
                start,
                end,
                "SK105",
                _("anti-copy junk {short!r}; delete it").format(short=_short(text[start:end])),
                "",
            )


def _set_aside(doc: Doc, textual: list[int]) -> dict[int, list[str]]:
    """What ``import`` sets aside in a text draft, by unit: the reader's own list, kept by the draft's check reading."""
    cuts: dict[int, list[str]] = doc.memo.get("set_aside", {})
    return {index: cuts[doc.units[index].line] for index in textual if doc.units[index].line in cuts}


def _page_lines(doc: Doc, textual: list[int]) -> dict[int, str]:
    """The units the text reader sets aside as the page's (the one classification both use)."""
    from ...readers.classify import page_lines  # the readers import the checks: import on use

    lines = [index for index in textual if doc.units[index].role != "cell"]  # a table's 合计 is no counter
    found = page_lines([doc.units[index].text for index in lines])
    return {lines[position]: why for position, why in found.items()}


def sprinkled_in(doc: Doc) -> str:
    """The marks a draft (not facts YAML) is sprinkled with as anti-copy junk, which SK105 deletes and the text
    reader removes (the same test)."""
    if doc.path.lower().endswith((".yaml", ".yml")):
        return ""
    from ...readers.classify import sprinkled_marks  # the readers import the checks: import on use

    return sprinkled_marks([doc.units[index].text for index in doc.textual()])


def _junk_spans(text: str) -> list[tuple[int, int]]:
    """The anti-copy junk the text reader removes (the same test)."""
    if text.count(" ") < 5:
        return []
    from ...readers.classify import junk_spans  # the readers import the checks: import on use

    return junk_spans(text)


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 30 else text[:29] + "…"

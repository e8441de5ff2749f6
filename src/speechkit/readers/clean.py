"""Clean a raw text draft: set web boilerplate and cut marks aside, join broken lines, split run-on lines."""

from __future__ import annotations

import re

from ..i18n import _
from ..model.numbering import division_pattern, find_labels
from ..model.repair import (
    FULLWIDTH,
    halfwidth_spans,
    joins_garble,
    mend_doc_numbers,
    mend_fullwidth_digits,
    mend_mojibake,
    mend_pinyin,
    pinyin_spans,
)
from ..model.script import to_simplified
from .classify import file_title, junk_spans, page_lines, sprinkled_marks, strip_markup
from .raw import Note, RawPara

#: Whole lines that belong to the web page, not to the document (matched on Simplified text).
BOILERPLATE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^(您的位置|当前位置|所在位置|当前的位置)\s*[:：]",
        r"(访问量|浏览量|阅读量|点击数|点击量|浏览次数|阅读次数)\s*[:：]?\s*\d",
        r"ICP\s*[备证]|公网安备|增值电信业务|电信经营许可证",
        r"^(郑重声明|免责声明)|本站(全部|所有)内容|违法和不良信息举报",
    )
)
#: Patterns that mark boilerplate only on a short line (a body paragraph may use the same words).
SHORT_BOILERPLATE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^位置\s*[:：]",
        r"^.{0,30}>\s*.{0,30}>",  # breadcrumbs: 首页 > 党的建设 > …
        r"(发表|发布|更新)(时间|日期)\s*[:：]",
        r"^(编辑|责任编辑|作者|来源|录入|审核|文章来源)\s*[:：]",
        r"^(评论区|发表评论|网友评论|搜索框|上一篇|下一篇|相关文章|相关阅读|推荐阅读|热门文章|返回顶部|打印本页|关闭窗口|分享到)",
        r"版权所有|Copyright|©|\(c\)\s*\d{4}",
        r"联系地址\s*[:：]|提供技术支持|技术支持\s*[:：]|举报中心|特此声明$",
        r"^评论仅供|垃圾信息|网警|^(?:查看更多|展开全文|阅读全文)(?![\u4e00-\u9fff，,])|^扫一扫|^微信扫|二维码",
        r"^第?\s*\d{1,3}\s*页?$|^[-—－–\s]*\d{1,3}\s*[-—－–]?\s*$",
        r"^[.…·\s]+$",  # a line of 。 only is the end of the document's sentence
        r"来源\s*[:：]|点击\s*[:：]?\s*\d+\s*次|浏览\s*[:：]?\s*\d+\s*次|【?字体\s*[:：]",
        r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}",
        r"^[（(]?(全文完|本文完|全文结束|完)[）)]?$",
    )
)
SHORT_LINE = 80
#: Cut marks and links inside a line: ``……(…省略773字…)……``, ``收藏《…》``, ``查看更多``.
CUT_MARKS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"[.…]*\s*[（(][^（）()]{0,120}?(省略|未完|全文共|正式会员|完整阅读)[^（）()]{0,120}[）)]?\s*[.…]*\s*",
        r"收藏《[^》]{0,80}》?",
        r"(?<![\u4e00-\u9fff，,、；;：:])(查看更多|展开全文|阅读全文|点击查看|请阅读下面提示信息)(?![\u4e00-\u9fff，,])[。>》\s]*",
        r"\s*第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页\s*",  # a page counter glued in a line
        r"(?:^|(?<=[。！？；]))[ \u3000]*[-－—–][ \u3000]?\d{1,3}[ \u3000]?[-－—–](?=[ \u3000]|$)[ \u3000]*",  # -1-
        # a page's -1- that cut a sentence at the end of a line
        r"(?<=[\u4e00-\u9fff，、])[ \u3000]*[-－—–][ \u3000]?\d{1,3}[ \u3000]?[-－—–][ \u3000]*$",
    )
)
#: A site's category tag before the title on one of the first lines: ``[政治]在…上的讲话``.
_SITE_TAG = re.compile(r"^[ \t\u3000]*[\[【][^\[\]【】\d]{1,12}[\]】](?=[ \u3000]*[\u4e00-\u9fff])")
_HEAD_LINES = 6
#: A chapter heading of a regulation: ``第一章 总则``, ``第二章机构设置管理`` (a short line, no sentence).
_CHAPTER = re.compile(f"^{division_pattern('编章')}[ \u3000]*[^。；;，,]{{0,30}}$")
#: A salutation run on after a space or after a title's last word (…的讲话同志们：).
_SALUTATION_AFTER = r"(?:(?<=[\s\u3000])|(?<=讲话|发言|致辞|报告|提纲))(同志们|各位[\u4e00-\u9fff]{0,10})[:：]"
#: A speech's title run into its text on a first line: ``在…会议上的讲话春节刚过，…`` (not 讲话精神, 讲话中).
_TITLE_RUN_ON = re.compile(
    r"^[ \t\u3000]*(在[^。！？；，,：:\s]{2,60}?上的(?:讲话|发言|致辞|主持词))(?![提稿要精中和时])(?=[\u4e00-\u9fff])"
)
#: How long the text run on after such a title is, at least (a title's own words are fewer).
_RUN_ON_TEXT = 20
_SENTENCE_END = "。！？；!?;…”’』」"
#: The white space a line of a draft is stripped of (full-width, no-break and BOM included).
SPACES = " \t\u3000\xa0\ufeff"


#: Block-level markup left in a copied page: each of these ends a paragraph.
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article)\b[^<>]*>", re.IGNORECASE)


def unmarkup(line: str) -> list[tuple[int, str]]:
    """Split a line with HTML left in it at its block tags; return (column offset, text) of each part."""
    if "<" not in line and "&" not in line:
        return [(0, line)]
    parts: list[tuple[int, str]] = []
    last = 0
    for match in [*_BLOCK_TAG.finditer(line), None]:
        end = match.start() if match else len(line)
        text = strip_markup(line[last:end])
        if text.strip(SPACES):
            parts.append((last, text))
        last = match.end() if match else end
    return parts or [(0, "")]


#: A chapter or article label typed with spaces (``第 一 章``, ``第 十二 条``), at the start of a line.
#: A bullet before it (``• 第 一 章``) is a list's mark of the page, not text.
_SPACED_LABEL = re.compile(
    r"^([ \t\u3000]*)((?:[•●▪◆][ \t\u3000]*)?"
    r"第(?:[ \u3000]*[一二三四五六七八九十百零〇\d]){1,4}[ \u3000]*[章编节条編節條])"
)
#: A short chapter title typed letter-spaced after its label (``第一章  总 则``).
_SPACED_TITLE = re.compile(r"^([ \u3000]+)([\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,5})$")


def close_label_spaces(line: str) -> tuple[str, str]:
    """Close the spaces in a 第…章/第…条 label (and a letter-spaced chapter title); return the line and the change."""
    match = _SPACED_LABEL.match(line)
    if not match or not re.search(r"[ \u3000•●▪◆]", match.group(2)):
        return line, ""
    label = re.sub(r"[ \u3000•●▪◆]", "", match.group(2))
    rest = line[match.end() :]
    title = _SPACED_TITLE.match(rest) if label.endswith(("章", "编", "节", "編", "節")) else None
    before, after = match.group(2), label
    if title:
        rest = title.group(1) + re.sub(r"[ \u3000]", "", title.group(2))
        before, after = before + title.group(0), after + rest
    return match.group(1) + label + rest, f"{before.strip(SPACES)} → {after.strip(SPACES)}"


#: How far into the first line of text a sharing site's category runs before the title.
_CATEGORY = 40


def _shown_title(line: str, named: list[str]) -> re.Match[str] | None:
    """Find the title a sharing site named the file by, between spaces near the start of the first line of text."""
    for name in named:
        match = re.match(rf"([^\s]{{0,{_CATEGORY}}}[ \u3000]+|[ \u3000]*)({re.escape(name)})[ \u3000]+\S", line)
        if match is not None:
            return match
    return None


def set_aside(text: str, sprinkled: str = "") -> tuple[str, list[str]]:
    """Remove cut marks and anti-copy junk from a line (and the ``sprinkled`` marks of a draft full of them, see
    :func:`~.classify.sprinkled_marks`); return the rest and what was removed."""
    removed: list[str] = [char for char in text if char in sprinkled]
    if removed:
        text = "".join(char for char in text if char not in sprinkled)
    simple = to_simplified(text)
    for pattern in CUT_MARKS:
        out, kept = [], 0
        for match in pattern.finditer(simple):
            out.append(text[kept : match.start()])
            removed.append(text[match.start() : match.end()].strip())
            kept = match.end()
        if out:
            out.append(text[kept:])
            text = "".join(out)
            simple = to_simplified(text)
    for start, end in reversed(junk_spans(text)):
        removed.append(text[start:end].strip())
        text = text[:start] + text[end:]
    return text, removed


def is_boilerplate(text: str) -> bool:
    """Tell whether a whole line belongs to the web page (breadcrumbs, footers, counters)."""
    simple = to_simplified(text)
    if any(p.search(simple) for p in BOILERPLATE_LINES):
        return True
    return len(simple) <= SHORT_LINE and any(p.search(simple) for p in SHORT_BOILERPLATE)


def fix_text(text: str) -> tuple[str, list[str]]:
    """Apply the safe fixes (SK204 pinyin, SK209 mojibake, SK304 digits, SK301 brackets, SK201 marks); return
    text and changes."""
    text, changes = mend_pinyin(text)
    text, mended, _kept = mend_mojibake(text)  # a text draft's lines were mended one by one (clean_lines)
    changes.extend(mended)
    text, digits = mend_fullwidth_digits(text)
    changes.extend(digits)
    text, mends = mend_doc_numbers(text)
    changes.extend(mends)
    labels = [(m.start, m.end) for m in find_labels(text) if m.kind == "heading"]
    # (一) and (1) are labels of the halfwidth scheme, not punctuation to fix
    marks = [m for m in halfwidth_spans(text) if not any(s <= m[0] < e for s, e in labels)]
    if marks:
        changes.append("SK201 " + "".join(sorted({c for _, _, c in marks})) + " → full-width")
        for start, end, char in reversed(marks):
            text = text[:start] + FULLWIDTH[char] + text[end:]
    return text, changes


def _split_points(text: str, long_line: bool) -> list[int]:
    """Return where a run-on line splits: before headings after a space, or after a sentence end when long."""
    points = []
    for label in find_labels(text):
        if label.kind != "heading":
            continue
        before = text[label.start - 1] if label.start else ""
        if label.start and (before in SPACES or (long_line and before in "。！？!?")):
            points.append(label.start)
        if long_line and (not label.start or before in SPACES):
            # a heading in a one-line draft ends at the first space: 一、标题 正文…
            space = re.search(r"[ \u3000\t]", text[label.end : label.end + 41])
            if space and not any(mark in text[label.end : label.end + space.start()] for mark in "。！？"):
                points.append(label.end + space.start())
    simple = to_simplified(text)
    for match in re.finditer(_SALUTATION_AFTER, simple):
        points.extend((match.start(), match.end()))
    if long_line:
        points.extend(m.end() for m in re.finditer(r"[。！？!?][ \u3000\t]+(?=\S)", text))
    return sorted(set(points))


def split_runons(text: str, long_line: bool) -> list[tuple[int, str]]:
    """Split a line at its mid-line headings; return (column offset, piece) pairs."""
    pieces = []
    last = 0
    for point in [*_split_points(text, long_line), len(text)]:
        piece = text[last:point]
        stripped = piece.strip(SPACES)
        if stripped:
            pieces.append((last + len(piece) - len(piece.lstrip(SPACES)), stripped))
        last = point
    return pieces


def _ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in _SENTENCE_END + "：:"


def _is_heading_line(text: str) -> bool:
    labels = find_labels(text, midline=False)
    return bool(labels) and labels[0].kind == "heading" and not any(c in text for c in "。！？!?")


def clean_lines(text: str) -> tuple[list[RawPara], list[Note]]:
    """Turn the text of a draft into paragraphs: boilerplate set aside, lines joined or split."""
    notes: list[Note] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, 1):  # each line as check reads it: one detection of mojibake (SK209)
        lines[number - 1], mended, kept = mend_mojibake(line)
        notes.extend([*(Note(number, "fixed", m) for m in mended), *(Note(number, "kept as text", k) for k in kept)])
    longest = max((len(line) for line in lines), default=0)
    filled = sum(1 for line in lines if line.strip())
    one_line = (longest > 150 and filled <= 3) or (longest > 400 and filled <= 8)
    pieces: list[tuple[int, int, str] | None] = []  # (line, column, text); None = blank line
    indented: set[int] = {n for n, line in enumerate(lines, 1) if re.match(r"^( {2,}|\u3000|\t)", line)}
    by_indent = len(indented) >= 3  # paragraphs start indented: an indented line starts one
    page = page_lines(lines)
    sprinkled = sprinkled_marks(lines)
    named = [name for name in (file_title(lines[n]) for n in sorted(page)) if len(name) >= 4]
    for number, raw in enumerate(lines, 1):
        if number - 1 in page:
            notes.append(Note(number, "set aside", raw.strip(SPACES)))
            pieces.append(None)
            continue
        for offset, part in unmarkup(raw):
            line, removed = set_aside(part, sprinkled)
            notes.extend(Note(number, "set aside", cut) for cut in removed if cut)
            if not line.strip(SPACES):
                pieces.append(None)
                continue
            if is_boilerplate(line.strip(SPACES)):
                notes.append(Note(number, "set aside", raw.strip(SPACES) if part != raw else line.strip(SPACES)))
                pieces.append(None)
                continue
            tag = _SITE_TAG.match(line) if len(pieces) < _HEAD_LINES else None
            if tag:
                notes.append(Note(number, "set aside", tag.group(0).strip(SPACES)))
                line = line[: tag.start()] + " " * (tag.end() - tag.start()) + line[tag.end() :]
            line, spaced = close_label_spaces(line)
            if spaced:
                notes.append(Note(number, "fixed", spaced))
            shown = _shown_title(line, named) if not any(pieces) else None
            if shown is not None:  # 讲话稿/讲话稿范文 干部测评讲话 今天，…: the page's category, the file's title
                if line[: shown.start(2)].strip(SPACES):
                    notes.append(Note(number, "set aside", line[: shown.start(2)].strip(SPACES)))
                pieces.append((number, offset + shown.start(2) + 1, shown.group(2)))
                line = " " * shown.end(2) + line[shown.end(2) :]
            head = _TITLE_RUN_ON.match(line) if not any(pieces) else None  # on the first line of text only
            if head and len(line) - head.end(1) >= _RUN_ON_TEXT and any(c in line for c in "。！？"):
                pieces.append((number, offset + head.start(1) + 1, head.group(1)))
                line = " " * head.end(1) + line[head.end(1) :]  # the text goes on at its own column
            for column, piece in split_runons(line, one_line or len(line) > 400):
                pieces.append((number, offset + column + 1, piece))
    paragraphs: list[RawPara] = []
    previous: tuple[int, int, str] | None = None
    for entry in [*pieces, None]:
        if entry is not None and _CHAPTER.match(entry[2]):
            if previous is not None:
                paragraphs.append(RawPara(previous[2], previous[0], previous[1]))
            paragraphs.append(RawPara(entry[2], entry[0], entry[1], role="heading", level=1))
            previous = None
            continue
        starts = by_indent and entry is not None and entry[0] in indented and entry[1] <= 3
        if (
            entry is not None
            and previous is not None
            and not starts
            and _joins(previous[2], entry[2], not paragraphs)
            and not joins_garble(previous[2], entry[2])  # a character cut by the line break: SK209 reads lines
        ):
            previous = (previous[0], previous[1], previous[2] + entry[2])
            notes.append(
                Note(
                    entry[0],
                    "joined",
                    _("line {entry} continues line {previous}").format(entry=entry[0], previous=previous[0]),
                )
            )
            continue
        if previous is not None:
            paragraphs.append(RawPara(previous[2], previous[0], previous[1]))
        previous = entry
    return paragraphs, notes


def _without_pinyin(text: str) -> str:
    """The text as it reads once its pinyin remnants are repaired (lengths are judged on that)."""
    for start, end in reversed(pinyin_spans(text)):
        text = text[:start] + text[end:]
    return text


def _joins(first: str, second: str, is_first: bool) -> bool:
    """Tell whether ``second`` continues a sentence broken at the end of ``first``."""
    first, second = _without_pinyin(first), _without_pinyin(second)
    if is_first or _ends_sentence(first) or len(first) < 16 or _is_heading_line(first):
        return False
    if len(first) <= 40 and not any(mark in first for mark in "。，；,;"):
        return False  # a title or a heading, not a broken sentence
    return not (find_labels(second, midline=False) or re.match(r"^(同志们|各位)", to_simplified(second)))

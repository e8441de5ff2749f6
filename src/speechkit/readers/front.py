"""Front and back matter of a draft: title, dateline, speaker, salutation, notice fields, outline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..i18n import _
from ..model.chars import is_han
from ..model.notice_parts import DATELINE, is_addressee_line, is_salutation_line
from ..model.numbering import find_labels
from ..model.script import to_simplified
from ..model.speech import SourcePos
from .classify import NAMED, clean_title
from .raw import Note, RawBlock, RawPara

#: A date line: in figures, in Chinese numerals (a copy may type 〇 as 0 or O: 二0一三年八月六日), a template's
#: placeholder (X年XX月XX日, ××××年×月×日, 20xx年x月x日), or of the 民国 calendar (中華民國一一〇年三月五日).
DATE = re.compile(
    r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇○零0OＯ０一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
    r"|[\dXx×Ｘｘ]{1,4}年[\dXx×Ｘｘ]{1,2}月[\dXx×Ｘｘ]{1,2}日"
    r"|中[華华]民[國国]\s*(?:\d{2,3}|[〇○零一二三四五六七八九十百]{2,5})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)$"
)
#: A 发文字号 line (its organ's code may be a template's placeholder: ×政复〔2013〕102号).
DOC_NUMBER = re.compile(
    r"^(?:[\u4e00-\u9fff×XxＸ]{1,12}[〔\[【(（]\s*\d{4}\s*[〕\]】)）]?\s*\d*\s*号?"
    r"|(?:[〔\[]\d{4}[〕\]])?第\s*\d+\s*期"  # or a 纪要's 期数
    r"|第\s*\d+\s*号)$"  # or a 令's 令号
)
#: The 签发人 of an upward document, on the 发文字号 line.
SIGNERS = re.compile(r"\s*(?:签发人|簽發人)\s*[:：]\s*(.*)$")
TOC_START = re.compile(r"^(目\s*录|提\s*纲)(\s*/\s*提纲)?\s*[:：]?\s*[.…]*$")
ATTACHMENT = re.compile(r"^附\s*件\s*[:：]?\s*(?:\d+[.．、]\s*)?(.+)$")
ISSUER_END = re.compile(
    r"(委员会|委员会办公室?|办公室|办公厅|人民政府|政府|党委|党组|总支|支部|工作部|局|厅|院|中心|学校|公司)$"
)
#: How a 落款 over a date ends: an issuer, or a smaller organ (管委会, 监察室, 教务处, 派出所); told only over a date.
SIGNER_END = ISSUER_END.pattern[:-2] + "|管委会|协会|工会|联合会|委|部|处|室|所|站|馆)$"
_PUNCT = "。，；！？：,;!?:"
#: A date without its 年月日 (``2021521``, ``20210521``): a year of this century or the last, a month, a day.
_BARE_DATE = re.compile(r"^(?:19|20)\d{2}(?:1[0-2]|0?[1-9])(?:3[01]|[12]\d|0?[1-9])$")
#: A 落款 that is a post and a name (a 令 signs so: ``总理李鹏``, ``省长　张三``).
_POST_NAME = re.compile(
    r"^(?:总理|副总理|主席|副主席|省长|副省长|市长|副市长|县长|副县长|区长|州长|部长|主任|书记|院长|局长|厅长|校长)"
    r"[\s\u3000]*[\u4e00-\u9fff]{2,3}$"
)
#: A title or a number on a metadata line of a law database or a sidebar (法规名称：…, 文号：…).
LABELLED = re.compile(r"^[•·\s]*(标题|法规名称|文件名称|文号|发文字号|[Tt]itle)\s*[:：]\s*(\S.{0,80})$")
#: How a whole title begins (在…上的讲话, 关于…的通知): a line above it is not its first half.
_TITLE_OPENS = re.compile(r"^(?:在|关于)[\u4e00-\u9fff]")
#: A post a speaker's line names (市委书记, 常务副市长, 党委书记　叶某某).
_POST = re.compile(r"书记|长|主任|主席|总理|委员|经理|代表|同志|领导|秘书|专员|理事|顾问|干事|主持人")
#: A 发文字号 in brackets at the end of a title (…的通知（岳办发〔2017〕2号）).
_NUMBER_AFTER = re.compile(r"[（(]\s*([^（()）]{2,30})\s*[）)]$")
#: A 发文字号 with its year (岳办发〔2017〕2号), not a 公告's 第7号 that is part of its title.
_DATED_NUMBER = re.compile(r"^[\u4e00-\u9fff×XxＸ]{1,12}[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号$")
#: The label of a page's metadata line that names an organ, a number, a date or the 主题词 (发布部门：, 发布文号：).
_FIELD_LABEL = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:部门|机关|机构|单位|文号|字号|日期|时间|主题词|关键词|关键字|分类)[:：]"
)
#: A piece's counter after a compilation's name (…范文篇1).
_COUNTER = re.compile(r"篇[\d一二三四五六七八九十]{1,3}$")
#: What ends a sentence: a line ending so is no first half of a title (欢迎来到…网！).
_SENTENCE_END = "。！？!?"
#: A 文种 word inside a line (where a title glued to what follows may end).
_GENRE_WORD = NAMED[:-1]
#: The shortest title told glued to its addressee.
_GLUED_TITLE = 8
#: The longest addressee or salutation told glued to the first paragraph, and the shortest paragraph after it.
_GLUED_HEAD, _GLUED_BODY = 40, 20
#: A regulation's 题注 under its title: in brackets, from a date, saying when it was made or changed.
_TITLE_NOTE = (
    r"^[（(]\s*(?:\d{4}|[〇○零0一二三四五六七八九]{4})\s*年.{0,120}"
    r"(?:公布|发布|通过|修正|修订|印发|施行)[^（）()]{0,40}[）)]$"
)
#: A date in a 题注, and what follows the date it takes effect (自…起施行).
_NOTE_DATE = (
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇○零0一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
)
_IN_FORCE = r"\s*起(?:施行|实施|生效)"
#: The number of a 令 in a 题注 (生态环境部令第26号).
_ORDER_NUMBER = r"[\u4e00-\u9fff]{2,20}令\s*第\s*\d+\s*号"
#: A list item's bullet (Markdown ``- ``, ``* ``, ``• ``), not a subtitle's dash.
_BULLET = r"^[-*•·]\s"
#: A data file's title field opening a line that goes on (title: '…',createdAt: …,content: `…`).
_TITLE_FIELD = r"""^["']?title["']?\s*[:=]\s*(["'`])([^"'`\n]{4,80})\1\s*[,;]"""
#: A Markdown heading's marks before a title a plain copy kept, and a compilation's counter (第一篇：).
_HASHES = r"^#{1,6}\s+"
_COUNTER_BEFORE = r"^第[一二三四五六七八九十\d]{1,3}篇\s*[:：]\s*"
#: A markup tag (a PHP or JSP call inside it included).
_TAGS = r"<(?:[^<>]|<[^<>]*>)*>"
#: How a title's last line starts when it goes on from the line above (…的通知, …之通知).
_GOES_ON = "的之"
#: The longest title told broken over lines.
_LONGEST_TITLE = 60
#: The longest title told a page's word (登陆注册, 首页) when a 公文's head stands further down.
_PAGE_WORD = 8
#: The rows of a 版记 in a plain copy: 抄送 (抄报) and the printer with the date it printed.
_CC = r"^(?:抄\s*送|抄\s*报)\s*[:：]\s*\S"
_PRINTED = r"^(\S.{1,30}?)[\s\u3000]+(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$"
#: A 附注 under the date: a short line in brackets (（此件公开发布）).
_NOTE_LINE = r"^[（(][^（）()]{2,40}[）)]$"
#: How far down a 公文's head is looked for under page residue, and how many lines (title, number) it has.
_LATER_HEAD, _HEAD_LINES = 30, 4
#: How far into the body a notice's date without a 落款 is looked for (before the text it issues).
_LONE_DATE_BLOCKS = 5
#: The longest word of a page's row of links.
_MENU_WORD = 5
#: How many paragraphs of the body are looked at for the title repeated at their start.
_ECHO_BLOCKS = 3
#: How long a title must be, and the text after it, to count as repeated at the start of a paragraph.
_ECHO = 8
#: What ends a label, not a half of a title (文章全文：, a bar a page puts after it).
_LABEL_END = ":：|｜"
#: A whole title: it ends in its 文种, perhaps with a note in brackets (…管理办法（2021版）).
_WHOLE_TITLE = NAMED[:-1] + r"(?:[（(][^（）()]{0,12}[）)])?$"
#: A bar between two parts of a headline.
_PIPE = r"\s*[|｜]\s*(?=\S)(?<=\S[|｜])|(?<=\S)\s*[|｜]\s*(?=\S)"
#: The longest column's name a page shows above a document's title (行政公告, 领导讲话).
_COLUMN = 6
#: Marks at the top left of a notice: 份号, 密级, 紧急程度.
MARKS = ("copy_number", "secrecy", "urgency")


@dataclass
class Front:
    """What the front and back matter gave: Meta fields, salutation and their positions."""

    fields: dict[str, str] = field(default_factory=dict)
    attachments: list[str] = field(default_factory=list)
    salutation: str = ""
    toc: bool = False
    #: Whether the date stood under the title in parentheses, as a speech's dateline does (（2016年4月10日）).
    dateline: bool = False
    positions: dict[tuple[str | int, ...], SourcePos] = field(default_factory=dict)
    #: The name of the page's column above the title (行政公告): its 文种 tells the kind a title may not name.
    column: str = ""
    #: Short lines under the title that are not front matter after all: they open the body.
    leftovers: list[RawBlock] = field(default_factory=list)


def _plain(block: RawBlock) -> str:
    return block.text.strip() if isinstance(block, RawPara) else ""


def _short_line(text: str, limit: int = 60) -> bool:
    return 0 < len(text) <= limit and not any(mark in text[:-1] for mark in "。！？；") and text[-1] not in "。；"


def split_front(blocks: list[RawBlock], path: str, notes: list[Note]) -> tuple[Front, int]:
    """Read the front matter; return it and the index of the first body block.

    When the top of the draft gives neither title, addressee nor salutation, a 公文's head further down
    (a 发文字号 or a title naming its 文种 over the 主送机关) is read instead: what stands above it is page
    residue or an editor's lead the reader cannot tell apart, kept at the start of the body.
    """
    mine = list(notes)  # the notes so far, and this reading's: kept if it stands
    front, start = _read_front(blocks, 0, path, mine)
    # a short title naming no 文种 over no addressee may be a page's line (登陆注册) above a 公文's head
    title = to_simplified(front.fields.get("title", ""))
    page_line = not title or (len(title) <= _PAGE_WORD and not re.search(NAMED, clean_title(title)))
    found = not page_line or front.fields.get("addressee") or front.salutation
    anchor = None if found else _later_head(blocks)
    if anchor is None:
        notes[:] = mine
        return front, start
    later, start = _read_front(blocks, anchor, path, notes)
    later.leftovers = [*blocks[:anchor], *later.leftovers]
    return later, start


def _later_head(blocks: list[RawBlock]) -> int | None:
    """Where a 公文's head starts below page residue: the lines over a 主送机关 (a number, a title), or None."""
    for index in range(1, min(len(blocks), _LATER_HEAD)):
        block = blocks[index]
        if not isinstance(block, RawPara) or block.role:
            continue
        simple = to_simplified(block.text.strip())
        if _glued_title(simple):
            return _head_start(blocks, index)
        above = blocks[index - 1]
        if not is_addressee_line(simple) or not isinstance(above, RawPara) or above.role:
            continue
        line = to_simplified(above.text.strip())
        if DOC_NUMBER.match(line) or _bracketed_number(line) or (_short_line(line) and re.search(NAMED, line)):
            return _head_start(blocks, index)
    return None


def _head_start(blocks: list[RawBlock], index: int) -> int:
    """The first of the short lines (a title's, a number's) right above a 公文's addressee line."""
    start = index
    while start > 0 and index - start < _HEAD_LINES:
        above = blocks[start - 1]
        if not isinstance(above, RawPara) or above.role:
            break
        line = to_simplified(above.text.strip())
        if not (DOC_NUMBER.match(line) or _bracketed_number(line) or (_short_line(line) and _titled(line))):
            break
        start -= 1
    return start


def _read_front(blocks: list[RawBlock], index: int, path: str, notes: list[Note]) -> tuple[Front, int]:
    """Read the front matter from block ``index``; return it and the index of the first body block."""
    front = Front()
    candidates: list[RawPara] = []
    in_toc = False
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, RawPara):
            break
        text = block.text.strip()
        simple = to_simplified(text)
        role = block.role
        if role in ("toc_title", "toc") or (not role and TOC_START.match(simple)):
            front.toc, in_toc = True, True
            notes.append(Note(block.line, "outline", text))
            index += 1
            continue
        if in_toc and not role:
            labels = find_labels(text, midline=False)
            if (labels and labels[0].kind == "heading" and _short_line(text, 80)) or re.fullmatch(r"[.…。·\s]+", text):
                notes.append(Note(block.line, "outline", text))
                index += 1
                continue
            in_toc = False
        if role == "title" and candidates:
            for before in candidates:  # short lines above a title: the issuer, or page residue
                if "issuer" not in front.fields:
                    _set(front, "issuer", before.text.strip(), before, path)
                else:
                    notes.append(Note(before.line, "set aside", before.text.strip()))
            candidates = []
        if role == "issuer" and text.endswith("文件"):
            front.fields["issuer_suffix"] = "文件"
            text = text[: -len("文件")]
        signers = SIGNERS.search(text) if role == "doc_number" else None
        if signers:  # 上行文: the number and 签发人 on one line (or 签发人 alone on the lines above it)
            names = [name for name in re.split(r"[\s、]+", signers.group(1)) if name]
            front.fields["signers"] = "、".join(filter(None, (front.fields.get("signers", ""), *names)))
            number = text[: signers.start()].strip()
            if number:
                _set(front, "doc_number", number, block, path)
        elif role in ("title", "subtitle", "speaker", "issuer", "doc_number", "addressee", *MARKS):
            _set(front, role, text, block, path)
        elif not role and DATE.match(text) and "date" not in front.fields and candidates:
            _set(front, "date", re.sub(r"\s+", "", text), block, path)  # a date under the title
        elif role == "dateline" or (not role and DATELINE.match(text)):
            match = DATELINE.match(text)
            front.dateline = True
            _set(front, "date", match.group(1) if match else text.strip("（）()"), block, path)
        elif role == "salutation" or (not role and is_salutation_line(simple)):
            front.salutation = _full_colon(text)
            front.positions[("salutation",)] = SourcePos(path, block.line, block.column)
            return _settle(front, candidates, path, notes, _following(blocks, index + 1)), index + 1
        elif not role and "title" not in front.fields and (named := _title_field(simple)):
            _set(front, "title", named, block, path)  # title: '…', content: `…` of a data file
            break
        elif not role and LABELLED.match(simple) and not candidates:
            label = LABELLED.match(simple)
            assert label is not None
            name = "doc_number" if label.group(1) in ("文号", "发文字号") else "title"
            if name not in front.fields:
                _set(front, name, text[label.start(2) :].strip().strip("'\""), block, path)
        elif not role and "title" not in front.fields and _glued_title(simple):
            cut = _glued_title(simple)
            _set(front, "title", text[:cut].rstrip(), block, path)
            _set(front, "addressee", _full_colon(text[cut:].strip()), block, path)
            front.positions[("meta", "addressee")] = SourcePos(path, block.line, block.column + cut)
            for before in candidates:  # short lines above the title: its issuer, or lines of the body
                if ISSUER_END.search(to_simplified(before.text.strip())) and "issuer" not in front.fields:
                    _set(front, "issuer", before.text.strip(), before, path)
                else:
                    front.leftovers.append(before)
            return front, index + 1
        elif not role and is_addressee_line(simple):
            _set(front, "addressee", _full_colon(text), block, path)
            return _settle(front, candidates, path, notes, _following(blocks, index + 1)), index + 1
        elif not role and DOC_NUMBER.match(simple) and "doc_number" not in front.fields:
            _set(front, "doc_number", text, block, path)
        elif not role and _bracketed_number(simple) and "doc_number" not in front.fields:
            _set(front, "doc_number", text.strip()[1:-1].strip(), block, path)  # （皖政〔2001〕85号） under the title
        elif not role and DOC_NUMBER.match(simple) and _fold(text) == _fold(front.fields["doc_number"]):
            notes.append(Note(block.line, "set aside", text))  # the page gives the number twice
        elif not role and re.compile(_TITLE_NOTE).match(simple) and ("title" in front.fields or candidates):
            _title_note(front, simple, block, path)  # （2022年4月6日某部令第26号公布　自…起施行）: date and number
            front.leftovers.append(block)  # the note itself stays in the text
        elif not role and _markup(text):
            notes.append(Note(block.line, "set aside", text))  # a page's markup the copy kept (<a href=…>首页></a>)
        elif not role and _short_line(text) and not find_labels(text, midline=False):
            candidates.append(block)
        elif index == 0 and _addressee_next(blocks, index):
            front.leftovers.append(block)  # a lead line (an editor's note) above a notice without its title
        elif not role and "title" not in front.fields and not candidates and (lead := _lead_title(simple)):
            cut, start = lead  # 关于…的调查报告，随着… or a title given twice before the text (kept there)
            _set(front, "title", text[:cut].strip(), block, path)
            blocks[index] = replace(block, text=text[start:].lstrip(), column=block.column + start, title_end=-1)
            return _settle(front, candidates, path, notes, _following(blocks, index)), index
        elif not role and (glued := _glued_head(simple)):
            cut, name = glued  # 区政府督查室：根据… or 同志们：今天…, the body glued to its head
            head = _full_colon(text[:cut].strip())
            blocks[index] = replace(block, text=text[cut:].lstrip(), column=block.column + cut, title_end=-1)
            if name == "salutation":
                front.salutation = head
                front.positions[("salutation",)] = SourcePos(path, block.line, block.column)
            else:
                _set(front, "addressee", head, block, path)
            return _settle(front, candidates, path, notes, _following(blocks, index)), index
        else:
            break
        index += 1
        if role == "addressee":
            break
    return _settle(front, candidates, path, notes, _following(blocks, index)), index


def _title_note(front: Front, simple: str, block: RawPara, path: str) -> None:
    """Read a regulation's 题注: the date it was made (not the one it takes effect) and its 令 number."""
    dates = [m for m in re.compile(_NOTE_DATE).finditer(simple) if not re.compile(_IN_FORCE).match(simple, m.end())]
    if dates and "date" not in front.fields:
        _set(front, "date", re.sub(r"\s+", "", dates[-1].group(0)), block, path)
    number = re.compile(_ORDER_NUMBER).search(simple, dates[-1].end() if dates else 0)  # after the date it was made
    if number and "doc_number" not in front.fields:
        _set(front, "doc_number", re.sub(r"\s+", "", number.group(0)), block, path)


def _bracketed_number(simple: str) -> bool:
    """Tell whether a line is a 发文字号 with its year in brackets of its own (（皖政〔2001〕85号）)."""
    line = simple.strip()
    return line[:1] in "（(" and line[-1:] in "）)" and bool(_DATED_NUMBER.match(line[1:-1].strip()))


def _glued_title(simple: str) -> int:
    """Where a title a copy glued to its addressee ends (…的通报各市人民政府，各县人民政府：), or 0.

    The title ends in its 文种 and what follows is a whole 主送机关 line; of the 文种 words the line
    holds, the last one that leaves such a line wins (关于印发…通知的通知各区：).
    """
    if not simple.endswith(("：", ":")) or any(mark in simple for mark in _SENTENCE_END + "。；;"):
        return 0
    for match in reversed(list(re.compile(_GENRE_WORD).finditer(simple))):
        head, rest = simple[: match.end()], simple[match.end() :]
        if (
            len(head) >= _GLUED_TITLE
            and rest[:1] not in ("", *"的》」』”）)")
            and head.count("《") == head.count("》")
            and is_addressee_line(rest)
        ):
            return match.end()
    return 0


def _lead_title(simple: str) -> tuple[int, int] | None:
    """Where a title a copy ran into the first paragraph ends, and where the text starts; or None.

    Either a whole title (关于…的调查报告) and a comma, or a title given twice (T T 1月19日，…).
    """
    comma = simple.find("，")
    head = simple[:comma]
    if (
        _GLUED_TITLE <= comma <= _GLUED_HEAD
        and _TITLE_OPENS.match(head)
        and re.compile(_WHOLE_TITLE).search(head)
        and not any(mark in head for mark in "。；：:")
    ):
        return comma, comma + 1
    for size in range(_GLUED_TITLE, min(len(simple) // 2, 2 * _GLUED_HEAD) + 1):
        head = simple[:size]
        rest = simple[size:].lstrip()
        if (
            rest.startswith(head)
            and not head[-1].isspace()
            and not any(c in head for c in "，。；：:")
            and len(rest) - size >= _GLUED_BODY
        ):
            return size, size  # the copy stays at the start of the text
    return None


def _glued_head(simple: str) -> tuple[int, str] | None:
    """Where an addressee or a salutation a copy glued to the first paragraph ends, and which it is; or None.

    The line opens with a whole 主送机关 (区政府督查室：) or salutation (同志们：) and goes on with a sentence.
    """
    colon = min((i for i in (simple.find("："), simple.find(":")) if i > 0), default=-1)
    if colon < 0 or colon >= _GLUED_HEAD or len(simple) - colon < _GLUED_BODY or find_labels(simple, midline=False):
        return None
    head = simple[: colon + 1]
    if any(char.isdigit() or char.isspace() for char in head):
        return None  # a 版头 run together (××× ×政复〔2013〕102号 ××市人民政府办公厅：): not told apart here
    if is_salutation_line(head):
        return colon + 1, "salutation"
    if is_addressee_line(head):
        return colon + 1, "addressee"
    return None


def _addressee_next(blocks: list[RawBlock], index: int) -> bool:
    """Tell whether the block after ``index`` is a 主送机关 line the reader has not given a role."""
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return isinstance(after, RawPara) and not after.role and is_addressee_line(to_simplified(after.text.strip()))


def _speaker_like(text: str) -> bool:
    """Tell whether a short line under the title can name the speaker (``市委书记　张三``).

    A name alone or a line naming a post; not a sentence, nor a slogan, a counter (166人看过), a headline
    in quotes, a news desk (新闻中心/某县讯), a heading (一 调研背景), an organ (…分局: an issuer) or the
    mark of a 令 (中华人民共和国国务院令).
    """
    simple = to_simplified(text)
    if any(c in simple for c in '，。；！？,;!?：:/／“”"「」『』') or re.search(r"\d", simple):
        return False
    if find_labels(simple, midline=False) or re.match(r"^[一二三四五六七八九十]+\s", simple):
        return False
    if simple.endswith("令") or ISSUER_END.search(simple):
        return False
    han = sum(map(is_han, simple))
    return han >= 2 and (han <= 4 or bool(_POST.search(simple)))  # a name alone, or a post (and a name)


def _titled(text: str) -> bool:
    """Tell whether a line can be a title: Han for 40% of it at least (not a logo, a URL, a code ``北市01-03-2001``)."""
    marks = re.sub(r"\s+", "", text)
    han = sum(map(is_han, marks))
    simple = to_simplified(marks)
    if _FIELD_LABEL.match(simple):
        return False  # a metadata line: 发布部门：…, 发布文号：
    if _COUNTER.search(simple) and not re.search(NAMED, clean_title(simple)):
        return False  # a compilation's name and a piece's counter (一述双评范文篇1): the piece's title is not there
    if _menu(to_simplified(text)):
        return False
    return han >= 2 and han >= 0.4 * len(marks)


def _menu(text: str) -> bool:
    """Tell whether a line is a page's row of links (无障碍版 长者助手): short words apart, none naming a 文种."""
    words = text.split()
    return len(words) >= 2 and all(2 <= len(w) <= _MENU_WORD and not re.search(NAMED, w) for w in words)


def _full_colon(text: str) -> str:
    return text[:-1] + "：" if text.endswith(":") else text


def _set(front: Front, name: str, text: str, block: RawPara, path: str) -> None:
    front.fields[name] = text
    front.positions[("meta", name)] = SourcePos(path, block.line, block.column)


def _following(blocks: list[RawBlock], index: int) -> list[str]:
    """The folded texts of the first paragraphs of the body (a page may repeat the title at their start)."""
    return [_fold(b.text) for b in blocks[index : index + _ECHO_BLOCKS] if isinstance(b, RawPara)]


def _settle(
    front: Front,
    candidates: list[RawPara],
    path: str,
    notes: list[Note],
    following: list[str] = (),  # type: ignore[assignment]
) -> Front:
    """Decide which short lines before the body are title, issuer, subtitle and speaker."""
    if not candidates:
        return front
    texts = [_bare(clean_title(c.text.strip())) for c in candidates]
    halves = _join_repeated_halves(candidates, texts)
    titled = [_titled(c.text.strip()) for c in candidates]
    if "title" not in front.fields and not any(titled):
        # no line reads as a title (a site's logo, a filing code such as 北市01-03-2001): page residue
        notes.extend(Note(c.line, "set aside", c.text.strip()) for c in candidates)
        return front
    keys = [_fold(t) for t in texts]
    if "title" in front.fields:
        pick = -1
    else:
        # the 版头 comes first: 标志 (…文件), 发文字号, then the title; lines above the number are not it
        number = front.positions.get(("meta", "doc_number"))
        first = next((i for i, c in enumerate(candidates) if number and c.line > number.line), 0)
        mark = [i for i, t in enumerate(texts) if t.endswith("文件") and len(t) > 4]
        allowed = [i for i in range(first, len(texts)) if i not in mark] or list(range(len(texts)))
        allowed = [i for i in allowed if titled[i]] or [i for i in range(len(texts)) if titled[i]]
        allowed = [i for i in allowed if not re.match(r"^[—－-]", texts[i])] or allowed  # ——在…上的讲话: a subtitle
        allowed, column = _without_columns(allowed, texts, keys)
        if column is not None:
            front.column = texts[column]
        repeated = [i for i in allowed if keys.count(keys[i]) > 1]
        # the title the body repeats at its start (…管理办法一、引言…: a copy glued the two)
        echoed = [i for i in allowed if len(keys[i]) >= _ECHO and any(_echoes(f, keys[i]) for f in following)]
        # the title again after what a page puts before it (公务员期刊网 精选范文 …, 第1篇：…, the 发文字号)
        prefixed = [i for i in allowed if len(keys[i]) >= 4 and _prefixed(keys, i)]
        named = [i for i in allowed if re.search(NAMED, to_simplified(texts[i]))]
        named = [i for i in named if len(texts[i]) > 6] or named  # 通知公告 is a column's name
        whole = [i for i in named if _TITLE_OPENS.match(to_simplified(texts[i]))]  # 关于…的请示 under a page's heading
        repeated = repeated or echoed or prefixed
        pick = repeated[-1] if repeated else (whole[0] if whole else named[0] if named else allowed[0])
        while pick + 1 < len(texts) and _continues(candidates, texts, pick):
            pick += 1  # …工作要点 / 的通知: the title ends on the line that goes on from it
        texts[pick] = _unquoted(texts[pick])
        title = texts[pick]
        aside = {n.line for n in notes if n.action == "set aside"}
        while pick > first and not repeated and _joins_above(candidates, texts, titled, mark, pick, title, aside):
            title = texts[pick - 1] + title  # a title broken over two lines (or three)
            texts[pick - 1] = title
            pick -= 1
            del candidates[pick + 1], texts[pick + 1], titled[pick + 1]
        if _cut_quote(title):  # 量避免出现“做法…”“基: a piece of a sentence the page cut, not a title
            front.leftovers.extend(candidates)
            return front
        numbered = _NUMBER_AFTER.search(title)
        if (
            numbered
            and _DATED_NUMBER.match(to_simplified(numbered.group(1)))
            and len(title) - len(numbered.group(0)) >= 4
        ):
            title = title[: numbered.start()].rstrip()  # the 发文字号 a page puts after the title
            if "doc_number" not in front.fields:
                _set(front, "doc_number", numbered.group(1).strip(), candidates[pick], path)
        dated = re.search(r"[（(]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]$", title)
        if dated and "date" not in front.fields and len(title) - len(dated.group(0)) >= 4:
            title = title[: dated.start()].rstrip()  # a dateline run on after the title
            _set(front, "date", re.sub(r"\s+", "", dated.group(1)), candidates[pick], path)
        title = re.compile(_PIPE).sub(" ", title)  # a headline's parts a page divides by a bar (閉幕典禮|某某致詞)
        raw = candidates[pick].text.strip()
        if raw != texts[pick] and raw.startswith(texts[pick]):
            notes.append(Note(candidates[pick].line, "set aside", raw[len(texts[pick]) :].strip()))
        elif raw != texts[pick] and raw.endswith(texts[pick]):  # ## or 第一篇： before it
            notes.append(Note(candidates[pick].line, "set aside", raw[: -len(texts[pick])].strip()))
        _set(front, "title", title, candidates[pick], path)
    for i, block in enumerate(candidates):
        text = texts[i]
        if i == pick:
            continue
        if _fold(text) == _fold(front.fields.get("title", "")):
            for part in [block, *halves.get(id(block), [])]:
                notes.append(Note(part.line, "set aside", _("repeated title {text}").format(text=part.text.strip())))
        elif pick >= 0 and i < pick and text.endswith("文件") and "issuer" not in front.fields:
            _set(front, "issuer", text[: -len("文件")], block, path)
            front.fields["issuer_suffix"] = "文件"
        elif pick >= 0 and i < pick and ISSUER_END.search(to_simplified(text)) and "issuer" not in front.fields:
            _set(front, "issuer", text, block, path)
        elif pick >= 0 and i < pick:
            if id(block) in halves:
                notes.extend(Note(part.line, "set aside", part.text.strip()) for part in [block, *halves[id(block)]])
            else:
                notes.append(Note(block.line, "set aside", text))
        elif not any(map(is_han, text)) and not any(c.isdigit() for c in text):
            notes.append(Note(block.line, "set aside", text))  # no Han at all (module.exports = {): page residue
        elif re.compile(_BULLET).match(text):
            front.leftovers.append(block)  # an item of a list (- 规章): neither subtitle nor speaker
        elif re.match(r"^[—－-]{1,2}", text) and "subtitle" not in front.fields:
            _set(front, "subtitle", text, block, path)
        elif len(text) <= 30 and "speaker" not in front.fields and _speaker_like(text):
            _set(front, "speaker", text, block, path)
        else:
            front.leftovers.append(block)  # body text, not front matter: nothing of the body is dropped
    return front


def _joins_above(
    candidates: list[RawPara],
    texts: list[str],
    titled: list[bool],
    mark: list[int],
    pick: int,
    title: str,
    aside: set[int],
) -> bool:
    """Tell whether the line above the title is its first half: a wrapped title fills its first line."""
    before = candidates[pick - 1]
    previous = to_simplified(texts[pick - 1])
    return bool(
        before.line >= candidates[pick].line - 2  # a blank line between the two halves, at most
        and not any(before.line < n < candidates[pick].line for n in aside)  # not a line set aside
        and titled[pick - 1]  # a row of links is no half of a title
        and re.search(r"[\u4e00-\u9fff]{2}", previous)
        and (not ISSUER_END.search(previous) or "关于" in previous)
        and pick - 1 not in mark
        and not _TITLE_OPENS.match(to_simplified(title))  # a whole title below a column's name
        and len(texts[pick - 1] + title) <= _LONGEST_TITLE
        and not previous.endswith(tuple(_SENTENCE_END))  # a sentence is no half of a title
        and not previous.rstrip().endswith(tuple(_LABEL_END))  # nor a label (文章全文：|)
        and not (_whole(previous) and _whole(to_simplified(title)) and title[:1] not in _GOES_ON)
        # two titles, unless the lower one goes on from the upper (…工作要点 / 的通知)
        and (2 * len(previous) >= len(title) or "关于" in previous)
    )


def _markup(text: str) -> bool:
    """Tell whether a line is mostly markup: it opens a tag, and its text outside tags is a fifth of it or less."""
    return text.startswith("<") and 5 * len(re.compile(_TAGS).sub("", text)) <= len(text)


def _bare(text: str) -> str:
    """A title line without a Markdown heading's marks (## …) or a compilation's counter (第一篇：…) before it."""
    bare = re.compile(_COUNTER_BEFORE).sub("", re.compile(_HASHES).sub("", text))
    return bare if len(bare) >= _GLUED_TITLE // 2 else text


def _cut_quote(text: str) -> bool:
    """Tell whether a line leaves a quotation open (“ without its ”): a line cut from a sentence."""
    return text.count("“") > text.count("”")


def _whole(text: str) -> bool:
    """Tell whether a line is a whole title: it ends in its 文种 (perhaps a note in brackets after it)."""
    return re.compile(_WHOLE_TITLE).search(text) is not None


def _title_field(simple: str) -> str:
    """The title a data file's title field opening the line gives (title: '…',content: …), or ""."""
    named = re.compile(_TITLE_FIELD).match(simple)
    return named[2].strip() if named and _titled(named[2]) else ""


def _continues(candidates: list[RawPara], texts: list[str], pick: int) -> bool:
    """Tell whether the line under the title goes on from it (的通知, 之通知): the title's last line."""
    below = to_simplified(texts[pick + 1])
    return (
        below[:1] in _GOES_ON
        and candidates[pick + 1].line <= candidates[pick].line + 2
        and bool(re.compile(_WHOLE_TITLE).search(below))
        and len(texts[pick] + below) <= _LONGEST_TITLE
    )


def _echoes(paragraph: str, key: str) -> bool:
    """Tell whether a paragraph starts with a title and goes on (the body a copy glued to it), folded."""
    return paragraph.startswith(key) and len(paragraph) >= len(key) + _ECHO


def _without_columns(allowed: list[int], texts: list[str], keys: list[str]) -> tuple[list[int], int | None]:
    """Drop a column's name (行政公告, 通知公告: short, repeated or naming a 文种) above a longer title line.

    Return the lines left and the last column's name (its 文种 may tell the kind a title does not name).
    """

    def longer_after(i: int) -> bool:
        return any(
            j > i and len(keys[j]) > 8 and not re.match(r"^[—－-]", texts[j]) and not _speaker_like(texts[j])
            for j in allowed
        )

    columns = {
        i
        for i in allowed
        if len(keys[i]) <= _COLUMN
        and (keys.count(keys[i]) > 1 or re.search(NAMED, to_simplified(texts[i])))
        and longer_after(i)
    }
    after = [i for i in allowed if i > max(columns, default=-1)]  # lines above a column's name are the page's
    return (after, max(columns)) if after and columns else (allowed, None)


def _prefixed(keys: list[str], index: int) -> bool:
    """Tell whether another line ends with this one's text, a page's prefix before it (not its own first half)."""
    key = keys[index]
    upper = keys[index - 1] + key if index > 0 else ""
    return any(k != key and k.endswith(key) and not (upper and k.endswith(upper)) for k in keys)


def _unquoted(title: str) -> str:
    """A title a page wraps whole in 《》 without them (its 〈〉 inside become 《》 again)."""
    if title.startswith("《") and title.endswith("》") and "《" not in title[1:-1] and "》" not in title[1:-1]:
        return title[1:-1].replace("〈", "《").replace("〉", "》")
    return title


def _fold(text: str) -> str:
    """A title as compared with its repeats: without spaces and marks (a page drops the quotes)."""
    return re.sub(r"[\W_]+", "", to_simplified(text))


def _join_repeated_halves(candidates: list[RawPara], texts: list[str]) -> dict[int, list[RawPara]]:
    """Join two adjacent short lines that together repeat another line: a title broken over two lines.

    Return the second halves joined, by the ``id`` of the line they were joined to.
    """
    halves: dict[int, list[RawPara]] = {}
    index = 0
    while index + 1 < len(candidates):
        joined = _fold(texts[index] + texts[index + 1])
        close = candidates[index + 1].line <= candidates[index].line + 2
        others = [_fold(t) for i, t in enumerate(texts) if i not in (index, index + 1)]
        if close and joined in others and _fold(texts[index]) not in others:
            texts[index] += texts[index + 1]
            halves.setdefault(id(candidates[index]), []).append(candidates[index + 1])
            del candidates[index + 1], texts[index + 1]
        index += 1
    return halves


def split_back(blocks: list[RawBlock], start: int, front: Front, path: str, notes: list[Note] | None = None) -> int:
    """Read signature, date and attachments from the end; return the end of the body."""
    end = len(blocks)
    while end > start and isinstance(blocks[end - 1], RawPara) and blocks[end - 1].role in ("imprint", "note"):  # type: ignore[union-attr]
        block = blocks[end - 1]
        assert isinstance(block, RawPara)
        _back_mark(front, block, path)
        end -= 1
    end = _plain_imprint(blocks, start, end, front, path)
    if end > start and isinstance(blocks[end - 1], RawPara):
        last = blocks[end - 1]
        assert isinstance(last, RawPara)
        text = last.text.strip()
        if last.role == "date" or (
            not last.role and "date" not in front.fields and (DATE.match(text) or _bare_date(blocks, end - 1, start))
        ):
            _set(front, "date", re.sub(r"\s+", "", text), last, path)
            front.fields["form"] = "notice"  # a date under the body is a notice's
            end -= 1
            if end > start and isinstance(blocks[end - 1], RawPara):
                before = blocks[end - 1]
                assert isinstance(before, RawPara)
                sign = before.text.strip()
                if before.role == "signature" or (
                    not before.role and _short_line(sign, 40) and not any(c in sign for c in _PUNCT)
                ):
                    _set(front, "signature", sign, before, path)
                    end -= 1
    elif end > start and isinstance(blocks[end - 1], RawPara) and blocks[end - 1].role == "signature":  # type: ignore[union-attr]
        sign_block = blocks[end - 1]
        assert isinstance(sign_block, RawPara)
        _set(front, "signature", sign_block.text.strip(), sign_block, path)
        end -= 1
    if "date" not in front.fields and "signature" not in front.fields:
        end = _inner_closing(blocks, start, end, front, path)
    first_attachment = end
    for index in range(end - 1, start - 1, -1):
        block = blocks[index]
        if not isinstance(block, RawPara):
            break
        text = block.text.strip().lstrip("\u3000 ")
        if (block.role == "attachment" and ATTACHMENT.match(text)) or (not block.role and ATTACHMENT.match(text)):
            first_attachment = index
            break
        if not (block.role == "attachment" or (not block.role and re.match(r"^\d+[.．、]", text))):
            break
    count = end - first_attachment
    for index in range(first_attachment, end):
        block = blocks[index]
        assert isinstance(block, RawPara)
        text = block.text.strip().lstrip("\u3000 ")
        match = ATTACHMENT.match(text)
        name = match.group(1) if match else re.sub(r"^\d+[.．、]\s*", "", text)
        label = re.search(r"(\d+)[.．、]\s*$", text[: len(text) - len(name)])
        # The build numbers attachments itself (GB/T 9704 7.3.7: 1. 2. … for several, none for one); a
        # number it would not write again is reported.
        if label and notes is not None and (count == 1 or int(label.group(1)) != index - first_attachment + 1):
            notes.append(Note(block.line, "stripped label", label.group(0).strip()))
        front.positions[("meta", "attachments", len(front.attachments))] = SourcePos(path, block.line, block.column)
        front.attachments.append(name.strip())
    return first_attachment


def _bare_date(blocks: list[RawBlock], index: int, start: int) -> bool:
    """Tell whether a block is a date a copy dropped 年月日 from (``2021521``), under an issuer's name."""
    block, before = blocks[index], blocks[index - 1] if index - 1 > start else None
    if not isinstance(block, RawPara) or not _BARE_DATE.match(block.text.strip()):
        return False
    if not isinstance(before, RawPara) or before.role:
        return False
    name = before.text.strip()
    signs = re.compile(SIGNER_END).search(to_simplified(name))
    return _short_line(name, 40) and not any(c in name for c in _PUNCT) and bool(signs)


def _inner_closing(blocks: list[RawBlock], start: int, end: int, front: Front, path: str) -> int:
    """Take the last 落款 (an issuer's name over a date) above the end: a 版记 or an attached text follows it.

    A notice that issues a plan (印发…方案) signs before the plan; a copied page ends in 主题词 or a
    publishing note. Both lines leave the body; return the body's new end.
    """
    for index in range(end - 2, start, -1):
        sign, date = blocks[index], blocks[index + 1]
        if not (isinstance(sign, RawPara) and isinstance(date, RawPara)) or sign.role or date.role:
            continue
        name, day = sign.text.strip(" \u3000\t"), date.text.strip(" \u3000\t")
        if (
            DATE.match(day)
            and _short_line(name, 40)
            and not any(c in name for c in _PUNCT)
            and (re.compile(SIGNER_END).search(to_simplified(name)) or _POST_NAME.match(to_simplified(name)))
        ):
            _set(front, "signature", name, sign, path)
            _set(front, "date", re.sub(r"\s+", "", day), date, path)
            front.fields["form"] = "notice"
            del blocks[index : index + 2]
            return end - 2
    return _lone_date(blocks, start, end, front, path)


def _lone_date(blocks: list[RawBlock], start: int, end: int, front: Front, path: str) -> int:
    """Take the date a short notice (印发…) ends with before the text it issues, without a 落款 over it.

    Only in a notice (an addressee was read), a few paragraphs into the body: a date line after a
    sentence, the title of what is issued (a short line) under it.
    """
    if "addressee" not in front.fields:
        return end
    for index in range(start + 1, min(end - 1, start + _LONE_DATE_BLOCKS)):
        date, before, after = blocks[index], blocks[index - 1], blocks[index + 1]
        if not all(isinstance(b, RawPara) and not b.role for b in (date, before, after)):
            continue
        assert isinstance(date, RawPara) and isinstance(before, RawPara) and isinstance(after, RawPara)
        day = date.text.strip(" \u3000\t")
        if (
            DATE.match(day)
            and before.text.rstrip().endswith(tuple(_SENTENCE_END))
            and _short_line(after.text.strip(), 40)
            and _titled(after.text.strip())
        ):
            _set(front, "date", re.sub(r"\s+", "", day), date, path)
            front.fields["form"] = "notice"
            del blocks[index]
            return end - 1
    return end


def _plain_imprint(blocks: list[RawBlock], start: int, end: int, front: Front, path: str) -> int:
    """Read the 版记 a plain copy ends with (抄送：…; 某某办公室　2021年3月6日印发) and the 附注 over it.

    Only under a 落款 and a date (the line above the rows, or above the 附注 in brackets, is a date line);
    return the body's new end.
    """
    rows = end
    while rows > start and isinstance(blocks[rows - 1], RawPara) and not blocks[rows - 1].role:  # type: ignore[union-attr]
        text = to_simplified(blocks[rows - 1].text.strip())  # type: ignore[union-attr]
        if not (re.compile(_CC).match(text) or re.compile(_PRINTED).match(text)):
            break
        rows -= 1
    if rows == end:
        return end
    above = rows - 1
    upper = blocks[above]
    note = above > start and isinstance(upper, RawPara) and bool(re.compile(_NOTE_LINE).match(upper.text.strip()))
    dated = blocks[above - 1 if note else above] if above - (1 if note else 0) > start else None
    if not isinstance(dated, RawPara) or not DATE.match(dated.text.strip(" \u3000\t")):
        return end
    for block in blocks[rows:end]:
        assert isinstance(block, RawPara)
        text = block.text.strip()
        printed = re.compile(_PRINTED).match(to_simplified(text))
        if printed:
            _set(front, "printer", text[: printed.end(1)].strip(), block, path)
            _set(front, "print_date", re.sub(r"\s+", "", printed.group(2)), block, path)
        else:
            _back_mark(front, block, path)
    if note:
        block = blocks[above]
        assert isinstance(block, RawPara)
        _set(front, "note", block.text.strip(), block, path)
        return above
    return rows


def _back_mark(front: Front, block: RawPara, path: str) -> None:
    """Read a 附注 or a 版记 row (抄送：…; printer, date 印发) of a notice."""
    text = block.text.strip()
    if block.role == "note":
        _set(front, "note", text, block, path)
        return
    cc = re.match(r"^(抄送|抄\s*送)[:：]\s*(.+)$", to_simplified(text))
    if cc:
        _set(front, "cc", text[cc.start(2) :], block, path)
        return
    printer, _, date = text.partition("\t")
    _set(front, "printer", printer.strip(), block, path)
    if date.strip():
        _set(front, "print_date", re.sub(r"印发$", "", date.strip()), block, path)

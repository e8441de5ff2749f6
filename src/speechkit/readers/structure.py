"""Turn the body of a draft into sections and items: labels read with the numbering grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..i18n import _
from ..model.chars import is_han
from ..model.notice_parts import is_salutation_line
from ..model.numbering import (
    LABEL_BOUNDARY,
    LabelMatch,
    division_at,
    find_labels,
    label_at,
    label_family,
    scheme_from_formats,
)
from ..model.script import to_simplified
from ..model.speech import Block, Enumeration, HeadingScheme, Item, ModelPath, Section, SourcePos, Table
from ..registry import Registry, SectionType
from .raw import Note, RawBlock, RawPara, RawTable

#: Characters that end a run-in title (the layout adds 。 to a title that ends with none of them).
TITLE_END = "。！？；：!?;:…"
CLOSING = re.compile(
    r"(讲话就到这里|就讲这些|讲到这里|就到这里|谢谢大家|谢谢！|谢谢。|请予评议|请予审议|批评指正|以上述职|以上报告|以上汇报)"
)
_CLOSING_TAIL = re.compile(
    r"[，,。]?((?:我的|我)?(?:点评|讲话|发言)?(?:就讲这些|讲到这里|就到这里)[^。！]{0,12}[。！]?(?:谢谢大家[。！!]?)?)$"
)


@dataclass
class Node:
    """A section or an item while the body is read."""

    kind: str
    level: int
    title: str = ""
    title_pos: SourcePos | None = None
    numbered: bool = True
    lead: list[tuple[Block, SourcePos]] = field(default_factory=list)
    paragraphs: list[tuple[str, SourcePos]] = field(default_factory=list)
    closing: list[tuple[Block, SourcePos]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    child_style: str = ""
    child_layout: str = "paragraphs"
    #: The item a section type's line reader made of a line (``SectionType.read_line``): kept as it is.
    claimed: Item | None = None
    alone: bool = False
    section_type: str = ""
    #: The whole paragraph an inline list was read from, to fall back to if the item goes on.
    inline_source: tuple[str, SourcePos] | None = None
    #: The line a run-in item was read from, with its marker: the text it stays if its list has no second item.
    runin_line: tuple[str, str, SourcePos] | None = None


@dataclass
class Body:
    """The body as read: opening, sections, closing, scheme and notes."""

    opening: list[tuple[Block, SourcePos]] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    closing: list[tuple[Block, SourcePos]] = field(default_factory=list)
    scheme: HeadingScheme = field(default_factory=HeadingScheme)


def split_title(rest: str, title_end: int = -1) -> tuple[str, str, bool]:
    """Split the text after a label into run-in title and body; the flag tells whether the title ended."""
    if title_end >= 0:
        cut = title_end
        while cut < len(rest) and rest[cut] in TITLE_END + "，、,":
            cut += 1
        title, body = rest[:cut], rest[cut:]
        ended = cut > title_end or bool(body) or (title_end > 0 and rest[title_end - 1] in TITLE_END)
    else:
        cut = next((i for i, ch in enumerate(rest) if ch in TITLE_END), -1)
        if cut < 0:
            return rest.strip(), "", False
        title, body, ended = rest[: cut + 1], rest[cut + 1 :], True
    if title.endswith("。"):
        title = title[:-1]
    return title.strip(), body.strip(), ended


def strip_labels(title: str) -> tuple[str, str]:
    """Remove labels typed into a title (``（三）（三）加强`` → ``加强``): labels are computed."""
    removed = ""
    label = label_at(title)
    while label is not None and label.end < len(title):
        removed += title[: label.end]
        title = title[label.end :].lstrip(" \u3000")
        label = label_at(title)
    return title, removed


class BodyReader:
    """Read body blocks one by one into a tree of sections and items."""

    def __init__(self, path: str, notes: list[Note], registry: Registry) -> None:
        self.path = path
        #: The section types that claim lines of their own (a branch line ``xx村：…``), in registration order.
        self.line_types = [t for t in registry.sections.values() if t.read_line is not None]
        self.notes = notes
        self.body = Body()
        self.stack: list[Node] = []
        self.formats: list[str] = []
        self.level_formats: dict[int, str] = {}
        #: Label formats most of whose lines are long sentences: numbered paragraphs, not headings.
        self.paragraph_formats: set[str] = set()
        #: Numbered lines that are one whole sentence with no text under them: points of a list, not headings.
        self.list_points: set[int] = set()
        #: ``第一，`` lines standing alone over a paragraph: headings numbered so, not run-in points.
        self.runin_headings: set[int] = set()

    def pos(self, block: RawBlock) -> SourcePos:
        return SourcePos(self.path, block.line, block.column)

    def in_paragraph_list(self, label: LabelMatch, text: str) -> bool:
        """Tell whether a numbered line of a paragraph format is a paragraph: a long sentence, or whole sentences."""
        if label.fmt not in self.paragraph_formats:
            return False
        rest = text[label.end :].strip(" \u3000")
        return _numbered_paragraph(rest) or (bool(rest) and rest[-1] in _SENTENCE_END + "：:")

    def level_of(self, label: LabelMatch, hint: int) -> int:
        """Return the heading level of a label: the format's place in the order they first appear."""
        fmt = label.fmt
        if hint:
            self.formats[hint - 1 :] = [fmt]
            del self.formats[hint:]
            while len(self.formats) < hint:
                self.formats.insert(0, "")
            self.level_formats.setdefault(hint, fmt)
            return hint
        if fmt in self.formats:
            level = self.formats.index(fmt) + 1
            del self.formats[level:]
        else:
            depth = self.container_level() + 1
            del self.formats[depth - 1 :]
            while len(self.formats) < depth - 1:
                self.formats.append("")
            self.formats.append(fmt)
            level = depth
        self.level_formats.setdefault(level, fmt)
        return level

    def container_level(self) -> int:
        """Return the heading level of the innermost open node."""
        return self.stack[-1].level if self.stack else 0

    # -- blocks --------------------------------------------------------------------------------

    def read(self, blocks: list[RawBlock]) -> Body:
        blocks = _markdown_headings(_spaced_labels(blocks, self.notes), self.notes)
        self.paragraph_formats = _paragraph_formats(blocks)
        self.list_points = _list_points(blocks) | _cut_off(blocks) | _piece_titles(blocks)
        self.runin_headings = _runin_headings(blocks)
        self.formats = _ranked_formats(blocks)
        for block in blocks:
            if isinstance(block, RawTable):
                self.table(block)
            elif block.role == "closing":
                self.body.closing.append((block.text, self.pos(block)))
            else:
                self.paragraph(block)
        self.finish()
        return self.body

    def table(self, block: RawTable) -> None:
        table: Table = block.table
        target = self.block_target()
        if target and isinstance(target[-1][0], str) and _is_caption(target[-1][0]):
            caption, _ = target.pop()
            assert isinstance(caption, str)
            table = Table(table.columns, table.rows, caption)
        target.append((table, self.pos(block)))

    def block_target(self) -> list[tuple[Block, SourcePos]]:
        """Return where a table or a paragraph outside any item goes: opening, lead or closing."""
        section = next((n for n in self.stack if n.kind == "section"), None)
        if section is None:
            return self.body.opening
        del self.stack[self.stack.index(section) + 1 :]
        return section.closing if section.children or section.closing else section.lead

    def paragraph(self, block: RawPara) -> None:
        text = block.text.strip(" \u3000\t")
        if block.role == "heading" and not label_at(text):
            self.unnumbered_section(block, text) if block.level <= 1 else self.plain(block, text)
            return
        label = label_at(text)
        numbered = not block.role and block.title_end < 0 and label is not None and label.kind == "heading"
        if (
            numbered
            and label is not None
            and (
                id(block) in self.list_points
                or self.in_paragraph_list(label, text)
                or _holds_next(text, label)
                or _clause_cut(text)
            )
        ):
            self.plain(block, text)
        elif label is not None and (
            label.kind == "heading" or block.role == "heading" or id(block) in self.runin_headings
        ):  # a heading numbered 第一，: standing alone over a paragraph, or marked so by the format
            self.heading(block, text, label)
        elif label is not None:
            self.runin(block, text, label)
        elif not self.claim(block, text):
            self.plain(block, text)

    def unnumbered_section(self, block: RawPara, text: str) -> None:
        self.stack = [Node("section", 1, text, self.pos(block), numbered=False)]
        self.body.sections.append(self.stack[0])

    def heading(self, block: RawPara, text: str, label: LabelMatch) -> None:
        level = self.level_of(label, block.level if block.role == "heading" else 0)
        rest = text[label.end :]
        title_end = block.title_end - label.end if block.title_end >= label.end else -1
        if block.role == "heading":
            title, body, ended = rest.strip(), "", False
        else:
            title, body, ended = split_title(rest, title_end)
        if level == 2 and label.ordinal == 1 and block.role != "heading" and self.inline_section(block, text):
            return
        if level <= 1:
            title = self.clean_title(title, block)
            node = Node("section", 1, title, self.pos(block))
            if len([s for s in self.body.sections if s.numbered and s.title]) + 1 != label.ordinal:
                self.notes.append(Note(block.line, "renumbered", text[: label.end]))
            self.stack = [node]
            self.body.sections.append(node)
            if body:
                self.plain(block, body, glued=True)
            return
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.parent_for("heading", label.ordinal, block)
        title = self.clean_title(title, block)
        node = Node("item", level, title, self.pos(block), alone=not ended)
        self.attach(parent, node, "heading")
        if body:
            self.fill(node, body, block, glued=True)

    def clean_title(self, title: str, block: RawPara) -> str:
        """Strip a second label typed into a title, with a note."""
        clean, removed = strip_labels(title)
        if removed:
            self.notes.append(Note(block.line, "stripped label", removed))
        return clean

    def parent_for(self, style: str, ordinal: int, block: RawPara) -> Node:
        """Return the node whose list a new item joins, opening a section if there is none."""
        if not self.stack:
            node = Node("section", 1, "", self.pos(block), numbered=False)
            self.body.sections.append(node)
            self.stack = [node]
        parent = self.stack[-1]
        if parent.children and parent.child_style != style and parent.kind == "section":
            node = Node("section", 1, "", self.pos(block), numbered=False, section_type=parent.section_type)
            self.body.sections.append(node)
            self.stack = [node]
            return node
        if parent.children and len(parent.children) + 1 != ordinal:
            self.notes.append(
                Note(
                    block.line,
                    "renumbered",
                    _("item {ordinal} follows item {n_children}").format(
                        ordinal=ordinal, n_children=len(parent.children)
                    ),
                )
            )
        return parent

    def attach(self, parent: Node, node: Node, style: str) -> None:
        if parent.inline_source is not None:
            self.undo_inline(parent)
        parent.child_style = style
        parent.children.append(node)
        self.stack.append(node)

    def runin(self, block: RawPara, text: str, label: LabelMatch) -> None:
        # Find the open list this marker continues: its style, one item fewer than the ordinal.
        for depth in range(len(self.stack) - 1, -1, -1):
            node = self.stack[depth]
            if node.child_style == label.style and node.children and _continues(label, len(node.children)):
                if node.child_layout == "inline":
                    continue
                del self.stack[depth + 1 :]
                break
        else:
            if label.ordinal != 1:
                self.notes.append(Note(block.line, "kept as text", _("{text} starts no list").format(text=label.text)))
                self.plain(block, text)
                return
            # A new list: an open run-in item without children of its own does not hold it.
            while (
                len(self.stack) >= 2
                and self.stack[-1].kind == "item"
                and not self.stack[-1].children
                and self.stack[-2].child_style not in ("heading", "none")
            ):
                self.stack.pop()
        if label.ordinal == 1 and self.inline_section(block, text):
            return
        parent = self.parent_for(label.style, label.ordinal, block)
        title, body, ended = split_title(text[label.end :], block.title_end - label.end if block.title_end > 0 else -1)
        title = self.clean_title(title, block)
        node = Node("item", parent.level, title, self.pos(block), alone=not ended)
        node.runin_line = (text, label.text, self.pos(block))
        self.attach(parent, node, label.style)
        if body:
            self.fill(node, body, block)

    def inline_section(self, block: RawPara, text: str) -> bool:
        """Read ``一是A。…二是B。…`` filling a whole paragraph as a section's inline list, if it is one."""
        head, children, style = self.inline_list(text, block)
        if head or not children:
            return False
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "item" and top.alone and not top.paragraphs and not top.children:
            # a title on its own line, its points run on below it: a ``separate`` list's item
            top.children, top.child_style, top.child_layout = children, style, "inline"
            top.inline_source = (text, self.pos(block))
            self.stack[-2].child_layout = "separate"
            return True
        del self.stack[1:]
        section = self.stack[0] if self.stack else None
        if section is None or section.children or section.closing:
            section = Node(
                "section", 1, "", self.pos(block), numbered=False, section_type=section.section_type if section else ""
            )
            self.body.sections.append(section)
            self.stack = [section]
        section.children, section.child_style, section.child_layout = children, style, "inline"
        return True

    def fill(self, node: Node, text: str, block: RawPara, *, glued: bool = False) -> None:
        """Put a paragraph into an item: as its text, and its run-on 一是…二是… as inline children.

        ``glued``: the text ran on after a heading's title on its line, where numbered points are no headings.
        """
        where = self.pos(block)
        head, children, style = self.inline_list(text, block, headings=not glued)
        if node.inline_source is not None:
            self.undo_inline(node)
        if children and not node.children:
            if head:
                node.paragraphs.append((head, where))
            node.children = children
            node.child_style = style
            node.child_layout = "inline"
            node.inline_source = (text, where)
            return
        node.paragraphs.append((text, where))

    def inline_list(self, text: str, block: RawPara, *, headings: bool = True) -> tuple[str, list[Node], str]:
        """Split ``head 一是A。… 二是B。…`` into the head and inline items (two or more, in order).

        Heading labels make a list (``（一）A。…（二）B。…``) only with ``headings``, each at the start or after a
        sentence: ``1.甲；2.乙；`` and ``…责任：1. 甲；2. 乙`` are points of a sentence, kept as its text.
        """
        labels = [
            m
            for m in find_labels(text)
            if m.kind == "runin" or (headings and (m.start == 0 or text[m.start - 1] in _SENTENCE_END_ONLY))
        ]
        # a first marker glued to the words before it (…“三个结合”，一是…, 党支部一要…) opens a list of three or more
        glued = {m.start for m in _glued_firsts(text)} - {m.start for m in labels}
        labels = sorted([*labels, *(m for m in _glued_firsts(text) if m.start in glued)], key=lambda m: m.start)
        best: list[LabelMatch] = []
        for start in range(len(labels)):
            first = labels[start]
            if first.ordinal != 1:
                continue
            run = [first]
            for nxt in labels[start + 1 :]:
                if nxt.fmt != first.fmt:
                    continue
                if _continues(nxt, run[-1].ordinal if first.style != "shouxian" else len(run)):
                    run.append(nxt)
                elif nxt.ordinal == 1:
                    break  # a new list starts: the first marker heads an item whose points follow
            if len(run) >= (3 if first.start in glued else 2) and (first.style != "shouxian" or len(run) <= 4):
                best = run
                break
        if not best:
            return text, [], ""
        head = text[: best[0].start].strip()
        where = self.pos(block)
        items = []
        for index, label in enumerate(best):
            end = best[index + 1].start if index + 1 < len(best) else len(text)
            title, body, _ended = split_title(text[label.end : end])
            node = Node("item", 0, title, where)
            if body:
                node.paragraphs.append((body, where))
            items.append(node)
        return head, items, best[0].style

    def undo_inline(self, node: Node) -> None:
        """Take an inline list back into its paragraph: text that follows it cannot come after it."""
        assert node.inline_source is not None
        text, where = node.inline_source
        node.children, node.child_style, node.child_layout, node.inline_source = [], "", "paragraphs", None
        if node.paragraphs and node.paragraphs[-1][1] == where:
            node.paragraphs.pop()
        node.paragraphs.append((text, where))

    def claim(self, block: RawPara, text: str) -> bool:
        """Let the section types that read lines of their own claim this one; put it in their section if one does."""
        for section_type in self.line_types:
            assert section_type.read_line is not None
            claimed = section_type.read_line(text, block.role)
            if claimed is not None:
                self.claimed_line(block, section_type, claimed)
                return True
        return False

    def claimed_line(self, block: RawPara, section_type: SectionType, claimed: Item) -> None:
        """Add a claimed line to the open section of its type, or to a new one (with the line that leads in)."""
        section = next((n for n in self.stack if n.kind == "section"), None)
        if section is None or section.section_type != section_type.name or section.closing:
            previous = self.last_paragraph_holder()
            node = Node("section", 1, "", self.pos(block), numbered=False, section_type=section_type.name)
            if (
                previous is not None
                and section_type.lead_pattern
                and re.search(section_type.lead_pattern, to_simplified(previous.paragraphs[-1][0]))
            ):
                node.lead.append(previous.paragraphs.pop())
            self.body.sections.append(node)
            section = node
        self.stack = [section]
        section.child_style = "none"
        section.children.append(Node("item", 1, "", self.pos(block), claimed=claimed))

    def last_paragraph_holder(self) -> Node | None:
        node = self.stack[-1] if self.stack else None
        return node if node is not None and node.kind == "item" and node.paragraphs and not node.children else None

    def plain(self, block: RawPara, text: str, *, glued: bool = False) -> None:
        where = self.pos(block)
        if self.stack and self.stack[-1].kind == "item" and self.stack[-1].claimed is None:
            node = self.stack[-1]
            if node.child_layout == "inline" and _is_closing(text):
                self.body.closing.append((text, where))  # closing words after run-on points
                return
            if node.alone and not node.paragraphs and not node.children:
                parent = self.stack[-2]
                parent.child_layout = "separate"
            self.fill(node, text, block, glued=glued)
            return
        section = self.stack[0] if self.stack else None
        if section is None and self.counted_points(block, text):
            return
        if section is not None and not section.children and not section.closing:
            head, children, style = self.inline_list(text, block, headings=not glued)
            if children:
                if head:  # 现将…通知如下。一是…二是…: the lead, then the points
                    section.lead.append((head, where))
                    self.notes.append(Note(block.line, "split", _("{head}… from its 一是…").format(head=head[:12])))
                section.children, section.child_style, section.child_layout = children, style, "inline"
                return
        self.block_target().append((text, where))

    def counted_points(self, block: RawPara, text: str) -> bool:
        """Read ``…再强调四点意见：一要…二要…`` before any heading: as many run-in points as the phrase counts,
        or points a colon announces."""
        head, children, style = self.inline_list(text, block)
        if not _announced(head, children, text):
            return False
        self.block_target().append((head, self.pos(block)))
        self.points_section(block, head, children, style)
        while True:
            last = children[-1]
            rest = last.paragraphs[-1][0] if last.paragraphs else ""
            head, following, style = self.inline_list(rest, block)
            # …三是推进措施有力。他要求…一要…；二要…；三要…: the last point's text holds a list of its own
            if not head or not (len(following) >= 3 or _announced(head, following, rest)):
                return True
            last.paragraphs.pop()
            self.points_section(block, head, following, style).lead.append((head, self.pos(block)))
            children = following

    def points_section(self, block: RawPara, head: str, children: list[Node], style: str) -> Node:
        """Open an untitled section for run-in points split from the text before them."""
        self.notes.append(Note(block.line, "split", _("{head}… from its 一是…").format(head=head[:12])))
        section = Node("section", 1, "", self.pos(block), numbered=False, section_type="")
        section.children, section.child_style, section.child_layout = children, style, "inline"
        self.body.sections.append(section)
        self.stack = [section]
        return section

    def finish(self) -> None:
        """Settle layouts and move closing words at the end of the body into the closing."""
        for section in list(self.body.sections):
            self.lone_runin(section)
        for section in self.body.sections:
            _settle_layout(section)
        if self.body.closing:
            return
        holder = self._last_text_holder()
        if holder is None:
            return
        paragraphs, index = holder
        text, where = paragraphs[index]
        simple = to_simplified(text)
        appeal = simple.startswith(("同志们，", "同志们！")) and len(paragraphs) > 1
        if index == len(paragraphs) - 1 and (
            appeal or (CLOSING.search(simple) and len(text) <= 60 and _starts_closing(simple))
        ):
            paragraphs.pop()
            self.body.closing.append((text, where))
            return
        match = _CLOSING_TAIL.search(simple)
        if match and match.start(1) > 0:
            closing = text[match.start(1) :]
            head = text[: match.start()].rstrip("，,") + "。"
            paragraphs[index] = (head, where)
            self.body.closing.append((closing, where))
            self.notes.append(Note(where.line, "split", f"closing {closing}"))

    def lone_runin(self, node: Node) -> None:
        """Take a ``首先，`` list of one item back into text: a lone 首先 is a word, not a list (with a note).

        The other markers (一是, 一要, 第一，) mark a list even when what follows is cut off.
        """
        for child in node.children:
            self.lone_runin(child)
        if len(node.children) != 1 or node.child_style != "shouxian" or node.child_layout != "paragraphs":
            return
        item = node.children[0]
        if item.runin_line is None or item.children:
            return
        text, marker, where = item.runin_line
        self.notes.append(Note(where.line, "kept as text", _("{text} starts no list").format(text=marker)))
        below = [(p, at) for p, at in item.paragraphs if at != where]
        node.children, node.child_style = [], ""
        if node.kind == "item":
            node.paragraphs += [(text, where), *below]
            return
        node.lead += [(text, where), *below, *node.closing]
        node.closing = []
        if node is self.body.sections[0] and not node.title and not node.numbered:
            self.body.opening += node.lead  # an untitled section made for the list: its text opens the body
            self.body.sections.remove(node)

    def _last_text_holder(self) -> tuple[list[tuple[str, SourcePos]], int] | None:
        if not self.body.sections:
            return None
        node: Node = self.body.sections[-1]
        if node.closing:
            target = node.closing
            if isinstance(target[-1][0], str):
                return target, len(target) - 1  # type: ignore[return-value]
            return None
        while node.children:
            node = node.children[-1]
        if node.claimed is not None or not node.paragraphs:
            return None
        return node.paragraphs, len(node.paragraphs) - 1


#: The longest run-in heading: a first sentence with commas and longer, or with more commas, makes a
#: numbered paragraph.
_HEADING_LONGEST = 30
_HEADING_COMMAS = 3


#: A counting phrase that ends the text before run-in points: ``四点意见：``, ``以下三个方面：``, ``5条要求``.
_COUNTED = re.compile(
    r"(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*"
    r"(?:(?:点|个方面|方面|条|项)[\u4e00-\u9fff]{0,4}[：:]?|个[\u4e00-\u9fff]{1,4}[”\"][：:，,]?)$"
)
_CN_COUNT = {c: n for n, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def _announced(head: str, children: list[Node], text: str) -> bool:
    """Tell whether the text before run-in points announces them: a count that agrees, or a colon and no count."""
    counted = _COUNTED.search(head) if children and head else None
    if counted is None:
        # …提出了具体要求：一要…二要…: a colon announces the points
        return bool(children) and head.rstrip().endswith(("：", ":"))
    # 三项：一是…；二是…；最后，…: a closing 最后 counts as the last point
    last = re.search(r"[；;。]\s*最后[，,]", text[text.rfind(children[-1].title) :])
    return _count_of(counted.group(1)) in (len(children), len(children) + bool(last))


def _glued_firsts(text: str) -> list[LabelMatch]:
    """The first run-in markers (一是, 一要, 第一，, 首先，) that follow a word or a comma, not a sentence end."""
    found = []
    for marker in ("一是", "一要", "第一", "首先"):
        at = text.find(marker, 1)
        while at > 0:
            label = label_at(text, at) if text[at - 1] not in LABEL_BOUNDARY else None
            if label is not None and label.kind == "runin" and label.ordinal == 1 and label.start == at:
                found.append(label)
            at = text.find(marker, at + 1)
    return found


def _count_of(numeral: str) -> int:
    """The number a short count is written with (``四``, ``十二``, ``12``)."""
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 2 and numeral[0] == "十":
        return 10 + _CN_COUNT.get(numeral[1], 0)
    if len(numeral) == 2 and numeral[1] == "十":
        return 10 * _CN_COUNT.get(numeral[0], 0)
    return _CN_COUNT.get(numeral, 0)


def _numbered_paragraph(rest: str) -> bool:
    """Tell a numbered paragraph (一、市内各级国家机关…可以…提出意见。) from a heading: its first sentence runs long."""
    parts = re.split(r"[。！？；!?;]", rest.strip(" \u3000"), maxsplit=1)
    commas = len(re.findall(r"[，,]", parts[0]))
    listing = parts[0].count("、") >= _HEADING_COMMAS and len(parts[0]) > 40  # 包括甲、乙、丙、丁等
    if len(parts) < 2:  # no sentence ends: a heading glued to its text, a heading alone, or a cut-off paragraph
        return commas >= 2 and len(parts[0]) > 2 * _HEADING_LONGEST
    pauses = commas + parts[0].count("、")
    return commas >= _HEADING_COMMAS or (pauses > 0 and len(parts[0]) > _HEADING_LONGEST) or listing


def _clause_cut(text: str) -> bool:
    """Tell whether a numbered line is one clause that goes on (``一、同意设立甲区，``): no sentence ends in it and
    it ends with a pause, where a title ends with none."""
    return text[-1] in "，,、" and not any(c in _SENTENCE_END for c in text)


def _holds_next(text: str, label: LabelMatch) -> bool:
    """Tell whether a numbered line goes on to its next number after a clause (``1.甲；2.乙；3.丙``): a
    sentence listing points, not a heading (a heading's line holds no sibling but after a whole sentence)."""
    return any(
        m.fmt == label.fmt and m.ordinal == label.ordinal + 1 and text[m.start - 1] not in _SENTENCE_END_ONLY
        for m in find_labels(text)[1:]
    )


def _paragraph_formats(blocks: list[RawBlock]) -> set[str]:
    """The label formats at least half of whose lines read as numbered paragraphs (a list of sentences)."""
    long: dict[str, list[bool]] = {}
    for block in blocks:
        if isinstance(block, RawPara) and not block.role and block.title_end < 0:
            text = block.text.strip(" \u3000\t")
            label = label_at(text)
            if label is not None and label.kind == "heading":
                long.setdefault(label.fmt, []).append(_numbered_paragraph(text[label.end :]))
    return {fmt for fmt, flags in long.items() if 2 * sum(flags) >= len(flags)}


#: What ends a sentence: a numbered line ending in one has said all it says.
_SENTENCE_END = "。！？；!?;"
#: What ends a whole sentence, not a clause of it: a heading label after one may start an inline heading.
_SENTENCE_END_ONLY = "。！？!?"


def _numbered_line(block: RawBlock) -> tuple[LabelMatch, str] | None:
    """The heading label and the text after it of a line with no role, or None."""
    if not isinstance(block, RawPara) or block.role or block.title_end >= 0:
        return None
    text = block.text.strip(" \u3000\t")
    label = label_at(text)
    if label is None or label.kind != "heading":
        return None
    return label, text[label.end :].strip(" \u3000")


def _list_points(blocks: list[RawBlock]) -> set[int]:
    """The numbered lines (by ``id``) that are one sentence, ended, with the next line numbered too.

    ``1、遭投诉经查证属实的，不予奖励。`` over ``2、…``: a point of a list with nothing under it, not a
    heading (a heading ends without a mark, or runs on into its text: ``一、提高认识。各地要…``), when
    at least half the lines of its format are such sentences (among headings that run on, it is one).
    In such a list, a point of two sentences with nothing under it (``一、同意撤销甲县，设立乙市。乙市以…。``
    over ``二、…。``) is a point as well: a heading's siblings are headings, a point's are points.
    """
    # a draft whose format marks its headings (a DOCX style) numbers a title alone as an item's title
    marked = any(isinstance(b, RawPara) and b.role and division_at(b.text, units="编章节") is None for b in blocks)
    sentences: dict[str, list[bool]] = {}
    candidates: list[tuple[str, int, bool]] = []
    order: list[str] = []  # the formats in the order they first appear: the later ones are deeper
    last_point: dict[str, int] = {}  # the number of the last point of each format
    for index, block in enumerate(blocks):
        numbered = _numbered_line(block)
        if numbered is None:
            continue
        label, rest = numbered
        family = label_family(label)
        if family not in order:
            order.append(family)
        ended = bool(rest) and rest[-1] in _SENTENCE_END
        one = ended and not any(c in _SENTENCE_END for c in rest[:-1])
        sentences.setdefault(family, []).append(one)
        runin = label_at(rest)
        clause = rest[runin.end :] if runin is not None and runin.kind == "runin" else rest
        after = next((b for b in blocks[index + 1 :] if not isinstance(b, RawPara) or b.text.strip()), None)
        below = _numbered_line(after) if after is not None else None
        # nothing under it: the next line is a sibling or a higher heading, not a point of its own; in a
        # draft that marks its headings, a sentence that pauses (a title alone, 1. 从严管理干部。, is an item's)
        # the last point of a list (四、… after 一、二、三、 points) is a point too, with text under it or not
        if (
            ended
            and (not marked or re.search(r"[，,、]", clause))
            and (
                after is None
                or (below is not None and label_family(below[0]) in order[: order.index(family) + 1])
                or last_point.get(family) == label.ordinal - 1
            )
        ):
            candidates.append((family, id(block), one))
            if one:
                last_point[family] = label.ordinal
    points = {family: sum(one for f, _key, one in candidates if f == family) for family in sentences}
    # a point of one sentence where half its format's lines are sentences; one of more where half are such points
    return {
        key
        for family, key, one in candidates
        if 2 * (sum(sentences[family]) if one else points[family]) >= len(sentences[family])
    }


def _piece_titles(blocks: list[RawBlock]) -> set[int]:
    """The numbered lines (by ``id``) right over a salutation (``一、工作点评材料`` over ``同志们：``): the title
    of a speech in a collection of them, not a heading of its body (a speech's headings follow its salutation)."""
    found: set[int] = set()
    for index, block in enumerate(blocks):
        after = next((b for b in blocks[index + 1 :] if not isinstance(b, RawPara) or b.text.strip()), None)
        if (
            _numbered_line(block) is not None
            and isinstance(after, RawPara)
            and is_salutation_line(to_simplified(after.text))
        ):
            found.add(id(block))
    return found


def _runin_headings(blocks: list[RawBlock]) -> set[int]:
    """The ``第一，`` lines (by ``id``) that stand alone as a title over a paragraph: headings, not points.

    ``第一，要树立更强烈的危机感`` on its line, a paragraph under it: a speech numbers its headings so; a point
    runs on as a sentence (``第一，要…。``) or stands over the next point (``第二，…``), and the last point of
    such a list, over a paragraph, follows a point, not a heading.
    """
    found: set[int] = set()
    last = 0  # the number of the last such heading: 第二， is one only after a 第一， heading
    for index, block in enumerate(blocks):
        if not isinstance(block, RawPara) or block.role or block.title_end >= 0:
            continue
        text = block.text.strip(" \u3000\t")
        label = label_at(text)
        if label is None or label.style != "diyi" or label.ordinal not in (1, last + 1):
            continue
        rest = text[label.end :]
        after = next((b for b in blocks[index + 1 :] if not isinstance(b, RawPara) or b.text.strip()), None)
        if (
            0 < len(rest) <= _HEADING_LONGEST
            and not any(c in TITLE_END + "，," for c in rest)
            and isinstance(after, RawPara)
            and not after.role
            and label_at(after.text) is None
            and any(c in _SENTENCE_END for c in after.text)
        ):
            found.add(id(block))
            last = label.ordinal
    return found


def _cut_off(blocks: list[RawBlock]) -> set[int]:
    """The last line of the body (by ``id``) if the excerpt was cut in it: a numbered line with no sentence
    end whose siblings all say a sentence (``2.科级干部、一`` after ``1.科级领导班子考核内容。主要考核…``).

    A heading of such a list would run on into its text as they do; a title alone there is a line cut short.
    """
    last = next((b for b in reversed(blocks) if not isinstance(b, RawPara) or b.text.strip()), None)
    numbered = _numbered_line(last) if last is not None else None
    if numbered is None or any(c in _SENTENCE_END for c in numbered[1]):
        return set()
    family = label_family(numbered[0])
    siblings = []  # the lines of its family, a title marked bold or styled among them
    for block in blocks:
        text = block.text.strip(" \u3000\t") if isinstance(block, RawPara) and not block.role else ""
        label = label_at(text)
        if label is not None and label.kind == "heading" and label_family(label) == family and block is not last:
            siblings.append(text[label.end :])
    said = [any(c in _SENTENCE_END for c in rest) for rest in siblings]
    return {id(last)} if said and all(said) else set()


#: A Markdown heading left in a text draft: ``## 第一章&emsp;总&emsp;则{align="center"}`` (its ``#`` run, the text,
#: an attribute list and closing ``#`` after it).
_MD_HEADING = re.compile(r"(#{1,6})(?:[ \t\u3000]|&(?:emsp|ensp|nbsp)[;；])+(.+?)(?:[ \t]*\{[^{}]*\})?[ \t#]*")
#: The entities a Markdown heading copied from a repository spaces its words with (the ; made ； by SK201).
_SPACE_ENTITY = re.compile(r"&(?:emsp|ensp|nbsp|thinsp|#12288|#160)[;；]")


def _markdown_headings(blocks: list[RawBlock], notes: list[Note]) -> list[RawBlock]:
    """Read the Markdown headings of a text draft kept in a repository (``## 第二章 污染防治``) as headings.

    The shallowest ``#`` run of the body is level 1; a heading needs a Han character and no sentence in it.
    """
    found: list[tuple[int, int, str]] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, RawPara) or block.role:
            continue
        match = _MD_HEADING.fullmatch(block.text.strip(" \u3000\t"))
        if match is None:
            continue
        title = _SPACE_ENTITY.sub(" ", match.group(2)).strip(" \u3000\t")
        if any(is_han(c) for c in title) and not any(c in _SENTENCE_END for c in title) and len(title) <= 60:
            found.append((index, len(match.group(1)), title))
    if not found:
        return blocks
    top = min(depth for _index, depth, _title in found)
    out = list(blocks)
    for index, depth, title in found:
        block = out[index]
        assert isinstance(block, RawPara)
        notes.append(
            Note(block.line, "fixed", _("Markdown heading {marks} read as a heading").format(marks="#" * depth))
        )
        out[index] = replace(block, text=title, role="heading", level=depth - top + 1)
    return out


#: A numeral, a space for its 、 and a short title with no sentence in it: ``一 调研背景``.
_SPACED_LABEL = re.compile(
    r"([一二三四五六七八九十]{1,3})[ \u3000]+([^ \u3000。！？；，,：:!?;][^。！？；，,：:!?;]{0,29})"
)


def _spaced_labels(blocks: list[RawBlock], notes: list[Note]) -> list[RawBlock]:
    """Read ``一 调研背景`` … ``二 整体概况`` as ``一、`` headings: a space for the 、, on lines numbered in turn.

    One such line alone is a numeral and a word; two or more, numbered 一, 二 … in order, are headings.
    """
    found: list[tuple[int, str]] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, RawPara) or block.role or block.title_end >= 0:
            continue
        spaced = _SPACED_LABEL.fullmatch(block.text.strip(" \u3000\t"))
        label = label_at(f"{spaced.group(1)}、{spaced.group(2)}") if spaced else None
        if spaced and label is not None and label.fmt == "{cn}、" and label.ordinal == len(found) + 1:
            found.append((index, f"{spaced.group(1)}、{spaced.group(2)}"))
    if len(found) < 2:
        return blocks
    out = list(blocks)
    for index, text in found:
        block = out[index]
        assert isinstance(block, RawPara)
        notes.append(
            Note(block.line, "fixed", _("{label} with a space for its 、").format(label=text[: text.index("、")]))
        )
        out[index] = replace(block, text=text)
    return out


def _ranked_formats(blocks: list[RawBlock]) -> list[str]:
    """The heading formats to start from: none, unless the text starts in mid-list under a higher one.

    An excerpt that starts at ``（三）`` and comes to ``三、`` later holds the ``（一）`` level under a
    ``一、`` it cut off: the formats take their standard order (一、 over （一） over 1.), not the order seen.
    """
    lines = [n for n in map(_numbered_line, blocks) if n is not None]
    if not lines or lines[0][0].ordinal == 1:
        return []
    first = lines[0][0]
    seen: dict[str, int] = {}
    for label, _rest in lines:
        seen.setdefault(label.fmt, label.level)
    if not any(level < first.level for level in seen.values()):
        return []
    ranked = sorted(seen.items(), key=lambda pair: pair[1])
    return [fmt for fmt, level in ranked if level <= first.level]


def _continues(label: LabelMatch, count: int) -> bool:
    """Tell whether a marker follows ``count`` items: 二是 after one; 最后 after 首先…其次 or …再次."""
    if label.style == "shouxian" and label.ordinal == 4:
        return count in (2, 3)
    return label.ordinal == count + 1


def _settle_layout(node: Node) -> None:
    """A title standing alone with nothing under it is a ``separate`` list's (a run-in one ends with 。)."""
    for child in node.children:
        if child.alone and not child.paragraphs and not child.children and node.child_layout == "paragraphs":
            node.child_layout = "separate"
        _settle_layout(child)


def _is_closing(text: str) -> bool:
    """Tell whether a paragraph is a speech's closing words (我就讲这些。谢谢大家。)."""
    simple = to_simplified(text)
    return bool(CLOSING.search(simple)) and len(text) <= 60 and _starts_closing(simple)


def _starts_closing(text: str) -> bool:
    return bool(re.match(r"^(我的|我|今天|以上|最后|好|谢谢|讲话|点评|发言|不妥之处|恳请|请)", text))


def _is_caption(text: str) -> bool:
    return len(text) <= 40 and text[-1] not in "。！？；：:"


def to_blocks(
    pairs: list[tuple[Block, SourcePos]], path: ModelPath, source: dict[ModelPath, SourcePos]
) -> tuple[Block, ...]:
    """Return the blocks of a list, recording their positions under ``path``."""
    for index, (_block, where) in enumerate(pairs):
        key: ModelPath = (*path, index)
        source[key] = where
    return tuple(block for block, _where in pairs)


def to_item(node: Node, path: ModelPath, source: dict[ModelPath, SourcePos]) -> Item:
    """Return the model item of a node, recording positions."""
    if node.claimed is not None:  # a line a section type read: every text of it is at that line
        where = node.title_pos or SourcePos("", 0)
        claimed_key: ModelPath = (*path, "title")
        source[path] = source[claimed_key] = where
        for number in range(len(node.claimed.paragraphs)):
            text_key: ModelPath = (*path, "paragraphs", number)
            source[text_key] = where
        return node.claimed
    if node.title and node.title_pos is not None:
        title_key: ModelPath = (*path, "title")
        source[title_key] = node.title_pos
    for index, (_text, where) in enumerate(node.paragraphs):
        paragraph_key: ModelPath = (*path, "paragraphs", index)
        source[paragraph_key] = where
    children = tuple(to_item(child, (*path, "items", i), source) for i, child in enumerate(node.children))
    return Item(
        title=node.title,
        paragraphs=tuple(text for text, _ in node.paragraphs),
        items=children,
        enumeration=Enumeration(node.child_style or "heading", node.child_layout)  # type: ignore[arg-type]
        if children
        else Enumeration("heading"),
    )


def to_section(node: Node, index: int, section_type: str, source: dict[ModelPath, SourcePos]) -> Section:
    """Return the model section of a node, recording positions."""
    path: ModelPath = ("sections", index)
    if node.title_pos is not None:
        source[(*path, "title") if node.title else path] = node.title_pos
    items = tuple(to_item(child, (*path, "items", i), source) for i, child in enumerate(node.children))
    return Section(
        type=section_type,
        title=node.title,
        lead=to_blocks(node.lead, (*path, "lead"), source),
        items=items,
        closing=to_blocks(node.closing, (*path, "closing"), source),
        enumeration=Enumeration(node.child_style or "yishi", node.child_layout),  # type: ignore[arg-type]
        numbered=node.numbered,
    )


def read_body(
    blocks: list[RawBlock], path: str, notes: list[Note], *, registry: Registry
) -> tuple[Body, dict[int, str]]:
    """Read the body blocks (lines claimed by the registry's section types); return the body and the heading
    format of each level seen."""
    reader = BodyReader(path, notes, registry)
    body = reader.read(blocks)
    formats = [reader.level_formats[level] for level in sorted(reader.level_formats)]
    if formats and sorted(reader.level_formats) == list(range(1, len(formats) + 1)):
        body.scheme = scheme_from_formats(formats)
    return body, reader.level_formats

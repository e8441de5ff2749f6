"""Read a Markdown draft with markdown-it-py: headings, bold run-in titles, outline lists and tables."""

from __future__ import annotations

from typing import Any

from ..model.speech import Table
from .raw import Draft, RawPara, RawTable
from .txt import decode


def read_md(data: str | bytes, path: str = "<markdown>") -> Draft:
    """Read Markdown into paragraphs and tables; ``#`` is the title, ``##`` a level-1 heading."""
    from markdown_it import MarkdownIt

    text = decode(data) if isinstance(data, bytes) else data
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    draft = Draft(path)
    role, level, in_list = "", 0, 0
    titled = False  # a second # heading is a section heading, not another title
    rows: list[list[str]] = []
    table_line = 1
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            depth = int(token.tag[1:])
            role, level = ("title", 0) if depth == 1 and not titled else ("heading", max(depth - 1, 1))
            titled = titled or depth == 1
        elif kind == "paragraph_open":
            role, level = ("toc", in_list) if in_list else ("", 0)
        elif kind == "bullet_list_open":
            in_list += 1
        elif kind == "bullet_list_close":
            in_list -= 1
        elif kind == "table_open":
            rows, table_line = [], (token.map[0] + 1 if token.map else 1)
        elif kind == "tr_open":
            rows.append([])
        elif kind in ("th_open", "td_open"):
            role = "cell"
        elif kind == "table_close" and rows:
            draft.blocks.append(RawTable(Table(tuple(rows[0]), tuple(tuple(r) for r in rows[1:])), table_line))
        elif kind == "inline":
            content, title_end = _inline(token)
            if role == "cell":
                rows[-1].append(content)
                continue
            if not content.strip():
                continue
            line = token.map[0] + 1 if token.map else 1
            hint = role
            if not hint and title_end == len(content) and content in ("提纲", "目录"):
                hint = "toc_title"
            draft.blocks.append(RawPara(content, line, 1, hint, level, title_end))
    return draft


def _inline(token: Any) -> tuple[str, int]:
    """Return the text of an inline token and where a leading bold run ends (-1 if it has none)."""
    out: list[str] = []
    title_end = -1
    bold = False
    for child in token.children or ():
        if child.type == "strong_open" and not any(out):
            bold = True
        elif child.type == "strong_close" and bold:
            title_end, bold = sum(len(p) for p in out), False
        elif child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "softbreak":
            out.append("")
    return "".join(out), title_end

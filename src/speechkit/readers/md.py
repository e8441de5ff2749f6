"""Read a Markdown draft from its positioned lines: headings, bold run-in titles, outline lists and tables."""

from __future__ import annotations

from ..model.speech import Table
from .aside import set_page_aside
from .md_lines import MdBlock, MdTable, md_blocks
from .raw import Draft, RawPara, RawTable
from .txt import decode


def read_md(data: str | bytes, path: str = "<markdown>") -> Draft:
    """Read Markdown into paragraphs and tables; ``#`` is the title, ``##`` a level-1 heading."""
    return md_draft(md_blocks(decode(data) if isinstance(data, bytes) else data), path)


def md_draft(blocks: list[MdBlock], path: str) -> Draft:
    """Make the draft of a Markdown file's positioned lines; a copied page's paragraphs are set aside."""
    draft = Draft(path)
    titled = False  # a second # heading is a section heading, not another title
    for block in blocks:
        if isinstance(block, MdTable):
            if block.rows:
                rows = [tuple(cell.text for cell in row) for row in block.rows]
                draft.blocks.append(RawTable(Table(rows[0], tuple(rows[1:])), block.line))
            continue
        if not block.text.strip():
            continue
        if block.block == "heading":
            role, level = ("title", 0) if block.depth == 1 and not titled else ("heading", max(block.depth - 1, 1))
            titled = titled or block.depth == 1
        else:
            role, level = ("toc", block.bullets) if block.bullets else ("", 0)
            if not role and block.title_end == len(block.text) and block.text in ("提纲", "目录"):
                role = "toc_title"
        draft.blocks.append(RawPara(block.text, block.line, 1, role, level, block.title_end))
    return set_page_aside(draft)

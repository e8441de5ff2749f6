"""Set a copied web page's lines aside in a .md or .docx draft, by the classification the text reader uses.

A Markdown or Word draft pasted from a page keeps the page's lines (site headers, counters, sidebar labels,
cut marks, anti-copy junk) as paragraphs of its own. The paragraphs the format gives no role are classified
as a text draft's lines are (:func:`~speechkit.readers.classify.page_lines`, the boilerplate lines, and
:func:`~speechkit.readers.clean.set_aside` for cut marks and junk): what is the page's is set aside with a
note, so that ``import`` leaves it out and ``check`` reports it (SK105) from the same list.
"""

from __future__ import annotations

from dataclasses import replace

from .classify import page_lines
from .clean import SPACES, is_boilerplate, set_aside
from .raw import Draft, Note, RawBlock, RawPara


def set_page_aside(draft: Draft) -> Draft:
    """Return the draft without the page's paragraphs and inline cut marks, each noted as set aside."""
    plain = [block for block in draft.blocks if isinstance(block, RawPara) and not block.role]
    if not plain:
        return draft
    page = {id(plain[position]) for position in page_lines([block.text for block in plain])}
    notes = list(draft.notes)
    blocks: list[RawBlock] = []
    for block in draft.blocks:
        if not isinstance(block, RawPara) or block.role:
            blocks.append(block)
            continue
        whole = block.text.strip(SPACES)
        if id(block) in page:
            notes.append(Note(block.line, "set aside", whole))
            continue
        text, removed = set_aside(block.text)
        notes.extend(Note(block.line, "set aside", cut) for cut in removed if cut)
        kept = text.strip(SPACES)
        if kept and is_boilerplate(kept):
            notes.append(Note(block.line, "set aside", whole))
        elif kept:
            blocks.append(block if text == block.text else replace(block, text=kept, title_end=-1))
    return Draft(draft.path, blocks, notes)

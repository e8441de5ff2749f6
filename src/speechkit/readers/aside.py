"""Set a copied web page's lines aside in a .md or .docx draft, by the classification the text reader uses.

A Markdown or Word draft pasted from a page keeps the page's lines (site headers, counters, sidebar labels,
cut marks, anti-copy junk, marks sprinkled through its words) as paragraphs of its own. The paragraphs the
format gives no role are classified as a text draft's lines are (:func:`~speechkit.readers.classify.page_lines`,
the boilerplate lines, and :func:`~speechkit.readers.clean.set_aside` for cut marks and junk): what is the
page's is set aside with a note, so that ``import`` leaves it out and ``check`` reports it (SK105) from the
same list. The paragraphs kept are mended of mojibake one by one, as the text reader mends its lines, with a
note of what stays garbled.
"""

from __future__ import annotations

from dataclasses import replace

from ..model.repair import mend_mojibake
from .classify import page_lines, sprinkled_marks
from .clean import SPACES, is_boilerplate, set_aside
from .raw import Draft, Note, RawBlock, RawPara


def set_page_aside(draft: Draft) -> Draft:
    """Return the draft without the page's paragraphs and inline cut marks, each noted as set aside."""
    plain = [block for block in draft.blocks if isinstance(block, RawPara) and not block.role]
    if not plain:
        return draft
    page = {id(plain[position]) for position in page_lines([block.text for block in plain])}
    sprinkled = sprinkled_marks([block.text for block in plain])
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
        text, removed = set_aside(block.text, sprinkled)
        notes.extend(Note(block.line, "set aside", cut) for cut in removed if cut)
        kept = text.strip(SPACES)
        if kept and is_boilerplate(kept):
            notes.append(Note(block.line, "set aside", whole))
        elif kept:
            # mended paragraph by paragraph, as check reads them (SK209) and the text reader mends its lines
            kept, mended, garbled = mend_mojibake(kept)
            notes.extend(
                [
                    *(Note(block.line, "fixed", m) for m in mended),
                    *(Note(block.line, "kept as text", g) for g in garbled),
                ]
            )
            blocks.append(block if text == block.text and not mended else replace(block, text=kept, title_end=-1))
    return Draft(draft.path, blocks, notes)

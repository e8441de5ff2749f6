"""Property children in schema order, placed by python-docx's own element classes.

Word and WPS refuse or repair parts whose property children are out of the schema's sequence
(``w:ind`` after ``w:jc``); LibreOffice forgives it. python-docx's ``CT_PPr`` and ``CT_RPr`` know the
sequence of ``w:pPr`` and ``w:rPr``: each child they model is placed by its ``_insert_*`` method, which
puts it before the first child the schema orders after it. The few children they do not model
(``w:snapToGrid``, ``w:autoSpaceDE``, ``w:kern``, ``w:lang`` …) stay in the order they are given.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"


def ordered(parent: str, *children: str) -> str:
    """Return the XML of ``children`` (each one element, or empty) in the schema order of ``w:{parent}``."""
    return sort_children(parent, "".join(children))


@lru_cache(maxsize=4096)
def sort_children(parent: str, xml: str) -> str:
    """Return sibling elements given as one XML text in the schema order of ``w:{parent}``.

    The elements python-docx's class of ``w:{parent}`` does not model keep the order given, and every
    element it models is put in its place among them. Answers are kept for the process: documents
    repeat the same few property sets.
    """
    if not xml:
        return ""
    from docx.oxml.parser import OxmlElement, parse_xml

    given = parse_xml(f'<w:{parent} xmlns:w="{W_NS}">{xml}</w:{parent}>')
    placed = OxmlElement(f"w:{parent}")
    modelled: list[tuple[Callable[[etree._Element], object], etree._Element]] = []
    for child in list(given):
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith(_W):
            raise ValueError(f"<w:{parent}> has no child {etree_text(child)[:40]!r}")
        insert = getattr(placed, f"_insert_{tag[len(_W) :]}", None)
        if insert is None:
            placed.append(child)
        else:
            modelled.append((insert, child))
    for insert, child in modelled:
        insert(child)
    return _inner(parent, placed)


def _inner(parent: str, element: etree._Element) -> str:
    """Return the XML of ``element``'s children as lxml writes them, without the ``w`` namespace declaration."""
    from lxml import etree

    text = etree.tostring(element, encoding="unicode")
    start = text.index(">") + 1
    return text[start : -len(f"</w:{parent}>")] if not text.endswith("/>") else ""


def etree_text(element: etree._Element) -> str:
    """Return an element as lxml writes it."""
    from lxml import etree

    return etree.tostring(element, encoding="unicode")

"""Turn text into WordprocessingML run content: escaping and the control-character policy.

Policy: a tab becomes ``<w:tab/>``; a line feed, a carriage return (alone or before a line
feed) and a vertical tab (Word's manual line break) become ``<w:br/>``; every other character
XML 1.0 cannot hold (other C0 controls, U+FFFE, U+FFFF, lone surrogates) is refused with a
RenderError that names it. Everything else is kept as it is.
"""

from __future__ import annotations

import re
from functools import cache

from ..i18n import _
from ..model.errors import RenderError

# The classes beyond Latin-1 are kept apart from the others: ``re`` builds a class that mixes them as
# a table of the whole BMP (about 0.6 ms at each start), a class of Latin-1 alone as a small bitmap.
#: Characters that need more than plain copying: controls and markup, or what XML 1.0 cannot hold.
_CONTROL_OR_MARKUP = re.compile("[\x00-\x1f&<>]")
_NON_XML = "[\ud800-\udfff\ufffe\uffff]"
#: Characters that split a text into several ``w:t`` elements.
_BREAKS = re.compile("(\r\n|[\t\n\r\x0b])")
#: Controls a DOCX cannot hold (with ``_NON_XML``).
_ILLEGAL_CONTROL = re.compile("[\x00-\x08\x0c\x0e-\x1f]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


@cache
def _non_xml() -> re.Pattern[str]:
    """Compile ``_NON_XML`` on first use."""
    return re.compile(_NON_XML)


def _search_non_xml(text: str) -> re.Match[str] | None:
    """Return the first character of ``text`` that ``_NON_XML`` matches, or None."""
    return _non_xml().search(text)


def check_text(text: str) -> None:
    """Raise RenderError if ``text`` holds a character a DOCX cannot carry."""
    found = [m.start() for m in (_ILLEGAL_CONTROL.search(text), _search_non_xml(text)) if m is not None]
    if found:
        at = min(found)
        raise RenderError(
            _(
                "text contains the control character U+{code:04X}, which a DOCX cannot hold: remove it from {excerpt!r}"
            ).format(code=ord(text[at]), excerpt=_excerpt(text, at))
        )


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` for XML character data."""
    return text.translate(_ESCAPES)


def escape_attr(text: str) -> str:
    """Escape a value for a double-quoted XML attribute."""
    return text.translate(_ATTR_ESCAPES)


def run_content(text: str) -> str:
    """Return the inside of a ``w:r`` for ``text``: ``w:t`` elements, tabs and breaks."""
    if not _CONTROL_OR_MARKUP.search(text) and not _search_non_xml(text):
        return f'<w:t xml:space="preserve">{text}</w:t>'
    check_text(text)
    parts: list[str] = []
    for piece in _BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n", "\x0b"):
            parts.append("<w:br/>")
        else:
            parts.append(f'<w:t xml:space="preserve">{piece.translate(_ESCAPES)}</w:t>')
    return "".join(parts)


def plain_text(text: str) -> str:
    """Return ``text`` as python-docx reads it back after rendering (line breaks as ``\\n``)."""
    check_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")


def _excerpt(text: str, index: int) -> str:
    start = max(0, index - 10)
    return text[start : index + 10]

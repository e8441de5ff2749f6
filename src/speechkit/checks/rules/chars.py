"""Character classes and quick tests shared by the rules (the classes are the model's, which the readers share).

Lists of literal words are searched with ``str.find``, not as one alternation that ``re`` must build.
"""

from __future__ import annotations

from ...model.chars import FULL_PUNCT as FULL_PUNCT
from ...model.chars import HAN as HAN
from ...model.chars import is_cjk as is_cjk
from ...model.chars import is_han as is_han


def holds(text: str, words: tuple[str, ...], start: int = 0, end: int | None = None) -> bool:
    """Return whether one of ``words`` occurs in ``text[start:end]``."""
    end = len(text) if end is None else end
    return any(text.find(word, start, end) >= 0 for word in words)

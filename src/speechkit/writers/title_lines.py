"""Break a long title into balanced lines (trapezoid or diamond), only between words (jieba)."""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

#: Characters of 二号 (22 pt) type on one line of the 156 mm text block (442 pt / 22 pt).
TITLE_CHARS = 20
#: Marks that may not open a line, and marks that may not close one.
_NO_START = "，。、；：？！）》」』”’〕】…—"
_NO_END = "（《「『“‘〔【"
#: Words a line should not end on (a preposition or conjunction waiting for its object).
_WEAK_ENDS = frozenset({"关于", "对于", "对", "在", "和", "与", "及", "以及", "并", "为", "把", "将"})
#: Words a line should not start with (a particle that belongs to the word before).
_WEAK_STARTS = frozenset({"的", "之", "和", "与", "及"})


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """Return a jieba tokenizer built from its dictionary, without writing jieba's cache file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

    import logging

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    return tokenizer


def words(text: str) -> list[str]:
    """Return the words of ``text`` as jieba segments them (dictionary only, no HMM guesses)."""
    return [word for word in _tokenizer().lcut(text, HMM=False) if word]


def shape(lengths: Sequence[int]) -> str:
    """Name the outline of line lengths: ``trapezoid`` (growing), ``inverted`` (shrinking), ``diamond``, ``other``."""
    pairs = list(itertools.pairwise(lengths))
    if all(a <= b for a, b in pairs):
        return "trapezoid"
    if all(a >= b for a, b in pairs):
        return "inverted"
    top = lengths.index(max(lengths))
    if all(a <= b for a, b in pairs[:top]) and all(a >= b for a, b in pairs[top:]):
        return "diamond"
    return "other"


def title_lines(title: str, width: int = TITLE_CHARS) -> list[str]:
    """Return the lines of ``title``: one if it fits ``width``, else balanced lines broken between words.

    Among the ways of breaking at word boundaries into the fewest lines of at most ``width``
    characters, prefer trapezoid, inverted trapezoid or diamond outlines, then the smallest
    difference between the longest and shortest line, then breaks that leave no preposition at a
    line end and no particle at a line start.
    """
    title = title.strip()
    if len(title) <= width:
        return [title]
    tokens = words(title)
    cuts = list(itertools.accumulate(len(token) for token in tokens))[:-1]
    allowed = [index for index, cut in enumerate(cuts) if title[cut] not in _NO_START and title[cut - 1] not in _NO_END]
    count = math.ceil(len(title) / width)
    while count <= len(allowed) + 1:
        best = _best_split(title, tokens, cuts, allowed, count, width)
        if best is not None:
            return best
        count += 1
    return [title[i : i + width] for i in range(0, len(title), width)]


def _best_split(
    title: str, tokens: list[str], cuts: list[int], allowed: list[int], count: int, width: int
) -> list[str] | None:
    """Return the best split of ``title`` into ``count`` lines at the allowed word boundaries."""
    best: tuple[tuple[int, int, int], list[str]] | None = None
    for chosen in itertools.combinations(allowed, count - 1):
        bounds = [0, *(cuts[i] for i in chosen), len(title)]
        lines = [title[a:b] for a, b in itertools.pairwise(bounds)]
        lengths = [len(line) for line in lines]
        if max(lengths) > width:
            continue
        weak = sum(tokens[i] in _WEAK_ENDS or tokens[i + 1] in _WEAK_STARTS for i in chosen)
        score = (shape(lengths) == "other", max(lengths) - min(lengths) + 2 * weak, -lengths[-1])
        if best is None or score < best[0]:
            best = (score, lines)
    return None if best is None else best[1]

"""SK205: Simplified and Traditional characters mixed in one document (classified with OpenCC)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ...i18n import _
from ...model.script import converter
from ...package_data import read_text
from ..finding import Hit
from ..text import Doc


@cache
def shared_chars() -> frozenset[str]:
    """Return the characters both scripts write (``占``, ``于``): OpenCC keeps them in Simplified and lists
    them as their own Traditional form (``data/shared_chars.txt``, made by ``tools/shared_chars.py``)."""
    text = read_text(__package__, "data/shared_chars.txt")
    return frozenset("".join(line.strip() for line in text.splitlines() if not line.startswith("#")))


def classify(text: str) -> tuple[list[int], list[int]]:
    """Return the offsets of Traditional-only and of Simplified-only characters in ``text``; characters both
    scripts write are neither."""
    try:
        simple = converter("t2s").convert(text)
        # Simplified-only: every Traditional standard changes it (着 stays in s2t and s2hk, so it is shared).
        variants = [converter(config).convert(text) for config in ("s2t", "s2tw", "s2hk")]
    except (UnicodeError, RuntimeError, ValueError):
        return [], []
    if len(simple) != len(text) or any(len(v) != len(text) for v in variants):
        return [], []
    trad = [i for i, (a, b) in enumerate(zip(text, simple, strict=True)) if a != b]
    s2t, s2tw, s2hk = variants
    shared = shared_chars()
    simp = [
        i
        for i, (a, s, x, y, z) in enumerate(zip(text, simple, s2t, s2tw, s2hk, strict=True))
        if a == s and a != x and a != y and a != z and a not in shared
    ]
    return trad, simp


def has_traditional(text: str) -> bool:
    """Tell whether ``text`` may hold Traditional-only characters; needs only the cheap t2s converter."""
    try:
        simple = converter("t2s").convert(text)
    except (UnicodeError, RuntimeError, ValueError):
        return False
    return len(simple) == len(text) and simple != text


def check(doc: Doc) -> Iterator[Hit]:
    """Yield, for each unit holding the minority script, a hit at its first such character."""
    # A document without Traditional characters has no minority to report: the s2tw converter
    # (about 0.2 s to create) is then never built.
    if not any(has_traditional(doc.units[index].text) for index in doc.textual()):
        return
    found = [(index, *classify(doc.units[index].text)) for index in doc.textual()]
    trad_total = sum(len(t) for _, t, _ in found)
    simp_total = sum(len(s) for _, _, s in found)
    if not trad_total or not simp_total:
        return
    minority_is_trad = trad_total <= simp_total
    name, other = (_("Traditional"), _("Simplified")) if minority_is_trad else (_("Simplified"), _("Traditional"))
    total = trad_total if minority_is_trad else simp_total
    for index, trad, simp in found:
        offsets = trad if minority_is_trad else simp
        if not offsets:
            continue
        text = doc.units[index].text
        chars = "".join(dict.fromkeys(text[i] for i in offsets))
        yield Hit(
            index,
            offsets[0],
            offsets[0] + 1,
            "SK205",
            _("{name} {chars!r} in a {other} document ({total} such characters in all)").format(
                name=name, chars=chars[:8], other=other, total=total
            ),
        )

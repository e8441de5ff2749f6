"""The repair stage of reading a draft: pinyin remnants, mojibake, full-width digits, document-number brackets,
half-width marks in Chinese text.

Each repair is certain or not made; the check rules report from the same functions (SK204, SK209, SK304,
SK301, SK201), so ``import`` and ``check`` never disagree about what is broken. Each ``mend_*`` returns the
text and the changes, ``CODE before → after``, that the reader notes as ``fixed``.
"""

from __future__ import annotations

import re
from functools import cache

from ..i18n import _
from .chars import is_cjk, is_han
from .mojibake import Garble, find_garbles, span_mask

FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: A bracketed syllable, ``(zhèn)`` or ``（zhen4）``; :func:`pinyin_spans` keeps those after a Han character.
_BRACKETED = f"[（(]([a-zü{_TONED}]{{1,6}}[1-5]?)[）)]"
_VISIBLE = re.compile("[^ ]")
#: How many Han characters a pinyin note shows on each side of the remnant (``正式會(huì)員 → 正式會員``).
_CONTEXT = 3


@cache
def _bracketed() -> re.Pattern[str]:
    return re.compile(_BRACKETED, re.IGNORECASE)


def pinyin_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``(zhèn)``-style pinyin after a Han character (U+4E00–U+9FFF)."""
    # The Han character before is tested here, not in a lookbehind: a class of 20,992 code points,
    # case-folded, costs ``re`` about 4 ms to build. A bracketed syllable holds no bracket, so no
    # match skipped here can hide another one.
    return [
        m.span()
        for m in _bracketed().finditer(text)
        if m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff" and is_pinyin(m.group(1))
    ]


def is_pinyin(token: str) -> bool:
    """Return whether a bracketed token is a pinyin syllable: a tone mark or a tone number."""
    return any(ch in _TONED for ch in token.lower()) or token[-1] in "12345"


def _drop(text: str, spans: list[tuple[int, int]]) -> str:
    """Return ``text`` without ``spans`` (sorted, not overlapping)."""
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        last = end
    return "".join(out) + text[last:]


def mend_pinyin(text: str) -> tuple[str, list[str]]:
    """Remove the pinyin remnants; a change shows the words around each one (``SK204 正式會(huì)員 → 正式會員``)."""
    spans = pinyin_spans(text)
    if not spans:
        return text, []
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        before = start
        while before > 0 and start - before < _CONTEXT and is_han(text[before - 1]):
            before -= 1
        after = end
        while after < len(text) and after - end < _CONTEXT and is_han(text[after]):
            after += 1
        if windows and before <= windows[-1][1]:
            windows[-1] = (windows[-1][0], after)
        else:
            windows.append((before, after))
    changes = []
    for before, after in windows:
        inside = [(s - before, e - before) for s, e in spans if before <= s and e <= after]
        changes.append(f"SK204 {text[before:after]} → {_drop(text[before:after], inside)}")
    return _drop(text, spans), changes


def garbles(text: str) -> list[Garble]:
    """Return the mis-decoded stretches of ``text`` (SK209's findings, the reader's repairs), in order.

    Pinyin remnants are read through (``學(xué)?站`` is ``學?站``), as the reader removes them first.
    """
    spans = pinyin_spans(text)
    if not spans:
        return find_garbles(text)
    kept: list[int] = []
    last = 0
    for start, end in [*spans, (len(text), len(text))]:
        kept.extend(range(last, start))
        last = end
    return [Garble(kept[g.start], kept[g.end - 1] + 1, g.repair) for g in find_garbles(_drop(text, spans))]


def garbled_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` that look mis-decoded, repairable or not (merged, in order)."""
    return [(g.start, g.end) for g in garbles(text)]


def mend_mojibake(text: str) -> tuple[str, list[str], list[str]]:
    """Repair the mojibake a round trip restores; return the text, the changes and the stretches left garbled."""
    found = garbles(text)
    if not found:
        return text, [], []
    changes, kept, out, last = [], [], [], 0
    for garble in found:
        old = text[garble.start : garble.end]
        if garble.repair is None:
            kept.append("SK209 " + _("garbled text {text!r}; restore it from the source").format(text=old))
            continue
        out += [text[last : garble.start], garble.repair]
        last = garble.end
        changes.append(f"SK209 {old} → {garble.repair}")
    return "".join(out) + text[last:], changes, kept


#: How much of each line :func:`joins_garble` reads on either side of a line break.
_JOIN_WINDOW = 200


def joins_garble(first: str, second: str) -> bool:
    """Return whether joining two mended lines makes a repair of its own (a character cut by the line break).

    The text reader keeps such lines apart: it repairs no more than SK209 offers, which reads line by line.
    """
    return any(g.repair is not None for g in garbles(first[-_JOIN_WINDOW:] + second[:_JOIN_WINDOW]))


#: Where a URL starts: the scheme starts only where a word starts and is at most 32 characters, so a
#: long run of letters is scanned once (the unbounded ``[a-z][a-z0-9+.-]*://`` backtracked quadratically).
_URL_START = r"(?i:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}://|www\.|mailto:)"


@cache
def _url_start() -> re.Pattern[str]:
    return re.compile(_URL_START)


def ends_url(char: str) -> bool:
    """Return whether ``char`` ends a URL: a space, CJK punctuation, a Han or a full-width character."""
    return (
        char.isspace() or "\u3000" <= char <= "\u303f" or "\u4e00" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
    )


_NON_SPACE_RUN = re.compile(r"\S*")
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")


def _url_end(text: str, start: int) -> int:
    """Return where a URL whose tail starts at ``start`` ends (the first character :func:`ends_url`)."""
    run = _NON_SPACE_RUN.match(text, start)
    stop = run.end() if run else start
    at = start
    # Only a character beyond Latin-1 can end the URL inside a run of non-spaces: jump from one to the next.
    while (char := _BEYOND_LATIN1.search(text, at, stop)) is not None:
        if ends_url(char.group()):
            return char.start()
        at = char.end()
    return stop


def url_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the URLs in ``text``: a scheme, ``www.`` or ``mailto:`` up to the first space,
    CJK character or full-width character."""
    if ":" not in text and "." not in text:
        return []
    spans = []
    pos = 0
    while match := _url_start().search(text, pos):
        end = _url_end(text, match.end())
        spans.append((match.start(), end))
        pos = end
    return spans


def halfwidth_spans(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, char) for each half-width mark to replace; ``end`` takes trailing spaces."""
    if not any(char in text for char in FULLWIDTH):
        return []  # nothing to replace: no need to look for pinyin, URLs or garbled text
    skip = span_mask(len(text), [*pinyin_spans(text), *url_spans(text), *garbled_spans(text)])
    flagged: dict[int, bool] = {}
    for i, char in enumerate(text):
        if char not in FULLWIDTH or skip[i]:
            continue
        before = text[i - 1] if i else ""
        after = _next_visible(text, i + 1)
        if char in ",:." and before.isdigit() and after.isdigit() and before.isascii() and after.isascii():
            continue
        if char == ".":
            # A full stop ends a Chinese sentence: after a Han character, before the end, a space or more
            # Chinese. ``1.`` (a label), ``...`` and ``v1.2`` are not sentence ends.
            nxt = text[i + 1 : i + 2]
            flagged[i] = is_han(before) and nxt != "." and (not after or nxt.isspace() or is_cjk(after))
            continue
        flagged[i] = is_cjk(before) or is_cjk(after)
    for open_at, close_at in _paren_pairs(text):
        if flagged.get(open_at) or flagged.get(close_at):
            flagged[open_at] = flagged[close_at] = True
    out = []
    for i in sorted(k for k, v in flagged.items() if v):
        visible = _VISIBLE.search(text, i + 1)
        end = visible.start() if visible and is_cjk(visible.group(0)) else i + 1
        out.append((i, end, text[i]))
    return out


def _next_visible(text: str, start: int) -> str:
    """Return the first character other than a space at or after ``start`` ("" at the end)."""
    visible = _VISIBLE.search(text, start)
    return visible.group(0) if visible else ""


def _paren_pairs(text: str) -> list[tuple[int, int]]:
    stack: list[int] = []
    pairs = []
    for i, char in enumerate(text):
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


HALF_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


@cache
def fullwidth_digits() -> re.Pattern[str]:
    """Full-width digits, with a decimal point (compiled on first use)."""
    return re.compile("[０-９]+(?:[．.][０-９]+)?")


def mend_fullwidth_digits(text: str) -> tuple[str, list[str]]:
    """Write full-width digits as ASCII digits; return the text and the changes (``SK304 ２０２４ → 2024``).

    The one repair of SK304's findings the text reader makes, so ``import`` and ``check`` name the same digits.
    """
    changes = [f"SK304 {m.group()} → {m.group().translate(HALF_DIGITS)}" for m in fullwidth_digits().finditer(text)]
    if not changes:
        return text, []
    return fullwidth_digits().sub(lambda m: m.group().translate(HALF_DIGITS), text), changes


@cache
def doc_number() -> re.Pattern[str]:
    """A document number (compiled on first use)."""
    return re.compile(
        "(?P<prefix>[\u4e00-\u9fff]{1,10})(?P<open>[〔\\[【(（［〖｛{„])(?P<year>(?:19|20)\\d{2})"
        "(?P<close>[〕\\]】)）］〗｝}‟]?)(?P<di>第?)(?P<num>\\d{0,5})(?P<hao>[号號]?)"
    )


#: Last characters of an issuing body's code (机关代字) before the year.
_CODE_ENDINGS = set("发發字函办辦文令电電报報复復批示呈通告议議纪紀委组組宣政")


#: The faults a mend of a document number may set right: the brackets, a closing bracket lost between the year
#: and the serial (``〔201746``), a 号 lost at the end of the number (``[2018]12``), a 第 before the serial.
_MENDABLE = frozenset(
    {"put the year in 〔〕", "the year's closing bracket is missing", "号 is missing", "no 第 before the number"}
)


def _mendable(match: re.Match[str], text: str) -> bool:
    """Tell whether a document number's faults are all certain to mend: its brackets, and, for a body's code
    (党办发), a lost closing bracket or 号 where the number ends (no digit, letter or Han character follows)."""
    problems = doc_number_problems(match)
    if not problems or not match.group("num") or match.group("num").startswith("0"):
        return False
    if problems == [_("put the year in 〔〕")]:
        return True
    after = text[match.end() : match.end() + 1]
    ends = not after or not (after.isalnum() or is_han(after))
    coded = match.group("prefix")[-1] in _CODE_ENDINGS
    return coded and ends and set(problems) <= {_(p) for p in _MENDABLE}


def mend_doc_numbers(text: str) -> tuple[str, list[str]]:
    """Write each document number's year in 〔〕 where its faults are certain; return the text and the mends.

    The one repair of SK301's findings the text reader makes (``国办发„2009‟3号``, ``沈政令[1997]29号``, a body's
    code with a serial glued to the year or without its 号: ``党办发[201812`` → ``党办发〔2018〕12号``);
    a number with other faults (no serial, 第, leading zeros) stays as written, for SK301 to report.
    """
    mends: list[str] = []
    out: list[str] = []
    kept = 0
    for match in doc_number().finditer(text):
        if not _mendable(match, text):
            continue
        hao = match.group("hao") or "号"
        mended = f"{match.group('prefix')}〔{match.group('year')}〕{match.group('num')}{hao}"
        out += [text[kept : match.start()], mended]
        kept = match.end()
        mends.append(f"SK301 {match.group(0)} → {mended}")
    return ("".join(out) + text[kept:], mends) if mends else (text, [])


def doc_number_problems(match: re.Match[str]) -> list[str]:
    """Return what is wrong with a :func:`doc_number` match (SK301's messages; empty: nothing, or no number)."""
    opening, close, num = match.group("open"), match.group("close"), match.group("num")
    coded = match.group("prefix")[-1] in _CODE_ENDINGS
    if not coded and not (num and match.group("hao")):
        return []
    if opening in "(（" and not (coded and num):
        return []
    problems = []
    if opening != "〔" or close not in ("", "〕"):
        problems.append(_("put the year in 〔〕"))
    if not close:
        problems.append(_("the year's closing bracket is missing"))
    if match.group("di"):
        problems.append(_("no 第 before the number"))
    if not num:
        problems.append(_("the serial number is missing"))
    elif num.startswith("0"):
        problems.append(_("no leading zeros in the serial number"))
    if num and not match.group("hao"):
        problems.append(_("号 is missing"))
    return problems

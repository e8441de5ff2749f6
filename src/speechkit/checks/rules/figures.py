"""SK104: figures that disagree — a share that is not count ÷ total, parts that do not add up to their
total, shares of one breakdown that do not add up to 100%."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from ...i18n import _
from ..finding import Hit
from ..text import Doc
from .chars import holds

_UNIT = "名|人|个|家|户|所|项|件|村|次|台|套|元|座|处|条|篇|份|场|批|辆|亩|吨|支|位"
#: A count: a number and its unit.
_COUNT = re.compile(f"(?<![\\d.])(?P<num>\\d+(?:\\.\\d+)?)(?P<mult>万|亿)?(?P<unit>{_UNIT})")
#: What may follow a count to give its share: ``，占19.2%``, ``（占比19.2%）``, ``，占总数的19.2%``.
_SHARE = (
    r"\s*[，,（(]?\s*占(?P<base>[^，。；;%％\d（）()]{0,12}的)?(?:比(?:例)?)?(?:为|达)?"
    r"\s*(?P<share>\d+(?:\.\d+)?)\s*[%％]"
)
#: A share of some other base (the whole county, last year) cannot be checked against this paragraph.
_OTHER_BASE = "全[国省市县区州盟旗镇乡]|同期|上年|去年|全年|总人口|GDP|生产总值"
_BREAKDOWN = ("其中", "分别为", "包括")
_TOTAL_BEFORE = "(?:共有|共计|总计|合计|总数|总量|现有|累计|全[镇县市区乡省村校所]|共)[^，。；、\\d]{0,8}$"
_TOTAL_AFTER = "[，,]?\\s*(?:其中|中[，,])"
_BREAKDOWN_START = ("其中", "分别占")
#: A share in a breakdown: ``占30.2%`` or the next of a list ``分别占30.2%、50.0%``.
_BREAKDOWN_SHARE = r"(?:占(?:比)?(?:为)?|(?<=[%％])、)\s*(?P<share>\d+(?:\.\d+)?)\s*[%％]"
_MULT = {"": 1, "万": 10_000, "亿": 100_000_000}
#: Paragraphs before a share where its total may stand, counts kept from each, and the paragraph length
#: beyond which counts are read only when a share or a breakdown is there.
_EARLIER, _KEEP, _LONG = 5, 20, 2000
#: How far a total may stand before its share, and how long a breakdown runs (keeps long lines linear).
_REACH = 300
_PARTITION = ("男", "女", "以下", "以上", "及以上", "及以下", "其他", "其余", "其它", "岁", "预备", "正式")


class Count(NamedTuple):
    """A number with its unit in a paragraph, and the share stated after it, if any."""

    start: int
    end: int
    value: float
    unit: str
    text: str
    share: str | None = None
    share_end: int = 0
    base: str = ""
    #: Stated as a total: after 共有/合计/全镇…, or followed by 其中.
    total_like: bool = False


def counts(text: str) -> list[Count]:
    """Return every count in ``text`` with the share that follows it."""
    found: list[Count] = []
    for match in _COUNT.finditer(text):
        value = float(match.group("num")) * _MULT[match.group("mult") or ""]
        share = re.compile(_SHARE).match(text, match.end())
        found.append(
            Count(
                match.start(),
                match.end(),
                value,
                match.group("unit"),
                match.group(),
                share.group("share") if share else None,
                share.end() if share else match.end(),
                (share.group("base") or "") if share else "",
                _is_total(text, match.start(), match.end()),
            )
        )
    return found


def _is_total(text: str, start: int, end: int) -> bool:
    """Return whether the count at ``start..end`` is stated as a total (共有党员…名, 全镇党员…名，其中)."""
    if re.compile(_TOTAL_AFTER).match(text, end):
        return True
    window = text[max(0, start - 14) : start]
    before = re.compile(_TOTAL_BEFORE).search(window)
    return before is not None and not holds(before.group(), _PARTITION)  # 全镇女党员 is a part


def _tolerance(share: str) -> float:
    """One unit in the last stated place (19.2 → 0.1, 19 → 1): rounding and truncation both pass."""
    decimals = len(share.split(".")[1]) if "." in share else 0
    return 10.0**-decimals + 1e-9


def _percent(share: float, decimals: int) -> str:
    return f"{share:.{max(decimals, 1)}f}%"


def check(doc: Doc) -> Iterator[Hit]:
    """Yield hits for shares and breakdowns that disagree with the totals they are stated against."""
    earlier: list[list[Count]] = []  # the counts of the paragraphs just before, for a total stated there
    for index in doc.textual():
        text = doc.units[index].text
        found = counts(text) if len(text) <= _LONG or "%" in text or "％" in text or holds(text, _BREAKDOWN) else []
        if "%" in text or "％" in text or holds(text, _BREAKDOWN):
            previous = [c for unit in earlier for c in unit if c.share is None]
            yield from _shares(index, text, found, previous)
            yield from _sums(index, text, found)
        earlier = [*earlier[-(_EARLIER - 1) :], found[-_KEEP:]]


def _near(found: list[Count], starts: list[int], low: int, high: int) -> list[Count]:
    """Return the counts that start in ``low..high``."""
    return found[bisect_left(starts, low) : bisect_right(starts, high)]


def _candidates(found: list[Count], starts: list[int], part: Count) -> list[Count]:
    """Return the counts that may be the total of ``part``: same unit, larger, before it, with no share."""
    near = _near(found, starts, part.start - _REACH, part.start)
    return [c for c in near if c.end <= part.start and c.unit == part.unit and c.share is None and c.value > part.value]


def _total_for(text: str, candidates: list[Count], part: Count) -> Count | None:
    """Return the total a share is stated against: the one count stated as a total before it, or the one
    before 其中; None when it cannot tell (a sibling part is no total)."""
    candidates = [c for c in candidates if c.total_like]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    marker = text.rfind("其中", max(0, part.start - _REACH), part.start)
    before = [c for c in candidates if c.end <= marker]
    return before[-1] if marker >= 0 and before else None


def _shares(index: int, text: str, found: list[Count], previous: list[Count]) -> Iterator[Hit]:
    starts = [c.start for c in found]
    for part in found:
        if part.share is None or (part.base and re.compile(_OTHER_BASE).search(part.base)):
            continue
        share = float(part.share)
        candidates = _candidates(found, starts, part)
        if any(abs(part.value / c.value * 100 - share) <= _tolerance(part.share) for c in candidates):
            continue
        if candidates:
            total = _total_for(text, candidates, part)
        else:  # the total may stand in the paragraph before (全镇共有党员24729名。 then the breakdown)
            before = {c.value: c for c in previous if c.unit == part.unit and c.value > part.value and c.total_like}
            if any(abs(part.value / value * 100 - share) <= _tolerance(part.share) for value in before):
                continue
            total = next(iter(before.values())) if len(before) == 1 else None
        if total is None:
            continue
        decimals = len(part.share.split(".")[1]) if "." in part.share else 0
        computed = _percent(part.value / total.value * 100, decimals)
        yield Hit(
            index,
            part.start,
            part.share_end,
            "SK104",
            _("{text} of {text2} is {computed}, not {share}%").format(
                text=part.text, text2=total.text, computed=computed, share=part.share
            ),
        )


def _sums(index: int, text: str, found: list[Count]) -> Iterator[Hit]:
    """Check the shares of each sentence's breakdown, then the parts of each breakdown after 其中."""
    yield from _share_sums(index, text)
    starts = [c.start for c in found]
    for marker in re.finditer("其中", text):
        end = text.find("。", marker.end(), marker.end() + _REACH)
        end = min(len(text), marker.end() + _REACH) if end < 0 else end
        shares = _breakdown_shares(text, marker.start(), end)
        yield from _parts(index, text, _near(found, starts, marker.start() - _REACH, end), marker, end, shares)


def _share_sums(index: int, text: str) -> Iterator[Hit]:
    """Yield a hit for a sentence whose shares make one breakdown (three or more, two complementary ones,
    or the shares after 其中/分别占) that adds up to nearly, but not within rounding of, 100%."""
    start = 0
    for stop in [*(m.start() for m in re.finditer("[。！？]", text)), len(text)]:
        sentence = text[start:stop]
        shares = _breakdown_shares(text, start, stop)
        start = stop + 1
        if len(shares) < 2:
            continue
        if len(shares) == 2 and not (holds(sentence, _BREAKDOWN_START) or _is_partition(sentence)):
            continue
        stated = sum(float(m.group("share")) for m in shares)
        slack = sum(_tolerance(m.group("share")) / 2 for m in shares)
        if 98 <= stated <= 102 and abs(stated - 100) > slack:
            yield Hit(
                index,
                shares[0].start(),
                shares[-1].end(),
                "SK104",
                _("the shares of this breakdown add up to {stated:g}%, not 100%").format(stated=stated),
            )


def _parts(
    index: int, text: str, found: list[Count], marker: re.Match[str], end: int, shares: list[re.Match[str]]
) -> Iterator[Hit]:
    """Yield a hit when the counts of a complete breakdown do not add up to the total before 其中."""
    before = [c for c in found if c.end <= marker.start() and c.share is None]
    if not before or marker.group() != "其中":
        return
    total = before[-1]
    if holds(text, _BREAKDOWN, total.end, marker.start()) or "。" in text[total.end : marker.start()]:
        return
    parts = [c for c in found if marker.end() <= c.start < end and c.unit == total.unit]
    if len(parts) < 2 or any(p.value > total.value for p in parts):
        return
    stated = sum(float(m.group("share")) for m in shares)
    complete = len(shares) == len(parts) and abs(stated - 100) <= 2
    if not complete and not _is_partition(text[marker.end() : end]):
        return
    added = sum(p.value for p in parts)
    if abs(added - total.value) > 1e-6:
        yield Hit(
            index,
            parts[0].start,
            parts[-1].end,
            "SK104",
            _("the parts add up to {added:g}{unit}, not the total {text}").format(
                added=added, unit=total.unit, text=total.text
            ),
        )


def _breakdown_shares(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Return the shares of a breakdown in ``text[start:end]``."""
    return list(re.compile(_BREAKDOWN_SHARE).finditer(text, start, end))


def _is_partition(text: str) -> bool:
    """Return whether a breakdown names complementary groups (男/女, ages, 以下/以上, 其他)."""
    words = {word for word in _PARTITION if word in text}
    return (
        bool(words & {"其他", "其余", "其它"})
        or {"男", "女"} <= words
        or (bool(words & {"以下", "及以下"}) and bool(words & {"以上", "及以上"}))
    )

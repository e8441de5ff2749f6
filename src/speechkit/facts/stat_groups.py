"""Statistics groups: a total broken down by categories, declared once, checked and shared out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..model.errors import FactsError
from .filters import number, pct
from .reading import DataPath

if TYPE_CHECKING:
    from ..builder.build import Builder

_COUNT = {"type": "integer", "minimum": 0, "description": "How many in this category."}
_SHARE = {
    "type": ["number", "string"],
    "description": 'Stated share, checked against the computed one: 24.1 or "24.1%".',
}
_PART = {
    "anyOf": [
        _COUNT,
        {
            "type": "object",
            "properties": {"count": _COUNT, "share": _SHARE},
            "required": ["count"],
            "additionalProperties": False,
        },
    ]
}
_LISTED_PART = {
    "type": "object",
    "properties": {"name": {"type": "string", "minLength": 1}, "count": _COUNT, "share": _SHARE},
    "required": ["name", "count"],
    "additionalProperties": False,
}

GROUP_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A total broken down by categories (年龄、学历、性别…).",
    "properties": {
        "title": {"type": "string", "description": "Caption of its table, e.g. 党员年龄结构."},
        "unit": {"type": "string", "description": "Measure word after each count (default 名)."},
        "total": {
            "anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "minLength": 1}],
            "description": 'Stated total (a number or an expression such as "{{ members }}"); '
            "the parts must sum to it. Without it the total is their sum.",
        },
        "partial": {"type": "boolean", "description": "true: the parts may sum to less than the total."},
        "digits": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4,
            "description": "Decimals of computed shares (default 1).",
        },
        "columns": {
            "type": "array",
            "minItems": 3,
            "maxItems": 3,
            "items": {"type": "string"},
            "description": "Table header: category, count, share.",
        },
        "parts": {
            "anyOf": [
                {"type": "object", "minProperties": 1, "additionalProperties": _PART},
                {"type": "array", "minItems": 1, "items": _LISTED_PART},
            ],
            "description": "Categories in order: `name: count`, `name: {count, share}` or a list of "
            "{name, count, share}.",
        },
    },
    "required": ["parts"],
    "additionalProperties": False,
}

#: Names the text expressions bind themselves; facts may not use them.
RESERVED_NAMES = ("sections", "items", "section", "facts", "kind", "loop")


def statistics_schema() -> dict[str, Any]:
    """Return the JSON Schema of the top-level ``statistics:`` mapping."""
    return {
        "type": "object",
        "description": "Statistics groups usable in texts ({{ age | breakdown }}) and as tables ({stats: age}).",
        "propertyNames": {"minLength": 1},
        "additionalProperties": GROUP_SCHEMA,
    }


@dataclass(frozen=True)
class Part:
    """One category of a group: its name, count and computed share (``24.1%``)."""

    name: str
    count: int
    share: str


class StatGroup:
    """A checked statistics group as expressions see it: ``age.total``, ``age['女']``, ``age.parts``."""

    def __init__(
        self,
        name: str,
        title: str,
        unit: str,
        total: int,
        parts: tuple[Part, ...],
        digits: int,
        columns: tuple[str, ...],
        partial: bool = False,
    ) -> None:
        self.name = name
        self.title = title
        self.unit = unit
        self.total = total
        self.parts = parts
        self.digits = digits
        self.columns = columns
        #: The parts list only some categories: they may sum to less than the total.
        self.partial = partial
        self._by_name = {part.name: part for part in parts}

    def __getitem__(self, name: str) -> int:
        """Return the count of a category."""
        return self._by_name[name].count

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Part]:
        return iter(self.parts)

    def __len__(self) -> int:
        return len(self.parts)

    def __str__(self) -> str:
        raise TypeError(
            _(
                "statistics group {name!r} is not text; write {name}.total, {name} | breakdown or {name}['category']"
            ).format(name=self.name)
        )

    def __repr__(self) -> str:
        return f"StatGroup({self.name!r}, total={self.total}, parts={len(self.parts)})"

    @property
    def names(self) -> tuple[str, ...]:
        """Return the category names in order."""
        return tuple(part.name for part in self.parts)

    @property
    def sum(self) -> int:
        """Return the sum of the parts (the total unless the group is partial)."""
        return sum(part.count for part in self.parts)

    def share(self, name: str) -> str:
        """Return the computed share of a category: ``24.1%``."""
        if name not in self._by_name:
            raise ValueError(
                _("statistics group {name!r} has no category {name2!r}; it has: {names}").format(
                    name=self.name, name2=name, names="、".join(self.names)
                )
            )
        return self._by_name[name].share

    def breakdown(self, shares: bool = True, sep: str = "；") -> str:
        """Write the run-in sentence: 35岁以下5963名，占24.1%；36—45岁5286名，占21.4%."""
        return sep.join(f"{p.name}{p.count}{self.unit}" + (f"，占{p.share}" if shares else "") for p in self.parts)

    def rows(self, total_row: bool = True) -> tuple[tuple[str, ...], ...]:
        """Return table rows (category, count, share), with a 合计 row when ``total_row``.

        In a partial group whose parts fall short of the total, the 合计 row would claim the whole:
        instead ``以上合计`` states the sum of the listed parts and its share, and ``总数`` the total.
        """
        rows = [(p.name, str(p.count), p.share) for p in self.parts]
        if total_row and self.sum < self.total:
            rows.append(("以上合计", str(self.sum), pct(self.sum, self.total, self.digits)))
            rows.append(("总数", str(self.total), pct(self.total, self.total, self.digits)))
        elif total_row:
            rows.append(("合计", str(self.total), pct(self.total, self.total, self.digits)))
        return tuple(rows)


def breakdown(group: Any, shares: bool = True, sep: str = "；") -> str:
    """Filter: write a statistics group as a run-in sentence with counts and shares."""
    if not isinstance(group, StatGroup):
        raise ValueError(
            _("breakdown needs a statistics group (declared under 'statistics:'), not {group!r}").format(group=group)
        )
    return group.breakdown(shares, sep)


def statistics_context(builder: Builder) -> dict[str, StatGroup]:
    """Read, check and return every statistics group of the document, by name."""
    raw = builder.data.get("statistics") or {}
    facts = builder.data.get("facts") or {}
    groups: dict[str, StatGroup] = {}
    for name, spec in raw.items():
        path: DataPath = ("statistics", name)
        if name in RESERVED_NAMES:
            raise FactsError(
                _("{name!r} is a name expressions use themselves; choose another group name").format(name=name),
                builder.facts.locate(path, key=True),
            )
        if name in facts:
            raise FactsError(
                _("{name!r} is both a fact and a statistics group; rename one").format(name=name),
                builder.facts.locate(path, key=True),
            )
        groups[name] = read_group(builder, name, spec, path)
    return groups


def read_group(builder: Builder, name: str, spec: Mapping[str, Any], path: DataPath) -> StatGroup:
    """Check one group (parts sum to the total, stated shares agree) and compute its shares."""
    entries = list(_entries(spec["parts"], (*path, "parts")))
    seen: set[str] = set()
    for part_name, _count, _share, where in entries:
        if part_name in seen:
            raise FactsError(
                _("category {part_name!r} appears twice").format(part_name=part_name), builder.locate(where)
            )
        seen.add(part_name)
    parts_sum = sum(count for _n, count, _s, _w in entries)
    total = _total(builder, spec, path, parts_sum)
    if total == 0:
        raise FactsError(_("the total is 0, so no share can be computed"), builder.locate(path))
    digits = spec.get("digits", 1)
    parts = []
    for part_name, count, stated, where in entries:
        computed = pct(count, total, digits)
        if stated is not None:
            _check_share(builder, stated, count, total, computed, (*where, "share"))
        parts.append(Part(part_name, count, computed))
    unit = spec.get("unit", "名")
    columns = tuple(spec.get("columns", ("类别", "人数" if unit in ("名", "人", "位") else "数量", "占比")))
    partial = bool(spec.get("partial", False))
    return StatGroup(name, spec.get("title", ""), unit, total, tuple(parts), digits, columns, partial)


def _entries(parts: Any, path: DataPath) -> Iterator[tuple[str, int, Any, DataPath]]:
    if isinstance(parts, Mapping):
        for key, value in parts.items():
            if isinstance(value, Mapping):
                yield key, value["count"], value.get("share"), (*path, key)
            else:
                yield key, value, None, (*path, key)
    else:
        for index, value in enumerate(parts):
            yield value["name"], value["count"], value.get("share"), (*path, index)


def _total(builder: Builder, spec: Mapping[str, Any], path: DataPath, parts_sum: int) -> int:
    if "total" not in spec:
        return parts_sum
    where = (*path, "total")
    stated: int = spec["total"]
    if isinstance(stated, str):
        text = builder.expressions.render(stated, builder.context, lambda: builder.locate(where))
        stated = _whole_number(text, builder, where)
    if parts_sum == stated:
        return stated
    if parts_sum < stated and spec.get("partial", False):
        return stated
    gap = f"{stated - parts_sum} short" if parts_sum < stated else f"{parts_sum - stated} over"
    raise FactsError(
        _("the parts sum to {parts_sum} but the total is {stated} ({gap})").format(
            parts_sum=parts_sum, stated=stated, gap=gap
        ),
        builder.locate(where),
    )


def _whole_number(text: str, builder: Builder, where: DataPath) -> int:
    try:
        value = number(text, "total")
    except ValueError:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        raise FactsError(_("the total must be a whole number, not {text!r}").format(text=text), builder.locate(where))
    return int(value)


def _check_share(builder: Builder, stated: Any, count: int, total: int, computed: str, where: DataPath) -> None:
    try:
        if isinstance(stated, str):
            value = Decimal(stated.strip().removesuffix("%").strip())
        else:
            value = number(stated, "share")
    except (InvalidOperation, ValueError):
        raise FactsError(
            _('a share is a percentage such as 24.1 or "24.1%", not {stated!r}').format(stated=stated),
            builder.locate(where),
        ) from None
    if not value.is_finite():
        raise FactsError(
            _('a share is a percentage such as 24.1 or "24.1%", not {stated!r}').format(stated=stated),
            builder.locate(where),
        )
    places = max(0, -int(value.as_tuple().exponent))
    exact = Decimal(count) * 100 / Decimal(total)
    if abs(exact - value) > Decimal(5).scaleb(-places - 1):
        raise FactsError(
            _("stated share {value:f}% does not match the computed {computed} ({count} of {total})").format(
                value=value, computed=computed, count=count, total=total
            ),
            builder.locate(where),
        )

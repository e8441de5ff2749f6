"""Built-in section types, document kinds, blocks and filters, registered as any plugin is."""

from __future__ import annotations

from ..facts.filters import FILTERS
from ..facts.stat_groups import breakdown
from ..registry import Registry
from . import attendance, branch_issues
from .blocks import TABLE
from .kinds import KINDS
from .official_kinds import OFFICIAL_KINDS
from .standard import STANDARD_TYPES
from .stats_block import STATS


def setup(registry: Registry) -> None:
    """Register the built-in section types, kinds, block types and filters."""
    for section_type in STANDARD_TYPES:
        registry.add_section(section_type)
    branch_issues.setup(registry)
    attendance.setup(registry)
    for kind in (*KINDS, *OFFICIAL_KINDS):
        registry.add_kind(kind)
    registry.add_block(TABLE)
    registry.add_block(STATS)
    for name, function in FILTERS.items():
        registry.add_filter(name, function)
    registry.add_filter("breakdown", breakdown)
    from ..checks.rules import register_rules
    from .formats import builtin_formats

    register_rules(registry)
    for fmt in builtin_formats():
        registry.add_format(fmt)

"""Built-in section types, document kinds, blocks and filters, registered as any plugin is."""

from __future__ import annotations

from ..filters import FILTERS
from ..registry import Registry
from ..stat_groups import breakdown
from .blocks import TABLE
from .branch_issues import BRANCH_ISSUES
from .kinds import KINDS
from .standard import STANDARD_TYPES
from .stats_block import STATS


def setup(registry: Registry) -> None:
    """Register the built-in section types, kinds, block types and filters."""
    for section_type in (*STANDARD_TYPES, BRANCH_ISSUES):
        registry.add_section(section_type)
    for kind in KINDS:
        registry.add_kind(kind)
    registry.add_block(TABLE)
    registry.add_block(STATS)
    for name, function in FILTERS.items():
        registry.add_filter(name, function)
    registry.add_filter("breakdown", breakdown)
    from ..checks.rules import register_rules

    register_rules(registry)

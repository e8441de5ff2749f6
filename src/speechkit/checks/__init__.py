"""``speechkit check``: rules that catch what a reviewer catches, in facts, built documents and drafts."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .finding import RULES, Finding, Fix

if TYPE_CHECKING:
    from .runner import check_doc, check_path, check_paths, check_speech, check_text
    from .sources import InputError

#: Names imported on first use, so that registering the ``check`` command does not load every rule.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("check_doc", "check_path", "check_paths", "check_speech", "check_text"), "runner"),
    "InputError": "sources",
}

__all__ = [
    "RULES",
    "Finding",
    "Fix",
    "InputError",
    "check_doc",
    "check_path",
    "check_paths",
    "check_speech",
    "check_text",
]


def __getattr__(name: str) -> Any:
    """Import a runner function or InputError on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value

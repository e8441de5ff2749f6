"""The generated modules speechkit ships are what ``tools/generated.py`` writes from the sources now."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT


def _tool() -> object:
    """Return ``tools/generated.py`` as a module."""
    spec = importlib.util.spec_from_file_location("generated_tool", ROOT / "tools" / "generated.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


GENERATED = _tool().GENERATED  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_module_is_current(name: str) -> None:
    assert (ROOT / name).read_text(encoding="utf-8") == GENERATED[name](), (
        f"{name} is stale: run `python tools/generated.py`"
    )

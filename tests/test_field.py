"""The field corpus (tests/field) reads at least as well as its pinned figures, field by field."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

import pytest

from conftest import ROOT

FIELD = ROOT / "tests" / "field"


def _bench() -> ModuleType:
    """Load benchmarks/bench_field.py, which is not a package module."""
    name = "bench_field"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "bench_field.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, float]]:
    """The bench's figures for the development and the held-out set."""
    sets = _bench().measure(FIELD)
    return {name: result.figures() for name, result in sets.items()}


def test_every_draft_is_annotated() -> None:
    drafts = {p.stem for p in FIELD.glob("*.txt")}
    notes = {p.stem for p in FIELD.glob("*.yaml")}
    assert drafts == notes
    assert len(drafts) >= 60


@pytest.mark.parametrize("part", ["dev", "held_out"])
def test_no_field_reads_worse_than_pinned(figures: dict[str, dict[str, float]], part: str) -> None:
    floor = json.loads((FIELD / "floor.json").read_text(encoding="utf-8"))[part]
    worse = []
    for key, pinned in floor.items():
        now = figures[part].get(key, 0.0)
        if key == "body_taken" and now > pinned + 1e-9:
            worse.append(f"{key}: {now} > {pinned}")
        elif key != "body_taken" and now < pinned - 1e-9:
            worse.append(f"{key}: {now} < {pinned}")
    assert not worse, "; ".join(worse)

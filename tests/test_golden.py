"""Golden files: every example's Markdown (every DOCX part and the HTML are in test_golden_wide.py).

After an intended change, regenerate with ``SPEECHKIT_REGEN=1 python -m pytest tests/test_golden.py``
and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLES
from speechkit import load, render

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
REGEN = os.environ.get("SPEECHKIT_REGEN") == "1"


def _compare(path: Path, actual: str) -> None:
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with SPEECHKIT_REGEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs from the golden file"


def test_every_example_has_a_case() -> None:
    if REGEN:
        return
    assert NAMES and sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_markdown_matches_golden(name: str) -> None:
    speech = load(EXAMPLES / f"{name}.yaml")
    _compare(CASES / name / "expected.md", str(render(speech, "md")))

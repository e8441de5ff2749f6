"""The cyclic garbage collector: paused in a single build, resumed for a batch, restored after ``main``."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from speechkit.apps import batch, collector
from speechkit.apps.cli import main


@pytest.fixture
def collecting_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Record whether the collector is on each time a document is built."""
    seen: list[bool] = []
    build_one = batch.build_one

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return build_one(*args, **kwargs)

    monkeypatch.setattr(batch, "build_one", spy)
    enabled = gc.isenabled()
    yield seen
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_single_build_pauses_and_restores(collecting_seen: list[bool], tmp_path: Path) -> None:
    gc.enable()
    assert main(["build", str(EXAMPLES / "critique_outline.yaml"), "-f", "md", "-o", str(tmp_path)]) == 0
    assert collecting_seen == [False]
    assert gc.isenabled()


def test_main_keeps_a_disabled_collector_disabled(collecting_seen: list[bool], tmp_path: Path) -> None:
    gc.disable()
    assert main(["build", str(EXAMPLES / "critique_outline.yaml"), "-f", "md", "-o", str(tmp_path)]) == 0
    assert not gc.isenabled()


def test_batch_in_this_process_collects(collecting_seen: list[bool], tmp_path: Path) -> None:
    gc.enable()
    facts = [str(EXAMPLES / name) for name in ("critique_outline.yaml", "notice.yaml")]
    assert main(["build", *facts, "-f", "md", "-j", "1", "-o", str(tmp_path)]) == 0
    assert collecting_seen == [True, True]
    assert gc.isenabled()


def test_other_commands_leave_it_alone(tmp_path: Path) -> None:
    gc.enable()
    assert main(["validate", str(EXAMPLES / "critique_outline.yaml")]) == 0
    assert gc.isenabled()


def test_paused_restores_after_resume() -> None:
    gc.disable()
    try:
        with collector.paused():
            collector.resume()
            assert gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_program_exits_with_main_status(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    code = "import sys; from speechkit.apps.cli import run; sys.argv[1:1] = ['build']; sys.argv += ['-o', 'out']; run()"
    done = subprocess.run([sys.executable, "-c", code, str(bad)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{bad}:") and "Traceback" not in done.stderr

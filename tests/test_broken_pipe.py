"""A reader that goes away (``speechkit … | head -1``) ends speechkit quietly, as SIGPIPE ends a tool."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Enough findings to fill any pipe's buffer, so that the writer meets the closed pipe.
DRAFT = "关于开展检查的通知\n\n" + "".join(f"第{n}条，20xx年xx月完成,并报送。\n\n" for n in range(4000))


@pytest.mark.parametrize(
    "args",
    [("check", "{draft}"), ("check", "--format", "json", "{draft}"), ("import", "{draft}"), ("schema",)],
)
def test_a_closed_pipe_stops_the_command_without_a_message(tmp_path: Path, args: tuple[str, ...]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT * (3 if args[0] == "import" else 1), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    errors = tmp_path / "stderr"
    with (
        errors.open("wb") as stderr_file,
        subprocess.Popen(
            [sys.executable, "-m", "speechkit", *(a.format(draft=draft) for a in args)],
            stdout=subprocess.PIPE,
            stderr=stderr_file,
            env=env,
        ) as proc,
    ):
        assert proc.stdout is not None
        assert proc.stdout.readline()  # like `head -1`: one line, then the pipe is closed
        proc.stdout.close()
        status = proc.wait(timeout=300)
    stderr = errors.read_text(encoding="utf-8")
    assert "Broken pipe" not in stderr and "BrokenPipeError" not in stderr and "Traceback" not in stderr
    if status != 0:  # the whole output may have fitted in the pipe before it closed
        assert status == 141

"""The README's YAML excerpt gives exactly the Markdown the README shows."""

from __future__ import annotations

import io
import re

from conftest import ROOT
from speechkit import load, render


def test_readme_example_is_true() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    facts = re.search(r"```yaml\n(.*?)```", readme, re.S)
    shown = re.search(r"```markdown\n(.*?)```", readme, re.S)
    assert facts and shown
    assert render(load(io.StringIO(facts.group(1))), "md") == shown.group(1)


def test_quickstart_has_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart")[1].split("##")[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quickstart, re.S)
    assert len(commands) == 2
    assert "speechkit build examples/" in commands[0] and "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci

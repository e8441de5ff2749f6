"""A command imports only what it needs: ``--help`` loads no writer, no schema library, no OpenCC."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

import speechkit
from speechkit.checks import check_text
from speechkit.checks.rules import script_mix

HEAVY = (
    "jsonschema",
    "jinja2",
    "yaml",
    "docx",
    "docxtpl",
    "lxml.etree",
    "opencc",
    "markdown_it",
    "speechkit.builder.build",
)


def loaded_after(code: str) -> set[str]:
    """Return which HEAVY modules a fresh interpreter has loaded after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_help_and_import_load_nothing_heavy() -> None:
    assert loaded_after("import speechkit") == set()
    assert loaded_after("from speechkit.apps.cli import make_parser; make_parser().format_help()") == set()


def test_a_public_name_loads_its_module_on_first_use() -> None:
    assert loaded_after("import speechkit; speechkit.Speech") == set()
    assert "speechkit.builder.build" in loaded_after("import speechkit; speechkit.load")
    with pytest.raises(AttributeError, match="no_such_name"):
        speechkit.no_such_name  # noqa: B018


@pytest.mark.parametrize(
    "module", ["speechkit.builder.build", "speechkit.builder.layout", "speechkit.writers", "speechkit.writers.docx"]
)
def test_functions_named_like_modules_stay_functions(module: str) -> None:
    __import__(module)
    for name in ("build", "layout", "render"):
        value = getattr(speechkit, name)
        assert callable(value) and not isinstance(value, types.ModuleType)
    assert speechkit.build is __import__("speechkit.api").api.build


def test_simplified_text_never_creates_the_s2tw_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real = script_mix.converter

    def recording(config: str) -> object:
        made.append(config)
        return real(config)

    monkeypatch.setattr(script_mix, "converter", recording)
    assert not [f for f in check_text("我们的工作取得了新进展。\n") if f.code == "SK205"]
    assert "s2tw" not in made
    findings = [f for f in check_text("我们的工作取得了新进展，各项工作穩步推進。\n") if f.code == "SK205"]
    assert findings and "s2tw" in made  # a document with Traditional characters is still classified


def test_building_the_quickstart_docx_loads_no_reader_or_other_template_library() -> None:
    from conftest import EXAMPLES

    quickstart = EXAMPLES / "critique_outline.yaml"
    loaded = loaded_after(f"import speechkit; speechkit.render(speechkit.load({str(quickstart)!r}), 'docx')")
    # Jinja fills the fields; no draft reader, no docxtpl; valid facts pass the compiled schema check
    # without jsonschema, and the built-in styles part is generated (python-docx placed its properties then).
    assert loaded.isdisjoint({"docxtpl", "markdown_it", "jsonschema", "docx", "lxml.etree"})


def test_the_build_command_with_its_checks_loads_no_reader(tmp_path: Path) -> None:
    """``speechkit build -f docx`` checks what it built; the checks' repairs come from model/, not the readers."""
    from conftest import EXAMPLES

    facts = str(EXAMPLES / "critique_outline.yaml")
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "speechkit", "build", facts, "-f", "docx", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    modules = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "speechkit.checks.rules" in modules  # the checks did run
    assert not {m for m in modules if m.startswith(("speechkit.readers", "docx", "docxtpl", "markdown_it"))}

"""The CLI's command table: each command's module is imported only when it runs, and the table stays true."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from speechkit.apps.cli import COMMAND_MODULES, make_parser


def registered_help(module: str) -> dict[str, str]:
    """Return the help line of each command a module's ``register`` adds."""
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(module).register(sub)
    return {action.dest: action.help or "" for action in sub._choices_actions}


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_table_help_is_what_the_module_registers(name: str) -> None:
    module, help_line = COMMAND_MODULES[name]
    assert registered_help(module)[name] == help_line


def test_every_command_a_module_registers_is_in_the_table() -> None:
    for module in {module for module, _ in COMMAND_MODULES.values()}:
        for name in registered_help(module):
            assert COMMAND_MODULES[name][0] == module


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_the_named_command_gets_its_real_arguments(name: str) -> None:
    parser = make_parser(name)
    actions = parser._subparsers._group_actions[0].choices[name]._actions  # type: ignore[union-attr]
    assert any(action.option_strings == ["-h", "--help"] for action in actions)


def test_a_command_loads_only_its_own_module() -> None:
    probe = (
        "import sys; from speechkit.apps.cli import main; main(['sections'])\n"
        f"print(' '.join(m for m in {sorted({m for m, _ in COMMAND_MODULES.values()})!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == ""
    help_text = subprocess.run(
        [sys.executable, "-m", "speechkit", "stats", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert help_text.startswith("usage: speechkit stats")


@pytest.mark.parametrize("name", ["build", "kinds", "check", "mcp"])
def test_a_named_command_gets_only_its_own_parser_and_none_lists_all(name: str) -> None:
    def choices(parser: argparse.ArgumentParser) -> set[str]:
        return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]

    assert name in choices(make_parser(name)) and len(choices(make_parser(name))) <= 2  # check comes with stats
    assert choices(make_parser(None)) == choices(make_parser("no-such-command")) >= {"build", *COMMAND_MODULES}


def test_top_level_help_before_a_command_lists_every_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "speechkit", "-h", "build"], capture_output=True, text=True, check=True
    )
    assert all(name in result.stdout for name in ("validate", "kinds", *COMMAND_MODULES))

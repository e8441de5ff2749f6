"""The sandbox keeps to Jinja's public API; each piece of it the budgets lean on is pinned here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from conftest import run_cli
from speechkit.facts.budgets import BudgetError, budget
from speechkit.facts.sandbox import BudgetedSandbox

FACTS = "kind: speech\ntitle: 在工作会议上的讲话\nsections:\n  - type: generic\n    title: 工作情况\n"


def render(template: str, autoescape: bool = False, **context: Any) -> str:
    """Render ``template`` in a strict, budgeted sandbox."""
    environment = BudgetedSandbox(undefined=jinja2.StrictUndefined, autoescape=autoescape)
    with budget():
        return environment.from_string(template).render(context)


@pytest.mark.parametrize("autoescape", [False, True])
@pytest.mark.parametrize("template", ["{{ ''.join }}", "{{ 'abc'.upper }}"])
def test_a_constant_function_is_refused_not_printed(template: str, autoescape: bool) -> None:
    # finalize is marked pass_eval_context, so Jinja folds no output into text when it compiles.
    with pytest.raises(BudgetError, match="cannot be written"):
        render(template, autoescape)


def test_constant_text_and_values_still_print() -> None:
    assert render("a{{ 1 + 2 }}b{{ '<x>' }}", autoescape=True) == "a3b&lt;x&gt;"


def test_every_loop_counts_against_the_budget() -> None:
    environment = BudgetedSandbox(undefined=jinja2.StrictUndefined)
    assert "speechkit_loop" in environment.compile("{% for i in items %}{{ i }}{% endfor %}", raw=True)
    with pytest.raises(BudgetError, match="over budget"):
        render("{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}")


def test_a_syntax_error_is_jinjas_own() -> None:
    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        BudgetedSandbox().from_string("x\n{% for x in %}")
    assert caught.value.lineno == 2


def test_filters_marked_pass_context_get_the_context_and_are_still_checked() -> None:
    @jinja2.pass_context
    def greet(context: jinja2.runtime.Context, value: str) -> str:
        return f"{context['who']}{value}"

    environment = BudgetedSandbox(undefined=jinja2.StrictUndefined)
    environment.add_filters({"greet": greet, "plain": lambda value: value * 2})
    with budget():
        assert environment.from_string("{{ '好' | greet }}{{ 'a' | plain }}").render(who="你") == "你好aa"
        with pytest.raises(BudgetError, match="over budget"):
            environment.from_string("{{ ('x' * 100000) | center(10**9) }}").render()


def test_an_undefined_value_given_to_a_filter_or_loop_is_an_error() -> None:
    with pytest.raises(jinja2.UndefinedError, match="missing"):
        render("{{ missing | join }}")
    with pytest.raises(jinja2.UndefinedError, match="missing"):
        render("{% for x in missing %}{{ x }}{% endfor %}")


def test_an_html_template_printing_a_function_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "document.html.j2").write_text("<p>{{ meta.title }}</p>\n{{ ''.join }}\n", encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    result = run_cli("build", str(facts), "-f", "html", "--templates", str(folder), "--no-check", "-o", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{folder / 'document.html.j2'}:2:") and "cannot be written" in result.stderr
    assert " at 0x" not in result.stderr

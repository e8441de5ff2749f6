"""Sandboxed text expressions (``{{ name | filter }}``) evaluated against the facts.

Every text that holds an expression or statement is evaluated by the budgeted Jinja2 sandbox
(:mod:`speechkit.facts.sandbox`), which gives the result and the error messages; a text without
one is returned as it stands.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..model.errors import ExpressionError, Location
from .budgets import BudgetError, budget, clean_message, finalize

if TYPE_CHECKING:
    import jinja2

    from .sandbox import BudgetedSandbox

_MARKERS = ("{{", "{%", "{#")
#: Compiled templates an evaluator keeps (one evaluator serves every build of a registry in a process).
_CACHE_SIZE = 2048


def has_expression(text: str) -> bool:
    """Tell whether a text holds an expression or statement."""
    return any(marker in text for marker in _MARKERS)


class Expressions:
    """Compile and evaluate text expressions in a budgeted sandbox where missing data is an error."""

    def __init__(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        self.filters = dict(filters)
        self._env: BudgetedSandbox | None = None
        self._cache: dict[str, jinja2.Template] = {}

    @property
    def env(self) -> BudgetedSandbox:
        """Return the Jinja2 sandbox, made on first use."""
        if self._env is None:
            import jinja2

            from .sandbox import BudgetedSandbox

            self._env = BudgetedSandbox(
                undefined=jinja2.StrictUndefined,
                autoescape=False,
                keep_trailing_newline=True,
                finalize=_finalize,
            )
            self._env.add_filters({name: _strict(function) for name, function in self.filters.items()})
        return self._env

    def render(self, text: str, context: Mapping[str, Any], where: Callable[[], Location]) -> str:
        """Evaluate ``text`` in ``context``; errors name the place ``where()`` gives."""
        if not has_expression(text):
            return text
        return self._render_sandboxed(text, context, where)

    def _render_sandboxed(self, text: str, context: Mapping[str, Any], where: Callable[[], Location]) -> str:
        """Evaluate ``text`` in the Jinja2 sandbox."""
        import jinja2

        from .sandbox import RENDER_FAILURES, failure_message

        try:
            with budget():
                template = self._cache.get(text)
                if template is None:
                    template = self.env.from_string(text)
                    if len(self._cache) >= _CACHE_SIZE:
                        self._cache.clear()
                    self._cache[text] = template
                return template.render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise ExpressionError(
                clean_message(_("expression syntax: {message}").format(message=exc.message)), where()
            ) from None
        except jinja2.exceptions.SecurityError as exc:
            raise ExpressionError(
                clean_message(_("not allowed in an expression: {exc}").format(exc=exc)), where()
            ) from None
        except jinja2.UndefinedError as exc:
            raise ExpressionError(clean_message(_undefined(exc)), where()) from None
        except (ExpressionError, BudgetError) as exc:
            raise ExpressionError(clean_message(exc.message), where()) from None
        except ZeroDivisionError:
            raise ExpressionError(_("division by zero in an expression"), where()) from None
        except RENDER_FAILURES as exc:
            raise ExpressionError(
                _("expression: {failure_message}").format(failure_message=failure_message(exc)), where()
            ) from None


def _strict(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so that an undefined argument is reported as such, not passed on."""
    from .sandbox import refuse_undefined

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            refuse_undefined(value)
        return function(*args, **kwargs)

    return wrapper


def _undefined(exc: jinja2.UndefinedError) -> str:
    message = str(exc.message or exc)
    if message.endswith("is undefined"):
        name = message.split("'")[1] if "'" in message else message
        return _(
            "unknown name {name!r} in an expression (define it under 'facts:', or as a column of the table "
            "a mail merge reads: build --each TABLE)"
        ).format(name=name)
    return f"expression: {message}"


def _finalize(value: Any) -> Any:
    """Refuse to print nothing as text: None in an expression is an error, not an empty string."""
    if value is None:
        raise ExpressionError(_("an expression gave no value (null)"))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple, dict)):
        raise ExpressionError(
            _("an expression gave a {name}, not text; use a filter such as join_cn or count_cn").format(
                name=type(value).__name__
            )
        )
    return finalize(value)

"""Sandboxed text expressions (``{{ name | filter }}``) evaluated against the facts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import jinja2

from .errors import ExpressionError, Location
from .sandbox import RENDER_FAILURES, BudgetedSandbox, BudgetError, budget, clean_message, failure_message, finalize

_MARKERS = ("{{", "{%", "{#")


def has_expression(text: str) -> bool:
    """Tell whether a text holds an expression or statement."""
    return any(marker in text for marker in _MARKERS)


class Expressions:
    """Compile and evaluate text expressions in a budgeted sandbox where missing data is an error."""

    def __init__(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        self.env = BudgetedSandbox(
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            finalize=_finalize,
        )
        self.env.add_filters({name: _strict(function) for name, function in filters.items()})
        self._cache: dict[str, jinja2.Template] = {}

    def render(self, text: str, context: Mapping[str, Any], where: Callable[[], Location]) -> str:
        """Evaluate ``text`` in ``context``; errors name the place ``where()`` gives."""
        if not has_expression(text):
            return text
        try:
            with budget():
                template = self._cache.get(text)
                if template is None:
                    template = self.env.from_string(text)
                    self._cache[text] = template
                return template.render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise ExpressionError(clean_message(f"expression syntax: {exc.message}"), where()) from None
        except jinja2.exceptions.SecurityError as exc:
            raise ExpressionError(clean_message(f"not allowed in an expression: {exc}"), where()) from None
        except jinja2.UndefinedError as exc:
            raise ExpressionError(clean_message(_undefined(exc)), where()) from None
        except (ExpressionError, BudgetError) as exc:
            raise ExpressionError(clean_message(exc.message), where()) from None
        except ZeroDivisionError:
            raise ExpressionError("division by zero in an expression", where()) from None
        except RENDER_FAILURES as exc:
            raise ExpressionError(f"expression: {failure_message(exc)}", where()) from None


def _strict(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so that an undefined argument is reported as such, not passed on."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, jinja2.Undefined):
                value._fail_with_undefined_error()
        return function(*args, **kwargs)

    return wrapper


def _undefined(exc: jinja2.UndefinedError) -> str:
    message = str(exc.message or exc)
    if message.endswith("is undefined"):
        name = message.split("'")[1] if "'" in message else message
        return f"unknown name {name!r} in an expression (define it under 'facts:')"
    return f"expression: {message}"


def _finalize(value: Any) -> Any:
    """Refuse to print nothing as text: None in an expression is an error, not an empty string."""
    if value is None:
        raise ExpressionError("an expression gave no value (null)")
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple, dict)):
        raise ExpressionError(
            f"an expression gave a {type(value).__name__}, not text; use a filter such as join_cn or count_cn"
        )
    return finalize(value)

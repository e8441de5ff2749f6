"""Sandboxed text expressions (``{{ name | filter }}``) evaluated against the facts.

Most expressions in facts are a name, or a name and one of speechkit's filters
(``{{ secretaries }}``, ``{{ items | count_cn }}``). Those are evaluated directly, exactly as the
sandbox would (``tests/test_expressions_plain.py`` compares the two on generated texts), so a build
need not import Jinja (about 60 ms of a command's start). Everything else, and every failure, goes
through the budgeted Jinja2 sandbox, which gives the result and the error messages.
"""

from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..model.errors import ExpressionError, Location
from .budgets import PRECHECKED_FILTERS, BudgetError, budget, check_size, clean_message, finalize

if TYPE_CHECKING:
    import jinja2

    from .sandbox import BudgetedSandbox

_MARKERS = ("{{", "{%", "{#")
#: ``{{ name }}`` or ``{{ name | filter }}`` with spaces, tabs or newlines around the parts.
_PLAIN_FIELD = re.compile(r"\{\{[ \t\n]*([^\W\d]\w*)[ \t\n]*(?:\|[ \t\n]*([^\W\d]\w*)[ \t\n]*)?\}\}")
#: Names Jinja reads as constants, operators or its own variables rather than as a look-up in the facts.
_JINJA_WORDS = frozenset(
    {"true", "false", "none", "True", "False", "None", "self", "loop", "caller", "varargs", "kwargs", "super"}
    | set(keyword.kwlist)
)


def has_expression(text: str) -> bool:
    """Tell whether a text holds an expression or statement."""
    return any(marker in text for marker in _MARKERS)


class Expressions:
    """Compile and evaluate text expressions in a budgeted sandbox where missing data is an error."""

    def __init__(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        self.filters = dict(filters)
        #: The filters a plain field may call directly: plain functions the sandbox does not pre-check.
        self.plain_filters = {
            name: function
            for name, function in self.filters.items()
            if name not in PRECHECKED_FILTERS and getattr(function, "jinja_pass_arg", None) is None
        }
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
        plain = self.render_plain(text, context)
        if plain is not None:
            return plain
        return self._render_sandboxed(text, context, where)

    def render_plain(self, text: str, context: Mapping[str, Any]) -> str | None:
        """Evaluate a text whose every field is ``{{ name }}`` or ``{{ name | filter }}`` directly.

        Return None when the text holds anything else, or when evaluating fails: the sandbox then
        evaluates it and words the error.
        """
        if "{%" in text or "{#" in text or "\r" in text:
            return None
        out: list[str] = []
        end = 0
        try:
            with budget():
                for match in _PLAIN_FIELD.finditer(text):
                    out.append(text[end : match.start()])
                    value = self._plain_value(match.group(1), match.group(2), context)
                    if value is None:
                        return None
                    out.append(value)
                    end = match.end()
        except Exception:  # the sandbox evaluates it again and words the failure
            return None
        rest = text[end:]
        if "{" in rest or any("{" in part for part in out[::2]):  # a field this path does not read
            return None
        return "".join(out) + rest

    def _plain_value(self, name: str, filter_name: str | None, context: Mapping[str, Any]) -> str | None:
        """Return one field's text, or None if it is not a look-up (and filter) done directly."""
        if not _plain_name(name) or name not in context:
            return None
        value = context[name]
        if filter_name is not None:
            function = self.plain_filters.get(filter_name)
            if function is None or not _plain_name(filter_name):
                return None
            value = check_size(function(value))
        return str(_finalize(value))

    def _render_sandboxed(self, text: str, context: Mapping[str, Any], where: Callable[[], Location]) -> str:
        """Evaluate ``text`` in the Jinja2 sandbox."""
        import jinja2

        from .sandbox import RENDER_FAILURES, failure_message

        try:
            with budget():
                template = self._cache.get(text)
                if template is None:
                    template = self.env.from_string(text)
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


def _plain_name(name: str) -> bool:
    """Tell whether Jinja reads ``name`` as a look-up of exactly this name (not a constant, not normalised)."""
    return name not in _JINJA_WORDS and name.isidentifier() and (name.isascii() or _nfkc(name) == name)


def _nfkc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text)


def _strict(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so that an undefined argument is reported as such, not passed on."""
    import jinja2

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
        return _("unknown name {name!r} in an expression (define it under 'facts:')").format(name=name)
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

"""The Jinja2 sandbox every expression and template runs in: no code execution, and budgets.

Budgets bound what one render may make and do: the length of a string, the number of items in a
sequence, the size of a whole number, the number of steps (calls, attribute look-ups, operators,
loop iterations), the depth of nested calls (recursive macros) and the time it takes. Going over
one raises :class:`BudgetError`; callers turn it into a one-line error at the field or template line.

Jinja's public API only: a subclass of ``ImmutableSandboxedEnvironment`` overriding ``call``,
``call_binop``, ``getattr``, ``getitem``, ``wrap_str_format`` and ``compile`` (given the tree that
``parse`` returns), a ``finalize`` marked ``pass_eval_context``, and one code generator method,
``visit_Concat``, through the environment's ``code_generator_class`` (``tests/test_sandbox_api.py``
pins each of them).
"""

from __future__ import annotations

import functools
import itertools
import re
import string
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from decimal import Decimal
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..i18n import _
from ..model.errors import SpeechkitError
from .budgets import (
    MAX_CALL_DEPTH,
    MAX_INT_BITS,
    MAX_ITEMS,
    MAX_TEXT,
    PRECHECKED_FILTERS,
    BudgetError,
    _current,
    check_plain,
    check_size,
    clean_message,
    describe,
    finalize,
)

#: Characters the text filters whose cost grows faster than their input (wordwrap, urlize…) accept.
MAX_SLOW_TEXT = 20_000

_SLOW_TEXT_FILTERS = frozenset({"wordwrap", "urlize", "striptags", "wordcount"})
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _as_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _check_repeat(left: Any, right: Any) -> None:
    """``*``: a sequence repeated, or two whole numbers multiplied."""
    a, b = _as_int(left), _as_int(right)
    if a is not None and b is not None:
        if a.bit_length() + b.bit_length() > MAX_INT_BITS + 1:
            raise BudgetError(
                _("over budget: a whole number larger than {max_int_bits} bits").format(max_int_bits=MAX_INT_BITS)
            )
        return
    count, seq = (a, right) if a is not None else (b, left)
    if count is not None and isinstance(seq, Sized) and len(seq) * max(count, 0) > _limit(seq):
        raise BudgetError(
            _("over budget: repeating makes more than {limit:,} {unit}").format(limit=_limit(seq), unit=_unit(seq))
        )


def _check_power(left: Any, right: Any) -> None:
    a, b = _as_int(left), _as_int(right)
    if a is not None and b is not None and b > 0 and abs(a) > 1 and (abs(a).bit_length() - 1) * b > MAX_INT_BITS:
        raise BudgetError(
            _("over budget: a whole number larger than {max_int_bits} bits").format(max_int_bits=MAX_INT_BITS)
        )


def _check_join(left: Any, right: Any) -> None:
    sized = isinstance(left, Sized) and isinstance(right, Sized) and not isinstance(left, Mapping)
    if sized and len(left) + len(right) > _limit(left):
        raise BudgetError(
            _("over budget: joining makes more than {limit:,} {unit}").format(limit=_limit(left), unit=_unit(left))
        )


def _check_printf(template: str) -> None:
    """``'%5d' % x`` and the ``format`` filter: widths and precisions within the text budget."""
    for match in _PRINTF.finditer(template):
        for part in match.groups():
            if part == "*":
                raise BudgetError(_("a '*' width or precision in a format is not allowed"))
            if part is not None and int(part) > MAX_TEXT:
                raise BudgetError(_("over budget: a format width over {max_text:,}").format(max_text=MAX_TEXT))


def _check_format_spec(template: str) -> None:
    """``'{:>9}'.format(x)``: widths within the text budget, no nested replacement fields in specs."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise BudgetError(_("bad format: {exc}").format(exc=exc)) from None
    for _text, _field, spec, _conversion in fields:
        if not spec:
            continue
        if "{" in spec:
            raise BudgetError(_("a nested '{…}' inside a format specification is not allowed"))
        if any(int(n) > MAX_TEXT for n in re.findall(r"\d+", spec)):
            raise BudgetError(_("over budget: a format width over {max_text:,}").format(max_text=MAX_TEXT))


def _limit(value: Any) -> int:
    return MAX_TEXT if isinstance(value, str) else MAX_ITEMS


def _unit(value: Any) -> str:
    return "characters" if isinstance(value, str) else "items"


def refuse_undefined(value: Any) -> None:
    """Raise the ``UndefinedError`` of an undefined value: a ``StrictUndefined`` raises it on ``str()``."""
    if isinstance(value, jinja2.Undefined):
        str(value)
        raise jinja2.UndefinedError(_("an undefined value"))  # a lenient Undefined the caller chose


def _bounded_list(value: Any) -> list[Any]:
    """Materialise an iterable, refusing more than MAX_ITEMS items."""
    refuse_undefined(value)
    if isinstance(value, Mapping):
        value = list(value)
    items = list(itertools.islice(iter(value), MAX_ITEMS + 1))
    if len(items) > MAX_ITEMS:
        raise BudgetError(_("over budget: more than {max_items:,} items").format(max_items=MAX_ITEMS))
    return items


def _text_length(items: Iterable[Any]) -> int:
    total = 0
    for item in items:
        check_plain(item)
        total += len(item) if isinstance(item, str) else 24
    return total


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        count = text.count(old) if old else len(text) + 1
        if len(text) + count * (len(new) - len(old)) > MAX_TEXT:
            raise BudgetError(
                _("over budget: replacing makes more than {max_text:,} characters").format(max_text=MAX_TEXT)
            )


def _check_width(width: Any, lines: int = 1) -> None:
    size = len(width) if isinstance(width, str) else _as_int(width)
    if size is not None and size * lines > MAX_TEXT:
        raise BudgetError(
            _("over budget: a width of {describe} makes too long a text").format(describe=describe(width))
        )


def _check_count(count: Any, what: str) -> None:
    value = _as_int(count)
    if value is not None and value > MAX_ITEMS:
        raise BudgetError(
            _("over budget: {what} of {describe} (at most {max_items:,})").format(
                what=what, describe=describe(count), max_items=MAX_ITEMS
            )
        )


def _arg(args: tuple[Any, ...], kwargs: Mapping[str, Any], index: int, name: str, default: Any = None) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def _guard_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter: a step of the budget, checks of its arguments before, of its result after."""

    @functools.wraps(function)  # keeps a pass_context (or eval context, environment) mark of the filter
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _current().step()
        passes = bool(args) and isinstance(args[0], _PASSED)
        head, rest = (args[:1], args[1:]) if passes else ((), args)
        if rest:
            value, params = rest[0], rest[1:]
            replaced = _precheck_filter(name, value, params, kwargs)
            if replaced is not _SAME:
                rest = (replaced, *params)
        return check_size(function(*head, *rest, **kwargs))

    return guarded


_SAME = object()
#: What Jinja passes first to a filter marked ``pass_context``, ``pass_eval_context`` or ``pass_environment``.
_PASSED = (Context, nodes.EvalContext, jinja2.Environment)


def _precheck_filter(name: str, value: Any, params: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    """Refuse a filter call that would make too much; return a replacement value or _SAME."""
    if name not in PRECHECKED_FILTERS:
        return _SAME
    if name in _SLOW_TEXT_FILTERS and isinstance(value, str) and len(value) > MAX_SLOW_TEXT:
        raise BudgetError(
            _("over budget: the {name} filter takes at most {max_slow_text:,} characters").format(
                name=name, max_slow_text=MAX_SLOW_TEXT
            )
        )
    if name == "center":
        _check_width(_arg(params, kwargs, 0, "width", 80))
    elif name == "indent":
        lines = value.count("\n") + 1 if isinstance(value, str) else 1
        _check_width(_arg(params, kwargs, 0, "width", 4), lines)
    elif name in ("batch", "slice"):
        _check_count(_arg(params, kwargs, 0, "linecount" if name == "batch" else "slices"), name)
    elif name == "wordwrap":
        _check_width(_arg(params, kwargs, 3, "wrapstring", ""), max(1, len(value) if isinstance(value, str) else 1))
    elif name == "replace":
        _check_replace(value, _arg(params, kwargs, 0, "old"), _arg(params, kwargs, 1, "new"))
    elif name == "format":
        if isinstance(value, str):
            _check_printf(value)
        for item in (*params, *kwargs.values()):
            check_plain(item)
    elif name == "tojson":
        _check_count(_arg(params, kwargs, 0, "indent"), _("tojson indent"))
    elif name in ("string", "pprint", "e", "escape", "forceescape", "safe", "trim", "upper", "lower", "title"):
        check_plain(value)
    elif name == "join":
        items = _bounded_list(value)
        separator = _arg(params, kwargs, 0, "d", "")
        if _arg(params, kwargs, 1, "attribute") is None:
            size = _text_length(items) + len(str(separator)) * max(len(items) - 1, 0)
            if size > MAX_TEXT:
                raise BudgetError(
                    _("over budget: joining makes more than {max_text:,} characters").format(max_text=MAX_TEXT)
                )
        return items
    elif name == "sum":
        items = _bounded_list(value)
        start = _arg(params, kwargs, 1, "start", 0)
        if _arg(params, kwargs, 0, "attribute") is None:
            for item in (start, *items):
                if isinstance(item, bool) or not isinstance(item, (int, float, Decimal)):
                    raise BudgetError(_("sum adds numbers, not {describe}").format(describe=describe(item)))
        return items
    return _SAME


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[Any, ...]:
    """Refuse a string method call that would make too much; return the arguments to call with."""
    if not isinstance(obj, types.BuiltinMethodType) or not isinstance(obj.__self__, str):
        return args
    text, name = obj.__self__, obj.__name__
    if name in _WIDTH_METHODS:
        _check_width(_arg(args, kwargs, 0, "width"))
    elif name == "expandtabs":
        _check_width(_arg(args, kwargs, 0, "tabsize", 8), text.count("\t") + 1)
    elif name == "replace":
        _check_replace(text, _arg(args, kwargs, 0, "old"), _arg(args, kwargs, 1, "new"))
    elif name == "join" and args:
        items = _bounded_list(args[0])
        if _text_length(items) + len(text) * max(len(items) - 1, 0) > MAX_TEXT:
            raise BudgetError(
                _("over budget: joining makes more than {max_text:,} characters").format(max_text=MAX_TEXT)
            )
        return (items, *args[1:])
    return args


def _bounded_range(*args: Any) -> range:
    """``range()`` in templates: at most MAX_ITEMS numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_ITEMS:
        raise BudgetError(_("over budget: a range of more than {max_items:,} numbers").format(max_items=MAX_ITEMS))
    return numbers


def _loop(iterable: Any) -> Iterator[Any]:
    """Count each iteration of a ``{% for %}`` loop against the budget."""
    spent = _current()
    refuse_undefined(iterable)
    for item in iterable:
        spent.step()
        yield item


class _Generator(CodeGenerator):
    """Jinja's code generator with ``~`` routed through a size check."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """Write ``a ~ b`` as a call to the environment's checked concatenation."""
        self.write("environment.checked_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BudgetedSandbox(ImmutableSandboxedEnvironment):
    """An immutable Jinja2 sandbox whose expressions and templates run within the budgets above."""

    intercepted_binops = frozenset({"*", "**", "+", "%", "//", "/", "-"})
    code_generator_class = _Generator

    def __init__(self, **options: Any) -> None:
        options["finalize"] = _at_run_time(options.get("finalize", finalize))
        super().__init__(**options)
        self.globals.pop("lipsum", None)
        self.globals["range"] = _bounded_range
        self.filters = {name: _guard_filter(name, f) for name, f in self.filters.items()}
        self.filters["speechkit_loop"] = _loop

    def add_filters(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        """Add filters, each guarded by the budgets."""
        self.filters.update({name: _guard_filter(name, f) for name, f in filters.items()})

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Compile the tree ``parse`` gives with every ``{% for %}`` iterable routed through the loop budget."""
        tree = self.parse(source, name, filename) if isinstance(source, str) else source
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "speechkit_loop", [], [], None, None, lineno=loop.lineno)
        if raw:
            return super().compile(tree, name, filename, True, defer_init)
        return super().compile(tree, name, filename, False, defer_init)

    def checked_concat(self, values: tuple[Any, ...]) -> str:
        """``a ~ b ~ c``: each part plain, the result within the text budget."""
        _current().step()
        total = 0
        for value in values:
            check_plain(value)
            total += len(value) if isinstance(value, str) else 24
        if total > MAX_TEXT:
            raise BudgetError(
                _("over budget: joining makes more than {max_text:,} characters").format(max_text=MAX_TEXT)
            )
        result: str = markup_join(values) if self.autoescape else str_join(values)
        return str(check_size(result))

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Look up an attribute, counting a step."""
        _current().step()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Look up an item, counting a step."""
        _current().step()
        return super().getitem(obj, argument)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """Apply an operator after checking what it would make."""
        _current().step()
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "+":
            _check_join(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_printf(left)
            for item in right if isinstance(right, tuple) else (right,):
                check_plain(item)
        return check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call a function or macro: a step, one level of depth, size checks of what it makes."""
        spent = _current()
        spent.step()
        if not __self.is_safe_callable(__obj):
            raise jinja2.exceptions.SecurityError(_("a {name} may not be called").format(name=type(__obj).__name__))
        args = _check_method(__obj, args, kwargs)
        spent.depth += 1
        try:
            if spent.depth > MAX_CALL_DEPTH:
                raise BudgetError(
                    _("over budget: calls nested deeper than {max_call_depth} (a recursive macro?)").format(
                        max_call_depth=MAX_CALL_DEPTH
                    )
                )
            return check_size(__context.call(__obj, *args, **kwargs))
        finally:
            spent.depth -= 1

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Sandbox ``str.format``, checking widths and arguments first and the length after."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template: str = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format_spec(template)
            for item in (*args, *kwargs.values()):
                check_plain(item)
            return str(check_size(wrapped(*args, **kwargs)))

        return checked


def _at_run_time(function: Callable[[Any], Any]) -> Callable[..., Any]:
    """Return ``finalize`` marked ``pass_eval_context``: Jinja then folds no ``{{ … }}`` into text at compile
    time, where it would escape a constant before ``finalize`` sees it (and print the repr of a function,
    with its address, in an autoescaped template)."""

    @jinja2.pass_eval_context
    def finalize_at_run_time(_eval_ctx: nodes.EvalContext, value: Any) -> Any:
        return function(value)

    return finalize_at_run_time


#: What a failure inside an expression or template may raise (besides SpeechkitError).
RENDER_FAILURES: tuple[type[Exception], ...] = (
    BudgetError,
    jinja2.TemplateError,
    RecursionError,
    MemoryError,
    AssertionError,
    ArithmeticError,
    TypeError,
    ValueError,
    LookupError,
    AttributeError,
)


def failure_message(exc: BaseException) -> str:
    """Describe a failure inside an expression or template in one safe line."""
    if isinstance(exc, SpeechkitError):
        return clean_message(exc.message)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return clean_message(_("syntax: {message}").format(message=exc.message))
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return clean_message(_("not allowed: {exc}").format(exc=exc))
    if isinstance(exc, jinja2.UndefinedError):
        return clean_message(f"{exc.message or exc}")
    if isinstance(exc, RecursionError):
        return _("over budget: nested too deeply")
    if isinstance(exc, MemoryError):
        return _("over budget: out of memory")
    if isinstance(exc, ZeroDivisionError):
        return _("division by zero")
    if isinstance(exc, OverflowError):
        return _("a number too large")
    if isinstance(exc, AssertionError):
        return clean_message(_("invalid arguments{value}").format(value=": " + str(exc) if str(exc) else ""))
    return clean_message(str(exc) or type(exc).__name__)


def template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """Return the template file name and line where a render failure happened (innermost frame)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename or exc.name, exc.lineno
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        scope = tb.tb_frame.f_globals
        template = scope.get("__jinja_template__")
        if template is not None:  # a template frame as compiled
            found = (template.filename or template.name, template.get_corresponding_lineno(tb.tb_lineno))
        elif "__jinja_exception__" in scope:  # a frame Jinja rewrote to point at the template line
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found

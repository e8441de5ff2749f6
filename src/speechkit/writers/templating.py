"""What the template writers (Markdown, HTML) share: the user's folders, the environment, budgets, errors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import jinja2

from ..facts.budgets import MAX_SECONDS, MAX_STEPS, budget
from ..facts.sandbox import RENDER_FAILURES, BudgetedSandbox, failure_message, template_line
from ..i18n import _
from ..model.errors import Location, TemplateError

#: Steps and seconds a user's template may take per layout block, on top of the sandbox's budget.
STEPS_PER_BLOCK = 200
SECONDS_PER_BLOCK = 0.002


def template_dirs(templates: str | os.PathLike[str] | Sequence[str] | None) -> tuple[str, ...]:
    """Return the user's template folders as a tuple; raise TemplateError for a missing one."""
    if templates is None:
        dirs: tuple[str, ...] = ()
    elif isinstance(templates, (str, os.PathLike)):
        dirs = (os.fspath(templates),)
    else:
        dirs = tuple(os.fspath(t) for t in templates)
    for folder in dirs:
        if not os.path.isdir(folder):
            raise TemplateError(_("template folder not found: {folder}").format(folder=folder))
    return dirs


def template_environment(
    folder: str,
    dirs: tuple[str, ...],
    *,
    autoescape: bool,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> jinja2.Environment:
    """Return the environment of a writer's built-in ``folder``: plain for the built-ins alone, the budgeted
    sandbox when a user's folders (which win) are given — opening a shared template must not run code."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(d) for d in dirs]
    loaders.append(jinja2.PackageLoader("speechkit.templates", folder))
    kind = BudgetedSandbox if dirs else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    if filters:
        if isinstance(env, BudgetedSandbox):
            env.add_filters(filters)
        else:
            env.filters.update(filters)
    return env


@contextmanager
def rendering(template: str, blocks: int) -> Iterator[None]:
    """Render within the budget for ``blocks`` layout blocks; any failure becomes one TemplateError line."""
    try:
        with budget(MAX_SECONDS + SECONDS_PER_BLOCK * blocks, MAX_STEPS + STEPS_PER_BLOCK * blocks):
            yield
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(_("template not found: {name}").format(name=exc.name)) from None
    except RENDER_FAILURES as exc:
        file, line = template_line(exc)
        raise TemplateError(
            _("template: {failure_message}").format(failure_message=failure_message(exc)),
            Location(file or template, line),
        ) from None

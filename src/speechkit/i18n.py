"""Messages in the user's language: gettext catalogs (``zh_CN``) read on first need, English the fallback.

Mark a message with ``_()`` (``ngettext`` when it counts), runtime values as named placeholders filled
after translation, so that a translator can move them: ``_("unknown section type {name!r}").format(name=n)``.
A message defined before anyone asks for it (a table at import) is marked ``N_()`` and translated where
it is shown. The language is ``--lang``, else ``SPEECHKIT_LANG``, else the locale (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``); English needs no catalog, so ``speechkit --help`` in English opens
no file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

#: The gettext domain: ``locale/<lang>/LC_MESSAGES/speechkit.mo`` inside the package.
DOMAIN = "speechkit"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
#: The languages speechkit speaks, by the short name ``--lang`` takes, and each one's catalog folder.
LANGUAGES: dict[str, str] = {"en": "en", "zh": "zh_CN"}

_chosen: str | None = None
_catalogs: dict[str, gettext.NullTranslations] = {}


def parse_language(name: str) -> str | None:
    """Return ``en`` or ``zh`` for a language or locale name (``zh_CN.UTF-8``, ``zh-Hans``), else None."""
    base = name.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").lower()
    if base in ("c", "posix"):
        return "en"
    short = base.split("_", 1)[0]
    return short if short in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """Return the language the environment asks for: ``SPEECHKIT_LANG``, then the locale; else ``en``.

    As in GNU gettext, ``LANGUAGE`` (a colon-separated list) is honoured unless the locale is ``C``.
    """
    env = os.environ if environ is None else environ
    chosen = parse_language(env.get("SPEECHKIT_LANG", ""))
    if chosen:
        return chosen
    locale_name = next((env[key] for key in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(key)), "")
    if parse_language(locale_name) == "en" and locale_name.split(".", 1)[0].upper() in ("C", "POSIX"):
        return "en"
    for name in [*env.get("LANGUAGE", "").split(":"), locale_name]:
        found = parse_language(name) if name else None
        if found:
            return found
    return "en"


def language() -> str:
    """Return the language messages are given in now: ``en`` or ``zh``."""
    return _chosen or language_from_environment()


def set_language(name: str | None) -> None:
    """Choose the language of messages (``en``, ``zh`` or a locale name); None follows the environment."""
    global _chosen
    _chosen = parse_language(name) if name else None


@contextmanager
def using(name: str | None) -> Iterator[None]:
    """Give messages in ``name`` (None: the environment's) inside the block, and restore the choice after."""
    global _chosen
    before = _chosen
    set_language(name)
    try:
        yield
    finally:
        _chosen = before


def catalog(lang: str | None = None) -> gettext.NullTranslations:
    """Return the translations of ``lang`` (default: the current language), loaded once."""
    lang = lang or language()
    found = _catalogs.get(lang)
    if found is None:
        import gettext

        if lang == "en":
            found = gettext.NullTranslations()
        else:
            found = gettext.translation(DOMAIN, LOCALE_DIR, [LANGUAGES[lang]], fallback=True)
        _catalogs[lang] = found
    return found


def _(message: str) -> str:
    """Return ``message`` in the current language (itself when English or not translated)."""
    if not message or language() == "en":
        return message
    return catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return the singular or plural message for ``n`` in the current language."""
    if language() == "en":
        return singular if n == 1 else plural
    return catalog().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is shown; return it unchanged (English)."""
    return message


def translated(message: str, lang: str = "zh") -> bool:
    """Return whether the catalog of ``lang`` holds a translation of ``message``."""
    found = catalog(lang)
    return found.gettext(message) != message or message in getattr(found, "_catalog", {})


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """Let argparse's own words (``usage:``, ``options``, its errors) speak the current language."""
    import argparse

    if language() == "en":
        yield
        return
    module = vars(argparse)
    before = module.get("_"), module.get("ngettext")
    module["_"], module["ngettext"] = _, ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = before


def split_lang_option(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """Return the language ``--lang en|zh`` (or ``--lang=…``) asks for, and ``argv`` without it."""
    chosen: str | None = None
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--":
            rest += [arg, *args]
            break
        value: str | None = None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg == "--lang":
            value = next(args, "")
            if value not in LANGUAGES:
                rest += [arg, value] if value else [arg]  # argparse names the choices
                continue
        if value is None:
            rest.append(arg)
        elif value in LANGUAGES:
            chosen = value
        else:
            rest.append(arg)
    return chosen, rest

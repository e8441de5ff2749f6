"""Configuration as linters have it: ``speechkit.toml`` or ``[tool.speechkit]`` in ``pyproject.toml``,
found upward from each checked file (select, ignore, per-file-ignores, extra word lists)."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..i18n import _
from .finding import RULES
from .rules.citations import Replacement, parse_entries
from .sources import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("speechkit.toml", "pyproject.toml")
_KEYS = ("select", "ignore", "per-file-ignores", "words", "word-lists", "repealed", "repealed-lists")


class ConfigError(InputError):
    """A configuration file that cannot be used (``file:line:col: key: message``)."""


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (empty when none was found)."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    words: Mapping[str, str] = field(default_factory=dict)
    #: SK410 entries added to the shipped list of repealed regulations and standards.
    repealed: Mapping[str, Replacement] = field(default_factory=dict)

    def codes_for(
        self, file: str | Path, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Return (select, ignore) for ``file``: ``--select`` replaces the file's select and ignore; the
        per-file ignores that match and ``--ignore`` are added."""
        chosen, ignored = (select, ()) if select else (self.select, self.ignore)
        extra = tuple(
            code for pattern, codes in self.per_file_ignores if self._matches(file, pattern) for code in codes
        )
        return chosen, (*ignored, *extra, *ignore)

    def _matches(self, file: str | Path, pattern: str) -> bool:
        path = Path(file).resolve()
        base = self.path.parent.resolve() if self.path else Path.cwd()
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            relative = path.as_posix()
        return fnmatchcase(relative, pattern) or ("/" not in pattern and fnmatchcase(path.name, pattern))


def find_config(start: str | Path) -> Path | None:
    """Return the nearest ``speechkit.toml``, or ``pyproject.toml`` with ``[tool.speechkit]``, upward from ``start``."""
    here = Path(start).resolve()
    directory = here if here.is_dir() else here.parent
    for folder in (directory, *directory.parents):
        candidate = folder / "speechkit.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_table(candidate):
            return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject.toml is not ours to report
    tool = data.get("tool")
    return isinstance(tool, dict) and "speechkit" in tool


def config_for(file: str | Path) -> Config:
    """Return the configuration that applies to ``file`` (an empty one when there is none)."""
    found = find_config(file)
    return load_config(found) if found else Config()


@lru_cache(maxsize=64)
def load_config(path: Path) -> Config:
    """Read and validate a configuration file; raise ConfigError with its line on any fault."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(_("{path}:1:1: cannot read the configuration: {exc}").format(path=path, exc=exc)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(str(exc))
        raise ConfigError(
            _("{path}:{line}:{column}: not valid TOML: {split}").format(
                path=path, line=line, column=column, split=str(exc).split(" (at")[0]
            )
        ) from None
    prefix = "tool.speechkit"
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("speechkit", {})
    else:
        table = data.get("tool", {}).get("speechkit", data) if "tool" in data else data
        prefix = prefix if "tool" in data else ""
    if not isinstance(table, dict):
        raise ConfigError(
            _("{path}:1:1: {value}: expected a table").format(path=path, value=prefix or "speechkit.toml")
        )
    return _parse(path, text, table, prefix)


def _parse(path: Path, text: str, table: dict[str, Any], prefix: str) -> Config:
    def fail(key: str, message: str) -> ConfigError:
        line, column = _key_position(text, key.split(".")[-1])
        dotted = f"{prefix}.{key}" if prefix else key
        return ConfigError(f"{path}:{line}:{column}: {dotted}: {message}")

    for key in table:
        if key not in _KEYS:
            raise fail(key, _("unknown setting; known: {keys}").format(keys=", ".join(_KEYS)))
    select = _codes(table.get("select", []), "select", fail)
    ignore = _codes(table.get("ignore", []), "ignore", fail)
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise fail("per-file-ignores", _("expected a table of glob = [codes]"))
    per_file_ignores = tuple(
        (str(glob), _codes(codes, f"per-file-ignores.{glob}", fail)) for glob, codes in per_file.items()
    )
    words: dict[str, str] = {}
    lists = table.get("word-lists", [])
    if not isinstance(lists, list) or not all(isinstance(item, str) for item in lists):
        raise fail("word-lists", _("expected a list of YAML file paths"))
    for item in lists:
        words.update(_word_list(path.parent / item, lambda message: fail("word-lists", message)))
    inline = table.get("words", {})
    if not isinstance(inline, dict) or not all(isinstance(v, str) and v for v in inline.values()):
        raise fail("words", _('expected a table of wrong = "right"'))
    words.update({str(k): v for k, v in inline.items()})
    return Config(path, select, ignore, per_file_ignores, words, _repealed(path, table, fail))


def _repealed(path: Path, table: dict[str, Any], fail: Any) -> dict[str, Replacement]:
    """Return the SK410 entries of ``repealed-lists`` files and the inline ``repealed`` table."""
    entries: dict[str, Replacement] = {}
    lists = table.get("repealed-lists", [])
    if not isinstance(lists, list) or not all(isinstance(item, str) for item in lists):
        raise fail("repealed-lists", "expected a list of YAML file paths")
    for item in lists:
        try:
            entries.update(parse_entries(yaml.safe_load((path.parent / item).read_text(encoding="utf-8"))))
        except OSError:
            raise fail("repealed-lists", f"{path.parent / item}: no such list") from None
        except (UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
            raise fail("repealed-lists", f"{path.parent / item}: not a readable repealed list ({exc})") from None
    try:
        entries.update(parse_entries(table.get("repealed", {})))
    except ValueError as exc:
        raise fail("repealed", f'expected a table of old = "replacement" or old = {{by, year}}: {exc}') from None
    return entries


def _codes(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise fail(key, _("expected a list of rule codes"))
    from ..default import default_registry

    known = default_registry().rules or RULES
    codes = tuple(code.strip().upper() for code in value)
    for code in codes:
        if not code or not any(rule.startswith(code) for rule in known):
            raise fail(key, _("unknown rule code or prefix {code!r}").format(code=code))
    return codes


def _word_list(path: Path, fail: Any) -> dict[str, str]:
    """Read a YAML word list: ``words: {wrong: right}`` (as the shipped one) or a plain mapping."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise fail(_("{path}: no such word list").format(path=path)) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise fail(
            _("{path}: not a readable YAML word list ({name})").format(path=path, name=type(exc).__name__)
        ) from None
    if isinstance(data, dict) and isinstance(data.get("words"), dict):
        data = data["words"]
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise fail(_("{path}: expected a mapping wrong: right (optionally under 'words:')").format(path=path))
    return dict(data)


def _toml_position(message: str) -> tuple[int, int]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _key_position(text: str, key: str) -> tuple[int, int]:
    """Return where ``key`` is set in the file (its first ``key =`` line), else 1:1."""
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE)
    match = pattern.search(text)
    if not match:
        return 1, 1
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return line, column + len(match.group()) - len(match.group().lstrip())

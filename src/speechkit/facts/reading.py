"""Read facts YAML into plain data with source positions, and validate it against the schema."""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any

import yaml

from ..i18n import N_, _
from ..model.errors import FactsError, Location, UnknownKindError, UnknownSectionTypeError
from .slips import find_slip, slip_at

try:  # libyaml's C loader is about eight times faster than the pure-Python one
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

#: Guards against alias bombs and runaway nesting in hostile input.
MAX_NODES = 2_000_000
MAX_DEPTH = 64
#: Values that aliases (``*name``) may repeat in all: anchors are for reuse, not for multiplying data.
MAX_ALIASED = 100_000
#: Parser events (scalars, starts and ends of lists and mappings) counted before anything is composed.
MAX_EVENTS = 2_000_000
#: Characters a facts file may hold (a long speech's facts are well under 1 MB).
MAX_CHARS = 64 * 1024 * 1024

#: Characters refused anywhere in a facts file: C0/C1 controls (but tab and line ends), lone surrogates,
#: and invisible format characters that make text read differently than stored (bidi controls,
#: zero-width space, word joiners, a byte order mark inside the file).
_FORBIDDEN = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_EVENT_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_EVENT_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)

DataPath = tuple[str | int, ...]
#: Suffixes of drafts (``speechkit import`` reads them into facts); a facts file is YAML.
DRAFT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx", ".doc", ".wps", ".pdf")
_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


@dataclass
class Facts:
    """Plain data read from a facts file, with the line and column of every node and key."""

    data: Any
    file: str = "<facts>"
    positions: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[DataPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: DataPath = (), *, key: bool = False) -> Location:
        """Return the location of the node at ``path`` (or of its key), falling back to its parent."""
        table = self.key_positions if key and path in self.key_positions else self.positions
        probe = path
        while probe not in table and probe:
            probe = probe[:-1]
            table = self.positions
        line, column = table.get(probe, (None, None))
        return Location(self.file, line, column, format_path(path))


def format_path(path: DataPath) -> str:
    """Write a data path as ``sections[2].items[0].text``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_facts(source: str | os.PathLike[str] | IO[str] | IO[bytes], name: str | None = None) -> Facts:
    """Read a facts file (path, ``-`` for stdin, or an open stream) into :class:`Facts`."""
    if isinstance(source, (str, os.PathLike)):
        if str(source) == "-":
            import sys

            return parse_facts(sys.stdin.buffer.read(), name or "<stdin>")
        path = Path(source)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise FactsError(_("no such file"), Location(str(path))) from None
        except IsADirectoryError:
            raise FactsError(_("is a directory, not a facts file"), Location(str(path))) from None
        except OSError as exc:
            raise FactsError(_("cannot read: {strerror}").format(strerror=exc.strerror), Location(str(path))) from None
        return parse_facts(raw, name or str(path))
    content = source.read()
    default = getattr(source, "name", None)
    return parse_facts(content, name or (default if isinstance(default, str) else "<stream>"))


def parse_facts(content: str | bytes, name: str = "<facts>") -> Facts:
    """Parse YAML text or UTF-8 bytes into :class:`Facts`; every failure is a one-line FactsError."""
    try:
        return _parse_facts(content, name)
    except FactsError as exc:
        if Path(name).suffix.lower() not in DRAFT_SUFFIXES:
            raise
        # a draft where facts were meant (``build draft.txt``): say how to get facts from it
        raise FactsError(
            _("{name} is a draft, not a facts file: run 'speechkit import {name} -o facts.yaml' first").format(
                name=name  # as given, so that the command runs from where the user is
            ),
            Location(name, 1, 1),
        ) from exc


def _parse_facts(content: str | bytes, name: str) -> Facts:
    text = _decode(content, name) if isinstance(content, bytes) else content.removeprefix("\ufeff")
    if not text.strip():
        raise FactsError(
            _("the file is empty; a facts file needs at least 'title' and 'sections'"), Location(name, 1, 1)
        )
    _check_characters(text, name)
    loader = _Loader(io.StringIO(text))
    try:
        _check_events(loader, name)
        loader.dispose()
        loader = _Loader(io.StringIO(text))
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        _check_depth_in_python(text, name)
        error = _yaml_error(exc, name, text)
        slip = find_slip(text, (error.location.line if error.location else None) or 1, _Loader)
        if slip is not None:
            raise FactsError(slip.message, Location(name, slip.line, slip.column)) from None
        raise error from None
    except yaml.YAMLError as exc:
        raise FactsError(_("not valid YAML: {exc}").format(exc=exc).replace("\n", " "), Location(name, 1, 1)) from None
    finally:
        loader.dispose()
    if node is None:
        raise FactsError(_("the file holds no YAML document"), Location(name, 1, 1))
    facts = Facts(None, name)
    builder = _Builder(facts, _Loader(""), text)
    facts.data = builder.value(node, (), 0)
    if not isinstance(facts.data, dict):
        raise FactsError(
            _("the top level must be a mapping of fields, not {json_type}").format(json_type=_json_type(facts.data)),
            facts.locate(()),
        )
    return facts


@cache
def _forbidden() -> re.Pattern[str]:
    """Compile ``_FORBIDDEN`` on first use."""
    return re.compile(_FORBIDDEN)


def _check_characters(text: str, name: str) -> None:
    """Refuse a file too long, or holding a control or invisible format character, at its line and column."""
    if len(text) > MAX_CHARS:
        raise FactsError(
            _("the file holds more than {max_chars:,} characters").format(max_chars=MAX_CHARS), Location(name, 1, 1)
        )
    match = _forbidden().search(text)
    if match is None:
        return
    char, start = match.group(0), match.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    what = unicodedata.name(char, "") or (_("NUL") if char == "\x00" else _("a control character"))
    if unicodedata.category(char) == "Cc":
        message = _("control character U+{ord:04X} ({what}) is not allowed in a facts file").format(
            ord=ord(char), what=what
        )
    else:
        message = _(
            "invisible character U+{ord:04X} ({what}) is not allowed: it makes text read otherwise than stored"
        ).format(ord=ord(char), what=what)
    raise FactsError(message, Location(name, line, column))


def _check_events(loader: Any, name: str) -> None:
    """Count the parser's events, refusing deep nesting and huge files before any node is composed."""
    depth = count = 0
    while True:
        event = loader.get_event()
        if event is None or isinstance(event, yaml.StreamEndEvent):
            return
        count += 1
        if isinstance(event, _EVENT_OPEN):
            depth += 1
            if depth > MAX_DEPTH + 1:
                raise FactsError(
                    _("nested deeper than {max_depth} levels").format(max_depth=MAX_DEPTH), _event_location(event, name)
                )
        elif isinstance(event, _EVENT_CLOSE):
            depth -= 1
        if count > MAX_EVENTS:
            raise FactsError(
                _("more than {max_events:,} values").format(max_events=MAX_EVENTS), _event_location(event, name)
            )


def _check_depth_in_python(text: str, name: str) -> None:
    """Count events again with PyYAML's pure-Python parser after libyaml refused ``text``.

    libyaml's scanner looks ahead for simple keys and may refuse deep nesting with a limit and wording
    of its own (1,000 flow levels in the libyaml bundled with PyYAML 6.0.4) before ``_check_events``
    sees the 65th level; the pure-Python parser has no such limit, so speechkit's own depth and size
    limits are reported at their position whatever libyaml is installed. Other refusals pass through.
    """
    if _Loader is yaml.SafeLoader:
        return
    loader = yaml.SafeLoader(io.StringIO(text))
    try:
        _check_events(loader, name)
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def _event_location(event: yaml.Event, name: str) -> Location:
    mark = event.start_mark
    return Location(name, mark.line + 1, mark.column + 1) if mark is not None else Location(name)


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FactsError(
            _("not UTF-8 text (byte 0x{raw:02x}); save the file as UTF-8").format(raw=raw[exc.start]),
            Location(name, line, column),
        ) from None


def _yaml_error(exc: yaml.MarkedYAMLError, name: str, text: str = "") -> FactsError:
    mark = exc.problem_mark or exc.context_mark
    problem = _(exc.problem) if exc.problem else _("invalid YAML")
    if (mark is not None and text and 0 <= mark.index < len(text) and text[mark.index] == "\t") or (
        "\t" in problem or "'\\t'" in problem
    ):
        problem = _("a tab character; indent YAML with spaces")
    elif exc.context and exc.context not in problem:
        problem = f"{problem} ({_(exc.context)})"
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        problem = _("{problem}; only plain YAML is read (no Python or custom tags)").format(problem=problem)
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    return FactsError(" ".join(problem.split()), Location(name, line, column))


class _Builder:
    """Construct plain values from a YAML node tree while recording positions."""

    def __init__(self, facts: Facts, loader: yaml.SafeLoader, text: str = "") -> None:
        self.facts = facts
        self.text = text
        self.loader = loader
        self.count = 0
        self.seen: set[int] = set()
        self.repeats = 0

    def value(self, node: yaml.Node, path: DataPath, depth: int) -> Any:
        self.count += 1
        if id(node) in self.seen:
            self.repeats += 1
            if self.repeats > MAX_ALIASED:
                raise FactsError(
                    _("aliases repeat more than {max_aliased:,} values (an alias bomb?)").format(
                        max_aliased=MAX_ALIASED
                    ),
                    self._loc(node, path),
                )
        else:
            self.seen.add(id(node))
        if self.count > MAX_NODES:
            raise FactsError(
                _("more than {max_nodes} values (an alias bomb?)").format(max_nodes=MAX_NODES), self._loc(node, path)
            )
        if depth > MAX_DEPTH:
            raise FactsError(
                _("nested deeper than {max_depth} levels").format(max_depth=MAX_DEPTH), self._loc(node, path)
            )
        self.facts.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            raise FactsError(
                _("the tag {tag!r} is not read; only plain YAML is read (no Python or custom tags)").format(
                    tag=node.tag
                ),
                self._loc(node, path),
            )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(child, (*path, index), depth + 1) for index, child in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: DataPath, depth: int) -> dict[str, Any]:
        try:
            self.loader.flatten_mapping(node)
        except yaml.MarkedYAMLError as exc:
            raise _yaml_error(exc, self.facts.file) from None
        except RecursionError:
            raise FactsError(_("merge keys (<<) that include themselves"), self._loc(node, path)) from None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, path)
            if isinstance(key, str) and key.startswith("\u3000"):
                self._slip(key_node)
            if isinstance(key, (int, float, bool)) and not isinstance(key, bool):
                key = str(key)
            if not isinstance(key, str):
                raise FactsError(
                    _("keys must be text, not {json_type}").format(json_type=_json_type(key)), self._loc(key_node, path)
                )
            child = (*path, key)
            if key in result:
                raise FactsError(_("duplicate key {key!r}").format(key=key), self._loc(key_node, child))
            self.facts.key_positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.value(value_node, child, depth + 1)
        return result

    def scalar(self, node: yaml.Node, path: DataPath) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self._slip(node)
            raise FactsError(_("a key must be plain text"), self._loc(node, path))
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError as exc:
            raise _yaml_error(exc, self.facts.file) from None
        except (ValueError, OverflowError) as exc:
            raise FactsError(_("unreadable value: {exc}").format(exc=exc), self._loc(node, path)) from None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, bytes):
            raise FactsError(_("binary values are not facts"), self._loc(node, path))
        if isinstance(value, float) and value != value:
            raise FactsError(_("NaN is not a usable number"), self._loc(node, path))
        if isinstance(value, float) and math.isinf(value):
            raise FactsError(_("an infinite number (.inf) is not a usable number"), self._loc(node, path))
        return value

    def _slip(self, node: yaml.Node) -> None:
        """Raise the Chinese-typing slip on the node's line (``　`` in the indentation, an unquoted ``{{``)."""
        slip = slip_at(self.text, node.start_mark.line + 1) if self.text else None
        if slip is not None:
            raise FactsError(slip.message, Location(self.facts.file, slip.line, slip.column))

    def _loc(self, node: yaml.Node, path: DataPath) -> Location:
        return Location(self.facts.file, node.start_mark.line + 1, node.start_mark.column + 1, format_path(path))


def _json_type(value: Any) -> str:
    if value is None:
        return _("null")
    if isinstance(value, bool):
        return _("a boolean")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, Mapping):
        return _("a mapping")
    return type(value).__name__


#: Names the registry's records fit: ``suggest("sections", "问题")`` → ``["common_problems (存在问题/共性问题)", …]``.
Suggest = Callable[[str, str], list[str]]


def validate(
    facts: Facts, validator: Any, known_types: list[str], known_kinds: list[str], *, suggest: Suggest | None = None
) -> None:
    """Validate facts with a JSON Schema validator; raise the first error in document order."""
    errors = list(validator.iter_errors(facts.data))
    if not errors:
        return
    fields = _field_names(getattr(validator, "schema", None))
    raise _best(facts, errors, known_types, known_kinds, suggest or (lambda table, value: []), fields)


def _field_names(schema: Any) -> frozenset[str]:
    """Return every field name the schema allows anywhere (a key none of them is, is misspelt)."""
    names: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            properties = node.get("properties")
            if isinstance(properties, Mapping):
                names.update(str(key) for key in properties)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(names)


def _leaves(errors: list[Any]) -> list[Any]:
    out: list[Any] = []
    for error in errors:
        if error.context and error.validator in ("anyOf", "oneOf"):
            out.extend(_leaves(list(error.context)))
        else:
            out.append(error)
    return out


def _best(
    facts: Facts,
    errors: list[Any],
    known_types: list[str],
    known_kinds: list[str],
    suggest: Suggest,
    fields: frozenset[str] = frozenset(),
) -> FactsError:
    def order(error: Any) -> tuple[int, int, int]:
        loc = facts.locate(tuple(error.absolute_path))
        return (loc.line or 0, -len(error.absolute_path), loc.column or 0)

    error = min(errors, key=order)
    if error.validator in ("anyOf", "oneOf") and error.context:
        deeper = [e for e in _leaves(list(error.context)) if e.validator != "type"]
        if deeper:
            error = min(deeper, key=lambda e: -len(e.absolute_path))
    path: DataPath = tuple(error.absolute_path)
    instance = error.instance
    validator = error.validator
    typed = _typed_colon(facts, error, fields)
    if typed is not None:
        return typed
    if validator == "additionalProperties" and isinstance(instance, Mapping):
        allowed = sorted(error.schema.get("properties", {}))
        extra = [key for key in instance if key not in allowed]
        key = extra[0] if extra else ""
        import difflib

        hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        message = _("unknown field {key!r}").format(key=key)
        message += (
            _("; did you mean {hint!r}?").format(hint=hint[0])
            if hint
            else _("; expected one of: {allowed}").format(allowed=", ".join(allowed))
        )
        return FactsError(message, facts.locate((*path, key), key=True))
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        wrong = _wrong_field(errors, path, missing, instance, fields)
        example = _example(error.schema)
        if wrong is not None:  # the field that is there instead of the missing one is the one to name
            message = (
                _("unknown field {key!r}; did you mean {hint!r}? (expected a mapping such as {example})")
                if example
                else _("unknown field {key!r}; did you mean {hint!r}?")
            )
            return FactsError(
                message.format(key=wrong[0], hint=wrong[1], example=example),
                facts.locate((*path, wrong[0]), key=True),
            )
        message = (
            _("{missing!r} is required (expected a mapping such as {example})")
            if example
            else _("{missing!r} is required")
        )
        return FactsError(message.format(missing=missing, example=example), facts.locate(path))
    if path and path[-1] == "type" and len(path) >= 2 and validator in ("enum", "type"):
        import difflib

        named = suggest("sections", str(instance))
        bare = [known.split(" ", 1)[0] for known in known_types]
        hint = named or difflib.get_close_matches(str(instance), bare, n=1, cutoff=0.6)
        tip = _("did you mean {hint}? ").format(hint=_(" or ").join(named)) if named else ""
        tip = tip or (_("did you mean {hint!r}? ").format(hint=hint[0]) if hint else "")
        return UnknownSectionTypeError(
            _("unknown section type {instance!r}; {tip}known types: {known_types}").format(
                instance=instance, tip=tip, known_types=", ".join(known_types)
            ),
            facts.locate(path),
        )
    if path == ("kind",) and validator in ("enum", "type"):
        named = suggest("kinds", str(instance))
        if named:
            return UnknownKindError(
                _("unknown document kind {instance!r}; did you mean {hint}?").format(
                    instance=instance, hint=_(" or ").join(named)
                ),
                facts.locate(path),
            )
        return UnknownKindError(
            _("unknown document kind {instance!r}; known kinds: {known_kinds}").format(
                instance=instance, known_kinds=", ".join(known_kinds)
            ),
            facts.locate(path),
        )
    if validator == "type":
        expected = error.validator_value
        names = expected if isinstance(expected, list) else [expected]
        wanted = _(" or ").join(_(_TYPE_WORDS.get(n, str(n))) for n in names)
        example = _example(error.schema) if names == ["object"] else ""
        if example:
            return FactsError(
                _("expected a mapping such as {example}, got {json_type}").format(
                    example=example, json_type=_json_type(instance)
                ),
                facts.locate(path),
            )
        return FactsError(
            _("expected {wanted}, got {json_type}").format(wanted=wanted, json_type=_json_type(instance)),
            facts.locate(path),
        )
    if validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        return FactsError(
            _("{instance!r} is not one of: {choices}").format(instance=instance, choices=choices), facts.locate(path)
        )
    if validator == "minItems" and isinstance(instance, list) and not instance:
        return FactsError(_("must not be an empty list"), facts.locate(path))
    if validator == "minLength":
        return FactsError(_("must not be empty text"), facts.locate(path))
    return FactsError(" ".join(error.message.split()), facts.locate(path))


#: A field name typed with a full-width colon, read by YAML as text (``- text：总体平稳。``) or as one key.
_TYPED_COLON = re.compile(r"(?P<key>[A-Za-z_][\w-]{0,40}|[^\s:：#'\"\[\]{}，,]{1,20}?)(?:[ \t]*(?P<colon>：)|:\u3000)")


def _typed_colon(facts: Facts, error: Any, fields: frozenset[str]) -> FactsError | None:
    """Return the slip of a field typed with ``：`` (or ``:`` and ``　``) that YAML read as text or as a key."""
    path: DataPath = tuple(error.absolute_path)
    instance = error.instance
    if error.validator == "type" and isinstance(instance, str) and error.validator_value == "object":
        text, where = instance, facts.positions.get(path)
    elif error.validator == "additionalProperties" and isinstance(instance, Mapping):
        allowed = error.schema.get("properties", {})
        text = next((str(key) for key in instance if key not in allowed and "：" in str(key)), "")
        where = facts.key_positions.get((*path, text))
    else:
        return None
    match = _TYPED_COLON.match(text)
    if match is None or where is None:
        return None
    if match.group("key") not in fields and path != ("facts",):  # facts are named by the writer (人数：12)
        return None
    key = match.group("key")
    message = (
        _("use ':' (half-width) instead of '：' after {key!r}").format(key=key)
        if match.group("colon")
        else _("a full-width space (U+3000) after {key!r}; put an ASCII space after the ':'").format(key=key + ":")
    )
    return FactsError(message, Location(facts.file, where[0], where[1] + match.end() - 1))


def _wrong_field(
    errors: list[Any], path: DataPath, missing: str, instance: Any, fields: frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """Return (unknown key, field meant) when a mapping lacks ``missing`` and holds a field not allowed there
    (by the schema of that mapping, or, where it leaves the fields open (a section without its type), by
    every schema: a key no field anywhere is named)."""
    if not isinstance(instance, Mapping):
        return None
    import difflib

    unknown = [str(key) for key in instance if fields and str(key) not in fields]
    for key in unknown:
        if difflib.get_close_matches(key, [missing], n=1, cutoff=0.6):
            return key, missing

    for error in errors:
        if error.validator != "additionalProperties" or tuple(error.absolute_path) != path:
            continue
        allowed = sorted(error.schema.get("properties", {}))
        extra = [key for key in instance if key not in allowed]
        if not extra:
            continue
        for key in extra:
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            if close:
                return str(key), close[0]
        return str(extra[0]), missing
    return None


def _example(schema: Any) -> str:
    """Return a one-line YAML example of the mapping a schema asks for (``{branch: …, issues: […]}``)."""
    if not isinstance(schema, Mapping) or not isinstance(schema.get("properties"), Mapping):
        return ""
    properties: Mapping[str, Any] = schema["properties"]
    keys = [k for k in schema.get("required", ()) if k in properties]
    keys += [k for k in ("title", "text", "items") if k in properties and k not in keys]
    if not keys:
        return ""

    def value(spec: Any) -> str:
        if not isinstance(spec, Mapping):
            return "…"
        if isinstance(spec.get("anyOf"), list) and spec["anyOf"] and spec["anyOf"][0].get("enum"):
            return str(spec["anyOf"][0]["enum"][0])
        if spec.get("enum"):
            return str(spec["enum"][0])
        kind = spec.get("type")
        kinds = kind if isinstance(kind, list) else [kind]
        return "[…]" if "array" in kinds else "{…}" if kinds == ["object"] else "…"

    return "{" + ", ".join(f"{key}: {value(properties[key])}" for key in keys[:3]) + "}"


_TYPE_WORDS = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a mapping"),
    "null": N_("nothing"),
}

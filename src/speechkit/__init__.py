"""speechkit: write Chinese official speeches, critique outlines and notices from YAML facts.

The data flows one way: ``load`` (a facts file) or ``loads`` (YAML text) → ``build`` (document model) → ``render``
(Markdown, DOCX, PDF); ``read`` takes a draft (.txt, .md, .docx) back into the model and ``dump``
writes its facts; ``check`` (a file or a Speech; more in ``speechkit.checks``: ``check_text``, ``check_speech``)
finds what reviewers send back, as ``speechkit check`` does.
The names below are imported on first use, so that ``import speechkit`` (and ``speechkit --help``) stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import build, check, dump, layout, load, loads, read, render
    from .apps.batch import build_many
    from .builder.layout import Para, Run, TableBlock
    from .default import default_registry, load_registry
    from .facts.reading import Facts, read_facts
    from .model.errors import (
        ExpressionError,
        FactsError,
        Location,
        RegistryError,
        RenderError,
        SpeechkitError,
        TemplateError,
        UnknownKindError,
        UnknownSectionTypeError,
    )
    from .model.speech import Enumeration, HeadingScheme, Item, Meta, Section, Speech, Table
    from .registry import BlockType, DocumentKind, Format, Registry, Role, SectionType

#: Where each public name lives; ``__getattr__`` imports the module when the name is first used.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(("build", "check", "dump", "layout", "load", "loads", "read", "render"), "api"),
    "build_many": "apps.batch",
    **dict.fromkeys(
        (
            "ExpressionError",
            "FactsError",
            "Location",
            "RegistryError",
            "RenderError",
            "SpeechkitError",
            "TemplateError",
            "UnknownKindError",
            "UnknownSectionTypeError",
        ),
        "model.errors",
    ),
    **dict.fromkeys(("Facts", "read_facts"), "facts.reading"),
    **dict.fromkeys(("Para", "Run", "TableBlock"), "builder.layout"),
    **dict.fromkeys(("Enumeration", "HeadingScheme", "Item", "Meta", "Section", "Speech", "Table"), "model.speech"),
    **dict.fromkeys(
        ("BlockType", "DocumentKind", "Format", "Registry", "Role", "SectionType"),
        "registry",
    ),
    **dict.fromkeys(("default_registry", "load_registry"), "default"),
}

__all__ = [
    "BlockType",
    "DocumentKind",
    "Enumeration",
    "ExpressionError",
    "Facts",
    "FactsError",
    "Format",
    "HeadingScheme",
    "Item",
    "Location",
    "Meta",
    "Para",
    "Registry",
    "RegistryError",
    "RenderError",
    "Role",
    "Run",
    "Section",
    "SectionType",
    "Speech",
    "SpeechkitError",
    "Table",
    "TableBlock",
    "TemplateError",
    "UnknownKindError",
    "UnknownSectionTypeError",
    "__version__",
    "build",
    "build_many",
    "check",
    "default_registry",
    "dump",
    "layout",
    "load",
    "load_registry",
    "loads",
    "read",
    "read_facts",
    "render",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use and keep it in the package namespace."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'speechkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names only (not the helpers this module imports, such as ``importlib``)."""
    return sorted(__all__)

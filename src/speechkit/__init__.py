"""speechkit: write Chinese official speeches, critique outlines and notices from YAML facts.

The data flows one way: ``load`` (facts YAML) → ``build`` (document model) → ``render``
(Markdown, DOCX, PDF); ``read`` takes a draft (.txt, .md, .docx) back into the model and ``dump``
writes its facts; ``check`` walks drafts and finds what reviewers send back.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import build, dump, load, read
from .errors import (
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
from .facts import Facts, read_facts
from .layout import Para, Run, TableBlock, layout
from .model import Enumeration, HeadingScheme, Item, Meta, Section, Speech, Table
from .registry import BlockType, DocumentKind, Registry, SectionType, default_registry, load_registry
from .render import render

__all__ = [
    "BlockType",
    "DocumentKind",
    "Enumeration",
    "ExpressionError",
    "Facts",
    "FactsError",
    "HeadingScheme",
    "Item",
    "Location",
    "Meta",
    "Para",
    "Registry",
    "RegistryError",
    "RenderError",
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
    "default_registry",
    "dump",
    "layout",
    "load",
    "load_registry",
    "read",
    "read_facts",
    "render",
]

"""Errors raised by speechkit; every input error can say where it happened."""

from __future__ import annotations

from typing import NamedTuple


class Location(NamedTuple):
    """A place in a source file: 1-based line and column, and the data path inside it."""

    file: str = "<facts>"
    line: int | None = None
    column: int | None = None
    path: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where


class SpeechkitError(Exception):
    """Base class of every error speechkit raises on purpose."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        """Format as one line: ``file:line:col: path: message``."""
        if self.location is None:
            return self.message
        prefix = str(self.location)
        if self.location.path:
            return f"{prefix}: {self.location.path}: {self.message}"
        return f"{prefix}: {self.message}"


class FactsError(SpeechkitError):
    """The facts file cannot be read, parsed or validated."""


class UnknownSectionTypeError(FactsError):
    """A section names a type the registry does not know."""


class UnknownKindError(FactsError):
    """The document kind is not registered."""


class ExpressionError(FactsError):
    """A text expression failed to evaluate."""


class RegistryError(SpeechkitError):
    """A plugin tried to register something twice or something malformed."""


class TemplateError(SpeechkitError):
    """A template is missing or broken."""


class RenderError(SpeechkitError):
    """An output format could not be produced."""

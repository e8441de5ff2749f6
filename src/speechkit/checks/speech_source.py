"""Turn a Speech into a Doc by walking the model: one unit per text, at the source position it came from."""

from __future__ import annotations

from typing import Any

from ..model.speech import ModelPath, Speech, model_texts
from ..model.text import split_lines
from .locate import located_unit
from .text import Doc, DocTable, Unit


def doc_from_speech(speech: Speech, path: str = "<speech>", source: str | None = None, registry: Any = None) -> Doc:
    """Make a Doc of a Speech's texts (labels are computed, so none is a unit) in reading order.

    A text's line and column are those the Speech records in ``Speech.source`` (the builder records the
    facts file's; readers the draft's); ``source``, the text of that file, maps each character and makes
    the unit fixable where the text stands there verbatim. A text without a position gets its ordinal.
    One pass over the model: linear in the size of the document.
    """
    lines = split_lines(source) if source is not None else None
    units: list[Unit] = []
    paths: list[ModelPath] = []
    tables: dict[ModelPath, DocTable] = {}
    for ordinal, (model_path, text) in enumerate(model_texts(speech), 1):
        pos = speech.pos(*model_path)
        role = _role(model_path)
        if pos is None:
            unit = Unit(text, ordinal, role=role, fixable=False)
        elif lines is not None and pos.path == path:
            unit = located_unit(text, (pos.line, pos.column), lines, role)
        else:
            unit = Unit(text, pos.line, pos.column, role=role, fixable=False)
        units.append(unit)
        paths.append(model_path)
        if role == "cell":
            table_path = model_path[: model_path.index("columns" if "columns" in model_path else "rows")]
            if table_path not in tables:
                tables[table_path] = _doc_table(speech, table_path, unit.line)
    return Doc(path, units, list(tables.values()), kind=speech.meta.kind, speech=speech, paths=paths, registry=registry)


def _role(path: ModelPath) -> str:
    """Return the role of the text at a model path: a meta field's name, heading, title, cell or body."""
    if path[0] == "meta":
        return str(path[1])
    if path[0] == "salutation":
        return "salutation"
    if "columns" in path or "rows" in path:
        return "cell"
    last = path[-1]
    if last == "caption":
        return "caption"
    if last == "title":
        return "heading" if len(path) == 3 else "item_title"
    return "body"


def _doc_table(speech: Speech, path: ModelPath, line: int) -> DocTable:
    """Return the table at a model path as the checks see tables."""
    node: Any = speech
    for part in path:
        node = node[part] if isinstance(part, int) else getattr(node, str(part))
    return DocTable(node.columns, node.rows, line, node.caption)

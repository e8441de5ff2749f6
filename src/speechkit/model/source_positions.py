"""Source positions of a built Speech: each text noted where the builder evaluated it, then placed by path."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from .speech import ModelPath, SourcePos, Speech, model_texts


class TextPositions:
    """Positions of the texts a build evaluated, in the order it evaluated them (one build's state)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._seen: dict[str, deque[SourcePos]] = {}
        self._last: dict[str, SourcePos] = {}

    def note(self, text: str, line: int, column: int) -> None:
        """Remember that ``text`` came from ``line``/``column`` of the source."""
        if not text:
            return
        pos = SourcePos(self.file, line, column)
        self._seen.setdefault(text, deque()).append(pos)
        self._last[text] = pos

    def take(self, text: str) -> SourcePos | None:
        """Return the next unused position of ``text`` (the last one once all are used), or None."""
        queue = self._seen.get(text)
        if queue:
            return queue.popleft()
        return self._last.get(text)

    def place(self, speech: Speech, seeds: Mapping[ModelPath, SourcePos]) -> dict[ModelPath, SourcePos]:
        """Return the position of every text of ``speech`` found among the noted ones, plus ``seeds``.

        One pass over the model, one dictionary look-up per text: linear in the size of the document.
        A text the build composed (a joined line, a formatted date) has no entry of its own; it gets
        the position of its nearest ancestor in ``seeds`` through :meth:`Speech.pos`.
        """
        source: dict[ModelPath, SourcePos] = dict(seeds)
        for path, text in model_texts(speech):
            pos = self.take(text)
            if pos is not None:
                source[path] = pos
        return source

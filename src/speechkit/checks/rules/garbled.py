"""SK209: garbled text left by a broken conversion (``總?cè)丝?8萬人``, ``報告??傮w``, U+FFFD, ``ä¸­æ–‡``).

The detection is the reader's (:func:`speechkit.model.repair.garbles`): what ``import`` repairs is reported
here with the repair as the fix, what it cannot repair is reported as garbled.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...i18n import _
from ...model.mojibake import span_mask as span_mask
from ...model.repair import garbled_spans as garbled_spans
from ...model.repair import garbles
from ..finding import Hit
from ..text import Doc


def check(doc: Doc) -> Iterator[Hit]:
    """Yield a hit for each garbled stretch, with its repair as the fix where the reader makes one."""
    for index in doc.textual():
        text = doc.units[index].text
        for start, end, repair in garbles(text):
            if repair is None:
                message = _("garbled text {text!r} (a broken encoding conversion); restore it from the source")
                yield Hit(index, start, end, "SK209", message.format(text=text[start:end]))
                continue
            yield Hit(
                index,
                start,
                end,
                "SK209",
                _("garbled text {text!r} (a broken encoding conversion); it reads {repair!r}").format(
                    text=text[start:end], repair=repair
                ),
                repair,
            )

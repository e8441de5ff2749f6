"""The words a page writes of its own (the preview's findings pane and status line) and its ``lang``.

They are in the document's language, not the user's: a Simplified document gets ``检查结果``, one in
Traditional (built with ``--script hant`` or from Traditional facts) ``檢查結果`` and ``lang="zh-Hant"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.speech import Speech

#: Each word in Simplified; ``{n}``, ``{line}`` and ``{column}`` are filled by the template.
WORDS: dict[str, str] = {
    "findings": "检查结果",
    "count": "：{n} 处",
    "where": "第 {line} 行，第 {column} 列",
    "clean": "未发现问题。",
    "synced": "已同步",
    "reconnecting": "连接中断，正在重连…",
    "no_live": "此浏览器不能自动刷新",
    "full": "未能实时更新：同时打开的预览页已达上限，请关闭其他预览页后刷新本页",
}

#: How many characters of a document are read to tell its script.
SAMPLE = 2000


def page_language(texts: Iterable[str]) -> str:
    """Return the page's ``lang``: ``zh-Hant`` for a document in Traditional characters, else ``zh-CN``."""
    from ..model.script import detect_script

    sample = ""
    for text in texts:
        sample += text
        if len(sample) >= SAMPLE:
            break
    return "zh-Hant" if detect_script(sample[:SAMPLE]) == "hant" else "zh-CN"


@cache
def page_words(lang: str = "zh-CN") -> dict[str, str]:
    """Return :data:`WORDS` in the script of ``lang`` (converted with OpenCC for ``zh-Hant``)."""
    if lang != "zh-Hant":
        return dict(WORDS)
    from ..model.script import convert

    return {key: convert(text, "hant") for key, text in WORDS.items()}


def speech_texts(speech: Speech) -> Iterator[str]:
    """Yield the title, then each section's title and each item's title and paragraphs, in order."""
    from ..model.speech import walk_items

    yield speech.meta.title
    for section in speech.sections:
        yield section.title
        for _depth, item in walk_items(section.items):
            yield item.title
            yield from item.paragraphs

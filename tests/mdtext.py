"""Read Markdown back into plain paragraph texts with markdown-it-py."""

from __future__ import annotations

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark").enable("table")


def paragraphs(markdown: str) -> list[str]:
    """Return the plain text of every inline block (paragraph, heading, cell) in order."""
    out: list[str] = []
    for token in _PARSER.parse(markdown):
        if token.type != "inline":
            continue
        parts: list[str] = []
        for child in token.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
        out.append("".join(parts))
    return out


def contains_in_order(haystack: str, needles: list[str]) -> str | None:
    """Return the first needle not found after the previous one, or None when all are in order."""
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            return needle
        position = found + len(needle)
    return None

"""A third-party speechkit plugin: a 承诺事项 section with its own layout, DOCX style, Markdown, rule and reader."""

from __future__ import annotations

import re
from collections.abc import Iterator

from speechkit import Enumeration, Item, Para, Registry, Role, Run, SectionType
from speechkit.builder.layout import LayoutBlock
from speechkit.checks.finding import Hit, Rule
from speechkit.checks.text import Doc
from speechkit.model.speech import Section
from speechkit.writers.docx_styles import KAITI, Style, fonts, indent

_DEADLINE = re.compile("前|底|月|日")


def layout_pledges(section: Section) -> Iterator[LayoutBlock]:
    """One ``pledge`` paragraph per item: a ☐ box (a ``pledge_box`` run), the pledge, its detail."""
    for item in section.items:
        detail = "".join(item.paragraphs)
        yield Para("pledge", (Run("☐", "pledge_box"), Run(item.title + ("：" + detail if detail else ""))))


def read_pledge_line(text: str, role: str) -> Item | None:
    """Claim a paragraph in the 承诺事项 style (role ``pledge``): the pledge up to the colon, its detail after."""
    if role != "pledge":
        return None
    title, _, detail = text.removeprefix("☐").partition("：")
    return Item(title=title, paragraphs=(detail,) if detail else (), enumeration=Enumeration("none"))


def pledge_markdown(para: Para, inline: object) -> str:
    """Write a pledge as a Markdown block quote."""
    assert callable(inline)
    return "> " + str(inline(para))


def check_deadlines(doc: Doc) -> Iterator[Hit]:
    """XP001: a pledge that names no deadline (…前, 月底, 年底)."""
    if doc.speech is None:
        return
    for index, path in enumerate(doc.paths):
        if path[0] != "sections" or path[-1] != "title" or len(path) != 5:
            continue
        section = doc.speech.sections[int(path[1])]
        if section.type == "pledges" and not _DEADLINE.search(doc.units[index].text):
            yield Hit(index, 0, len(doc.units[index].text), "XP001", "a pledge names no deadline")


def setup(registry: Registry) -> None:
    """Register the section type, its two roles and the rule."""
    registry.add_section(
        SectionType(
            "pledges",
            "承诺事项: one pledge a line.",
            "公开承诺",
            Enumeration("none"),
            layout=layout_pledges,
            read_line=read_pledge_line,
        )
    )
    style = Style("paragraph", "PledgeLine", "承诺事项", "BodyText", indent(left_chars=200), fonts(KAITI))
    registry.add_role(Role("pledge", "paragraph", {"docx": style, "md": pledge_markdown}))
    box = Style("character", "PledgeBox", "承诺框", "DefaultParagraphFont", rpr="<w:b/>")
    registry.add_role(Role("pledge_box", "run", {"docx": box, "md": lambda text: f"**{text}** "}))
    registry.add_rule(Rule("XP001", "warning", False, "a pledge names no deadline"), check_deadlines)

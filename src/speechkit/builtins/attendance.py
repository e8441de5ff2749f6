"""The ``attendance`` section of a 纪要: the 出席, 请假 and 列席 lists of GB/T 9704 §10.3.

One line a list, one blank line under the body: ``出席`` (黑体) and a full-width colon two characters in,
then the units and names (仿宋), wrapped lines aligned with the first character after the colon. The
section owns its presentation: the ``attendance`` paragraph role (and ``attendance_first`` for the line
that keeps the blank line above it) and the ``attendance_label`` run role, registered with their DOCX styles.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..builder.build import SectionContext
from ..builder.layout import LayoutBlock, Para, Run
from ..model.speech import Enumeration, Item, Section
from ..registry import Registry, Role, SectionType

#: The lists in the order §10.3 prints them, and each one's label.
LISTS = (("present", "出席"), ("absent", "请假"), ("attending", "列席"))

_NAMES = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
    ]
}
PROPERTIES = {
    key: {**_NAMES, "description": f"{label}: units and names (a list is joined with 、)"} for key, label in LISTS
}


def build_attendance(ctx: SectionContext) -> Section:
    """Build one item a list: the label as its title, the names (joined with 、) as its paragraph."""
    items = []
    for key, label in LISTS:
        value = ctx.data.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            names = ctx.text(value, key)
        else:
            names = "、".join(ctx.text(name, key, index) for index, name in enumerate(value))
        items.append(Item(title=ctx.builder.word(label), paragraphs=(names,), enumeration=Enumeration("none")))
    return ctx.section(items=tuple(items), enumeration=Enumeration("none"))


def layout_attendance(section: Section) -> Iterator[LayoutBlock]:
    """Lay out each list as one paragraph: the label and a colon (``attendance_label``), then the names."""
    for index, item in enumerate(section.items):
        role = "attendance_first" if index == 0 else "attendance"
        yield Para(role, (Run(item.title + "：", "attendance_label"), *(Run(t) for t in item.paragraphs[:1])))


def roles() -> tuple[Role, ...]:
    """Return the attendance paragraph roles and the label's run role with their DOCX styles."""
    from ..writers.docx_styles import LINE, Style, fonts
    from ..writers.faces import HEITI

    # Two characters in; wrapped lines under the first character after the three of ``出席：``; the lists kept
    # together on one page.
    hang = '<w:keepNext/><w:ind w:left="1575" w:leftChars="500" w:hanging="945" w:hangingChars="300"/>'
    first = f'<w:spacing w:before="{LINE}" w:beforeLines="100"/>'
    return (
        Role("attendance", "paragraph", {"docx": Style("paragraph", "Attendance", "出席名单", "BodyText", hang)}),
        Role(
            "attendance_first",
            "paragraph",
            {"docx": Style("paragraph", "AttendanceFirst", "出席名单首行", "Attendance", first, "", "Attendance")},
        ),
        Role(
            "attendance_label",
            "run",
            {"docx": Style("character", "AttendanceLabel", "出席标签", "DefaultParagraphFont", "", fonts(HEITI))},
        ),
    )


def setup(registry: Registry) -> None:
    """Register the section type and the roles its layout uses."""
    registry.add_section(ATTENDANCE)
    for role in roles():
        registry.add_role(role)


ATTENDANCE = SectionType(
    "attendance",
    "出席/请假/列席: the attendance lists of a 纪要 (GB/T 9704 §10.3), one line each under the body.",
    "",
    Enumeration("none"),
    properties=PROPERTIES,
    build=build_attendance,
    layout=layout_attendance,
)

"""Put a draft together: front matter, body, back matter, kind and section types → a Speech."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model.numbering import SCHEMES
from ..model.script import to_simplified
from ..model.speech import Block, Meta, ModelPath, Section, SourcePos, Speech
from ..registry import Registry
from .clean import fix_text
from .front import split_back, split_front
from .raw import Draft, Note, RawBlock, RawPara
from .structure import read_body, to_blocks, to_section

#: Section titles → section types, first match wins (matched on Simplified text).
SECTION_TYPES: tuple[tuple[str, str], ...] = (
    (r"原因", "causes"),
    (r"成效|成绩|成果|亮点|做法|经验", "achievements"),
    (r"问题|不足|差距", "common_problems"),
    (r"要求|意见", "requirements"),
    (r"打算|计划|建议|对策|思路|措施|下一步|下阶段", "plans"),
    (r"情况|概况|现状", "situation"),
)


@dataclass
class Reading:
    """A draft read into a Speech, with the notes of what was changed or set aside."""

    speech: Speech
    notes: list[Note]
    path: str


def _genre_kind(title: str, registry: Registry) -> str:
    """Return the kind of the 文种 the title ends in (``…的请示`` → request), when one is registered."""
    found = [
        (match.end() - match.start(), kind.name)
        for kind in registry.kinds.values()
        if kind.genre and kind.genre_title
        for match in [re.search(f"(?:{kind.genre_title})$", title.rstrip("。．. "))]
        if match
    ]
    return max(found)[1] if found else ""


#: Titles that name a 公文 other than a notice (公告, 意见, 条例…): read as a notice until they have kinds of their own.
_PUBLIC_DOCUMENT = r"(?:公告|通告|通报|决定|意见|条例|规定|办法|规则|细则|批复|命令)(?:[（(][^（）()]{0,12}[）)])?$"


def guess_kind(meta_fields: dict[str, str], salutation: str, registry: Registry) -> str:
    """Guess the document kind from the title and the front matter."""
    title = to_simplified(meta_fields.get("title", ""))
    official = meta_fields.get("doc_number") or meta_fields.get("addressee") or meta_fields.get("form")
    # a title naming a 公文 makes one, unless the text is spoken to an audience (同志们：) with no 版头 or addressee
    if official or (not salutation and (title.endswith("通知") or re.search(_PUBLIC_DOCUMENT, title))):
        kind = _genre_kind(title, registry) or "notice"  # a 请示, 报告, 函… laid out as a notice
    elif "点评" in title:
        kind = "critique_outline"
    elif "述职报告" in title:
        kind = "duty_report"
    elif re.search("调研报告|调查报告", title):
        kind = "research_report"
    else:
        kind = "speech"
    return kind if kind in registry.kinds else next(iter(registry.kinds))


def section_type(title: str, registry: Registry) -> str:
    """Map a section title to a section type (generic when nothing fits)."""
    simple = to_simplified(title)
    for pattern, name in SECTION_TYPES:
        if re.search(pattern, simple) and name in registry.sections:
            return name
    return "generic"


def assemble(draft: Draft, kind: str | None = None, *, fix: bool = True, registry: Registry) -> Reading:
    """Read a draft's blocks into a Speech with source positions."""
    notes = list(draft.notes)
    blocks = list(draft.blocks)
    if fix:
        for index, block in enumerate(blocks):
            if isinstance(block, RawPara):
                text, changes = fix_text(block.text)
                if changes:
                    notes.extend(Note(block.line, "fixed", change) for change in changes)
                    blocks[index] = replace(block, text=text, title_end=-1 if text != block.text else block.title_end)
    path = draft.path
    front, start = split_front(blocks, path, notes)
    end = split_back(blocks, start, front, path, notes)
    body, _formats = read_body([*front.leftovers, *blocks[start:end]], path, notes)
    if "title" not in front.fields:
        front.fields["title"] = _fallback_title(blocks, path)
    kind_name = kind or guess_kind(front.fields, front.salutation, registry)
    document_kind = registry.kinds[kind_name]
    source: dict[ModelPath, SourcePos] = dict(front.positions)
    sections: list[Section] = []
    previous = ""
    for index, node in enumerate(body.sections):
        name = node.section_type or (previous if not node.title and previous else section_type(node.title, registry))
        if name not in registry.sections:
            name = "generic"
        previous = name if name != "branch_issues" else previous
        sections.append(to_section(node, index, name, source))
    opening: tuple[Block, ...] = to_blocks(body.opening, ("opening",), source)
    closing: tuple[Block, ...] = to_blocks(body.closing, ("closing",), source)
    f = front.fields
    meta = Meta(
        kind=kind_name,
        title=f.get("title", ""),
        subtitle=f.get("subtitle", ""),
        form=document_kind.form,
        speaker=f.get("speaker", ""),
        date=f.get("date", ""),
        doc_number=f.get("doc_number", ""),
        issuer=f.get("issuer", ""),
        addressee=f.get("addressee", ""),
        signature=f.get("signature", ""),
        attachments=tuple(front.attachments),
        toc=front.toc,
        issuer_suffix=f.get("issuer_suffix", ""),
        signers=tuple(name for name in f.get("signers", "").split("、") if name),
        copy_number=f.get("copy_number", ""),
        secrecy=f.get("secrecy", ""),
        urgency=f.get("urgency", ""),
        note=f.get("note", ""),
        cc=f.get("cc", ""),
        printer=f.get("printer", ""),
        print_date=f.get("print_date", ""),
    )
    scheme = body.scheme if body.scheme.levels != SCHEMES["gbt9704"].levels else SCHEMES["gbt9704"]
    speech = Speech(
        meta=meta,
        sections=tuple(sections),
        salutation=front.salutation,
        opening=opening,
        closing=closing,
        scheme=scheme,
        source=source,
    )
    return Reading(speech, notes, path)


def _fallback_title(blocks: list[RawBlock], path: str) -> str:
    """Return a title for a draft that has none: its file name."""
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return name if name and not name.startswith("<") else "无标题"

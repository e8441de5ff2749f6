"""Read a DOCX draft: speechkit's own styles back into roles; others' by heading styles and outline levels."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from ..errors import SpeechkitError
from ..model import Table
from ..script import to_simplified
from .raw import Draft, RawPara, RawTable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Limits on a package before anything is parsed (a zip bomb stops here).
MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200

#: speechkit's paragraph style IDs and the roles they stand for.
STYLE_ROLES: dict[str, str] = {
    "Issuer": "issuer",
    "DocNumber": "doc_number",
    "Title": "title",
    "Subtitle": "subtitle",
    "Dateline": "dateline",
    "Speaker": "speaker",
    "TOCHeading": "toc_title",
    "TOC1": "toc",
    "TOC2": "toc",
    "Addressee": "addressee",
    "Salutation": "salutation",
    "BodyText": "body",
    "BranchLine": "branch",
    "Closing": "closing",
    "Attachment": "attachment",
    "Signature": "signature",
    "Date": "date",
    "Caption": "caption",
}
#: speechkit's styles of notice matter read straight into Meta fields (GB/T 9704 版头, 附注, 附件, 版记).
NOTICE_STYLES = frozenset(
    {"CopyNumber", "Secrecy", "Urgency", "Signer", "Note", "AttachmentLabel", "AttachmentTitle", "Imprint"}
)
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_RUN = re.compile(r"^(HeadingRunIn\d|RunIn|RunInBold|BranchUnit)$")


class DocxError(SpeechkitError):
    """A DOCX that cannot be read."""


def open_package(data: bytes, name: str) -> dict[str, bytes]:
    """Open a DOCX package within safe limits and return the parts speechkit reads."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DocxError(f"{name}: not a .docx file (not a zip archive)") from None
    try:
        return _parts(archive, name)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise DocxError(f"{name}: broken .docx ({type(exc).__name__})") from None
    finally:
        archive.close()


def _parts(archive: zipfile.ZipFile, name: str) -> dict[str, bytes]:
    """Read the document and styles parts of an open package, refusing bombs."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise DocxError(f"{name}: {len(members)} members in the package (more than {MAX_MEMBERS})")
    total = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if total > MAX_UNCOMPRESSED or total > MAX_RATIO * packed + 1_000_000:
        raise DocxError(f"{name}: the package unpacks to {total} bytes (a zip bomb?)")
    wanted = ("word/document.xml", "word/styles.xml")
    parts: dict[str, bytes] = {}
    for member in members:
        if member.filename in wanted:
            with archive.open(member) as handle:
                content = handle.read(MAX_UNCOMPRESSED + 1)
            if len(content) > MAX_UNCOMPRESSED:
                raise DocxError(f"{name}: {member.filename} unpacks to more than {MAX_UNCOMPRESSED} bytes")
            parts[member.filename] = content
    if "word/document.xml" not in parts:
        raise DocxError(f"{name}: not a .docx file (no word/document.xml)")
    return parts


def _parse(xml: bytes, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise DocxError(f"{name}: broken .docx ({exc})") from None


def _styles(parts: dict[str, bytes], name: str) -> dict[str, tuple[str, int]]:
    """Return style ID → (role, heading level) for the paragraph styles that say something."""
    out: dict[str, tuple[str, int]] = {}
    if "word/styles.xml" not in parts:
        return out
    root = _parse(parts["word/styles.xml"], name)
    based: dict[str, str] = {}
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId", "")
        name_el = style.find(f"{W}name")
        style_name = name_el.get(f"{W}val", "") if name_el is not None else ""
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{W}val", "")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        heading = _HEADING_NAME.match(style_name) or _HEADING_NAME.match(sid)
        if re.fullmatch(r"Heading[1-9]", sid) or heading:
            out[sid] = ("heading", int(heading.group(1) if heading else sid[-1]))
        elif outline is not None and outline.get(f"{W}val", "9").isdigit() and int(outline.get(f"{W}val", "9")) < 9:
            out[sid] = ("heading", int(outline.get(f"{W}val", "0")) + 1)
        elif sid in STYLE_ROLES:
            out[sid] = (STYLE_ROLES[sid], 0)
        elif style_name.lower() in ("title", "标题"):
            out[sid] = ("title", 0)
    for sid, parent in based.items():
        if sid not in out and parent in out and out[parent][0] == "heading":
            out[sid] = out[parent]
    return out


def _run_text(run: Any) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
    return "".join(out)


def _paragraph(p: Any) -> tuple[str, str, int, int]:
    """Return text, style ID, outline level (-1 if none) and where a title run ends."""
    style = p.find(f"{W}pPr/{W}pStyle")
    style_id = style.get(f"{W}val", "") if style is not None else ""
    outline = p.find(f"{W}pPr/{W}outlineLvl")
    level = int(outline.get(f"{W}val", "9")) if outline is not None else -1
    pieces: list[str] = []
    title_end = -1
    for run in p.iter(f"{W}r"):
        if any(a.tag in (f"{W}del", f"{W}moveFrom") for a in run.iterancestors()):
            continue
        text = _run_text(run)
        rstyle = run.find(f"{W}rPr/{W}rStyle")
        rid = rstyle.get(f"{W}val", "") if rstyle is not None else ""
        pieces.append(text)
        if not title_end + 1 and _TITLE_RUN.match(rid) and len(pieces) == 1:
            title_end = len(text)
    return "".join(pieces), style_id, level, title_end


def read_docx(data: bytes, path: str = "<docx>") -> Draft:
    """Read a DOCX body: one block per paragraph (numbered 1-based) or table."""
    parts = open_package(data, path)
    styles = _styles(parts, path)
    root = _parse(parts["word/document.xml"], path)
    body = root.find(f"{W}body")
    draft = Draft(path)
    if body is None:
        return draft
    number = 0
    notice = _NoticeMatter(draft)
    for child in body:
        if child.tag == f"{W}p":
            number += 1
            text, style_id, outline, title_end = _paragraph(child)
            if not text.strip():
                continue
            if notice.take(child, style_id, text, number):
                continue
            role, level = styles.get(style_id, ("", 0))
            if role == "title":
                text = text.replace("\n", "")  # the balanced lines of a long title
            elif role == "issuer":
                text = notice.issuer(text)
            elif role == "date":
                notice.date(child)
            if not role and 0 <= outline < 9:
                role, level = "heading", outline + 1
            if role == "title":
                level = 0
            elif role == "heading":
                level = max(level, 1)
            draft.blocks.append(RawPara(text, number, 1, role if role != "body" else "", level, title_end))
        elif child.tag == f"{W}tbl":
            if notice.take_table(child):
                continue
            rows = []
            for row in child.iter(f"{W}tr"):
                cells = ["\n".join(_paragraph(p)[0] for p in cell.iter(f"{W}p")) for cell in row.iter(f"{W}tc")]
                rows.append(tuple(cells))
            if rows:
                columns = rows[0]
                width = len(columns)
                body_rows = tuple(tuple((list(r) + [""] * width)[:width]) for r in rows[1:])
                draft.blocks.append(RawTable(Table(tuple(columns), body_rows), max(number, 1)))
    return draft


class _NoticeMatter:
    """Read speechkit's notice styles into ``draft.meta``; the rest of the reader never sees them."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.meta = draft.meta
        self.page: list[str] | None = None

    def issuer(self, text: str) -> str:
        """Return the issuer's name; a trailing 文件 becomes ``issuer_suffix``."""
        if text.endswith("文件") and len(text) > 2:
            self.meta["issuer_suffix"] = "文件"
            return text[:-2]
        return text

    def date(self, p: Any) -> None:
        """Note a seal: speechkit sets a sealed date right-aligned four characters (1260 twips) or more in."""
        ind = p.find(f"{W}pPr/{W}ind")
        jc = p.find(f"{W}pPr/{W}jc")
        right = ind.get(f"{W}right", "0") if ind is not None else "0"
        if right.isdigit() and int(right) >= 1260 and (jc is None or jc.get(f"{W}val") != "left"):
            self.meta["seal"] = True

    def take(self, p: Any, style_id: str, text: str, number: int) -> bool:
        """Take a paragraph of notice matter (or of an attachment page); tell whether it was one."""
        if style_id not in NOTICE_STYLES:
            if self.page is not None:
                self.page.append(text)
                return True
            return False
        simple = to_simplified(text)
        if style_id in ("CopyNumber", "Secrecy", "Urgency"):
            self.meta[{"CopyNumber": "copy_number", "Secrecy": "secrecy", "Urgency": "urgency"}[style_id]] = text
        elif style_id == "Note":
            self.meta["note"] = text.strip()
            if text.strip().startswith(("（", "(")) and text.strip().endswith(("）", ")")):
                self.meta["note"] = text.strip()[1:-1]
        elif style_id == "Signer":
            # "\t发文字号\t签发人：名" (a tab stop one character in, then a right tab); older: "号\t签发人".
            pieces = text.split("\t")
            left, right = (pieces[-2], pieces[-1]) if len(pieces) >= 2 else ("", pieces[0])
            if left.strip():
                self.draft.blocks.append(RawPara(left.strip(), number, 1, "doc_number"))
            names = re.sub(r"^[\s\u3000]*\S{3}[:：]", "", right) if "签发人" in simple else right
            signers = self.meta.setdefault("signers", [])
            assert isinstance(signers, list)
            signers.extend(name for name in re.split(r"[\s\u3000]+", names) if name)
        elif style_id == "AttachmentLabel":
            pages = self.meta.setdefault("attachment_pages", [])
            assert isinstance(pages, list)
            self.page = []
            pages.append(("", self.page))
        elif style_id == "AttachmentTitle":
            pages = self.meta.get("attachment_pages")
            if isinstance(pages, list) and pages:
                pages[-1] = (text.replace("\n", ""), pages[-1][1])
        return True

    def take_table(self, table: Any) -> bool:
        """Take the 版记 table or a table of joint issuers; tell whether it was one."""
        styles = {_paragraph(p)[1] for p in table.iter(f"{W}p")}
        if styles == {"Imprint"}:
            self.page = None
            for p in table.iter(f"{W}p"):
                text = _paragraph(p)[0].strip()
                simple = to_simplified(text)
                if simple.startswith("抄送"):
                    self.meta["cc"] = re.sub(r"^\S\S[:：]\s*", "", text).removesuffix("。")
                else:
                    printer, _tab, date = text.partition("\t")
                    self.meta["printer"] = printer.strip()
                    date = date.strip()
                    if to_simplified(date).endswith("印发"):
                        date = date[:-2]
                    self.meta["print_date"] = date
            return True
        if styles <= {"Issuer"} and styles:
            cells = [list(cell.iter(f"{W}p")) for cell in table.iter(f"{W}tc")]
            if len(cells) == 2:
                names = [_paragraph(p)[0].strip() for p in cells[0] if _paragraph(p)[0].strip()]
                suffix = "".join(_paragraph(p)[0].strip() for p in cells[1])
                self.meta["issuers"] = names
                if suffix:
                    self.meta["issuer_suffix"] = suffix
                self.draft.blocks.append(RawPara("、".join(names), 1, 1, "issuer"))
                return True
        return False

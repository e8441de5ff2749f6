"""Build a package from a user's reference DOCX: its styles, fonts, theme and page setup, as pandoc does."""

from __future__ import annotations

import copy
import posixpath
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..i18n import _
from ..model.errors import RenderError
from ..safezip import SAFE_PARSER, DocxError, open_docx
from .docx_order import W_NS
from .docx_package import PAGE_SETUP, PART_KINDS, XML_HEAD, Package, Part, builtin_parts
from .docx_styles import Style, all_styles, font_table_xml, styles_xml

_W = f"{{{W_NS}}}"
_NS = {"w": W_NS}
_PAGE_ELEMENTS = ("pgSz", "pgMar", "cols", "docGrid")
_SAFE_PARSER = SAFE_PARSER


def reference_package(path: str | Path, extra: tuple[Style, ...] = ()) -> Package:
    """Return a package taking styles and page setup from a reference DOCX (cached per file state).

    ``extra`` are the styles plugins' roles register; like speechkit's own, they are added when missing.
    """
    file = Path(path)
    try:
        stat = file.stat()
    except OSError as exc:
        raise RenderError(
            _("cannot read reference document {file}: {strerror}").format(file=file, strerror=exc.strerror)
        ) from None
    return _reference_package(str(file.resolve()), stat.st_mtime_ns, stat.st_size, extra)


@lru_cache(maxsize=8)
def _reference_package(path: str, _mtime: int, _size: int, extra: tuple[Style, ...] = ()) -> Package:
    try:
        with open_docx(path) as archive:
            archive.check_xml()
            files = archive.read_all()
    except DocxError as exc:
        raise RenderError(_("reference document: {message}").format(message=exc.message), exc.location) from None
    try:
        return package_from_files(files, extra)
    except etree.XMLSyntaxError as exc:
        raise RenderError(_("reference document {path} has broken XML: {exc}").format(path=path, exc=exc)) from None


def part_targets(files: dict[str, bytes], main: str = "word/document.xml") -> dict[str, str]:
    """Return the part name of each related part kind of the main document."""
    rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    if rels_name not in files:
        return {}
    targets: dict[str, str] = {}
    for rel in etree.fromstring(files[rels_name], _SAFE_PARSER):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if kind in PART_KINDS and kind not in targets and rel.get("TargetMode") != "External":
            targets[kind] = posixpath.normpath(posixpath.join(posixpath.dirname(main), target))
    return targets


def package_from_files(files: dict[str, bytes], extra: tuple[Style, ...] = ()) -> Package:
    """Return a package from the parts of a reference DOCX; missing speechkit styles are added."""
    targets = part_targets(files)
    if "styles" not in targets or targets["styles"] not in files:
        raise RenderError(_("reference document has no styles part"))
    styles, style_ids = merge_styles(files[targets["styles"]], extra)
    fonts = files.get(targets.get("fontTable", ""), b"")
    parts = [Part("word/styles.xml", "styles", styles, "rId1")]
    parts += [part for part in builtin_parts() if part.kind in ("settings", "footer")]
    parts.append(Part("word/fontTable.xml", "fontTable", merge_fonts(fonts), "rId3"))
    for kind, rel_id in (("theme", "rId4"), ("numbering", "rId5")):
        name = targets.get(kind)
        if name in files:
            parts.append(
                Part(f"word/{kind}.xml" if kind == "numbering" else "word/theme/theme1.xml", kind, files[name], rel_id)
            )
    page_setup, width = page_setup_from(files.get("word/document.xml", b""))
    return Package(tuple(parts), page_setup, style_ids, width)


def merge_styles(data: bytes, extra: tuple[Style, ...] = ()) -> tuple[bytes, dict[str, str]]:
    """Add speechkit styles missing from a styles part; map each speechkit ID to the ID to use."""
    root = etree.fromstring(data, _SAFE_PARSER)
    by_id = {el.get(f"{_W}styleId"): el for el in root.iterfind("w:style", _NS)}
    by_name = {(el.get(f"{_W}type"), _name(el).lower()): el.get(f"{_W}styleId") for el in root.iterfind("w:style", _NS)}
    defaults = {
        el.get(f"{_W}type") for el in root.iterfind("w:style", _NS) if el.get(f"{_W}default") in ("1", "true", "on")
    }
    ours = etree.fromstring(styles_xml(extra).encode())
    mapping: dict[str, str] = {}
    for style in all_styles(extra):
        if style.id in by_id:
            mapping[style.id] = style.id
            continue
        existing = by_name.get((style.type, style.name.lower()))
        if existing:
            mapping[style.id] = existing
            continue
        found = ours.find(f"w:style[@w:styleId='{style.id}']", _NS)
        if found is None:
            continue
        element = copy.deepcopy(found)
        if style.type in defaults and f"{_W}default" in element.attrib:
            del element.attrib[f"{_W}default"]
        based = element.find("w:basedOn", _NS)
        if based is not None:
            base_id = based.get(f"{_W}val") or ""
            based.set(f"{_W}val", mapping.get(base_id, base_id))
        root.append(element)
        mapping[style.id] = style.id
    return XML_HEAD.encode() + etree.tostring(root, encoding="UTF-8"), mapping


def override_styles(data: bytes, source: bytes) -> bytes:
    """Return a styles part whose styles and defaults of the same ID are replaced by ``source``'s."""
    root = etree.fromstring(data, _SAFE_PARSER)
    theirs = etree.fromstring(source, _SAFE_PARSER)
    existing = {el.get(f"{_W}styleId"): el for el in root.iterfind("w:style", _NS)}
    defaults, new_defaults = root.find("w:docDefaults", _NS), theirs.find("w:docDefaults", _NS)
    if defaults is not None and new_defaults is not None:
        root.replace(defaults, copy.deepcopy(new_defaults))
    for style in theirs.iterfind("w:style", _NS):
        old = existing.get(style.get(f"{_W}styleId"))
        if old is not None:
            root.replace(old, copy.deepcopy(style))
            continue
        new = copy.deepcopy(style)
        if new.get(f"{_W}default"):
            new.attrib.pop(f"{_W}default")
        root.append(new)
    return XML_HEAD.encode() + etree.tostring(root, encoding="UTF-8")


def _name(style: etree._Element) -> str:
    name = style.find("w:name", _NS)
    return "" if name is None else name.get(f"{_W}val", "")


def merge_fonts(data: bytes) -> bytes:
    """Return a font table with the reference's fonts plus speechkit's substitution hints."""
    ours = etree.fromstring(font_table_xml().encode())
    if not data:
        return font_table_xml().encode()
    root = etree.fromstring(data, _SAFE_PARSER)
    names = {font.get(f"{_W}name") for font in root.iterfind("w:font", _NS)}
    for font in ours.iterfind("w:font", _NS):
        if font.get(f"{_W}name") not in names:
            root.append(copy.deepcopy(font))
    return XML_HEAD.encode() + etree.tostring(root, encoding="UTF-8")


def page_setup_from(document: bytes) -> tuple[str, int]:
    """Return the page setup XML of a document's last section and its text block width."""
    ours = etree.fromstring(f'<w:sectPr xmlns:w="{W_NS}">{PAGE_SETUP}</w:sectPr>')
    sect = None
    if document:
        root = etree.fromstring(document, _SAFE_PARSER)
        sect = root.find("w:body/w:sectPr", _NS)
    pieces = []
    chosen: dict[str, etree._Element] = {}
    for tag in _PAGE_ELEMENTS:
        element = sect.find(f"w:{tag}", _NS) if sect is not None else None
        fallback = ours.find(f"w:{tag}", _NS)
        assert fallback is not None, tag
        chosen[tag] = element if element is not None else fallback
        pieces.append(etree.tostring(chosen[tag], encoding="unicode").replace(f' xmlns:w="{W_NS}"', ""))
    size, margins = chosen["pgSz"], chosen["pgMar"]
    try:
        width = int(size.get(f"{_W}w") or "") - int(margins.get(f"{_W}left", "0")) - int(margins.get(f"{_W}right", "0"))
    except (TypeError, ValueError):
        width = 8845
    return "".join(pieces), max(width, 1440)

"""Read DOCX (zip) inputs within limits: member count, uncompressed sizes, and XML with no DTD or entities.

A reference document, a layout template or a draft comes from someone else: a 3 MB file may
unpack to 3 GB (a zip bomb) and its XML may declare entities (XXE, "billion laughs"). Everything
that reads a DOCX goes through :func:`open_docx` (or :func:`check_docx` before handing the file to
python-docx/docxtpl), so such a file is refused with one line instead of eating memory.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path
from types import TracebackType

from lxml import etree

from .i18n import _
from .model.errors import Location, SpeechkitError

#: Members (parts) a DOCX may hold; Word's own files hold a few dozen, a long report with images hundreds.
MAX_MEMBERS = 2_000
#: Uncompressed bytes of one member (a 1,000-page document.xml is about 20 MB).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
#: Uncompressed bytes of all members together.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: Compressed file size accepted at all (the total above, as stored uncompressed).
MAX_FILE_BYTES = MAX_TOTAL_BYTES

#: The one XML parser for DOCX parts: no entity expansion, no network, no DTD loading, default size limits.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


class DocxError(SpeechkitError):
    """A DOCX input is not a zip, is over a limit, or holds XML that is broken or declares a DTD."""


class SafeZip:
    """An open DOCX whose members are read within the limits; use as a context manager."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.infos = {info.filename: info for info in archive.infolist()}
        self.read_bytes = 0

    @property
    def names(self) -> list[str]:
        """Member names in archive order."""
        return list(self.infos)

    def __contains__(self, member: object) -> bool:
        return member in self.infos

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the archive."""
        self.archive.close()

    def read(self, member: str) -> bytes:
        """Return a member's bytes; DocxError if it is missing, over a limit or corrupt."""
        info = self.infos.get(member)
        if info is None:
            raise self.error(_("has no part {member}").format(member=member))
        if info.file_size > MAX_MEMBER_BYTES:
            raise self.error(
                _("part {member} unpacks to more than {mib} (a zip bomb?)").format(
                    member=member, mib=_mib(MAX_MEMBER_BYTES)
                )
            )
        try:
            with self.archive.open(info) as handle:
                data = handle.read(MAX_MEMBER_BYTES + 1)
        # zipfile raises NotImplementedError for a compression method it lacks, RuntimeError for encryption.
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as exc:
            raise self.error(_("part {member} cannot be read: {exc}").format(member=member, exc=exc)) from None
        except zlib.error:
            raise self.error(_("part {member} is corrupt (bad compressed data)").format(member=member)) from None
        if len(data) > MAX_MEMBER_BYTES:
            raise self.error(
                _("part {member} unpacks to more than {mib} (a zip bomb?)").format(
                    member=member, mib=_mib(MAX_MEMBER_BYTES)
                )
            )
        self.read_bytes += len(data)
        if self.read_bytes > MAX_TOTAL_BYTES:
            raise self.error(_("unpacks to more than {mib} (a zip bomb?)").format(mib=_mib(MAX_TOTAL_BYTES)))
        return data

    def read_all(self) -> dict[str, bytes]:
        """Return every member's bytes by name."""
        return {member: self.read(member) for member in self.infos}

    def xml(self, member: str) -> etree._Element:
        """Parse a member as XML with the safe parser; a DTD, entities or broken XML is a DocxError."""
        return parse_xml(self.read(member), f"{self.name}: part {member}")

    def check_xml(self) -> None:
        """Parse every XML member, so that broken XML or a DTD is refused before any other reader sees it."""
        for member in self.infos:
            if member.lower().endswith(_XML_SUFFIXES):
                self.xml(member)

    def error(self, message: str) -> DocxError:
        """Return a DocxError about this file."""
        return DocxError(message, Location(self.name))


def parse_xml(data: bytes, where: str = "<xml>") -> etree._Element:
    """Parse XML bytes with no DTD, no entity expansion and no network; DocxError when broken."""
    try:
        root = etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc.msg if hasattr(exc, "msg") else exc).split())[:200]
        raise DocxError(
            _("broken XML: {message}").format(message=message), Location(where, exc.lineno or None)
        ) from None
    if root is None:
        raise DocxError(_("empty XML part"), Location(where))
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise DocxError(_("XML declares a DTD (entities are not read in a DOCX)"), Location(where))
    return root


def open_docx(source: str | os.PathLike[str] | bytes, name: str | None = None) -> SafeZip:
    """Open a DOCX (a path, or bytes) within the limits on size and member count; DocxError if not usable."""
    label = name or ("<docx>" if isinstance(source, bytes) else str(source))
    if isinstance(source, bytes):
        size = len(source)
        stream: io.BytesIO | str = io.BytesIO(source)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise DocxError(_("no such file"), Location(label)) from None
        except OSError as exc:
            raise DocxError(_("cannot read: {strerror}").format(strerror=exc.strerror), Location(label)) from None
        if not path.is_file():
            raise DocxError(_("not a file"), Location(label))
        stream = str(path)
    if size > MAX_FILE_BYTES:
        raise DocxError(_("larger than {mib}").format(mib=_mib(MAX_FILE_BYTES)), Location(label))
    try:
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile:
        raise DocxError(_("not a DOCX file (not a zip archive)"), Location(label)) from None
    except OSError as exc:
        raise DocxError(_("cannot read: {value}").format(value=exc.strerror or exc), Location(label)) from None
    except (ValueError, NotImplementedError, RuntimeError, EOFError) as exc:  # zipfile's other refusals
        raise DocxError(_("not a usable DOCX file: {exc}").format(exc=exc), Location(label)) from None
    safe = SafeZip(archive, label)
    try:
        _check_directory(safe, archive.infolist())
    except BaseException:
        archive.close()
        raise
    return safe


def _check_directory(safe: SafeZip, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise safe.error(_("holds more than {max_members:,} parts").format(max_members=MAX_MEMBERS))
    if len(safe.infos) != len(infos):
        raise safe.error(_("holds two parts of the same name"))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise safe.error(_("part {filename} is encrypted").format(filename=info.filename))
        if info.file_size > MAX_MEMBER_BYTES:
            raise safe.error(
                _("part {filename} unpacks to more than {mib} (a zip bomb?)").format(
                    filename=info.filename, mib=_mib(MAX_MEMBER_BYTES)
                )
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise safe.error(_("unpacks to more than {mib} (a zip bomb?)").format(mib=_mib(MAX_TOTAL_BYTES)))
    if "[Content_Types].xml" not in safe.infos:
        raise safe.error(_("not a DOCX file (no [Content_Types].xml)"))


def check_docx(source: str | os.PathLike[str] | bytes, name: str | None = None) -> None:
    """Refuse a DOCX over the limits or with broken/DTD XML, before python-docx or docxtpl opens it."""
    with open_docx(source, name) as docx:
        docx.check_xml()


def _mib(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"

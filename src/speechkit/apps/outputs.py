"""What ``speechkit build`` may replace: files it wrote itself and nobody changed since, told by a record.

Each output folder gets ``.speechkit-outputs.json``: the name and SHA-256 of every file speechkit wrote
there. A target that does not exist is written; one listed whose bytes still have the listed digest
is replaced (a rebuild just works); any other existing file — the user's own, a speechkit output
edited since, a symbolic link — is refused unless ``--force``, and then replaced (a link itself, not
what it points to). A record that cannot be read counts as empty: it can only refuse more.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from ..i18n import _, ngettext
from ..model.errors import SpeechkitError

#: The record's file name in each output folder.
RECORD_NAME = ".speechkit-outputs.json"
#: The record's layout; a record with another number counts as empty.
RECORD_FORMAT = 1
#: A larger record is not read (it counts as empty).
MAX_RECORD_BYTES = 16 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_HEX = frozenset("0123456789abcdef")

State = Literal["new", "file", "link", "special"]


class OverwriteError(SpeechkitError):
    """An output would replace a file speechkit may not replace; nothing was written."""


def digest(data: bytes) -> str:
    """Return the SHA-256 of ``data`` in hexadecimal."""
    return hashlib.sha256(data).hexdigest()


def target_state(path: Path) -> tuple[State, bytes | None]:
    """Return what is at ``path`` (nothing, a regular file and its bytes, a link, anything else); no link followed."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "new", None
    if stat.S_ISLNK(info.st_mode):
        return "link", None
    if not stat.S_ISREG(info.st_mode):
        return "special", None
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return "new", None
    except OSError:
        if os.path.islink(path):  # became a link since lstat (O_NOFOLLOW refused it)
            return "link", None
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return "special", None
        os.set_blocking(fd, True)
        return "file", handle.read()


def _valid_name(name: object) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and not any(c in name for c in "/\\\0")


def _valid_digest(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX


def parse_record(raw: bytes) -> dict[str, str]:
    """Return the files of a record (name → SHA-256); raise ValueError, with a reason, for anything else."""
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(_("not JSON: {reason}").format(reason=exc)) from None
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        raise ValueError(_("not a record of format {format}").format(format=RECORD_FORMAT))
    files = data.get("files")
    if not isinstance(files, dict) or not all(_valid_name(k) and _valid_digest(v) for k, v in files.items()):
        raise ValueError(_("its files are not names with SHA-256 digests"))
    return dict(files)


def read_record(folder: Path) -> tuple[dict[str, str], str]:
    """Return the record of ``folder`` and why it counts as empty ("" when it was read or is absent)."""
    state, raw = target_state(folder / RECORD_NAME)
    if state == "new":
        return {}, ""
    if raw is None:
        return {}, _("not a regular file")
    if len(raw) > MAX_RECORD_BYTES:
        return {}, _("larger than {limit} bytes").format(limit=MAX_RECORD_BYTES)
    try:
        return parse_record(raw), ""
    except ValueError as exc:
        return {}, str(exc)


def record_text(files: Mapping[str, str]) -> str:
    """Return the JSON of a record listing ``files``."""
    record = {
        "about": "Files speechkit wrote in this folder and their SHA-256, so that a rebuild may replace "
        "them while they are unchanged. Deleting this file only makes speechkit ask for --force.",
        "format": RECORD_FORMAT,
        "speechkit": __version__,
        "files": dict(sorted(files.items())),
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


@dataclass
class _Folder:
    """One output folder: its record as read, and what this run wrote into it."""

    path: Path
    recorded: dict[str, str]
    written: dict[str, str] = field(default_factory=dict)

    def digest_of(self, name: str) -> str | None:
        return self.written.get(name, self.recorded.get(name))


class OutputGuard:
    """Decide which outputs may be written, write them, and keep each folder's record.

    One guard serves one command in one process (the parent of a batch's workers), so the record
    is read once and written by one writer.
    """

    def __init__(self, *, force: bool = False, warn: Callable[[str], None] | None = None) -> None:
        self.force = force
        self.warn = warn or (lambda message: None)
        self.folders: dict[Path, _Folder] = {}

    def _folder(self, folder: Path) -> _Folder:
        key = Path(os.path.abspath(folder))
        if key not in self.folders:
            recorded, problem = read_record(folder) if folder.is_dir() else ({}, "")
            if problem:
                self.warn(
                    _(
                        "warning: {path}: {problem}; taken as empty, so no file already there is replaced "
                        "without --force"
                    ).format(path=folder / RECORD_NAME, problem=problem)
                )
            self.folders[key] = _Folder(folder, recorded)
        return self.folders[key]

    def refusal(self, path: Path, state: State, data: bytes | None) -> str:
        """Return why ``path`` may not be written ("" if it may), from what is there now."""
        if state == "new":
            return ""
        if state == "special":
            return _("{path}: exists and is not a regular file").format(path=path)
        if self.force:
            return ""
        if state == "link":
            return _(
                "{path}: is a symbolic link; --force replaces the link (not the file it points to), "
                "or build into another -o folder"
            ).format(path=path)
        known = self._folder(path.parent).digest_of(path.name)
        if known is None:
            return _(
                "{path}: exists and speechkit did not write it; --force replaces it, or build into another -o folder"
            ).format(path=path)
        if data is None or digest(data) != known:
            return _(
                "{path}: changed since speechkit wrote it; --force replaces it, or build into another -o folder"
            ).format(path=path)
        return ""

    def check(self, targets: Iterable[Path]) -> None:
        """Raise OverwriteError, naming the first target refused, unless every one may be written."""
        refused = [r for r in (self.refusal(t, *target_state(t)) for t in targets) if r]
        if not refused:
            return
        message = refused[0]
        if len(refused) > 1:
            more = len(refused) - 1
            message = ngettext("{message} ({n} more file refused)", "{message} ({n} more files refused)", more).format(
                message=message, n=more
            )
        raise OverwriteError(_("{message}; nothing written").format(message=message))

    def write(self, files: Mapping[Path, bytes]) -> None:
        """Write ``files`` all or none if each may be written now; note them for the record."""
        from ..writers.output import write_outputs

        replace: list[Path] = []
        expect: dict[Path, bytes] = {}
        for path in files:
            state, data = target_state(path)
            reason = self.refusal(path, state, data)
            if reason:
                raise OverwriteError(_("{message}; nothing written").format(message=reason))
            if state != "new":
                replace.append(path)
                if state == "file" and data is not None and not self.force:
                    expect[path] = data  # still the same bytes when it is replaced
        try:
            write_outputs(files, expect=expect, replace=replace, follow_links=False)
        except FileExistsError as exc:  # made while this build ran
            raise OverwriteError(
                _("{path}: appeared while speechkit was writing; nothing written").format(path=exc.filename)
            ) from None
        for path, data in files.items():
            self._folder(path.parent).written[path.name] = digest(data)

    def save(self) -> None:
        """Write the record of every folder written into (atomically), keeping what another build noted meanwhile."""
        from ..writers.output import write_outputs

        for folder in self.folders.values():
            if not folder.written:
                continue
            current, problem = read_record(folder.path)
            files = {**(folder.recorded if problem else current), **folder.written}
            files = {name: value for name, value in files.items() if os.path.lexists(folder.path / name)}
            record = folder.path / RECORD_NAME
            try:
                write_outputs({record: record_text(files)}, follow_links=False)
            except OSError as exc:
                self.warn(
                    _(
                        "warning: {path}: cannot record what was written ({reason}); the next build asks for --force"
                    ).format(path=record, reason=exc.strerror or exc)
                )
            folder.recorded, folder.written = files, {}

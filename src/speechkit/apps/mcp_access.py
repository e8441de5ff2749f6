"""What ``speechkit mcp`` may touch: paths inside the roots, regular files read to a bound, no writes through links."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..i18n import _
from ..model.errors import SpeechkitError
from ..readers.limits import MAX_DRAFT_BYTES

#: The most bytes a tool reads from one file (the file is read to one byte more to tell).
MAX_READ_BYTES = MAX_DRAFT_BYTES
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class AccessError(SpeechkitError):
    """A path a tool may not read or write, in one line that names it."""


def shown(given: str) -> str:
    """Return a path as the caller gave it, printable on one line."""
    return given.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r")


@dataclass(frozen=True)
class Root:
    """A folder the tools may use: as given, and resolved (symbolic links followed)."""

    given: Path
    real: Path

    @classmethod
    def of(cls, folder: str | os.PathLike[str]) -> Root:
        """Return the root of a folder (made absolute)."""
        given = Path(os.path.abspath(folder))
        return cls(given, Path(os.path.realpath(given)))


def roots_from_uris(uris: Iterable[str]) -> tuple[Root, ...]:
    """Return the roots of ``file://`` URIs (others are left out)."""
    roots = []
    for uri in uris:
        parsed = urlparse(uri)
        if parsed.scheme == "file" and parsed.netloc in ("", "localhost"):
            roots.append(Root.of(unquote(parsed.path)))
    return tuple(roots)


@dataclass(frozen=True)
class Access:
    """The roots in force for one call; every path is checked against them."""

    roots: tuple[Root, ...]

    def describe(self) -> str:
        """Return the roots for a message."""
        return ", ".join(str(root.given) for root in self.roots) or _("none (the client shares no folder)")

    def _absolute(self, given: str) -> Path:
        if not given:
            raise AccessError(_("an empty path names no file"))
        if "\0" in given:
            raise AccessError(_("{path}: a path cannot hold a NUL character").format(path=shown(given)))
        path = Path(given)
        if not path.is_absolute():
            base = self.roots[0].given if self.roots else Path.cwd()
            path = base / path
        return Path(os.path.normpath(path))

    def resolve(self, given: str) -> Path:
        """Return the real path of ``given`` (symbolic links followed); raise unless it lies inside a root."""
        try:
            real = Path(os.path.realpath(self._absolute(given)))
        except (OSError, ValueError) as exc:
            raise AccessError(_("{path}: not a usable path ({reason})").format(path=shown(given), reason=exc)) from None
        if not any(real == root.real or real.is_relative_to(root.real) for root in self.roots):
            raise AccessError(
                _("{path}: outside the allowed roots ({roots})").format(path=shown(given), roots=self.describe())
            )
        return real

    def read(self, given: str, limit: int = MAX_READ_BYTES) -> bytes:
        """Return the bytes of a regular file inside a root; refuse FIFOs, devices, folders and files over ``limit``."""
        real = self.resolve(given)
        name = shown(given)
        try:
            fd = os.open(real, _OPEN_FLAGS)
        except FileNotFoundError:
            raise AccessError(_("{name}: no such file").format(name=name)) from None
        except OSError as exc:
            raise AccessError(_("{name}: cannot read: {reason}").format(name=name, reason=exc.strerror)) from None
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise AccessError(_("{name}: is a folder, not a file").format(name=name))
            if not stat.S_ISREG(info.st_mode):
                raise AccessError(
                    _("{name}: not a regular file (a device, pipe or socket is not read)").format(name=name)
                )
            os.set_blocking(fd, True)
            chunks: list[bytes] = []
            left = limit + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        except OSError as exc:
            raise AccessError(_("{name}: cannot read: {reason}").format(name=name, reason=exc.strerror)) from None
        finally:
            os.close(fd)
        data = b"".join(chunks)
        if len(data) > limit:
            raise AccessError(_("{name}: larger than {limit} bytes; not read").format(name=name, limit=limit))
        return data

    def _no_links(self, given: str, path: Path) -> None:
        """Raise if a part of ``path`` below its root is a symbolic link (a write never goes through one)."""
        for root in self.roots:
            for base in (root.given, root.real):
                if path == base or path.is_relative_to(base):
                    current = base
                    for part in path.relative_to(base).parts:
                        current = current / part
                        if current.is_symlink():
                            message = _("{path}: {link} is a symbolic link; nothing is written through it")
                            raise AccessError(message.format(path=shown(given), link=current))
                    return

    def folder(self, given: str) -> Path:
        """Return the real path of an output folder inside a root (made when missing), reached through no link."""
        real = self.resolve(given)
        self._no_links(given, self._absolute(given))
        if real.exists() and not real.is_dir():
            raise AccessError(_("{path}: exists and is not a folder").format(path=shown(given)))
        try:
            real.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AccessError(
                _("{path}: cannot make the folder: {reason}").format(path=shown(given), reason=exc.strerror)
            ) from None
        return real

    def file(self, given: str, *, overwrite: bool) -> Path:
        """Return the real path of a file to write inside a root: no link; an existing file only with ``overwrite``."""
        real = self.resolve(given)
        self._no_links(given, self._absolute(given))
        check_target(real, shown(given), overwrite=overwrite)
        return real


def check_target(path: Path, name: str, *, overwrite: bool) -> None:
    """Raise unless ``path`` may be written: not a link or folder, and new unless ``overwrite``."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise AccessError(_("{name}: cannot write: {reason}").format(name=name, reason=exc.strerror)) from None
    if stat.S_ISLNK(info.st_mode):
        raise AccessError(_("{name}: is a symbolic link; nothing is written through it").format(name=name))
    if not stat.S_ISREG(info.st_mode):
        raise AccessError(_("{name}: exists and is not a regular file").format(name=name))
    if not overwrite:
        raise AccessError(_("{name}: exists; pass overwrite: true to replace it").format(name=name))


def plain_name(stem: str) -> str:
    """Return ``stem`` if it is a plain file name (no folder, no dot name); else raise."""
    if not stem or stem in (".", "..") or "/" in stem or "\\" in stem or "\0" in stem or stem.startswith("."):
        raise AccessError(_("stem {stem!r}: must be a plain file name, without folders").format(stem=shown(stem)))
    return stem

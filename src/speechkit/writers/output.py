"""Write output files atomically: each to a temporary file beside its target, then renamed.

:func:`write_atomic` writes one file; :func:`write_outputs` writes several as one step (all or
none). New files get the mode the umask allows (as ``open()`` would); a replaced file keeps its
mode (and, where it can, its owner). Errors name the target file, never the temporary one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path

from ..i18n import _

Data = str | bytes


class ChangedError(OSError):
    """The file changed on disk between reading it and replacing it."""


def umask() -> int:
    """Return the process umask without changing it for longer than a moment."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def new_file_mode() -> int:
    """Return the mode a new file gets: 0666 less the umask (0644 under the usual 022, 0600 under 077)."""
    return 0o666 & ~umask()


def write_atomic(path: str | os.PathLike[str], data: Data, *, expect: bytes | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one.

    A replaced file keeps its mode and owner; a new one follows the umask. With ``expect``, the
    file must still hold exactly those bytes just before it is replaced, or :class:`ChangedError`
    is raised and nothing is written.
    """
    target = Path(path)
    write_outputs({target: data}, expect={target: expect} if expect is not None else None)


def write_outputs(
    files: Mapping[Path, Data] | Mapping[str, Data],
    *,
    expect: Mapping[Path, bytes] | None = None,
    replace: bool | Collection[Path] = True,
    follow_links: bool = True,
) -> None:
    """Write every file or none: all to temporary files first, then renamed into place together.

    If any write fails (disk full, no permission), no target is touched and no temporary file
    remains. If a rename fails half-way, the targets already renamed are put back as they were.
    With ``replace=False`` a target that exists (even one made a moment ago) raises FileExistsError;
    ``replace`` may also be the targets that may be replaced, the others being new files. A target
    that is a symbolic link is written through unless ``follow_links=False``, which replaces the link.
    """
    through = _through_links if follow_links else Path
    wanted = {through(Path(path)): data for path, data in (expect or {}).items()}
    replaceable = None if isinstance(replace, bool) else {through(Path(path)) for path in replace}
    staged: list[tuple[Path, str]] = []
    try:
        for path, data in files.items():
            target = through(Path(path))
            staged.append((target, _stage(target, data, follow_links=follow_links)))
        for target, _ in staged:
            if target in wanted:
                _check_unchanged(target, wanted[target])
        modes = [bool(replace) if replaceable is None else target in replaceable for target, _ in staged]
        _commit(staged, modes)
    except BaseException:
        for _, tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def _through_links(path: Path) -> Path:
    """Return the file a symbolic link points to (a link is written through, not replaced)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _stage(target: Path, data: Data, *, follow_links: bool = True) -> str:
    """Write ``data`` to a temporary file beside ``target`` with the mode (and owner) it should have."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    old: os.stat_result | None
    try:
        old = target.stat() if follow_links else target.lstat()
        if stat.S_ISLNK(old.st_mode):
            old = None  # a link replaced by a file: the new file follows the umask
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise _named(exc, target) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _named(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(old.st_mode) if old is not None else new_file_mode())
        if old is not None and (old.st_uid, old.st_gid) != _owner(tmp):
            with contextlib.suppress(PermissionError):
                os.chown(tmp, old.st_uid, old.st_gid)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _named(exc, target) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _check_unchanged(target: Path, expected: bytes) -> None:
    try:
        current = target.read_bytes()
    except OSError as exc:
        raise _named(exc, target) from None
    if current != expected:
        raise ChangedError(0, _("changed on disk while being rewritten; left as it is"), str(target))


def _commit(staged: list[tuple[Path, str]], replace: list[bool]) -> None:
    """Rename every temporary file onto its target (replacing it where ``replace`` says); undo on a failure."""
    backups: list[tuple[Path, str | None]] = []
    try:
        for target, _ in staged:
            backups.append((target, _backup(target)))
        done: list[tuple[Path, str | None]] = []
        try:
            for (target, tmp), (_, backup), may_replace in zip(staged, backups, replace, strict=True):
                try:
                    if may_replace:
                        os.replace(tmp, target)
                    else:
                        _place_new(tmp, target)
                except OSError as exc:
                    raise _named(exc, target) from None
                done.append((target, backup))
        except BaseException:
            for target, backup in reversed(done):
                with contextlib.suppress(OSError):
                    if backup is None:
                        os.unlink(target)
                    else:
                        os.replace(backup, target)
            raise
    finally:
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)


def _place_new(tmp: str, target: Path) -> None:
    """Put ``tmp`` at ``target`` only if nothing is there (a hard link fails on an existing name)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _backup(target: Path) -> str | None:
    """Hard-link an existing target under a temporary name, so that a failed commit can put it back."""
    if not os.path.lexists(target):
        return None
    name = tempfile.mktemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent)
    try:
        os.link(target, name)
    except OSError:
        return None  # no hard links here: the commit is still atomic per file
    return name


def _named(exc: OSError, target: Path) -> OSError:
    """Return ``exc`` as it would be raised for ``target`` (not for a temporary file)."""
    return type(exc)(exc.errno, exc.strerror or str(exc), str(target))

"""Installed plugins' entry points, remembered between runs so a build need not import importlib.metadata.

``importlib.metadata`` costs about 30 ms to import and a scan of every installed distribution on each
run. As stevedore does, the entry points found are kept in a cache file (one per interpreter and
environment) with a fingerprint of ``sys.path``: every ``*.dist-info``/``*.egg-info`` folder on it and
the modification times of each and of its ``entry_points.txt``. Installing, removing or upgrading a
distribution changes the fingerprint, and the next run scans again. The cache lives in ``$SPEECHKIT_CACHE_DIR`` (default
``$XDG_CACHE_HOME/speechkit`` or ``~/.cache/speechkit``); when it cannot be read or written the scan is
simply done every time.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

#: Bump when the cache file's layout changes.
_CACHE_FORMAT = 1


class PluginEntry(NamedTuple):
    """One entry point: its name, ``module:attribute`` value and distribution."""

    name: str
    value: str
    dist: str = ""

    def load(self) -> Any:
        """Import the module and return the attribute the entry point names."""
        module_name, _, attribute = self.value.partition(":")
        target: Any = importlib.import_module(module_name.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            target = getattr(target, part)
        return target


def entry_points(group: str) -> list[PluginEntry]:
    """Return the entry points of ``group`` installed on ``sys.path``, sorted by name."""
    key = fingerprint(sys.path)
    cache = cache_file(key)
    if cache is None:
        return scan(group)
    groups = _cached_groups(cache, key)
    cached = _entries(groups.get(group))
    if cached is not None:
        return cached
    found = scan(group)
    groups[group] = [{"name": e.name, "value": e.value, "dist": e.dist} for e in found]
    _write(cache, key, groups)
    return found


def scan(group: str) -> list[PluginEntry]:
    """Return the entry points of ``group`` that importlib.metadata finds on ``sys.path``, sorted by name."""
    import importlib.metadata

    found = [PluginEntry(e.name, e.value, _dist_name(e)) for e in importlib.metadata.entry_points(group=group)]
    return sorted(found, key=lambda e: (e.name, e.value))


def _dist_name(entry: Any) -> str:
    dist = getattr(entry, "dist", None)
    return str(dist.name) if dist is not None else ""


def cache_file(key: str) -> Path | None:
    """Return the cache file for this interpreter, environment and fingerprint ``key``.

    Its name is a checksum of the three, so environments (and ``PYTHONPATH`` settings) used in turn
    keep a file each; a checksum two of them share only means a rescan, for the fingerprint inside is
    compared whole.
    """
    folder = cache_dir()
    if folder is None:
        return None
    text = f"{_CACHE_FORMAT}\0{sys.executable}\0{sys.prefix}\0{key}"
    return folder / f"entry-points-{zlib.crc32(text.encode('utf-8', 'surrogateescape')):08x}.json"


def fingerprint(path: Sequence[str]) -> str:
    """Return a description of the distributions on ``path``: where each is, when it and its entry points changed.

    Installing, removing or upgrading a distribution adds, removes or renews its ``*.dist-info`` folder;
    editing an ``entry_points.txt`` in place changes its time. Path entries without metadata (the
    current folder, a source tree) add nothing, so the description does not change with them.
    """
    parts: list[str] = []
    for entry in path:
        names = _metadata_dirs(entry)
        if not names:
            continue
        parts.append(entry)
        for name in names:
            folder = os.path.join(entry, name)
            parts.append(f"{name} {_mtime(folder)} {_mtime(os.path.join(folder, 'entry_points.txt'))}")
    return "\n".join(parts)


def _metadata_dirs(entry: str) -> list[str]:
    """Return the ``*.dist-info`` and ``*.egg-info`` names in a path entry, sorted."""
    try:
        names = os.listdir(entry or ".")
    except OSError:
        return []
    return sorted(n for n in names if n.endswith((".dist-info", ".egg-info")))


def _mtime(name: str) -> int:
    try:
        return os.stat(name).st_mtime_ns
    except OSError:
        return -1


def cache_dir() -> Path | None:
    """Return the folder speechkit keeps its caches in, or None when there is no home to keep them in.

    ``$SPEECHKIT_CACHE_DIR`` if set; else ``$XDG_CACHE_HOME/speechkit`` if that is an absolute path (the
    XDG rule); else ``~/.cache/speechkit``. Without a home folder nothing is cached (never a ``~``
    folder in the working directory).
    """
    configured = os.environ.get("SPEECHKIT_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "speechkit"
    home = os.path.expanduser("~")
    return Path(home) / ".cache" / "speechkit" if os.path.isabs(home) else None


def _cached_groups(cache: Path, key: str) -> dict[str, Any]:
    """Return the groups the cache file holds if it was made for ``key``, else an empty mapping."""
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data["fingerprint"] == key and isinstance(data["groups"], dict):
            return dict(data["groups"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}


def _entries(rows: Any) -> list[PluginEntry] | None:
    """Return cached rows as entry points, or None when there are none or they are malformed."""
    if rows is None:
        return None
    try:
        return [PluginEntry(str(r["name"]), str(r["value"]), str(r.get("dist", ""))) for r in rows]
    except (KeyError, TypeError, AttributeError):
        return None


def _write(cache: Path, key: str, groups: dict[str, Any]) -> None:
    """Record the groups found for ``key``; a cache that cannot be written is skipped."""
    from .writers.output import write_atomic

    text = json.dumps({"fingerprint": key, "groups": groups}, ensure_ascii=False)
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, text)
    _prune(cache.parent)


#: A cache file not read for this long belongs to an environment since changed or gone.
_STALE_SECONDS = 30 * 24 * 3600


def _prune(folder: Path) -> None:
    """Remove cache files that no run has read for a month."""
    import time

    cutoff = time.time() - _STALE_SECONDS
    for old in folder.glob("entry-points-*.json"):
        with contextlib.suppress(OSError):
            info = old.stat()
            if max(info.st_atime, info.st_mtime) < cutoff:
                old.unlink()

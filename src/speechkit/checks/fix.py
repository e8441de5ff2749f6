"""``--fix``: apply the safe fixes (the fixable rules of RULES) to a text file, atomically."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..i18n import _
from ..registry import Registry
from ..writers.output import ChangedError, write_atomic
from .finding import RULES, Finding, Fix
from .sources import InputError, read_text_file

FIXABLE = tuple(code for code, rule in RULES.items() if rule.fixable)


def can_fix(path: str | Path, registry: Registry) -> bool:
    """Return whether ``--fix`` rewrites files of this kind: a registered text format (.docx is refused: fix it in
    Word)."""
    suffix = Path(path).suffix
    fmt = registry.for_suffix(suffix) if suffix else None
    return fmt is not None and fmt.fixable


def apply_fixes(path: str | Path, findings: Iterable[Finding], registry: Registry) -> int:
    """Apply the fixes of ``findings`` to ``path``; return how many were applied (0: file untouched)."""
    path = Path(path)
    if not can_fix(path, registry):
        raise InputError(_("{path}: --fix does not rewrite {suffix} files").format(path=path, suffix=path.suffix))
    fixes = sorted(
        {f.fix for f in findings if f.fix is not None and f.code in FIXABLE}, key=lambda fix: (fix.line, fix.column)
    )
    if not fixes:
        return 0
    raw = path.read_bytes()
    text = read_text_file(path)
    lines = text.split("\n")
    applied = 0
    by_line: dict[int, list[Fix]] = {}
    for fix in fixes:
        by_line.setdefault(fix.line, []).append(fix)
    for number, line_fixes in by_line.items():
        if not 1 <= number <= len(lines):
            continue
        line = lines[number - 1]
        taken_until = len(line) + 1
        for fix in sorted(line_fixes, key=lambda f: -f.column):
            start, end = fix.column - 1, fix.end_column - 1
            if end > taken_until or line[start:end] != fix.old:
                continue  # overlaps another fix or the source changed: leave it alone
            line = line[:start] + fix.new + line[end:]
            taken_until = start
            applied += 1
        lines[number - 1] = line
    if applied:
        bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
        _replace(path, raw, (bom + "\n".join(lines)).encode("utf-8"))
    return applied


def _replace(path: Path, old: bytes, new: bytes) -> None:
    """Write the fixed text to the file ``path`` is (through a symlink), as long as it still holds ``old``.

    The file keeps its mode and owner: it is replaced atomically when that keeps both, and rewritten
    in place when it cannot (another owner, or hard links to it). A read-only file is refused.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except OSError as exc:
        raise InputError(_("{path}: cannot fix: {strerror}").format(path=path, strerror=exc.strerror)) from None
    if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise InputError(_("{path}: read-only; not fixed").format(path=path))
    try:
        if info.st_nlink > 1 or (os.geteuid() != 0 and info.st_uid != os.geteuid()):
            _rewrite_in_place(target, old, new)
        else:
            write_atomic(target, new, expect=old)
    except ChangedError:
        raise InputError(
            _("{path}: changed while being fixed; not fixed (run check --fix again)").format(path=path)
        ) from None
    except OSError as exc:
        raise InputError(_("{path}: cannot fix: {value}").format(path=path, value=exc.strerror or exc)) from None


def _rewrite_in_place(target: Path, old: bytes, new: bytes) -> None:
    """Rewrite a file's bytes in place (same inode, owner and links), if it still holds ``old``."""
    with open(target, "r+b") as handle:
        if handle.read() != old:
            raise ChangedError(0, _("changed while being fixed"), str(target))
        handle.seek(0)
        handle.write(new)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())

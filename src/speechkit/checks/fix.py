"""``--fix``: apply the safe fixes (the fixable rules of RULES) to a text file, atomically."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..output import write_atomic
from .finding import RULES, Finding, Fix
from .sources import InputError, read_text_file

FIXABLE = tuple(code for code, rule in RULES.items() if rule.fixable)
#: Suffixes ``--fix`` rewrites; .docx is refused (fix it in Word).
FIX_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".yaml", ".yml")


def can_fix(path: str | Path) -> bool:
    """Return whether ``--fix`` rewrites files of this kind."""
    return Path(path).suffix.lower() in FIX_SUFFIXES


def apply_fixes(path: str | Path, findings: Iterable[Finding]) -> int:
    """Apply the fixes of ``findings`` to ``path``; return how many were applied (0: file untouched)."""
    path = Path(path)
    if not can_fix(path):
        raise InputError(f"{path}: --fix does not rewrite {path.suffix} files")
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
        write_atomic(path, (bom + "\n".join(lines)).encode("utf-8"))
    return applied

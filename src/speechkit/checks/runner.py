"""Run the rules over files, texts and built Speeches, and map hits to source positions."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..default import default_registry
from ..i18n import _
from ..model.speech import Origin, Speech
from ..registry import Registry, RuleCheck
from .finding import Finding, Fix, Hit, Rule, selected
from .sources import InputError, doc_from_text, read_text_file
from .text import Doc

if TYPE_CHECKING:
    from .config import Config


def check_doc(
    doc: Doc, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), registry: Registry | None = None
) -> list[Finding]:
    """Run every selected rule of the registry over a Doc and return sorted, de-duplicated findings."""
    registry = registry or doc.registry or default_registry()
    if doc.registry is None:
        doc.registry = registry  # rules that need kinds (SK401) read them from the Doc
    checks: dict[RuleCheck, list[str]] = {}
    for code, check in registry.rule_checks.items():
        checks.setdefault(check, []).append(code)
    findings: set[Finding] = set()
    for check, codes in checks.items():
        if not any(selected(code, select, ignore) for code in codes):
            continue
        for hit in check(doc):
            if selected(hit.code, select, ignore) and hit.code in registry.rules:
                findings.add(to_finding(doc, hit, registry.rules[hit.code]))
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code, f.message))


def load(path: str | Path, registry: Registry, format: str | None = None) -> Doc:
    """Read a file into a Doc as its registered format (``format``, else the suffix's) says; raise InputError
    for unreadable or broken input.

    A format's own ``check`` reading keeps every character at its source position; a format that only
    reads drafts into a Speech (a plugin's) is walked as that Speech; a suffix no format claims is text.
    """
    path = Path(path)
    if format is not None:
        fmt = registry.formats.get(format)
        if fmt is None or (fmt.check is None and not fmt.readable):
            known = ", ".join(name for name, f in registry.formats.items() if f.check is not None or f.readable)
            raise InputError(
                _("{path}: unknown format {format!r} to check; known: {known}").format(
                    path=path, format=format, known=known
                )
            )
    else:
        fmt = registry.for_suffix(path.suffix) if path.suffix else None
    if fmt is not None and fmt.check is None and not fmt.readable:
        raise InputError(
            _("{path}: {format} is written, not checked; check the facts or the .docx or .md it was built from").format(
                path=path, format=fmt.name
            )
        )
    if fmt is not None and fmt.check is not None:
        return fmt.check(path, registry)
    if fmt is not None and fmt.readable:
        from ..readers import read_draft
        from .speech_source import doc_from_speech

        speech = read_draft(path, fmt.name, registry=registry).speech
        return doc_from_speech(speech, str(path), registry=registry)
    return doc_from_text(read_text_file(path), str(path))


def to_finding(doc: Doc, hit: Hit, rule: Rule) -> Finding:
    """Map a hit to a Finding at its source position, with a Fix when it can be applied safely."""
    unit = doc.units[hit.unit]
    line, column = unit.pos(hit.start)
    fix = None
    if hit.replacement is not None and unit.fixable and unit.contiguous(hit.start, hit.end):
        fix = Fix(line, column, column + hit.end - hit.start, unit.text[hit.start : hit.end], hit.replacement)
    return Finding(doc.path, line, column, hit.code, rule.severity, hit.message, fix)


def check_text(
    text: str, path: str = "<text>", select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
) -> list[Finding]:
    """Check plain text (one unit per line)."""
    return check_doc(doc_from_text(text, path), select, ignore)


def check_path(
    path: str | Path,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    *,
    format: str | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Check one file of a registered format (.txt, .md, .docx, facts .yaml, a plugin's; ``format`` names
    it when the suffix does not); raise InputError when it cannot be read."""
    registry = registry or default_registry()
    return check_doc(load(path, registry, format), select, ignore, registry)


def check_configured(
    path: str | Path,
    config: Config,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    *,
    format: str | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Check one file under a configuration (its select, ignores, words, repealed list), as ``speechkit check``."""
    from .rules.citations import extra_repealed
    from .rules.words import extra_words

    select, ignore = config.codes_for(path, select, ignore)
    with extra_words(config.words), extra_repealed(config.repealed):
        return check_path(path, select, ignore, format=format, registry=registry)


def check_paths(
    paths: Iterable[str | Path],
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    *,
    registry: Registry | None = None,
) -> list[Finding]:
    """Check several files; the first unreadable one raises InputError."""
    findings = [f for path in paths for f in check_path(path, select, ignore, registry=registry)]
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code, f.message))


def check_speech(
    speech: Speech,
    path: str | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    *,
    source: str | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Check a Speech: the file it was read or loaded from, else its texts at the positions it records.

    A Speech that ``read`` or ``load`` returned, still as it was then, is checked as its file (as
    ``speechkit check FILE`` does: the rules that read a draft's lines see the lines, not the cleaned model).
    Any other Speech is walked as it is (no second parse or build): ``path`` names the file the positions
    point into (default: the file the Speech was loaded or read from, else ``<speech>``) and ``source`` may
    give its text, so that findings point at the very characters; texts without a position are numbered
    in reading order.
    """
    from .speech_source import doc_from_speech

    registry = registry or default_registry()
    origin = speech.unchanged_origin()
    if origin is not None and source is None and origin.format == "facts":
        # built from that file: walking it with the file's text is what checking the file does (no second build)
        path, source = path or origin.path, origin.data.decode("utf-8-sig", errors="replace")
        origin = None
    doc = doc_from_origin(origin, registry) if origin is not None and source is None else None
    if doc is not None:
        doc.path = path or doc.path
        return check_doc(doc, select, ignore, registry)
    if path is None:
        path = next((pos.path for pos in speech.source.values() if pos.path), "<speech>")
    return check_doc(doc_from_speech(speech, path, source, registry), select, ignore, registry)


def doc_from_origin(origin: Origin, registry: Registry) -> Doc | None:
    """Read the file a Speech came from, as it was then, as its format's check reads it (None: walk the model)."""
    fmt = registry.formats.get(origin.format)
    if fmt is None or fmt.check is None:
        return None
    file = Path(origin.path)
    try:
        current = file.read_bytes() if file.is_file() else None
    except OSError:
        current = None
    if current == origin.data:
        doc = fmt.check(file, registry)
    else:  # changed since, or given as text or bytes: the bytes read then, under the same name
        import tempfile

        name = file.name if file.suffix else f"draft{fmt.suffixes[0] if fmt.suffixes else ''}"
        with tempfile.TemporaryDirectory(prefix="speechkit-") as folder:
            copy = Path(folder) / name
            copy.write_bytes(origin.data)
            doc = fmt.check(copy, registry)
    doc.path = origin.path
    if origin.kind and not doc.kind:
        doc.kind = origin.kind
    return doc

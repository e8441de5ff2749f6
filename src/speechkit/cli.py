"""The ``speechkit`` command line: build, validate, schema, sections, kinds, check, stats."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import SpeechkitError
from .output import write_atomic
from .registry import default_registry, load_registry
from .render import DEFAULT_FORMATS

if TYPE_CHECKING:
    from .model import Speech

#: How many check findings ``build`` prints before summing up the rest.
SHOWN_FINDINGS = 5


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (0 ok, 1 findings, 2 bad input)."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except SpeechkitError as exc:
        print(f"{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"speechkit: {name}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def make_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="speechkit", description="Write Chinese official speeches and critique outlines from YAML facts."
    )
    parser.add_argument("--version", action="version", version=f"speechkit {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("build", help="build a document from facts (Markdown, DOCX, PDF)")
    p.add_argument("facts", help="facts YAML file, or - for standard input")
    p.add_argument(
        "-f",
        "--format",
        action="append",
        metavar="FMT",
        help="output format: md, docx, pdf or a plugin's "
        f"(repeat or comma-separate; default: {', '.join(DEFAULT_FORMATS)})",
    )
    p.add_argument("-o", "--outdir", default="out", help="output folder (default: ./out)")
    p.add_argument("--stem", help="output file name without extension (default: the facts file's)")
    p.add_argument(
        "--templates",
        action="append",
        metavar="DIR",
        help="folder of Markdown templates that override the built-ins (repeatable)",
    )
    p.add_argument("--reference-doc", metavar="FILE", help="DOCX whose styles and page setup to use")
    p.add_argument(
        "--layout-template",
        metavar="FILE",
        help="DOCX layout template (docxtpl) with {{p body }} where the document goes",
    )
    p.add_argument("--runin-bold", action="store_true", help="set run-in sentences (一是…) in bold")
    p.add_argument(
        "--script",
        choices=("hans", "hant", "tw", "hk"),
        help="convert the output to Simplified (hans) or Traditional (hant, tw, hk) with OpenCC",
    )
    p.add_argument(
        "--strict", action="store_true", help="fail (exit 1, nothing written) when `speechkit check` finds anything"
    )
    p.add_argument("--no-check", action="store_true", help="do not run the checks on the result")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("validate", help="check that a facts file is valid and builds")
    p.add_argument("facts", nargs="+", help="facts YAML files (- for standard input)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of facts files")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.add_argument(
        "--builtin",
        action="store_true",
        help="leave out installed plugins (the checked-in schemas/speech.schema.json is built so)",
    )
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("sections", help="list the registered section types")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_sections)

    p = sub.add_parser("kinds", help="list the registered document kinds")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_kinds)

    _register_extras(sub)
    return parser


#: Modules whose ``register(sub)`` adds their subcommands; each command family lives in its own module.
COMMAND_MODULES: tuple[str, ...] = (
    "speechkit.checks.cli",
    "speechkit.fonts",
    "speechkit.import_cli",
)


def _register_extras(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommands that live in their own modules (check, stats, …)."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)


def _formats(values: list[str] | None) -> list[str]:
    """Return the registered writer formats asked for (names or suffixes), in order, without repeats."""
    if not values:
        return list(DEFAULT_FORMATS)
    registry = default_registry()
    out: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower().lstrip(".")
            name = {"markdown": "md"}.get(name, name)
            name = registry.writer(name).name
            if name not in out:
                out.append(name)
    return out


def cmd_build(args: argparse.Namespace) -> int:
    """Build the document and write every requested format, or nothing if one fails."""
    from .api import load
    from .render import render

    formats = _formats(args.format)
    speech = load(args.facts)
    if args.script:
        from .script import convert_speech

        speech = convert_speech(speech, args.script)
    if not args.no_check and _report_findings(args, speech) and args.strict:
        print("speechkit: --strict: findings above; nothing written", file=sys.stderr)
        return 1
    options = {
        "templates": args.templates,
        "reference_doc": args.reference_doc,
        "layout_template": args.layout_template,
        "runin_bold": args.runin_bold,
    }
    outputs = {fmt: render(speech, fmt, **options) for fmt in formats}
    stem = args.stem or ("speech" if args.facts == "-" else Path(args.facts).stem)
    outdir = Path(args.outdir)
    if outdir.exists() and not outdir.is_dir():
        raise SpeechkitError(f"{outdir}: exists and is not a folder")
    outdir.mkdir(parents=True, exist_ok=True)
    for fmt, data in outputs.items():
        path = outdir / f"{stem}.{default_registry().formats[fmt].extension}"
        write_atomic(path, data)
        print(path)
    return 0


def _report_findings(args: argparse.Namespace, speech: Speech) -> int:
    """Run the checks on the Speech as built (no second parse or build), print them, return their number."""
    from .checks import check_speech

    path = args.facts if args.facts != "-" else "<stdin>"
    findings = check_speech(speech, path=path, source=_source_text(args.facts))
    shown = findings if args.strict else findings[:SHOWN_FINDINGS]
    for finding in shown:
        print(f"warning: {finding.format()}", file=sys.stderr)
    if len(findings) > len(shown):
        codes = Counter(f.code for f in findings)
        summary = ", ".join(f"{code} ×{n}" for code, n in sorted(codes.items()))
        print(
            f"warning: {len(findings) - len(shown)} more findings ({summary} in all); "
            f"`speechkit check {args.facts}` lists them",
            file=sys.stderr,
        )
    return len(findings)


def _source_text(name: str) -> str | None:
    """Return the text of a facts file, for findings at its very characters (None for stdin or unreadable)."""
    if name == "-":
        return None
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate and build each facts file, printing a one-line summary."""
    from .api import load
    from .model import walk_items

    for name in args.facts:
        speech = load(name)
        items = sum(1 for s in speech.sections for _ in walk_items(s.items))
        print(f"{name}: ok ({speech.meta.kind}, {len(speech.sections)} sections, {items} items)")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print or write the JSON Schema generated from the registry."""
    from .schema import schema_json

    text = schema_json(load_registry(plugins=False) if args.builtin else default_registry())
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_sections(args: argparse.Namespace) -> int:
    """List section types with their default titles and descriptions."""
    rows = [
        {"name": t.name, "title": t.title, "style": t.enumeration.style, "description": t.description}
        for t in sorted(default_registry().sections.values(), key=lambda t: t.name)
    ]
    return _print_rows(rows, args.json, lambda row: row["description"])


def cmd_kinds(args: argparse.Namespace) -> int:
    """List document kinds with their expected sections."""
    rows = [
        {"name": k.name, "form": k.form, "sections": list(k.sections), "description": k.description}
        for k in sorted(default_registry().kinds.values(), key=lambda k: k.name)
    ]
    return _print_rows(rows, args.json, lambda row: f"{row['description']}  [{', '.join(row['sections'])}]")


def _print_rows(rows: list[dict[str, Any]], as_json: bool, describe: Callable[[dict[str, Any]], str]) -> int:
    """Print registry rows as JSON, or as ``name  description`` lines with the names aligned."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        print(f"{row['name']:<{width}}  {describe(row)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``speechkit`` command line: build, validate, schema, sections, kinds, check, stats."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import SpeechkitError
from .output import write_atomic, write_outputs
from .registry import default_registry, load_registry
from .render import DEFAULT_FORMATS, FORMATS

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
    except RecursionError:
        print("speechkit: input nested too deeply to process", file=sys.stderr)
        return 2
    except MemoryError:
        print("speechkit: out of memory (input too large)", file=sys.stderr)
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
        help=f"output format: {', '.join(FORMATS)} (repeat or comma-separate; default: {', '.join(DEFAULT_FORMATS)})",
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

    p = sub.add_parser("fonts", help="print or install the fontconfig aliases for the official faces")
    p.add_argument(
        "--install",
        action="store_true",
        help="write them to ~/.config/fontconfig/conf.d/60-speechkit.conf so that LibreOffice "
        "draws 仿宋/楷体/宋体 in a serif and 黑体 in a sans face",
    )
    p.set_defaults(func=cmd_fonts)

    _register_extras(sub)
    return parser


#: Modules whose ``register(sub)`` adds their subcommands; each command family lives in its own module.
COMMAND_MODULES: tuple[str, ...] = ("speechkit.checks.cli",)


def _register_extras(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the subcommands that live in their own modules (check, stats, …)."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)


def _formats(values: list[str] | None) -> list[str]:
    if not values:
        return list(DEFAULT_FORMATS)
    out: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower().lstrip(".")
            name = {"markdown": "md"}.get(name, name)
            if name not in FORMATS:
                raise SpeechkitError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}")
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
    paths = {outdir / f"{stem}.{FORMATS[fmt]}": data for fmt, data in outputs.items()}
    write_outputs(paths)
    for path in paths:
        print(path)
    return 0


def _report_findings(args: argparse.Namespace, speech: object) -> int:
    """Run the checks on what was built, print findings as warnings, and return their number."""
    from .checks import check_path, check_speech

    if args.facts == "-" or args.script:
        findings = check_speech(speech, path=args.facts if args.facts != "-" else "<stdin>")
    else:
        findings = check_path(args.facts)
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


def cmd_fonts(args: argparse.Namespace) -> int:
    """Print the fontconfig aliases, or install them for the current user."""
    from .render.pdf import fontconfig_xml

    text = fontconfig_xml(standalone=False)
    if not args.install:
        sys.stdout.write(text)
        return 0
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    target = home / "fontconfig" / "conf.d" / "60-speechkit.conf"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    print(target)
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

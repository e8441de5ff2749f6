"""The ``speechkit`` command line: build, validate, schema, sections, kinds, check, stats.

Only what a command needs is imported, and only when it runs: ``speechkit --help`` loads no writer.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .. import __version__
from ..i18n import LANGUAGES, N_, _, argparse_in_language, ngettext, split_lang_option, using
from ..writers.default_formats import DEFAULT_FORMATS
from .arguments import positive_int

if TYPE_CHECKING:
    from typing import TypeAlias

    from .batch import BatchResult, Outcome

    _Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]  # ``add_subparsers()``

# The error type is imported when a command runs, not for --help.

#: How many check findings ``build`` prints before summing up the rest.
SHOWN_FINDINGS = 5
#: The status of a program whose reader went away (``speechkit check … | head -1``): 128 + SIGPIPE, as a shell
#: reports for a tool the signal ended.
BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (0 ok, 1 findings, 2 bad input)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    return _run(argv, _command_in(argv))


def run() -> NoReturn:
    """Run the command line as the ``speechkit`` program and exit with its status."""
    status = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = BROKEN_PIPE
    if status == BROKEN_PIPE:
        # What is still buffered for the closed pipe must not raise again when Python exits.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(status)


def _run(argv: list[str], command: str | None) -> int:
    """Run ``argv`` in the language ``--lang`` (wherever it stands) or the environment chooses."""
    lang, argv = split_lang_option(argv)
    with using(lang), argparse_in_language():
        return _run_in_language(argv, command)


def _run_in_language(argv: list[str], command: str | None) -> int:
    """Parse ``argv`` for ``command`` and run it; errors become a one-line message and status 2."""
    parser = make_parser(command)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from ..model.errors import SpeechkitError

    try:
        return int(args.func(args))
    except BrokenPipeError:
        return BROKEN_PIPE  # the reader of standard output went away: stop quietly, as other tools do
    except SpeechkitError as exc:
        print(f"{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        print(_("speechkit: {name}{value}").format(name=name, value=exc.strerror or exc), file=sys.stderr)
        return 2
    except RecursionError:
        print(_("speechkit: input nested too deeply to process"), file=sys.stderr)
        return 2
    except MemoryError:
        print(_("speechkit: out of memory (input too large)"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser for running ``command``, or listing every command when it is None.

    A known ``command`` gets only its own subparser (and only its module is imported); otherwise every
    command is listed, those of other modules by name and help line (enough for ``--help`` and for
    naming the choices when a command is mistyped).
    """
    parser = argparse.ArgumentParser(
        prog="speechkit", description=_("Write Chinese official speeches and critique outlines from YAML facts.")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"speechkit {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        help=_("language of messages: zh (中文) or en (default: SPEECHKIT_LANG, else the locale)"),
    )
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    only = command if command in BUILTIN_COMMANDS or command in COMMAND_MODULES else None
    for name, add in BUILTIN_COMMANDS.items():
        if only is None or only == name:
            add(sub)
    _register_extras(sub, only)
    return parser


def _add_build(sub: _Subparsers) -> None:
    """Add the ``build`` command."""
    p = sub.add_parser(
        "build",
        help=_("build documents from facts (Markdown, DOCX, PDF)"),
        description=_(
            "Build one document per facts file (folders: every *.yaml in them), or one per table row "
            "with --each. A bad file is reported and the others are still built (exit 2 at the end)."
        ),
    )
    p.add_argument(
        "facts", nargs="+", help=_("facts YAML files or folders, - for standard input, or with --each a template")
    )
    p.add_argument(
        "-f",
        "--format",
        action="append",
        metavar="FMT",
        help=_(
            "output format: md, docx, pdf or a plugin's (repeat or comma-separate; default: {default_formats})"
        ).format(default_formats=", ".join(DEFAULT_FORMATS)),
    )
    p.add_argument("-o", "--outdir", default="out", help=_("output folder (default: ./out)"))
    p.add_argument(
        "--force",
        action="store_true",
        help=_(
            "replace files in the output folder that speechkit did not write or that changed since "
            "(default: refuse them, exit 2)"
        ),
    )
    p.add_argument(
        "--stem",
        help=_(
            "output file name without extension (default: the facts file's); with --each an "
            "expression such as '{{ branch }}' evaluated for each row"
        ),
    )
    p.add_argument(
        "--each",
        metavar="TABLE",
        help=_("mail merge: one document per row of a .csv or .xlsx table, its columns added to the template's facts"),
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        metavar="N",
        help=_("build in N worker processes (default: the number of cores; 1: in this process)"),
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=_("build on a Dask cluster, e.g. tcp://10.0.0.5:8786 (needs speechkit[dask])"),
    )
    p.add_argument(
        "--templates",
        action="append",
        metavar="DIR",
        help=_("folder of Markdown templates that override the built-ins (repeatable)"),
    )
    p.add_argument("--reference-doc", metavar="FILE", help=_("DOCX whose styles and page setup to use"))
    p.add_argument(
        "--layout-template",
        metavar="FILE",
        help=_("DOCX layout template (docxtpl) with {{p body }} where the document goes"),
    )
    p.add_argument("--runin-bold", action="store_true", help=_("set run-in sentences (一是…) in bold"))
    p.add_argument(
        "--script",
        choices=("hans", "hant", "tw", "hk"),
        help=_("convert the output to Simplified (hans) or Traditional (hant, tw, hk) with OpenCC"),
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=_("a document in which `speechkit check` finds anything is not written (exit 1)"),
    )
    p.add_argument("--no-check", action="store_true", help=_("do not run the checks on the result"))
    p.set_defaults(func=cmd_build)


def _add_validate(sub: _Subparsers) -> None:
    """Add the ``validate`` command."""
    p = sub.add_parser("validate", help=_("check that a facts file is valid and builds"))
    p.add_argument("facts", nargs="+", help=_("facts YAML files (- for standard input)"))
    p.set_defaults(func=cmd_validate)


def _add_schema(sub: _Subparsers) -> None:
    """Add the ``schema`` command."""
    p = sub.add_parser("schema", help=_("print the JSON Schema of facts files"))
    p.add_argument("-o", "--output", help=_("write to this file instead of standard output"))
    p.add_argument(
        "--builtin",
        action="store_true",
        help=_("leave out installed plugins (the checked-in schemas/speech.schema.json is built so)"),
    )
    p.set_defaults(func=cmd_schema)


def _add_sections(sub: _Subparsers) -> None:
    """Add the ``sections`` command."""
    p = sub.add_parser("sections", help=_("list the registered section types"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_sections)


def _add_kinds(sub: _Subparsers) -> None:
    """Add the ``kinds`` command."""
    p = sub.add_parser("kinds", help=_("list the registered document kinds"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_kinds)


#: The commands defined here, each added by its function (only the one being run, or all for ``--help``).
BUILTIN_COMMANDS: dict[str, Callable[[_Subparsers], None]] = {
    "build": _add_build,
    "validate": _add_validate,
    "schema": _add_schema,
    "sections": _add_sections,
    "kinds": _add_kinds,
}


#: Commands that live in their own modules: name → (module whose ``register(sub)`` adds it, its help line).
#: Only the module of the command being run is imported; the others show in ``--help`` from this table
#: (tests/test_cli_commands.py keeps each help line equal to what its module registers).
COMMAND_MODULES: dict[str, tuple[str, str]] = {
    "check": ("speechkit.apps.check_cli", N_("find placeholders, numbering, punctuation and format faults in drafts")),
    "stats": ("speechkit.apps.check_cli", N_("count characters, sections, items and speaking time")),
    "fonts": ("speechkit.apps.fonts", N_("check the official faces, print or install the stand-in mapping")),
    "import": ("speechkit.apps.import_cli", N_("read a draft (.txt, .md, .docx) into facts YAML")),
    "serve": ("speechkit.apps.serve", N_("preview a facts file as pages in the browser, updated on every save")),
    "mcp": (
        "speechkit.apps.mcp_server",
        N_("run a Model Context Protocol server on standard input and output (for LLM assistants)"),
    ),
}


def _register_extras(sub: _Subparsers, command: str | None) -> None:
    """Add the subcommands that live in their own modules: the real one for ``command``, a listing for none."""
    import importlib

    if command is not None:
        if command in COMMAND_MODULES:
            importlib.import_module(COMMAND_MODULES[command][0]).register(sub)
        return
    for name, (_module, help_line) in COMMAND_MODULES.items():
        sub.add_parser(name, help=_(help_line), add_help=False)  # listed only: never run without its module


def _command_in(argv: Sequence[str]) -> str | None:
    """Return the subcommand ``argv`` starts with, or None (``-h``, ``--version`` or nothing come first)."""
    argv = split_lang_option(argv)[1]
    return argv[0] if argv and not argv[0].startswith("-") else None


def _formats(values: list[str] | None) -> list[str]:
    """Return the registered writer formats asked for (names or suffixes), in order, without repeats."""
    if not values:
        return list(DEFAULT_FORMATS)
    from ..default import default_registry

    registry = default_registry()
    out: list[str] = []
    for value in values:
        for name in value.split(","):
            name = registry.writer(name.strip().lower().lstrip(".")).name
            if name not in out:
                out.append(name)
    return out


def cmd_build(args: argparse.Namespace) -> int:
    """Build every document and write its formats (each document all or nothing)."""
    from ..model.errors import SpeechkitError
    from .batch import BuildOptions, Job, build_many, jobs_for_files
    from .outputs import OutputGuard

    options = BuildOptions(
        formats=tuple(_formats(args.format)),
        templates=tuple(args.templates or ()),
        reference_doc=args.reference_doc,
        layout_template=args.layout_template,
        runin_bold=args.runin_bold,
        script=args.script,
        check=not args.no_check,
        strict=args.strict,
    )
    jobs: list[Job]
    if args.each:
        from .mailmerge import merge_jobs

        if len(args.facts) != 1 or args.facts[0] == "-":
            raise SpeechkitError(_("speechkit: --each takes one template facts file"))
        jobs = merge_jobs(args.facts[0], args.each, args.stem)
    elif args.facts == ["-"]:
        jobs = [Job("<stdin>", args.stem or "speech", sys.stdin.buffer.read())]
    elif "-" in args.facts:
        raise SpeechkitError(_("speechkit: - (standard input) cannot be mixed with other inputs"))
    else:
        jobs = jobs_for_files(args.facts)
        if args.stem:
            if len(jobs) != 1:
                raise SpeechkitError(_("speechkit: --stem names one document; leave it out for several inputs"))
            jobs = [Job(jobs[0].source, args.stem, jobs[0].content)]
    single = len(jobs) == 1 and not args.each and not any(Path(f).is_dir() for f in args.facts)
    guard = OutputGuard(force=args.force, warn=lambda message: print(message, file=sys.stderr))
    executor, client = _executor(args.scheduler)
    try:
        if single:
            result = build_many(jobs, args.outdir, executor=executor, workers=1, options=options, guard=guard)
            return _report_single(result, options)
        with _Progress(len(jobs)) as progress:
            result = build_many(
                jobs,
                args.outdir,
                executor=executor,
                workers=args.jobs,
                options=options,
                progress=progress,
                guard=guard,
            )
    finally:
        if client is not None:
            client.close()
    _report_batch(result, options, args.outdir)
    return result.exit_status


def _executor(address: str | None) -> tuple[Any, Any]:
    """Return a Dask cluster's executor and client for ``--scheduler``, or ``(None, None)``."""
    if not address:
        return None, None
    from ..model.errors import SpeechkitError

    try:
        import distributed
    except ImportError:
        raise SpeechkitError(_("speechkit: --scheduler needs Dask: pip install 'speechkit[dask]'")) from None
    try:
        make_client: Any = distributed.Client
        client: Any = make_client(address)  # waits distributed.comm.timeouts.connect (30 s unless configured)
    except OSError as exc:
        raise SpeechkitError(
            _("speechkit: cannot reach the Dask scheduler at {address}: {exc}").format(address=address, exc=exc)
        ) from None
    return client.get_executor(), client


def _report_single(result: BatchResult, options: Any) -> int:
    """Report one document as ``build`` always has: its findings, then the paths written."""
    outcome = result.outcomes[0]
    if outcome.status == "bad":
        print(outcome.error, file=sys.stderr)
        return 2
    _print_findings(outcome, options.strict)
    if outcome.status == "strict":
        print(_("speechkit: --strict: findings above; nothing written"), file=sys.stderr)
        return 1
    for path in outcome.written:
        print(path)
    return 0


def _print_findings(outcome: Outcome, show_all: bool) -> None:
    """Print a document's findings as warnings, at most SHOWN_FINDINGS unless ``show_all``."""
    from collections import Counter

    findings = outcome.findings
    shown = findings if show_all else findings[:SHOWN_FINDINGS]
    for finding in shown:
        print(_("warning: {format}").format(format=finding.format()), file=sys.stderr)
    if len(findings) > len(shown):
        codes = Counter(f.code for f in findings)
        summary = ", ".join(f"{code} ×{n}" for code, n in sorted(codes.items()))
        print(
            _("warning: {value} more findings ({summary} in all); `speechkit check {source}` lists them").format(
                value=len(findings) - len(shown), summary=summary, source=_checkable(outcome) or outcome.source
            ),
            file=sys.stderr,
        )


def _report_batch(result: BatchResult, options: Any, outdir: str) -> None:
    """Sum up a batch in one line, after the rejected documents' findings and a findings total."""
    from collections import Counter

    for outcome in result.rejected:
        _print_findings(outcome, True)
    with_findings = [o for o in result.outcomes if o.findings and o.status == "ok"]
    if with_findings:
        codes = Counter(f.code for o in with_findings for f in o.findings)
        summary = ", ".join(f"{code} ×{n}" for code, n in sorted(codes.items()))
        checkable = [f for f in (_checkable(o) for o in with_findings) if f]
        command = " ".join(shlex.quote(f) for f in checkable[:SHOWN_FINDINGS])
        if len(checkable) > SHOWN_FINDINGS:  # a glob over what this build wrote, for the shell to expand
            command = shlex.quote(str(Path(outdir))) + "/*" + Path(checkable[0]).suffix
        print(
            _("warning: {count} in {count2} ({summary}); `speechkit check {files}` lists them").format(
                count=_count(sum(codes.values()), "finding"),
                count2=_count(len(with_findings), "document"),
                summary=summary,
                files=command or "FILE",
            ),
            file=sys.stderr,
        )
    files = len(result.written)
    parts = [
        _("{built} of {documents} built ({files} in {outdir})").format(
            built=len(result.built),
            documents=_count(len(result.outcomes), "document"),
            files=_count(files, "file"),
            outdir=outdir,
        )
    ]
    if result.failed:
        parts.append(_("{failed} failed").format(failed=len(result.failed)))
    if result.rejected:
        parts.append(_("{n_rejected} not written for findings (--strict)").format(n_rejected=len(result.rejected)))
    print("speechkit: " + _(", ").join(parts), file=sys.stderr)


def _checkable(outcome: Outcome) -> str:
    """Return the built file of ``outcome`` that ``speechkit check`` reads (.md, else .docx), or ""."""
    for suffix in (".md", ".docx"):
        for path in outcome.written:
            if path.suffix == suffix:
                return str(path)
    return ""


def _count(number: int, noun: str) -> str:
    """Return ``1 file``, ``2 files``."""
    forms = {
        "file": ngettext("{n} file", "{n} files", number),
        "document": ngettext("{n} document", "{n} documents", number),
        "finding": ngettext("{n} finding", "{n} findings", number),
    }
    return forms[noun].format(n=number)


class _Progress:
    """Report each finished document: a progress bar on a terminal, only the failures otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> _Progress:
        if sys.stderr.isatty() and self.total > 1:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def __call__(self, outcome: Outcome) -> None:
        if outcome.status == "bad":
            if self.bar is not None:
                self.bar.write(outcome.error, file=sys.stderr)
            else:
                print(outcome.error, file=sys.stderr)
        if self.bar is not None:
            self.bar.update(1)


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate and build each facts file, printing a one-line summary."""
    from ..api import load
    from ..model.speech import count_parts

    for name in args.facts:
        speech = load(name)
        n_sections, items = count_parts(speech)
        print(
            _("{name}: ok ({kind}, {n_sections} sections, {items} items)").format(
                name=name, kind=speech.meta.kind, n_sections=n_sections, items=items
            )
        )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print or write the JSON Schema generated from the registry."""
    from ..default import default_registry, load_registry
    from ..facts.schema import schema_json
    from ..writers.output import write_atomic

    text = schema_json(load_registry(plugins=False) if args.builtin else default_registry())
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_sections(args: argparse.Namespace) -> int:
    """List section types with their default titles and descriptions."""
    from ..default import default_registry

    rows = [
        {"name": t.name, "title": t.title, "style": t.enumeration.style, "description": t.description}
        for t in sorted(default_registry().sections.values(), key=lambda t: t.name)
    ]
    return _print_rows(rows, args.json, lambda row: _(row["description"]))


def cmd_kinds(args: argparse.Namespace) -> int:
    """List document kinds with their expected sections."""
    from ..default import default_registry

    rows = [
        {"name": k.name, "form": k.form, "sections": list(k.sections), "description": k.description}
        for k in sorted(default_registry().kinds.values(), key=lambda k: k.name)
    ]
    return _print_rows(rows, args.json, lambda row: f"{_(row['description'])}  [{', '.join(row['sections'])}]")


def _print_rows(rows: list[dict[str, Any]], as_json: bool, describe: Callable[[dict[str, Any]], str]) -> int:
    """Print registry rows as JSON, or as ``name  description`` lines with the names aligned."""
    if as_json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        print(f"{row['name']:<{width}}  {describe(row)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

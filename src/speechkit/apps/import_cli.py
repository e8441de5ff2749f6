"""The ``speechkit import`` command: a draft (.txt, .md, .docx) → facts YAML."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from ..i18n import _
from ..model.errors import SpeechkitError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import`` to the command line."""
    p = sub.add_parser("import", help=_("read a draft (.txt, .md, .docx) into facts YAML"))
    p.add_argument("draft", help=_("the draft: a .txt, .md or .docx file"))
    p.add_argument("-o", "--output", metavar="FACTS.yaml", help=_("write the facts here (default: standard output)"))
    p.add_argument("--force", action="store_true", help=_("replace the -o file if it exists (default: refuse, exit 2)"))
    p.add_argument("--kind", help=_("document kind (default: guessed; see `speechkit kinds`)"))
    p.add_argument("--format", help=_("draft format: txt, md, docx or a plugin's (default: from the suffix)"))
    p.add_argument("--no-fix", action="store_true", help=_("leave half-width punctuation and pinyin as they are"))
    p.add_argument(
        "--schema",
        default=None,
        metavar="URL",
        help=_("schema named in the first line (default: the file: URI of the installed schema)"),
    )
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """Read the draft, report what changed or was set aside, and write facts that rebuild it."""
    from ..api import load
    from ..default import default_registry
    from ..model.speech import count_parts
    from ..readers import read_draft
    from ..writers.dump import dump_text, to_facts
    from ..writers.output import write_outputs

    registry = default_registry()
    if args.output and not args.force and os.path.lexists(args.output):
        raise _exists(args.output)
    if args.kind is not None:
        kind = registry.resolve("kinds", args.kind)
        if kind is None:
            raise SpeechkitError(
                _("unknown document kind {kind!r}; known kinds: {kinds}").format(
                    kind=args.kind, kinds=", ".join(registry.listed("kinds"))
                )
            )
        args.kind = kind
    reading = read_draft(args.draft, args.format, kind=args.kind, fix=not args.no_fix, registry=registry)
    dumped = to_facts(reading.speech, registry=registry)
    text = dump_text(dumped.data, args.schema)
    load(io.StringIO(text))  # what is written must validate and build
    for note in reading.notes:
        print(note.format(reading.path), file=sys.stderr)
    for count_note in dumped.notes:
        print(_("{path}: count: {count_note}").format(path=reading.path, count_note=count_note), file=sys.stderr)
    speech = reading.speech
    n_sections, items = count_parts(speech)  # the count `validate` and `stats` give
    print(
        _("{path}: {kind}, {n_sections} sections, {items} items").format(
            path=reading.path, kind=speech.meta.kind, n_sections=n_sections, items=items
        )
        + (f" → {args.output}" if args.output else ""),
        file=sys.stderr,
    )
    if args.output:
        if args.force:  # a symbolic link there is replaced, never written through
            write_outputs({Path(args.output): text}, follow_links=False)
        else:
            try:
                write_outputs({Path(args.output): text}, replace=False)  # a file made meanwhile is not replaced
            except FileExistsError:
                raise _exists(args.output) from None
    else:
        sys.stdout.write(text)
    return 0


def _exists(path: str) -> SpeechkitError:
    """Return the error for an ``-o`` file that exists and was not to be replaced."""
    return SpeechkitError(
        _("{path}: exists; speechkit import replaces a file (it may hold your edits) only with --force").format(
            path=path
        )
    )

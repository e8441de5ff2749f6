"""The ``check`` and ``stats`` subcommands; ``register(subparsers)`` adds them to the speechkit CLI."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..checks.finding import RULES, Finding
from ..i18n import _
from ..model.errors import SpeechkitError

EXIT_CLEAN, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


def _codes(value: str) -> tuple[str, ...]:
    from ..default import default_registry

    rules = default_registry().rules or RULES
    codes = tuple(part.strip().upper() for part in value.split(",") if part.strip())
    for code in codes:
        if not any(rule.startswith(code) for rule in rules):
            known = ", ".join(rules)
            raise argparse.ArgumentTypeError(
                _("unknown rule code or prefix {code!r}; known: {known}").format(code=code, known=known)
            )
    return codes


def _rate(value: str) -> int:
    try:
        rate = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {value!r}").format(value=value)) from None
    if rate <= 0:
        raise argparse.ArgumentTypeError(_("the rate must be positive"))
    return rate


def register(subparsers: Any) -> None:
    """Add the ``check`` and ``stats`` subcommands to an argparse subparsers object."""
    check = subparsers.add_parser(
        "check",
        help=_("find placeholders, numbering, punctuation and format faults in drafts"),
        description=_(
            "Check .txt, .md, .docx and facts .yaml files. Exit 0 when clean, 1 when something is "
            "found (warnings included), 2 on unreadable input."
        ),
    )
    check.add_argument("paths", nargs="+", metavar="FILE", help=_("files to check"))
    check.add_argument(
        "--format", choices=("text", "json", "sarif"), default="text", help=_("output format (sarif: SARIF 2.1.0)")
    )
    check.add_argument(
        "--select",
        type=_codes,
        default=(),
        metavar="CODES",
        help=_("only these codes or prefixes, comma-separated (SK101,SK2)"),
    )
    check.add_argument(
        "--ignore", type=_codes, default=(), metavar="CODES", help=_("skip these codes or prefixes, comma-separated")
    )
    check.add_argument(
        "--fix", action="store_true", help=_("apply the safe fixes (SK105, SK201, SK204, SK207) in place")
    )
    where = check.add_mutually_exclusive_group()
    where.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help=_("use this speechkit.toml or pyproject.toml instead of the one found upward from each file"),
    )
    where.add_argument("--isolated", action="store_true", help=_("ignore every configuration file"))
    check.set_defaults(func=run_check)
    stats = subparsers.add_parser(
        "stats",
        help=_("count characters, sections, items and speaking time"),
        description=_("Print characters, sections, items and speaking time."),
    )
    stats.add_argument("path", metavar="FILE", help=_("a .txt, .md, .docx or facts .yaml file"))
    stats.add_argument("--rate", type=_rate, default=None, metavar="N", help=_("characters a minute (default 220)"))
    stats.add_argument("--format", choices=("text", "json"), default="text", help=_("output format"))
    stats.set_defaults(func=run_stats)


def run_check(args: argparse.Namespace) -> int:
    """Run ``speechkit check``: print findings, optionally fix, and return the exit code."""
    from ..checks.config import Config, config_for, load_config
    from ..checks.fix import apply_fixes, can_fix
    from ..checks.runner import check_configured
    from ..default import default_registry

    registry = default_registry()
    findings: list[Finding] = []
    bad = False
    for path in args.paths:
        try:
            if args.isolated:
                config = Config()
            elif args.config:
                config = load_config(_config_path(args.config))
            else:
                config = config_for(path)
            found = check_configured(path, config, args.select, args.ignore, registry=registry)
            if args.fix and not can_fix(path, registry):
                print(
                    _("speechkit check: {path}: --fix does not rewrite this kind of file; nothing changed").format(
                        path=path
                    ),
                    file=sys.stderr,
                )
            elif args.fix and any(f.fix for f in found) and apply_fixes(path, found, registry):
                found = check_configured(path, config, args.select, args.ignore, registry=registry)
        except SpeechkitError as exc:
            print(_("speechkit check: {exc}").format(exc=exc), file=sys.stderr)
            bad = True
            continue
        findings.extend(found)
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.code, f.message))
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    elif args.format == "sarif":
        from .. import __version__
        from ..checks.sarif import to_sarif

        print(json.dumps(to_sarif(findings, __version__), ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding.format())
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_FOUND if findings else EXIT_CLEAN


def _config_path(value: str) -> Path:
    from ..checks.config import ConfigError

    path = Path(value)
    if not path.is_file():
        raise ConfigError(_("{value}: no such configuration file").format(value=value))
    return path


def run_stats(args: argparse.Namespace) -> int:
    """Run ``speechkit stats``: print the counts and speaking time of one file."""
    from ..checks.speaking_time import DEFAULT_RATE, stats

    try:
        result = stats(args.path, args.rate or DEFAULT_RATE)
    except SpeechkitError as exc:
        print(_("speechkit stats: {exc}").format(exc=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.format())
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``check`` or ``stats`` on their own (``python -m speechkit.apps.check_cli check FILE``)."""
    parser = argparse.ArgumentParser(prog="speechkit")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # output piped into head
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_FOUND


if __name__ == "__main__":
    sys.exit(main())

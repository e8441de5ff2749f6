"""``speechkit fonts``: which official faces a machine lacks, what stands in, and the fontconfig mapping.

GB/T 9704 names 方正小标宋简体 (title), 黑体 (level 1), 楷体_GB2312 (level 2), 仿宋_GB2312 (body) and
宋体 (page numbers); few Linux machines have them, and fontconfig alone draws every one of them
in a single sans. The mapping here gives each a distinct free face Debian packages, so title,
level-1, level-2 and body stay told apart in LibreOffice and in the PDF.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..i18n import _
from ..writers.faces import SUBSTITUTES, fontconfig_xml
from ..writers.output import write_atomic

#: Where ``--install`` writes the mapping (under ``$XDG_CONFIG_HOME`` or ``~/.config``).
CONF_NAME = Path("fontconfig") / "conf.d" / "60-speechkit.conf"


def installed_families() -> set[str]:
    """Return every family name fontconfig lists on this machine (all languages' names)."""
    run = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False, timeout=60)
    families: set[str] = set()
    for line in run.stdout.splitlines():
        families.update(name.strip() for name in line.split(","))
    return families


def matched_family(face: str, config: Path | None = None) -> str:
    """Return the family fontconfig draws for ``face`` (with ``config`` as FONTCONFIG_FILE when given)."""
    env = dict(os.environ, FONTCONFIG_FILE=str(config)) if config is not None else None
    run = subprocess.run(
        ["fc-match", "-f", "%{family[0]}:%{style[0]}", face],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=env,
    )
    return run.stdout.strip() or "?"


def check_report(config: Path) -> tuple[list[str], int]:
    """Return report lines for each official face and how many the machine lacks."""
    families = installed_families()
    lines = []
    missing = 0
    for sub in SUBSTITUTES:
        if sub.official in families:
            lines.append(f"{sub.official} ({sub.role}): installed")
            continue
        missing += 1
        now = matched_family(sub.official)
        ours = matched_family(sub.official, config)
        have = sub.family in families
        hint = "" if have else f"; install {sub.package} for {sub.family}"
        lines.append(
            _("{official} ({role}): missing — stands in now: {now}; with speechkit's mapping: {ours}{hint}").format(
                official=sub.official, role=sub.role, now=now, ours=ours, hint=hint
            )
        )
    return lines, missing


def config_home() -> Path:
    """Return ``$XDG_CONFIG_HOME`` or ``~/.config``."""
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def cmd_fonts(args: argparse.Namespace) -> int:
    """Print the mapping, check the machine's faces, or install the mapping for the current user."""
    text = fontconfig_xml(standalone=False)
    if args.check:
        if shutil.which("fc-match") is None or shutil.which("fc-list") is None:
            print(_("speechkit fonts: fc-match not found (apt-get install fontconfig)"), file=sys.stderr)
            return 2
        import tempfile

        with tempfile.TemporaryDirectory(prefix="speechkit-fonts-") as tmp:
            config = Path(tmp) / "fonts.conf"
            config.write_text(fontconfig_xml(), encoding="utf-8")
            lines, missing = check_report(config)
        print("\n".join(lines))
        if missing:
            print(
                _(
                    "{missing} official face(s) missing; `speechkit fonts --install` maps them to the stand-ins above"
                ).format(missing=missing)
            )
        return 1 if missing else 0
    if not args.install:
        sys.stdout.write(text)
        return 0
    target = config_home() / CONF_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    print(target)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``speechkit fonts``."""
    p = sub.add_parser("fonts", help=_("check the official faces, print or install the stand-in mapping"))
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--check",
        action="store_true",
        help=_("say which official faces this machine lacks and what stands in for each (exit 1 if any)"),
    )
    group.add_argument(
        "--install",
        action="store_true",
        help=_(
            "write the mapping to ~/.config/fontconfig/conf.d/60-speechkit.conf: 小标宋 → Noto Serif "
            "CJK SC Bold, 黑体 → Noto Sans CJK SC, 楷体 → AR PL UKai CN, 仿宋/宋体 → Noto Serif CJK SC"
        ),
    )
    p.set_defaults(func=cmd_fonts)

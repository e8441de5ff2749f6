"""Keep speechkit's message catalogs with Babel: extract, update, compile, check.

Run from the repository root (needs ``babel``, in the ``test`` extra)::

    python tools/catalog.py extract   # src/**.py → src/speechkit/locale/speechkit.pot
    python tools/catalog.py update    # merge the .pot into each locale's .po (new messages untranslated)
    python tools/catalog.py compile   # each .po → .mo (shipped in the wheel)
    python tools/catalog.py check     # exit 1 when a message lacks a translation or a .mo is stale
    python tools/catalog.py all       # extract, update, compile, check

These are ``pybabel extract -F babel.cfg -k N_ --no-location --sort-output``, ``pybabel update`` and
``pybabel compile`` with one difference: a ``{}``-formatted message whose text holds a ``%`` (``10～20%``,
``before % or a unit``) is not also checked as a ``%``-format, which Babel guesses and then rejects.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "speechkit" / "locale"
POT = LOCALE / "speechkit.pot"
DOMAIN = "speechkit"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
_PERCENT_FORMAT = re.compile(r"%\(\w+\)[sdr]|%[sdr](?![\w])")


def extracted() -> Catalog:
    """Return the messages marked in ``src/speechkit`` (``_``, ``N_``, ``ngettext``) as a template."""
    catalog = Catalog(project="speechkit", copyright_holder="speechkit developers", domain=DOMAIN)
    method_map = [("src/speechkit/**.py", "python")]
    for _filename, _lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        catalog.add(message, None, auto_comments=comments, context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=120, no_location=True, sort_output=True, omit_header=False)
    return out.getvalue()


def locales() -> list[Path]:
    """Return each locale's .po file."""
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    """Read a .po file, dropping the ``%``-format guess of ``{}``-formatted messages."""
    with path.open("rb") as f:
        catalog = read_po(f, domain=DOMAIN)
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if message.id and not any(_PERCENT_FORMAT.search(i) for i in ids):
            message.flags.discard("python-format")
    return catalog


def extract() -> None:
    """Write the template."""
    POT.write_bytes(_po_bytes(extracted()))


def update() -> None:
    """Merge the template into each .po: new messages added untranslated, dropped ones made obsolete."""
    template = extracted()
    for po in locales():
        catalog = read(po)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        po.write_bytes(_po_bytes(catalog))


def compile_all() -> int:
    """Compile each .po to its .mo; return the number of errors (bad placeholders)."""
    errors = 0
    for po in locales():
        catalog = read(po)
        for message, problems in catalog.check():
            for problem in problems:
                errors += 1
                print(f"{po}: {message.id!r}: {problem}", file=sys.stderr)
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog)
    return errors


def _key(value: object) -> object:
    """Return a message id or string as something hashable and comparable (plural forms as a tuple)."""
    return tuple(value) if isinstance(value, (list, tuple)) else value


def problems() -> list[str]:
    """Return what is wrong: messages without translation, messages no longer marked, stale .mo files."""
    template = {m.id for m in extracted() if m.id}
    found: list[str] = []
    for po in locales():
        catalog = read(po)
        ids = {m.id for m in catalog if m.id}
        found += [f"{po.parent.parent.name}: not in the catalog: {i!r}" for i in sorted(template - ids, key=str)]
        found += [f"{po.parent.parent.name}: no longer marked: {i!r}" for i in sorted(ids - template, key=str)]
        found += [
            f"{po.parent.parent.name}: untranslated: {m.id!r}"
            for m in catalog
            if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)) or m.fuzzy)
        ]
        mo = po.with_suffix(".mo")
        if not mo.exists():
            found.append(f"{mo}: missing (python tools/catalog.py compile)")
            continue
        with mo.open("rb") as f:
            compiled = {_key(m.id): _key(m.string) for m in read_mo(f) if m.id}
        if compiled != {_key(m.id): _key(m.string) for m in catalog if m.id and not m.fuzzy}:
            found.append(f"{mo}: stale (python tools/catalog.py compile)")
    return found


def main(argv: list[str]) -> int:
    """Run the commands named in ``argv``."""
    commands = argv or ["check"]
    if commands == ["all"]:
        commands = ["extract", "update", "compile", "check"]
    status = 0
    for command in commands:
        if command == "extract":
            extract()
        elif command == "update":
            update()
        elif command == "compile":
            status |= 1 if compile_all() else 0
        elif command == "check":
            found = problems()
            for line in found:
                print(line, file=sys.stderr)
            status |= 1 if found else 0
        else:
            print(f"unknown command {command!r}: extract, update, compile, check or all", file=sys.stderr)
            return 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Write the generated modules speechkit ships, from its own sources; ``check`` says which are stale.

    python tools/generated.py          # write them
    python tools/generated.py check    # print what is stale, exit 1

- ``schemas/speech_validator.py``: fastjsonschema's compiled check of ``schemas/speech.schema.json``
  (run ``speechkit schema --builtin -o schemas/speech.schema.json`` first);
- ``src/speechkit/writers/docx_styles_built.py``: the built-in ``word/styles.xml``, its properties placed by
  python-docx's element classes.

``tests/test_generated.py`` fails while either is stale.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def validator() -> str:
    """Return the text of ``schemas/speech_validator.py``."""
    from speechkit.facts.schema import validator_code

    return validator_code(json.loads((ROOT / "schemas" / "speech.schema.json").read_text(encoding="utf-8")))


def styles() -> str:
    """Return the text of ``writers/docx_styles_built.py``."""
    from speechkit.default import load_registry
    from speechkit.writers.docx_body import role_styles
    from speechkit.writers.docx_styles import styles_module

    return styles_module(role_styles(load_registry(plugins=False).roles))


GENERATED: dict[str, Callable[[], str]] = {
    "schemas/speech_validator.py": validator,
    "src/speechkit/writers/docx_styles_built.py": styles,
}


def main(argv: list[str]) -> int:
    """Write the generated modules, or with ``check`` report the stale ones."""
    stale = 0
    for name, generate in GENERATED.items():
        path = ROOT / name
        text = generate()
        if argv[:1] == ["check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{name} is stale: run python tools/generated.py")
                stale += 1
        else:
            path.write_text(text, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

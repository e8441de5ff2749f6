"""Write ``schemas/speech_validator.py``: fastjsonschema's compiled check of ``schemas/speech.schema.json``.

    python tools/schema_validator.py          # write it
    python tools/schema_validator.py check    # print what is stale, exit 1

Run it after ``speechkit schema --builtin -o schemas/speech.schema.json``;
``tests/test_schema.py`` fails while the module is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from speechkit.facts.schema import validator_code

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "speech.schema.json"
MODULE = ROOT / "schemas" / "speech_validator.py"


def main(argv: list[str]) -> int:
    """Write the compiled module, or with ``check`` say whether it is current."""
    code = validator_code(json.loads(SCHEMA.read_text(encoding="utf-8")))
    if argv[:1] == ["check"]:
        current = MODULE.exists() and MODULE.read_text(encoding="utf-8") == code
        if not current:
            print(f"{MODULE.relative_to(ROOT)} is stale: run python tools/schema_validator.py")
        return 0 if current else 1
    MODULE.write_text(code, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

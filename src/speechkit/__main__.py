"""Run the command line as ``python -m speechkit``."""

import sys

from .cli import main

sys.exit(main())

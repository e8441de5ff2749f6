"""Run the command line as ``python -m speechkit``."""

from .cli import run

run()

"""Run the command line as ``python -m speechkit``."""

from .apps.cli import run

run()

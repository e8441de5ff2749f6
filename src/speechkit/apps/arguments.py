"""Value types for the command line's options, shared by the subcommands."""

from __future__ import annotations

import argparse

from ..i18n import _


def positive_int(value: str) -> int:
    """Return ``value`` as a whole number of at least 1; raise argparse's error otherwise."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {value!r}").format(value=value)) from None
    if number < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return number

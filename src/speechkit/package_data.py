"""Files shipped inside speechkit's packages, read through the package's loader (a folder or a zip alike)."""

from __future__ import annotations

import pkgutil


def read_text(package: str, name: str) -> str:
    """Return the UTF-8 file ``name`` (``data/words.yaml``) of ``package`` as text.

    ``pkgutil.get_data`` asks the package's loader, as ``importlib.resources`` does, without the
    2 ms that importing ``importlib.resources`` adds to every start.
    """
    raw = pkgutil.get_data(package, name)
    if raw is None:
        raise FileNotFoundError(f"{package}: {name}")
    return raw.decode("utf-8")

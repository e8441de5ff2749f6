"""The one place that composes the default registry: the built-ins, then every installed plugin.

The built-ins are the entry point ``builtin = "speechkit.builtins:setup"`` of the ``speechkit.sections``
group (see pyproject.toml) and are loaded through it exactly as a plugin's ``setup(registry)`` is. Only the
public API (``speechkit.api``) and the front ends (``speechkit.apps``) call :func:`default_registry`; every
lower layer is given its registry.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

from .i18n import _
from .model.errors import RegistryError
from .registry import ENTRY_POINT_GROUP, Registry

#: The built-ins' entry point, as pyproject.toml declares it (also when running from a source tree).
BUILTIN = EntryPoint("builtin", "speechkit.builtins:setup", ENTRY_POINT_GROUP)

_DEFAULT: Registry | None = None


def default_registry(*, reload: bool = False) -> Registry:
    """Return the process-wide registry: built-ins, then every installed plugin."""
    global _DEFAULT
    if _DEFAULT is None or reload:
        _DEFAULT = load_registry()
    return _DEFAULT


def load_registry(*, plugins: bool = True) -> Registry:
    """Build a fresh registry from the ``speechkit.sections`` entry points, the built-ins' first."""
    registry = Registry()
    entries = [BUILTIN]
    if plugins:
        found = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda entry: entry.name)
        entries += [entry for entry in found if entry.value != BUILTIN.value]
    for entry in entries:
        try:
            setup = entry.load()
            registry.use(setup, entry.name)
        except RegistryError:
            raise
        except Exception as exc:
            raise RegistryError(
                _("plugin {name!r} ({value}) failed to load: {exc}").format(name=entry.name, value=entry.value, exc=exc)
            ) from exc
    return registry

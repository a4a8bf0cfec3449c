"""Package exports loaded on first use.

The service packages re-export their public names for convenience, but importing a package
must not import every heavy library behind it (httpx, SQLAlchemy, keyring): the window has
to paint before those are needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
import importlib


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports ``exports[name]`` (a module) on first access."""

    def attribute(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals_ = importlib.import_module(package).__dict__
        globals_[name] = value  # later lookups are plain attribute reads
        return value

    return attribute

"""Self-test probes for what a packaged build can lose and still start.

A frozen app that is missing keyring's entry-point metadata or a Qt plugin's libraries
often runs anyway, silently degraded (no saved sessions, or a different platform plugin).
These probes say which plugin file Qt really loaded, which keyring backends resolve, and
can push a token through the real keyring, so the packaging smoke test can judge them.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from pathlib import Path
import secrets
import sys
from typing import Any
import uuid

#: Set to 1 to add a real keyring save/load/clear to ``--selftest`` (needs an unlocked keyring).
KEYRING_ROUNDTRIP_ENV = "HC_SELFTEST_KEYRING"

_OS_KEYRING_MODULES = {"win32": "keyring.backends.Windows", "darwin": "keyring.backends.macOS"}


class ProbeFailed(AssertionError):
    """A probe saw a packaged component that does not work."""


def loaded_platform_plugin(platform_name: str, maps_file: Path = Path("/proc/self/maps")) -> str:
    """The file of the platform plugin mapped into this process (Linux), else ``""``."""
    try:
        lines = maps_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    suffix = f"/platforms/libq{platform_name}.so"
    for line in lines:
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and parts[5].endswith(suffix):
            return parts[5]
    return ""


def qt_plugin_report(platform_name: str) -> dict[str, Any]:
    """Where Qt looks for plugins and which platform plugin file it loaded."""
    from PySide6.QtCore import QLibraryInfo

    return {
        "qt_plugins_dir": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
        "qt_platform_plugin_file": loaded_platform_plugin(platform_name),
    }


def keyring_report() -> dict[str, Any]:
    """Every ``keyring.backends`` entry point with its load result, and the OS backend."""
    loaded: dict[str, str] = {}
    for point in entry_points(group="keyring.backends"):
        try:
            point.load()
            loaded[point.name] = "ok"
        except Exception as exc:  # a missing module is exactly what this reports
            loaded[point.name] = type(exc).__name__
    os_module = _OS_KEYRING_MODULES.get(sys.platform, "keyring.backends.SecretService")
    try:
        importlib.import_module(os_module)
        imports = True
    except Exception:
        imports = False
    return {
        "keyring_entry_points": loaded,
        "keyring_os_backend": os_module,
        "keyring_os_backend_imports": imports,
    }


async def keyring_roundtrip() -> dict[str, Any]:
    """Save, read back and clear a random token through the app's own keyring store."""
    import keyring

    from hc_desktop.auth import KeyringTokenStore

    store = KeyringTokenStore(profile=f"selftest-{uuid.uuid4().hex[:12]}")
    try:
        token = secrets.token_urlsafe(32)
        await store.save(token, "selftest", None)
        if not store.persistent:
            raise ProbeFailed("the keyring did not accept the token")
        stored = await store.load()
        if stored is None or stored.refresh_token != token:
            raise ProbeFailed("the keyring returned a different token")
        await store.clear()
        if await store.load() is not None:
            raise ProbeFailed("the keyring entry survived clear")
        return {"backend": type(keyring.get_keyring()).__module__}
    finally:
        store.close()

"""Locked settings that IT sets through the OS's own management tools.

Windows: Group Policy, Intune (ADMX) and the MSI's install-time properties write values
under ``SOFTWARE\\Policies\\HealthCompanion\\hc-desktop`` (HKLM for the machine, HKCU for
the user). macOS: a configuration profile's forced preferences land in
``/Library/Managed Preferences[/<user>]/<bundle id>.plist``. Both are read here into the
same plain mapping as the policy file, so the settings loader can treat them alike:
machine-wide values win over per-user ones, and an empty value means "not set".

Names are matched without regard to case, ``_`` or ``-``: ``AutoLockMinutes`` (the
registry/profile style) and ``auto_lock_minutes`` (the TOML style) mean the same setting.
Values are returned raw (strings, ints, bools); checking them is the settings loader's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import importlib
import logging
import os
from pathlib import Path
import sys
from typing import Any

_log = logging.getLogger("hc_desktop.policy")

WINDOWS_POLICY_KEY = r"SOFTWARE\Policies\HealthCompanion\hc-desktop"
MACOS_BUNDLE_ID = "org.healthcompanion.HealthCompanion"
MACOS_MANAGED_PREFERENCES = Path("/Library/Managed Preferences")

#: Settings IT may lock this way (secrets never: they live in the keyring).
POLICY_SETTINGS = (
    "supabase_url",
    "supabase_anon_key",
    "dify_base_url",
    "database_url",
    "database_rls",
    "database_ca_file",
    "threads_backend",
    "dify_mode",
    "auto_lock_minutes",
    "history_retention_days",
    "shared_workstation",
    "keep_history",
    "notification_content",
    "language",
    "theme",
    "emergency_number",
    "log_level",
)

# winreg's value types, repeated so the mapping can be tested on any OS.
REG_SZ = 1
REG_EXPAND_SZ = 2
REG_DWORD = 4
REG_QWORD = 11


def _canonical(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


_BY_CANONICAL = {_canonical(name): name for name in POLICY_SETTINGS}


def setting_name(policy_name: str) -> str | None:
    """The setting a policy value name refers to, or None when it is not one we know."""
    return _BY_CANONICAL.get(_canonical(policy_name))


def _plain_value(value: Any) -> str | int | bool | None:
    """Keep strings (stripped, empty = unset), ints and bools; refuse anything else."""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        text = value.strip()
        return text or None
    return None


def normalize_policy(values: Mapping[Any, Any], source: str) -> dict[str, Any]:
    """Map raw policy names to setting names; unknown names and odd types are reported."""
    policy: dict[str, Any] = {}
    for raw_name, raw_value in values.items():
        if not isinstance(raw_name, str):  # a binary plist may use numbers as keys
            _log.warning("ignored a policy value without a text name in %s", source)
            continue
        name = setting_name(raw_name)
        if name is None:
            _log.warning("ignored unknown policy value %s in %s", raw_name, source)
            continue
        value = _plain_value(raw_value)
        if value is None:
            if not (isinstance(raw_value, str) or raw_value is None):
                _log.warning("ignored policy value %s in %s: unsupported type", raw_name, source)
            continue
        policy[name] = value
    return policy


def registry_values_to_policy(
    values: Iterable[tuple[str, Any, int]], source: str = "registry"
) -> dict[str, Any]:
    """``(name, data, type)`` triples as ``winreg.EnumValue`` yields them, to settings.

    Strings and DWORD/QWORD numbers are used; ``REG_EXPAND_SZ`` has its ``%VARS%``
    expanded; binary and multi-string values are ignored.
    """
    raw: dict[str, Any] = {}
    for name, data, kind in values:
        if kind == REG_EXPAND_SZ and isinstance(data, str):
            raw[name] = os.path.expandvars(data)
        elif kind in (REG_SZ, REG_DWORD, REG_QWORD):
            raw[name] = data
        else:
            _log.warning("ignored policy value %s in %s: registry type %d", name, source, kind)
    return normalize_policy(raw, source)


def _winreg() -> Any:
    """``winreg``, typed loosely so this module type-checks the same on every OS."""
    return importlib.import_module("winreg")


def _read_registry_key(hive: int, hive_name: str) -> dict[str, Any]:
    winreg = _winreg()
    try:
        key = winreg.OpenKey(hive, WINDOWS_POLICY_KEY)
    except OSError:
        return {}
    triples: list[tuple[str, Any, int]] = []
    with key:
        index = 0
        while True:
            try:
                triples.append(winreg.EnumValue(key, index))
            except OSError:
                break
            index += 1
    return registry_values_to_policy(triples, f"{hive_name}\\{WINDOWS_POLICY_KEY}")


def windows_policy() -> dict[str, Any]:
    """User policy (HKCU), overridden by machine policy (HKLM); empty off Windows."""
    if os.name != "nt":
        return {}
    winreg = _winreg()
    return {
        **_read_registry_key(winreg.HKEY_CURRENT_USER, "HKCU"),
        **_read_registry_key(winreg.HKEY_LOCAL_MACHINE, "HKLM"),
    }


def read_managed_plist(path: Path) -> dict[str, Any]:
    """One managed-preferences file; missing is empty, unreadable is logged and empty."""
    import plistlib  # macOS only; not on every start-up

    try:
        with path.open("rb") as handle:
            data = plistlib.load(handle)
    except FileNotFoundError:
        return {}
    except Exception as exc:  # a damaged file fails in many ways (even MemoryError on bogus sizes)
        _log.warning("managed preferences %s could not be read: %s", path, type(exc).__name__)
        return {}
    if not isinstance(data, dict):
        return {}
    return normalize_policy(data, str(path))


def macos_policy(
    *,
    root: Path = MACOS_MANAGED_PREFERENCES,
    user: str | None = None,
    bundle_id: str = MACOS_BUNDLE_ID,
) -> dict[str, Any]:
    """Per-user forced preferences, overridden by the machine-wide ones."""
    user = user if user is not None else os.environ.get("USER", "")
    per_user = read_managed_plist(root / user / f"{bundle_id}.plist") if user else {}
    return {**per_user, **read_managed_plist(root / f"{bundle_id}.plist")}


def os_policy() -> dict[str, Any]:
    """The OS-managed policy of this machine (empty on Linux: there it is the policy file)."""
    if os.name == "nt":
        return windows_policy()
    if sys.platform == "darwin":
        return macos_policy()
    return {}

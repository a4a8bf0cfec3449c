"""Settings and where each value comes from.

Precedence, lowest first: built-in defaults, the system-wide defaults file, the user's
config file, ``HC_*`` environment variables, the command line; above all of them the
policy file that IT places at a fixed system path, which nothing else can override and
which the UI shows as locked. Secrets never come from these files: a secret key found in
one is ignored and reported, so it can be moved to the keyring.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
import logging
import os
from pathlib import Path
import sys
from typing import Any

import platformdirs

from hc_desktop.policy_sources import os_policy

APP_NAME = "hc-desktop"
_log = logging.getLogger("hc_desktop.config")

SECRET_KEYS = frozenset({"dify_api_key", "database_password", "password", "refresh_token"})


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable, with the source of each value for the settings view."""

    supabase_url: str | None = None
    supabase_anon_key: str | None = None
    dify_base_url: str | None = None
    database_url: str | None = None
    database_rls: bool = False
    database_ca_file: str | None = None
    """CA bundle for ``sslmode=verify-full`` connections to a managed PostgreSQL."""
    threads_backend: str = "auto"
    """Where threads are shared: ``data_api`` (Supabase Data API with the user's token, the
    default for Supabase deployments), ``postgres`` (direct, managed on-premises only),
    ``local`` (this computer only) or ``auto`` (``postgres`` when ``database_url`` is set,
    else ``data_api``)."""
    dify_mode: str = "app_key"
    """``app_key`` (the Dify app key from the keyring) or ``gateway`` (the user's access
    token to a gateway that holds the key and fixes ``user``)."""
    auto_lock_minutes: int = 15
    history_retention_days: int = 90
    """Cached conversation history older than this is removed locally (0 keeps it)."""
    shared_workstation: bool = False
    keep_history: bool = True
    """False keeps conversation history in memory only: nothing content-bearing on disk."""
    notification_content: bool = False
    """True shows the thread title in desktop notifications (off: a generic text)."""
    language: str | None = None
    theme: str = "system"
    emergency_number: str | None = None
    log_level: str = "INFO"
    locked: frozenset[str] = frozenset()
    sources: Mapping[str, str] = field(default_factory=dict)

    def is_locked(self, name: str) -> bool:
        """True when IT policy fixes this setting."""
        return name in self.locked


_CONFIGURABLE = tuple(f.name for f in fields(Settings) if f.name not in ("locked", "sources"))
_CHOICES: Mapping[str, frozenset[str]] = {
    "theme": frozenset({"system", "light", "dark"}),
    "threads_backend": frozenset({"auto", "data_api", "postgres", "local"}),
    "dify_mode": frozenset({"app_key", "gateway"}),
}
_BOOLEANS = frozenset(
    {"database_rls", "shared_workstation", "keep_history", "notification_content"}
)
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A settings value that cannot be used; the message names the key and source."""


def policy_path() -> Path:
    """The fixed, admin-only location of the locked policy file on this OS."""
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(base) / APP_NAME / "policy.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "policy.toml"
    return Path("/etc") / APP_NAME / "policy.toml"


def system_config_path() -> Path:
    """System-wide defaults that a user's own file may override."""
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def user_config_path() -> Path:
    """The user's own settings file."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def _coerce(name: str, value: Any, source: str) -> Any:
    """Turn a raw file/env/CLI value into the field's type, or explain why not."""
    if name in _BOOLEANS:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise SettingsError(f"{name} from {source} must be true or false")
    if name in ("auto_lock_minutes", "history_retention_days"):
        fraction = isinstance(value, float) and not value.is_integer()  # also inf and nan
        try:
            if isinstance(value, bool) or fraction:
                raise ValueError(name)
            number = int(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{name} from {source} must be a whole number") from None
        upper = 24 * 60 if name == "auto_lock_minutes" else 3650
        if not 0 <= number <= upper:
            raise SettingsError(f"{name} from {source} must be between 0 and {upper}")
        return number
    if name in _CHOICES:
        choice = str(value).strip().lower()
        if choice not in _CHOICES[name]:
            allowed = ", ".join(sorted(_CHOICES[name]))
            raise SettingsError(f"{name} from {source} must be one of {allowed}")
        return choice
    if name == "log_level":
        level = str(value).strip().upper()
        if level not in _LOG_LEVELS:
            raise SettingsError(f"{name} from {source} must be one of {', '.join(_LOG_LEVELS)}")
        return level
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):  # 112 may come unquoted
        raise SettingsError(f"{name} from {source} must be text")
    text = str(value).strip()
    return text or None


def _read_toml(path: Path) -> dict[str, Any]:
    """Read one settings file; a missing file is empty, a broken one is reported."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(f"{path} could not be read: {exc}") from None
    import tomllib  # most installs have no settings file: start-up need not load the parser

    with handle:
        try:
            data = tomllib.load(handle)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
            raise SettingsError(f"{path} could not be read: {exc}") from None
    section = data.get("hc-desktop", data)
    return dict(section) if isinstance(section, dict) else {}


def _layer(raw: Mapping[str, Any], source: str) -> dict[str, Any]:
    """Keep known keys, drop (and report) secrets and unknown keys."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name in SECRET_KEYS:
            _log.warning("ignored secret key %s in %s: secrets belong in the keyring", key, source)
            continue
        if name not in _CONFIGURABLE:
            _log.warning("ignored unknown setting %s in %s", key, source)
            continue
        values[name] = _coerce(name, value, source)
    return values


def env_layer(environ: Mapping[str, str]) -> dict[str, Any]:
    """``HC_SUPABASE_URL`` and friends; secrets (``HC_DIFY_API_KEY``) are read elsewhere."""
    raw = {
        key[3:].lower(): value
        for key, value in environ.items()
        if key.startswith("HC_") and key[3:].lower() in _CONFIGURABLE
    }
    return _layer(raw, "environment")


def load_settings(
    *,
    cli: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    system_file: Path | None = None,
    user_file: Path | None = None,
    policy_file: Path | None = None,
    os_policy_values: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge every layer; policy values win and are marked locked.

    Policy comes from the policy file and, above it, the OS's managed settings (Windows
    policy registry, macOS managed preferences); ``os_policy_values`` replaces the latter
    in tests.
    """
    layers: list[tuple[str, dict[str, Any]]] = [
        ("system", _layer(_read_toml(system_file or system_config_path()), "system defaults")),
        ("user", _layer(_read_toml(user_file or user_config_path()), "user settings")),
        ("environment", env_layer(os.environ if environ is None else environ)),
        ("command line", _layer({k: v for k, v in (cli or {}).items() if v is not None}, "cli")),
    ]
    managed = os_policy() if os_policy_values is None else os_policy_values
    policy = _layer({**_read_toml(policy_file or policy_path()), **managed}, "policy")
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for source, values in [*layers, ("policy", policy)]:
        for name, value in values.items():
            merged[name] = value
            sources[name] = source
    return replace(Settings(), **merged, locked=frozenset(policy), sources=sources)

"""Where a profile keeps its files: one folder per profile, private to the OS user.

Profiles let ``--demo``, ``--selftest`` and benchmarks run beside a normal session without
touching its data, lock or logs. ``HC_DATA_DIR`` moves every profile (portable installs,
tests).
"""

from __future__ import annotations

from dataclasses import dataclass
import os
from pathlib import Path
import re
import sys
import uuid

import platformdirs

from hc_desktop.config import APP_NAME

_PROFILE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``: in the source tree, or in a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return base.joinpath("resources", *parts)


def data_root() -> Path:
    """The folder that holds every profile."""
    override = os.environ.get("HC_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def rotate_file(path: Path, keep: int) -> None:
    """``path`` becomes ``path.1``, ``path.1`` becomes ``path.2`` …, and the copy beyond
    ``keep`` goes (log files: the app's log and the audit trail)."""
    for number in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the OS user only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        path.chmod(0o700)
    return path


@dataclass(frozen=True, slots=True)
class Profile:
    """The files of one profile."""

    name: str
    root: Path

    @classmethod
    def named(cls, name: str, base: Path | None = None) -> Profile:
        if not _PROFILE_NAME.match(name):
            raise ValueError("profile names use letters, digits, '.', '-' and '_' only")
        return cls(name, (base or data_root()) / "profiles" / name)

    def ensure(self) -> Profile:
        """Create the profile folder with owner-only permissions."""
        make_private_dir(self.root)
        return self

    @property
    def lock_file(self) -> Path:
        return self.root / "instance.lock"

    @property
    def refresh_lock_file(self) -> Path:
        return self.root / "refresh.lock"

    @property
    def settings_file(self) -> Path:
        """Window geometry and other UI state (QSettings, INI format)."""
        return self.root / "ui-state.ini"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def state_file(self) -> Path:
        """Non-secret profile state, e.g. the last signed-in user id."""
        return self.root / "state.json"

    @property
    def audit_file(self) -> Path:
        """The security event trail (hash-chained JSON lines, rotated beside it)."""
        return self.root / "audit" / "audit.jsonl"

    def user_dir(self, user_id: uuid.UUID) -> Path:
        return self.root / "users" / str(user_id)

    def thread_store_file(self, user_id: uuid.UUID) -> Path:
        return self.user_dir(user_id) / "threads.sqlite3"

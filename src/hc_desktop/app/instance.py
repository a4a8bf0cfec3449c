"""One running app per profile: refresh tokens rotate, so two writers would revoke them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class ProfileInUse(RuntimeError):
    """Another process holds this profile."""


class InstanceLock:
    """Held for the lifetime of the window; a crashed holder's stale lock is taken over."""

    def __init__(self, path: Path) -> None:
        self._lock = QLockFile(str(path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        if not self._lock.tryLock(100):
            raise ProfileInUse("Health Companion is already running with this profile.")

    def release(self) -> None:
        self._lock.unlock()

"""Keyring backends for tests only: in memory, always failing, and a JSON file for
tests that span processes. Priority below zero so keyring never picks them by itself."""

from __future__ import annotations

import json
import os
from pathlib import Path
import threading

from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Stores entries in a dict and remembers which threads called it."""

    priority = -1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.calling_threads: set[int] = set()

    def get_password(self, service: str, username: str) -> str | None:
        self.calling_threads.add(threading.get_ident())
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calling_threads.add(threading.get_ident())
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calling_threads.add(threading.get_ident())
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")

    def stored(self, profile: str = "test") -> dict[str, str] | None:
        raw = self.entries.get(("hc-desktop", f"session:{profile}"))
        return None if raw is None else json.loads(raw)


class FailingKeyring(KeyringBackend):
    """Every call raises ``error_type`` (NoKeyringError by default, like headless Linux)."""

    priority = -1

    def __init__(self, error_type: type[Exception] = NoKeyringError) -> None:
        super().__init__()
        self.error_type = error_type
        self.calls = 0

    def _fail(self) -> None:
        self.calls += 1
        raise self.error_type("keyring unavailable in this test")

    def get_password(self, service: str, username: str) -> str | None:
        self._fail()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._fail()

    def delete_password(self, service: str, username: str) -> None:
        self._fail()


class JsonFileKeyring(KeyringBackend):
    """Entries in one JSON file so several processes share them (test-only plaintext)."""

    priority = -1

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def _write(self, entries: dict[str, str]) -> None:
        temporary = self.path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_text(json.dumps(entries))
        os.replace(temporary, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._read()
        entries[f"{service}/{username}"] = password
        self._write(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._read()
        if entries.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._write(entries)

"""The local, append-only audit trail: one JSON line per security event, hash-chained.

Each line carries the SHA-256 of the previous line (``prev``), so editing, removing or
reordering lines breaks the chain and :meth:`AuditLog.verify` says where. The file is
owner-only (0600 on POSIX; on Windows the per-user profile folder's ACL applies). When it
grows past ``max_bytes`` it is renamed to ``<name>.1`` (older files shift up, the oldest
beyond ``keep`` is removed) and the new file's first line chains to the last line of the
rotated one, so the chain spans files. Tamper evidence, not tamper proof: someone with the
user's account can rewrite the whole file; IT should collect exports if that matters.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
import hashlib
import json
import os
from pathlib import Path
import threading

from hc_desktop.core.audit import AuditRecord
from hc_desktop.paths import rotate_file

GENESIS = "0" * 64
DEFAULT_MAX_BYTES = 1_000_000
DEFAULT_KEEP = 5


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """Result of :meth:`AuditLog.verify`: ok, or the file and line where the chain breaks."""

    ok: bool
    records: int
    broken_file: str | None = None
    broken_line: int | None = None


def _digest(line: str) -> str:
    return hashlib.sha256(line.encode()).hexdigest()


def _open_private(path: Path) -> int:
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return fd


class AuditLog:
    """Appends records to ``path`` (thread-safe within the process)."""

    def __init__(
        self, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, keep: int = DEFAULT_KEEP
    ) -> None:
        self.path = path
        self._max_bytes = max_bytes
        self._keep = keep
        self._lock = threading.Lock()
        self._last: str | None = None

    def __repr__(self) -> str:
        return f"AuditLog({self.path.name!r})"

    def files(self) -> list[Path]:
        """Oldest first: ``name.keep`` ... ``name.1``, then the current file."""
        rotated = [self.path.with_name(f"{self.path.name}.{n}") for n in range(self._keep, 0, -1)]
        return [p for p in rotated if p.exists()] + ([self.path] if self.path.exists() else [])

    def append(self, record: AuditRecord) -> None:
        """Write one record durably (fsync), chained to the line before it."""
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            previous = self._last_line()
            if self.path.exists() and self.path.stat().st_size >= self._max_bytes:
                rotate_file(self.path, self._keep)
            entry = {**record.to_json(), "prev": GENESIS if previous is None else _digest(previous)}
            line = json.dumps(entry, separators=(",", ":"), sort_keys=True)
            fd = _open_private(self.path)
            try:
                os.write(fd, (line + "\n").encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            self._last = line

    def records(self) -> Iterator[AuditRecord]:
        """Every readable record, oldest first (for the viewer; :meth:`verify` reports
        the lines that are not)."""
        for _path, _number, line in self._lines():
            try:
                yield AuditRecord.from_json(json.loads(line))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue

    def verify(self) -> ChainCheck:
        """Walk the chain across all files."""
        previous = GENESIS
        count = 0
        files = self.files()
        # After rotation dropped the oldest file, the first kept line chains to a lost one.
        lenient_start = bool(files) and files[0] != self.path
        for path, number, line in self._lines():
            try:
                entry = json.loads(line)
                AuditRecord.from_json(entry)
            except (ValueError, KeyError, TypeError, AttributeError):
                return ChainCheck(False, count, path.name, number)
            if entry.get("prev") != previous and not (lenient_start and count == 0):
                return ChainCheck(False, count, path.name, number)
            previous = _digest(line)
            count += 1
        return ChainCheck(True, count)

    def export(self, destination: Path) -> int:
        """Copy every line (oldest first) to ``destination`` for IT; returns the count."""
        count = 0
        fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for _path, _number, line in self._lines():
                out.write(line + "\n")
                count += 1
        return count

    def _lines(self) -> Iterator[tuple[Path, int, str]]:
        for path in self.files():
            # A damaged byte must not stop the trail: the chain check shows where it is.
            with path.open(encoding="utf-8", errors="replace") as handle:
                for number, raw in enumerate(handle, start=1):
                    line = raw.rstrip("\n")
                    if line:
                        yield path, number, line

    def _last_line(self) -> str | None:
        if self._last is None:
            for _path, _number, line in self._lines():
                self._last = line
        return self._last

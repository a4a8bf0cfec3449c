"""Records security events in the profile's audit trail without slowing the window down.

Controllers call :meth:`AuditTrail.record` when something happens (signed in, locked, a
thread deleted…). The write runs on one worker thread, in call order, so the event loop
never waits for the disk; a write that fails is logged with its error type and never
reaches the user's action. Reading, verifying and exporting use the same worker, so the
viewer always sees every event recorded before it asked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from enum import Enum
import logging
from pathlib import Path
from typing import TypeVar
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.controller.tasks import TaskRunner
from hc_desktop.core.audit import AuditEvent, AuditRecord
from hc_desktop.store.audit_log import AuditLog, ChainCheck

__all__ = ["CURRENT_USER", "AuditTrail", "ChainCheck"]

_log = logging.getLogger("hc_desktop.audit")

T = TypeVar("T")


class _Current(Enum):
    USER = "the user whose data is open"


CURRENT_USER = _Current.USER
"""Default for :meth:`AuditTrail.record`: attribute the event to the user whose data is open."""


class AuditTrail(QObject):
    """The controller's one way into the audit log (``None`` log: events are dropped)."""

    entries_ready = Signal(list)
    """Every record (``list[AuditRecord]``), oldest first."""
    verified = Signal(object)
    """The :class:`~hc_desktop.store.audit_log.ChainCheck` of the whole trail."""
    exported = Signal(bool, int)
    """(written, number of records) after :meth:`request_export`."""

    def __init__(
        self,
        log: AuditLog | None,
        *,
        tasks: TaskRunner,
        current_user: Callable[[], uuid.UUID | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._tasks = tasks
        self._current_user = current_user
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hc-audit")
        self._last_write: Future[None] | None = None
        self._closed = False

    def __repr__(self) -> str:
        return f"AuditTrail({self._log!r})"

    @property
    def enabled(self) -> bool:
        return self._log is not None

    # Recording ---------------------------------------------------------------------------------
    def record(
        self,
        event: AuditEvent | str,
        thread_id: uuid.UUID | str | None = None,
        outcome: str = "ok",
        *,
        user_id: uuid.UUID | _Current | None = CURRENT_USER,
    ) -> None:
        """Queue one event; returns at once and never raises.

        ``outcome`` is a short machine code (``ok``, ``failed``, an error code such as
        ``invalid_credentials``); anything that looks like free text is stored as
        ``unknown``. Never pass content: titles, messages, email addresses.
        """
        entry = self._entry(event, thread_id, outcome, user_id)
        if entry is None or self._log is None:
            return
        if self._closed:
            _log.warning("audit event %s dropped: the trail is closed", entry.event.value)
            return
        try:
            future = self._executor.submit(self._log.append, entry)
        except RuntimeError:
            _log.warning("audit event %s dropped: the writer has stopped", entry.event.value)
            return
        future.add_done_callback(_report_write_failure)
        self._last_write = future

    def _entry(
        self,
        event: AuditEvent | str,
        thread_id: uuid.UUID | str | None,
        outcome: str,
        user_id: uuid.UUID | _Current | None,
    ) -> AuditRecord | None:
        try:
            kind = AuditEvent(event)
        except ValueError:
            _log.warning("unknown audit event type ignored")
            return None
        user = self._current_user() if user_id is CURRENT_USER else user_id
        assert not isinstance(user, _Current)
        thread = _as_uuid(thread_id)
        try:
            return AuditRecord.now(kind, user_id=user, thread_id=thread, outcome=outcome)
        except ValueError:
            _log.warning("audit event %s: outcome is not a code; stored as unknown", kind.value)
            return AuditRecord.now(kind, user_id=user, thread_id=thread, outcome="unknown")

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait (bounded) until every queued event is on disk; False on timeout."""
        last = self._last_write
        if last is None:
            return True
        try:
            last.result(timeout)
        except FutureTimeout:
            return False
        except Exception:  # already logged by the done callback
            return True
        return True

    def close(self, timeout: float = 2.0) -> None:
        """Write what is queued (bounded wait) and stop the worker; later events are dropped."""
        if self._closed:
            return
        self._closed = True
        if not self.flush(timeout):
            _log.warning("audit writer still busy at shutdown")
        self._executor.shutdown(wait=False, cancel_futures=True)

    # Reading -------------------------------------------------------------------------------
    async def entries(self) -> list[AuditRecord]:
        """Every record, oldest first (lines that cannot be read are left out)."""
        log = self._log
        if log is None:
            return []
        return await self._run(lambda: list(log.records()))

    async def verify(self) -> ChainCheck:
        log = self._log
        if log is None:
            return ChainCheck(True, 0)
        return await self._run(log.verify)

    async def export(self, destination: Path) -> int:
        """Copy the whole trail to ``destination`` for IT; the export itself is recorded."""
        log = self._log
        if log is None:
            raise OSError("there is no audit trail in this profile")
        count = await self._run(lambda: log.export(destination))
        self.record(AuditEvent.AUDIT_EXPORTED)
        return count

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.wrap_future(self._executor.submit(work))

    # For the viewer: results arrive as signals ------------------------------------------------
    def request_entries(self) -> None:
        self._tasks.start(self._emit_entries(), key="audit-entries", report=False)

    def request_verify(self) -> None:
        self._tasks.start(self._emit_check(), key="audit-verify", report=False)

    def request_export(self, destination: str) -> None:
        self._tasks.start(self._emit_export(Path(destination)), key="audit-export", report=False)

    async def _emit_entries(self) -> None:
        try:
            records = await self.entries()
        except (OSError, RuntimeError) as exc:
            _log.warning("audit trail could not be read (%s)", type(exc).__name__)
            records = []
        self.entries_ready.emit(records)

    async def _emit_check(self) -> None:
        try:
            check = await self.verify()
        except (OSError, RuntimeError) as exc:
            _log.warning("audit trail could not be verified (%s)", type(exc).__name__)
            check = ChainCheck(False, 0)
        self.verified.emit(check)

    async def _emit_export(self, destination: Path) -> None:
        try:
            count = await self.export(destination)
        except (OSError, RuntimeError) as exc:
            _log.warning("audit trail export failed (%s)", type(exc).__name__)
            self.exported.emit(False, 0)
            return
        _log.info("audit trail exported (%d records)", count)
        self.exported.emit(True, count)


def _as_uuid(value: uuid.UUID | str | None) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(value)
    except ValueError:
        _log.warning("audit event: thread id is not a UUID; left out")
        return None


def _report_write_failure(future: Future[None]) -> None:
    if future.cancelled():
        return
    exc = future.exception()
    if exc is not None:
        _log.warning("audit event not written (%s)", type(exc).__name__)

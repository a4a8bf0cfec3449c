"""The one place that starts coroutines for the Qt side.

Slots call :meth:`TaskRunner.start`; the runner keeps a strong reference to every task
(qasync 0.28's ``asyncSlot`` does not), cancels the previous task started under the same
key ("load thread" supersedes the older "load thread"), and routes every failure to one
signal: expected failures carry a plain-language message, anything else is a bug that is
logged with its traceback and shown as such.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from hc_desktop.core.errors import UserFacingError
from hc_desktop.core.translatable import SERVICE_CONTEXT

_log = logging.getLogger("hc_desktop.tasks")


def service_text(text: str) -> str:
    """A sentence a service marked for translation, in the user's language."""
    return QCoreApplication.translate(SERVICE_CONTEXT, text)


def user_message_of(exc: BaseException) -> str | None:
    """The plain-language text of an expected failure (translated), or None for a bug."""
    if isinstance(exc, UserFacingError):
        return service_text(exc.user_message)
    message = getattr(exc, "user_message", None)
    return service_text(message) if isinstance(message, str) else None


class TaskRunner(QObject):
    """Owns every background task of the controller."""

    failed = Signal(str)
    """An expected failure: a plain-language message for the banner."""
    crashed = Signal(str)
    """A bug: a short description for the error dialog (details are in the log)."""
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._keyed: dict[str, asyncio.Task[Any]] = {}
        self._stoppers: dict[asyncio.Task[Any], Callable[[], None]] = {}
        self._closed = False

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def start(
        self,
        coro: Coroutine[Any, Any, Any],
        *,
        key: str | None = None,
        report: bool = True,
        stop: Callable[[], None] | None = None,
    ) -> asyncio.Task[Any]:
        """Run ``coro`` as a task; with ``key``, cancel the running task of that key first.

        ``stop`` asks a long-running loop to end by itself after its current round;
        stopping it then never cuts a request in half.
        """
        if self._closed:
            # Work that finishes during shutdown (a sign-in answer arriving as the window
            # closes) may try to start more; it is not run, and whoever awaits it is
            # cancelled like the rest.
            coro.close()
            _log.debug("task %s not started: shutting down", key or "(unnamed)")
            refused = asyncio.get_event_loop().create_task(asyncio.sleep(0))
            refused.cancel()
            return refused
        if key is not None:
            previous = self._keyed.pop(key, None)
            if previous is not None and not previous.done():
                previous.cancel()
        task = asyncio.get_event_loop().create_task(coro)
        was_busy = self.busy
        self._tasks.add(task)
        if stop is not None:
            self._stoppers[task] = stop
        if key is not None:
            self._keyed[key] = task
        task.add_done_callback(lambda t: self._finished(t, key, report))
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def cancel(self, key: str) -> None:
        """Ask the task of ``key`` to stop (politely when it can); it stays listed until it
        has unwound."""
        task = self._keyed.get(key)
        if task is None or task.done():
            return
        stop = self._stoppers.get(task)
        if stop is not None:
            stop()
        else:
            task.cancel()

    def active_keys(self) -> list[str]:
        """Keys of the tasks still running (for status displays and tests)."""
        return [key for key, task in self._keyed.items() if not task.done()]

    def running(self, key: str) -> bool:
        task = self._keyed.get(key)
        return task is not None and not task.done()

    def _finished(self, task: asyncio.Task[Any], key: str | None, report: bool) -> None:
        self._tasks.discard(task)
        self._stoppers.pop(task, None)
        if key is not None and self._keyed.get(key) is task:
            del self._keyed[key]
        if not self._tasks:
            self.busy_changed.emit(False)
        if task.cancelled() or not report:
            return
        exc = task.exception()
        if exc is None:
            return
        message = user_message_of(exc)
        if message is not None:
            _log.info("task failed: %s", type(exc).__name__)
            self.failed.emit(message)
        else:
            _log.error("unexpected error in a background task", exc_info=exc)
            self.crashed.emit(self.tr("{0} (details are in the log)").format(type(exc).__name__))

    async def shutdown(self, grace: float = 1.0, timeout: float = 3.0) -> None:
        """Ask the background loops to stop; give them and short requests ``grace`` seconds
        to finish, then cancel what is left and wait (bounded) for it to unwind.

        Letting a request that is almost done finish is kinder to the servers and to the
        HTTP stack than cutting a connection attempt in half.
        """
        self._closed = True
        for stop in list(self._stoppers.values()):
            stop()
        pending = [t for t in self._tasks if not t.done()]
        if pending:
            _done, pending_set = await asyncio.wait(pending, timeout=grace)
            pending = list(pending_set)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=timeout)

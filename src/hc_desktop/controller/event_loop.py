"""The asyncio loop on Qt's event loop: qasync's, made cheaper, plus the hooks it lacks.

qasync gives every callback a Qt timer of its own, keeps a cancelled timeout's Qt timer
alive until its deadline, and makes a new socket notifier each time a transport resumes
reading. A streamed answer resumes reading for every chunk (200 a second) and arms and
cancels two timeouts per chunk, so thousands of dead Qt timers piled up and that machinery
cost more CPU than parsing the stream. This loop keeps asyncio's own bookkeeping instead:
callbacks that are ready run together in one timer event, timeouts sit in a heap behind a
single Qt timer (a cancelled one is simply skipped), and each socket keeps one notifier,
enabled and disabled as reading resumes and pauses.

qasync 0.28 never installs asyncio's async-generator hooks. Without them an abandoned async
generator (httpx's body iterators when a stream is cut short) is finalised synchronously at
garbage collection, outside the loop, and its cleanup cannot await: the connection is not
released properly and Python reports "async generator ignored GeneratorExit". With the hooks
the loop closes such generators as tasks, exactly as ``asyncio.run`` does.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterator
import contextlib
import heapq
import math
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, QTimer
import qasync
import shiboken6


class AppEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync's loop with asyncio's async-generator bookkeeping, and a fix for its last pass.

    qasync's ``run_until_complete`` processes pending Qt events once more after
    ``run_forever`` has returned, when asyncio no longer sees a running loop: a task resumed
    in that pass fails with "no running event loop" (leaving a half-started connection
    behind). The loop stays registered as running until ``run_until_complete`` returns.
    """

    _saved_hooks: Any = None

    def __init__(self, app: QCoreApplication | None = None) -> None:
        self._soon: deque[asyncio.Handle] = deque()
        self._drain_scheduled = False
        self._readers: dict[int, _Reader] = {}
        self._timeouts: list[asyncio.TimerHandle] = []
        self._cancelled_timeouts = 0
        self._wake = QTimer()
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self._run_due)
        super().__init__(app)

    # Callbacks: everything ready runs in one Qt timer event ------------------------------
    def call_soon(self, callback: Any, *args: Any, context: Any = None) -> asyncio.Handle:
        self._check_closed()
        handle = asyncio.Handle(callback, args, self, context=context)
        self._soon.append(handle)
        if not self._drain_scheduled:
            self._drain_scheduled = True
            self._timer.add_callback(asyncio.Handle(self._run_ready, (), self), 0)
        return handle

    def _run_ready(self) -> None:
        """Run the callbacks queued so far; later ones wait for the next timer event, so
        Qt's own events (input, paint) are never starved."""
        self._drain_scheduled = False
        with self.dispatching():
            for _ in range(len(self._soon)):
                handle = self._soon.popleft()
                if not handle._cancelled:
                    handle._run()

    @contextlib.contextmanager
    def dispatching(self) -> Iterator[None]:
        """Callbacks see this loop as the running one even when Qt delivers their event
        outside ``run_until_complete`` (a test waiting on Qt, a nested event loop): without
        it, libraries that look the loop up (anyio, httpx) fail in the middle of a read."""
        if asyncio.events._get_running_loop() is not None:
            yield
            return
        asyncio.events._set_running_loop(self)
        try:
            yield
        finally:
            asyncio.events._set_running_loop(None)

    # Timeouts: a heap behind one Qt timer --------------------------------------------------
    def call_later(
        self, delay: float, callback: Any, *args: Any, context: Any = None
    ) -> asyncio.TimerHandle:
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(
        self, when: float, callback: Any, *args: Any, context: Any = None
    ) -> asyncio.TimerHandle:
        self._check_closed()
        handle = asyncio.TimerHandle(when, callback, args, self, context=context)
        heapq.heappush(self._timeouts, handle)
        if self._timeouts[0] is handle:
            self._arm()
        return handle

    def _timer_handle_cancelled(self, handle: asyncio.TimerHandle) -> None:
        """Counted (it may already have run: the count only decides when to rebuild)."""
        self._cancelled_timeouts += 1
        if self._cancelled_timeouts > 100 and self._cancelled_timeouts * 2 > len(
            self._timeouts
        ):  # mostly dead entries: rebuild, as asyncio does
            self._timeouts = [h for h in self._timeouts if not h._cancelled]
            heapq.heapify(self._timeouts)
            self._cancelled_timeouts = 0

    def _arm(self) -> None:
        """Point the Qt timer at the earliest live timeout."""
        while self._timeouts and self._timeouts[0]._cancelled:
            heapq.heappop(self._timeouts)
            self._cancelled_timeouts = max(0, self._cancelled_timeouts - 1)
        if not self._timeouts:
            self._wake.stop()
            return
        delay_ms = max(0, math.ceil((self._timeouts[0].when() - self.time()) * 1000))
        self._wake.start(delay_ms)

    def _run_due(self) -> None:
        due_until = self.time() + self._clock_resolution
        while self._timeouts and self._timeouts[0].when() <= due_until:
            handle = heapq.heappop(self._timeouts)
            if handle._cancelled:
                self._cancelled_timeouts = max(0, self._cancelled_timeouts - 1)
            else:
                self._soon.append(handle)
        if self._soon:
            self._run_ready()
        self._arm()

    # Readers: one notifier per socket ----------------------------------------------------
    def _add_reader(self, fd: Any, callback: Any, *args: Any) -> None:
        self._check_closed()
        fileno = _fileno(fd)
        reader = self._readers.get(fileno)
        if reader is None:
            reader = self._readers[fileno] = _Reader(self, fileno)
        reader.handle = asyncio.Handle(callback, args, self)
        reader.notifier.setEnabled(True)

    def _remove_reader(self, fd: Any) -> bool:
        if self.is_closed():
            return False
        reader = self._readers.get(_fileno(fd))
        if reader is None or reader.handle is None:
            return False
        reader.handle = None
        reader.notifier.setEnabled(False)
        return True

    def close(self) -> None:
        if self.is_closed():
            return
        # Also reached from the garbage collector at interpreter exit, after Qt may have
        # deleted its side: only touch Qt objects that still exist.
        qt_objects: list[QObject] = [self._wake, *(r.notifier for r in self._readers.values())]
        for obj in qt_objects:
            if shiboken6.isValid(obj):
                obj.blockSignals(True)
                obj.deleteLater()
        self._readers.clear()
        self._soon.clear()
        self._timeouts.clear()
        super().close()

    def run_until_complete(self, future: Any) -> Any:
        previous = asyncio.events._get_running_loop()
        try:
            return super().run_until_complete(future)
        finally:
            asyncio.events._set_running_loop(previous)

    def _before_run_forever(self) -> None:
        super()._before_run_forever()
        self._saved_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(
            firstiter=self._asyncgen_firstiter_hook, finalizer=self._asyncgen_finalizer_hook
        )

    def _after_run_forever(self) -> None:
        if self._saved_hooks is not None:
            sys.set_asyncgen_hooks(*self._saved_hooks)
            self._saved_hooks = None
        super()._after_run_forever()
        # qasync has just unregistered the loop; its final event pass still runs tasks.
        asyncio.events._set_running_loop(self)


class _Reader:
    """The notifier of one socket and the callback for it while reading is on."""

    __slots__ = ("_loop", "handle", "notifier")

    def __init__(self, loop: AppEventLoop, fileno: int) -> None:
        self._loop = loop
        self.handle: asyncio.Handle | None = None
        self.notifier = QSocketNotifier(fileno, QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._readable)

    def _readable(self) -> None:
        handle = self.handle
        if handle is None:
            self.notifier.setEnabled(False)
            return
        if handle._cancelled:
            self.handle = None
            self.notifier.setEnabled(False)
            return
        with self._loop.dispatching():
            handle._run()


def _fileno(fd: Any) -> int:
    return fd if isinstance(fd, int) else int(fd.fileno())


def create_event_loop(app: QCoreApplication) -> asyncio.AbstractEventLoop:
    """A new loop for ``app``, set as the current event loop."""
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def drain_tasks(loop: asyncio.AbstractEventLoop, rounds: int = 5) -> None:
    """Cancel what is still pending and let it unwind, until nothing is left.

    Cancelling can schedule new tasks (a cancelled connection attempt starts its cleanup),
    so one round is not always enough; a task that never ran would otherwise be dropped
    with its coroutine never started.
    """
    for _ in range(rounds):
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        if not pending:
            return
        for task in pending:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))


def close_event_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Finish pending tasks and async generators, then close the loop."""
    try:
        drain_tasks(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        drain_tasks(loop)
    finally:
        loop.close()
        asyncio.set_event_loop(None)

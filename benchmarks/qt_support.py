"""Qt plumbing for in-process benchmarks: one app and loop, paint waits, loop lateness."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
import os
import time
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

T = TypeVar("T")


def application() -> QApplication:
    app = QApplication.instance() or QApplication(["hc-bench"])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    return app


def event_loop() -> asyncio.AbstractEventLoop:
    """The app's own qasync loop (with its async-generator hooks)."""
    from hc_desktop.controller.event_loop import create_event_loop

    return create_event_loop(application())


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T], timeout: float = 300) -> T:
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))


class PaintCounter(QObject):
    """Counts paint events of a widget (its viewport for scroll areas)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        self.last_at = 0.0
        target = widget.viewport() if hasattr(widget, "viewport") else widget
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.last_at = time.perf_counter()
        return False


def pump_until(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """Process Qt events (no asyncio) until ``condition``; for bare-Qt baselines."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QCoreApplication.processEvents()


async def wait_until(
    condition: Callable[[], bool], what: str, timeout: float = 60.0, poll: float = 0.001
) -> None:
    """Let the loop run until ``condition``; polls every ``poll`` seconds (1 ms: precise
    timings; longer while measuring CPU, so the polling does not count as the app's)."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(poll)


class LatenessProbe(QObject):
    """A 16 ms precise timer; records how much later than 16 ms each tick arrives."""

    INTERVAL_MS = 16

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self.late_ms: list[float] = []

    def start(self) -> None:
        self.late_ms.clear()
        self._last = None
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.late_ms.append(max(0.0, (now - self._last) * 1000 - self.INTERVAL_MS))
        self._last = now


class QtSession:
    """The app, its loop, and an orderly close (no Qt thread left running at exit)."""

    def __enter__(self) -> asyncio.AbstractEventLoop:
        application()
        self.loop = event_loop()
        return self.loop

    def __exit__(self, *exc: object) -> None:
        import gc

        from hc_desktop.controller.event_loop import close_event_loop

        loop = self.loop
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        close_event_loop(loop)
        gc.collect()

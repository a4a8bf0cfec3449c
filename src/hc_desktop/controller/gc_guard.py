"""Run Python's cyclic garbage collector on the Qt thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed:
often a database, keyring or HTTP worker here. If it frees a QObject there, Qt destroys
the object on the wrong thread, cannot unregister its timers, and later delivers a timer
event to freed memory. So automatic collection is switched off and a timer on the Qt
thread collects with the same generation thresholds.

Objects that live as long as the app (modules, classes, the window, the services) are
frozen out of the collector's way twice: once start-up has painted the list
(``app/start_up_collection.py``) and once the first user's data is open, by when the
store, the HTTP clients and the rest of the window have loaded. A full collection
otherwise rescans them all: tens of milliseconds in which the window cannot paint. What
is garbage in a cycle at those moments stays as well: a few hundred objects, once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Owns garbage collection while it is active; restores the default when stopped."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._was_enabled = gc.isenabled()
        self._settled = False

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def check(self) -> None:
        """Collect the oldest generation whose allocation count passed its threshold."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def settle(self) -> None:
        """The first time the app has loaded what it runs on: freeze what exists now."""
        if not self._settled:
            self._settled = True
            gc.freeze()

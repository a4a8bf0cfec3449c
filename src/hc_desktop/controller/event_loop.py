"""The asyncio loop on Qt's event loop: qasync's, plus the async-generator hooks it lacks.

qasync 0.28 never installs asyncio's async-generator hooks. Without them an abandoned async
generator (httpx's body iterators when a stream is cut short) is finalised synchronously at
garbage collection, outside the loop, and its cleanup cannot await: the connection is not
released properly and Python reports "async generator ignored GeneratorExit". With the hooks
the loop closes such generators as tasks, exactly as ``asyncio.run`` does.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication
import qasync


class AppEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync's loop with asyncio's async-generator bookkeeping, and a fix for its last pass.

    qasync's ``run_until_complete`` processes pending Qt events once more after
    ``run_forever`` has returned, when asyncio no longer sees a running loop: a task resumed
    in that pass fails with "no running event loop" (leaving a half-started connection
    behind). The loop stays registered as running until ``run_until_complete`` returns.
    """

    _saved_hooks: Any = None

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

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
    """qasync's loop with asyncio's async-generator bookkeeping."""

    _saved_hooks: Any = None

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


def create_event_loop(app: QCoreApplication) -> asyncio.AbstractEventLoop:
    """A new loop for ``app``, set as the current event loop."""
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def close_event_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Finish leftover async generators, then close the loop."""
    try:
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
        asyncio.set_event_loop(None)

"""A file lock taken from asyncio without blocking the loop.

Refresh tokens rotate, so two processes of one profile must never refresh at the same time.
The lock is acquired on a dedicated thread with a bounded wait; if the waiting coroutine is
cancelled after the thread got the lock, the lock is released as soon as it arrives.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
import concurrent.futures
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # filelock is slow to import; the lock is first needed after start-up
    import filelock


class LockTimeout(Exception):
    """Another process kept the lock longer than the timeout."""


class InterprocessLock:
    """``async with lock.held():`` serialises a critical section across processes."""

    def __init__(self, path: Path, *, timeout: float) -> None:
        self._path = path
        self._timeout = timeout
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="hc-auth-lock"
        )

    @asynccontextmanager
    async def held(self) -> AsyncIterator[None]:
        """Raises :class:`LockTimeout` when another process keeps the lock too long."""
        import filelock

        lock = filelock.FileLock(self._path, timeout=self._timeout, thread_local=False)
        acquiring = self._executor.submit(self._acquire, lock)
        try:
            await asyncio.shield(asyncio.wrap_future(acquiring))
        except filelock.Timeout:
            raise LockTimeout from None
        except asyncio.CancelledError:
            acquiring.add_done_callback(lambda f: _release_if_acquired(f, lock))
            raise
        try:
            yield
        finally:
            lock.release()

    def close(self) -> None:
        """Stop the worker without waiting for a pending acquisition."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _acquire(self, lock: filelock.BaseFileLock) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()


def _release_if_acquired(
    future: concurrent.futures.Future[None], lock: filelock.BaseFileLock
) -> None:
    if not future.cancelled() and future.exception() is None:
        lock.release()

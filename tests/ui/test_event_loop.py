"""The Qt-hosted asyncio loop: callbacks in order, timeouts in a heap behind one Qt timer,
readers that pause and resume, and callbacks that Qt delivers outside the loop's run."""

from __future__ import annotations

import asyncio
import socket

from PySide6.QtCore import QCoreApplication

from tests.fixtures.qt import AsyncRunner


def test_callbacks_and_timeouts_run_in_order_and_cancelled_ones_never(aloop: AsyncRunner) -> None:
    ran: list[str] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        loop.call_later(0.03, ran.append, "late")
        loop.call_later(0.01, ran.append, "early")
        loop.call_later(0.02, ran.append, "cancelled").cancel()
        loop.call_soon(ran.append, "soon-1")
        loop.call_soon(ran.append, "soon-2")
        for _ in range(500):  # many dead timeouts, as a stream's per-chunk timeouts leave
            loop.call_later(60, ran.append, "dead").cancel()
        await asyncio.sleep(0.06)

    aloop.run(scenario())
    assert ran == ["soon-1", "soon-2", "early", "late"]


def test_a_reader_pauses_and_resumes_on_the_same_socket(aloop: AsyncRunner) -> None:
    left, right = socket.socketpair()
    left.setblocking(False)
    received: list[bytes] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        got = asyncio.Event()

        def readable() -> None:
            received.append(left.recv(100))
            got.set()

        for chunk in (b"one", b"two", b"three"):
            loop.add_reader(left, readable)
            right.send(chunk)
            await asyncio.wait_for(got.wait(), 5)
            got.clear()
            assert loop.remove_reader(left)
        right.send(b"while paused")
        await asyncio.sleep(0.05)

    try:
        aloop.run(scenario())
    finally:
        left.close()
        right.close()
    assert received == [b"one", b"two", b"three"], "nothing read while reading was paused"


def test_callbacks_that_qt_delivers_outside_the_run_see_the_running_loop(
    aloop: AsyncRunner,
) -> None:
    seen: list[asyncio.AbstractEventLoop] = []

    def record() -> None:
        seen.append(asyncio.get_running_loop())

    loop = aloop.loop
    loop.call_soon(record)
    asyncio.events._set_running_loop(None)  # as after run_until_complete in plain asyncio
    try:
        for _ in range(20):  # a test or a benchmark pumping Qt events, not the loop
            QCoreApplication.processEvents()
            if seen:
                break
    finally:
        asyncio.events._set_running_loop(loop)
    assert seen == [loop]

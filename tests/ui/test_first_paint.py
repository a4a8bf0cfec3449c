"""The cached list shows before the store opens; the store's page then replaces it only
when it differs, and closing during that wait opens nothing."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
import uuid

from hc_desktop.controller.tasks import TaskRunner
from hc_desktop.controller.threads_controller import ThreadsController, UserData
from hc_desktop.core.threads import Thread
from tests.fixtures.qt import AsyncRunner, wait_until

USER = uuid.uuid4()


def thread(n: int) -> Thread:
    now = datetime(2026, 12, 4, 12, n, tzinfo=UTC)
    return Thread(uuid.uuid4(), USER, f"c{n}", f"Question {n}", "answer", False, now, now)


class SlowStore:
    """Stands in for the SQL store behind a gate, to see what shows before it opens."""

    def __init__(self, rows: list[Thread]) -> None:
        self.rows = rows
        self.gate = asyncio.Event()
        self.opened = 0

    async def open(self, user_id: uuid.UUID) -> UserData:
        await self.gate.wait()
        self.opened += 1
        return UserData(threads=self, local=self, messages=None)  # type: ignore[arg-type]

    async def list_threads(self, *, archived: bool = False, limit: int | None = None) -> list:
        return [] if archived else self.rows[:limit]

    async def close(self) -> None:
        pass


def controller_with(store: SlowStore, peeked: list[Thread]) -> ThreadsController:
    async def peek(user_id: uuid.UUID, limit: int) -> list[Thread]:
        return peeked[:limit]

    return ThreadsController(
        tasks=TaskRunner(),
        dify=None,  # type: ignore[arg-type]
        open_user_data=store.open,
        peek_first_page=peek,
    )


def test_peeked_rows_show_first_and_the_same_page_is_not_reset(aloop: AsyncRunner) -> None:
    rows = [thread(n) for n in range(3)]
    store = SlowStore(rows)
    threads = controller_with(store, rows)
    resets: list[int] = []
    threads.model.modelReset.connect(lambda: resets.append(threads.model.rowCount()))
    opened: list[int] = []
    threads.user_data_opened.connect(lambda: opened.append(store.opened))

    async def scenario() -> None:
        opening = asyncio.ensure_future(threads.open_user(USER))
        await wait_until(lambda: threads.model.rowCount() == 3, "the peeked rows")
        assert store.opened == 0, "shown before the store opened"
        threads.list_painted()
        store.gate.set()
        await opening

    aloop.run(scenario())
    assert store.opened == 1
    assert opened == [1], "announced once, after the store opened"
    assert resets.count(3) == 1, "the store's identical page did not reset the list again"
    threads.deleteLater()


def test_a_newer_store_page_replaces_the_peeked_one(aloop: AsyncRunner) -> None:
    rows = [thread(n) for n in range(3)]
    store = SlowStore([thread(9), *rows])
    threads = controller_with(store, rows)

    async def scenario() -> None:
        store.gate.set()
        await threads.open_user(USER)

    aloop.run(scenario())
    assert threads.model.rowCount() == 4
    assert threads.model.thread_at(0).title == "Question 9"  # type: ignore[union-attr]
    threads.deleteLater()


def test_cancelled_while_waiting_for_the_paint_opens_nothing(aloop: AsyncRunner) -> None:
    rows = [thread(n) for n in range(2)]
    store = SlowStore(rows)
    store.gate.set()
    threads = controller_with(store, rows)

    async def scenario() -> None:
        opening = asyncio.ensure_future(threads.open_user(USER))
        await wait_until(lambda: threads.model.rowCount() == 2, "the peeked rows")
        threads.list_painted()  # the paint and the quit arrive together
        opening.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await opening

    aloop.run(scenario())
    assert store.opened == 0
    threads.deleteLater()

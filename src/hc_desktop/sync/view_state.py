"""What the window showed last, kept in the user's local file for the next start."""

from __future__ import annotations

import uuid

from sqlalchemy import Connection

from hc_desktop.core.threads import Thread
from hc_desktop.store.local import LocalThreadStore
from hc_desktop.sync import ledger

LAST_VIEWED = "last_viewed_thread"


async def remember_open_thread(store: LocalThreadStore, thread_id: uuid.UUID | None) -> None:
    """Remember the open thread (None for a new chat)."""
    value = None if thread_id is None else str(thread_id)
    await store.transact(lambda conn: ledger.set_state(conn, LAST_VIEWED, value))


async def last_open_thread(store: LocalThreadStore) -> Thread | None:
    """The thread open at the end of the last run, if it still exists."""

    def work(conn: Connection) -> Thread | None:
        value = ledger.get_state(conn, LAST_VIEWED)
        return None if value is None else ledger.local_thread(conn, store.user_id, uuid.UUID(value))

    return await store.transact(work)

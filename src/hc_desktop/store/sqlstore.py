"""The thread statements, written once over SQLAlchemy Core, and the worker that runs them.

Both stores share this class; each supplies how a transaction starts (RLS claims on
Postgres, the schema translate map on SQLite), whose clock stamps ``updated_at`` and how an
insert ignores an existing conversation. Every statement is filtered by the bound user.
Content columns go through the store's :class:`~hc_desktop.store.sealing.Sealer` (which
passes them through unless the local file is encrypted).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
import logging
from typing import Any, TypeVar
import uuid

from sqlalchemy import Connection, Engine, Row, Select, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.dml import ReturningDelete, ReturningInsert, ReturningUpdate
from sqlalchemy.sql.elements import ColumnElement

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.core.threads import Thread
from hc_desktop.store.dberrors import is_unavailable, unavailable
from hc_desktop.store.repository import ConversationConflict, ThreadNotFound
from hc_desktop.store.schema import threads
from hc_desktop.store.sealing import PLAIN, Sealer

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long ``close()`` waits for the worker to dispose of the engine.
CLOSE_TIMEOUT_SECONDS = 5.0


#: The content columns of ``threads`` (the ones a sealer encrypts).
CONTENT_COLUMNS = ("title", "last_message_preview")


def row_to_thread(row: Row[Any], sealer: Sealer = PLAIN) -> Thread:
    """A ``threads`` row as the domain value (content opened by ``sealer``)."""
    return Thread(
        id=row.id,
        user_id=row.user_id,
        conversation_id=row.conversation_id,
        title=sealer.open(row.title, "threads", "title", row.id),
        last_message_preview=sealer.open(
            row.last_message_preview, "threads", "last_message_preview", row.id
        ),
        archived=bool(row.archived),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def sealed_values(sealer: Sealer, thread_id: uuid.UUID, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` for a ``threads`` row with its content columns sealed."""
    return {
        name: sealer.seal(value, "threads", name, thread_id) if name in CONTENT_COLUMNS else value
        for name, value in values.items()
    }


class SqlThreadStore:
    """Threads of one user in a SQL database, with blocking work on one worker thread."""

    #: Who is unavailable, in user-facing messages.
    store_label = "the thread store"

    def __init__(
        self, engine: Engine, user_id: uuid.UUID, *, worker_name: str, sealer: Sealer = PLAIN
    ) -> None:
        self._engine = engine
        self._user_id = user_id
        self._sealer = sealer
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=worker_name)
        self._closed = False

    @property
    def user_id(self) -> uuid.UUID:
        return self._user_id

    # -- hooks -------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._engine.begin() as conn:
            yield conn

    def _modified_at(self) -> datetime | ColumnElement[datetime]:
        """The value for ``updated_at`` on a change; called on the worker thread."""
        raise NotImplementedError

    def _insert_if_absent(
        self, conversation_id: str, title: str | None, preview: str | None
    ) -> ReturningInsert[Any]:
        """``INSERT ... ON CONFLICT (conversation_id) DO NOTHING RETURNING *``."""
        raise NotImplementedError

    # -- running work ------------------------------------------------------------------------

    def _call(self, work: Callable[[Connection], T]) -> T:
        try:
            with self._transaction() as conn:
                return work(conn)
        except SQLAlchemyError as exc:
            if is_unavailable(exc):
                raise unavailable(exc, self.store_label) from None
            raise

    async def _run(self, work: Callable[[Connection], T]) -> T:
        if self._closed:
            raise StoreUnavailable(f"{self.store_label} has been closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._call, work)

    # -- statements --------------------------------------------------------------------------

    def _select(self) -> Select[Any]:
        return select(threads).where(threads.c.user_id == self._user_id)

    def _update(self, thread_id: uuid.UUID, **values: Any) -> ReturningUpdate[Any]:
        return (
            update(threads)
            .where(threads.c.user_id == self._user_id, threads.c.id == thread_id)
            .values(
                **sealed_values(self._sealer, thread_id, values), updated_at=self._modified_at()
            )
            .returning(*threads.c)
        )

    def _delete(self, thread_id: uuid.UUID) -> ReturningDelete[Any]:
        return (
            delete(threads)
            .where(threads.c.user_id == self._user_id, threads.c.id == thread_id)
            .returning(threads.c.id)
        )

    def _changed(self, thread_id: uuid.UUID, **values: Any) -> Callable[[Connection], Thread]:
        def work(conn: Connection) -> Thread:
            row = conn.execute(self._update(thread_id, **values)).first()
            if row is None:
                raise ThreadNotFound(str(thread_id))
            return self._thread(row)

        return work

    def _thread(self, row: Row[Any]) -> Thread:
        return row_to_thread(row, self._sealer)

    # -- ThreadRepository --------------------------------------------------------------------

    async def list_threads(
        self, *, archived: bool = False, limit: int | None = None
    ) -> list[Thread]:
        """Newest first; ``limit`` gives the first page (the list paints it at once).

        Rows become ``Thread`` values (content decrypted) on the worker thread: for a long
        list that conversion costs more than the query and must not hold up the window.
        Only the rows asked for are decrypted, so the first page costs the same at any size.
        """
        statement = (
            self._select()
            .where(threads.c.archived.is_(archived))
            .order_by(threads.c.updated_at.desc(), threads.c.id.desc())
            .limit(limit)
        )
        return await self._run(
            lambda conn: [self._thread(row) for row in conn.execute(statement).all()]
        )

    async def get(self, thread_id: uuid.UUID) -> Thread | None:
        statement = self._select().where(threads.c.id == thread_id)
        row = await self._run(lambda conn: conn.execute(statement).first())
        return None if row is None else self._thread(row)

    async def get_by_conversation(self, conversation_id: str) -> Thread | None:
        statement = self._select().where(threads.c.conversation_id == conversation_id)
        row = await self._run(lambda conn: conn.execute(statement).first())
        return None if row is None else self._thread(row)

    async def create_if_absent(
        self, conversation_id: str, *, title: str | None, preview: str | None
    ) -> Thread:
        def work(conn: Connection) -> Thread:
            inserted = self._insert_if_absent(conversation_id, title, preview)
            row = conn.execute(inserted).first()
            if row is None:
                existing = self._select().where(threads.c.conversation_id == conversation_id)
                row = conn.execute(existing).first()
            if row is None:
                raise ConversationConflict("the conversation belongs to another user's thread")
            return self._thread(row)

        return await self._run(work)

    async def rename(self, thread_id: uuid.UUID, title: str | None) -> Thread:
        return await self._run(self._changed(thread_id, title=title))

    async def set_archived(self, thread_id: uuid.UUID, archived: bool) -> Thread:
        return await self._run(self._changed(thread_id, archived=archived))

    async def update_preview(self, thread_id: uuid.UUID, preview: str | None) -> Thread:
        return await self._run(self._changed(thread_id, last_message_preview=preview))

    async def delete(self, thread_id: uuid.UUID) -> bool:
        statement = self._delete(thread_id)
        row = await self._run(lambda conn: conn.execute(statement).first())
        return row is not None

    async def close(self) -> None:
        """Dispose of the engine on the worker, then stop it without waiting on a hung call."""
        if self._closed:
            return
        self._closed = True
        loop = asyncio.get_running_loop()
        disposed = loop.run_in_executor(self._executor, self._engine.dispose)
        try:
            await asyncio.wait_for(disposed, CLOSE_TIMEOUT_SECONDS)
        except TimeoutError:
            log.warning("store worker did not finish within %.0f s", CLOSE_TIMEOUT_SECONDS)
        finally:
            self._executor.shutdown(wait=False, cancel_futures=True)

"""The shared database as the sync engine needs it: idempotent pushes and cheap pulls.

Built on :class:`~hc_desktop.store.postgres.PostgresThreadStore`, so it shares its engine
settings, its per-transaction role and claims in Supabase mode, its worker thread and its
error mapping (an unreachable server raises ``StoreUnavailable``). Every statement is scoped
to the bound user and ``updated_at`` always comes from the server's clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
import uuid

from sqlalchemy import BigInteger, Connection, cast, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from hc_desktop.core.threads import Thread
from hc_desktop.store.postgres import PostgresThreadStore
from hc_desktop.store.schema import threads
from hc_desktop.store.sqlstore import row_to_thread
from hc_desktop.sync.fingerprint import EPOCH, MODULUS, Fingerprint

#: Ids per ``IN (...)`` list when fetching rows named by reconciliation.
FETCH_CHUNK = 1000


@dataclass(frozen=True, slots=True)
class Probe:
    """The server's :class:`Fingerprint` of a pull window and its clock at the time."""

    fingerprint: Fingerprint
    server_now: datetime


class RemoteThreads(PostgresThreadStore):
    """Sync-side access to ``health_companion.threads`` for one user."""

    async def insert_with_id(
        self,
        thread_id: uuid.UUID,
        conversation_id: str,
        *,
        title: str | None,
        preview: str | None,
        archived: bool,
    ) -> Thread | None:
        """Insert with the client's id unless the conversation already has a row.

        Returns the inserted row, or this user's existing row for the conversation (possibly
        under another id, created by the web app), or None when it is someone else's.
        """
        statement = (
            pg_insert(threads)
            .values(
                id=thread_id,
                user_id=self.user_id,
                conversation_id=conversation_id,
                title=title,
                last_message_preview=preview,
                archived=archived,
            )
            .on_conflict_do_nothing(index_elements=[threads.c.conversation_id])
            .returning(*threads.c)
        )

        def work(conn: Connection) -> Thread | None:
            row = conn.execute(statement).first()
            if row is None:
                row = conn.execute(
                    self._select().where(threads.c.conversation_id == conversation_id)
                ).first()
            return None if row is None else row_to_thread(row)

        return await self._run(work)

    async def update_if_unchanged(
        self, thread_id: uuid.UUID, base_updated_at: datetime, values: dict[str, Any]
    ) -> Thread | None:
        """Set ``values`` only if the row still has ``base_updated_at``; None otherwise."""
        statement = (
            update(threads)
            .where(
                threads.c.id == thread_id,
                threads.c.user_id == self.user_id,
                threads.c.updated_at == base_updated_at,
            )
            .values(**values, updated_at=func.now())
            .returning(*threads.c)
        )
        row = await self._run(lambda conn: conn.execute(statement).first())
        return None if row is None else row_to_thread(row)

    async def probe(self, since: datetime | None) -> Probe:
        """Summarise the rows at or after ``since`` (all rows when None); one aggregate query."""
        start = EPOCH if since is None else since
        in_window = threads.c.updated_at >= start
        micros = cast(
            func.round(func.extract("epoch", threads.c.updated_at) * 1_000_000), BigInteger
        )
        query = select(
            func.count(),
            func.count().filter(in_window),
            func.coalesce(func.sum(micros % MODULUS).filter(in_window), 0),
            func.now(),
        ).where(threads.c.user_id == self.user_id)
        total, count, window_sum, server_now = await self._run(lambda c: c.execute(query).one())
        return Probe(
            Fingerprint(int(total), int(count), int(window_sum)), server_now.astimezone(UTC)
        )

    async def changed_since(self, since: datetime | None) -> list[Thread]:
        """Rows with ``updated_at >= since`` (all rows when None), oldest change first."""
        query = self._select().order_by(threads.c.updated_at, threads.c.id)
        if since is not None:
            query = query.where(threads.c.updated_at >= since)
        rows = await self._run(lambda conn: conn.execute(query).all())
        return [row_to_thread(row) for row in rows]

    async def versions(self) -> dict[uuid.UUID, datetime]:
        """Every row's id and ``updated_at``: what reconciliation compares against."""
        query = select(threads.c.id, threads.c.updated_at).where(threads.c.user_id == self.user_id)
        rows = await self._run(lambda conn: conn.execute(query).all())
        return {row.id: row.updated_at for row in rows}

    async def fetch_many(self, ids: Sequence[uuid.UUID]) -> list[Thread]:
        def work(conn: Connection) -> list[Thread]:
            found: list[Thread] = []
            for start in range(0, len(ids), FETCH_CHUNK):
                chunk = ids[start : start + FETCH_CHUNK]
                query = self._select().where(threads.c.id.in_(chunk))
                found.extend(row_to_thread(row) for row in conn.execute(query))
            return found

        return await self._run(work) if ids else []

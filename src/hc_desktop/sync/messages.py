"""Conversation history kept in the local file so past answers read offline.

The text is health data: it lives only in the owner-only SQLite file of the signed-in user,
is removed with its thread, and ages out after the configured number of days. Nothing here
logs content. With an encrypted store ``query`` and ``answer`` hold envelopes bound to the
message id; a turn that no longer opens is left out (it is fetched from Dify again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hc_desktop.store.local import LocalThreadStore
from hc_desktop.store.sealing import sealer_of
from hc_desktop.sync.tables import cached_messages

_TABLE = "cached_messages"


class MessageLike(Protocol):
    """What is cached of a turn (Dify's ``HistoryMessage`` fits)."""

    @property
    def id(self) -> str: ...

    @property
    def query(self) -> str: ...

    @property
    def answer(self) -> str: ...

    @property
    def created_at(self) -> int:
        """Unix seconds, as Dify reports them."""
        ...


@dataclass(frozen=True, slots=True)
class CachedMessage:
    id: str
    conversation_id: str
    query: str
    answer: str
    created_at: int


class MessageCache:
    """Per-conversation history in the same file (and on the same writer) as the threads."""

    def __init__(self, store: LocalThreadStore) -> None:
        self._store = store

    async def save(self, conversation_id: str, messages: Sequence[MessageLike]) -> None:
        """Insert or refresh these turns (an answer may have grown since it was cached)."""
        if not messages:
            return

        def rows(conn: Connection) -> list[dict[str, object]]:
            sealer = sealer_of(conn)
            return [
                {
                    "id": message.id,
                    "conversation_id": conversation_id,
                    "query": sealer.seal(message.query, _TABLE, "query", message.id),
                    "answer": sealer.seal(message.answer, _TABLE, "answer", message.id),
                    "created_at": int(message.created_at),
                }
                for message in messages
            ]

        statement = sqlite_insert(cached_messages)
        statement = statement.on_conflict_do_update(
            index_elements=[cached_messages.c.id],
            set_={
                "query": statement.excluded.query,
                "answer": statement.excluded.answer,
                "created_at": statement.excluded.created_at,
            },
        )
        await self._store.transact(lambda conn: conn.execute(statement, rows(conn)))

    async def load(self, conversation_id: str) -> list[CachedMessage]:
        """The cached turns, oldest first."""
        query = (
            select(cached_messages)
            .where(cached_messages.c.conversation_id == conversation_id)
            .order_by(cached_messages.c.created_at, cached_messages.c.id)
        )

        def work(conn: Connection) -> list[CachedMessage]:
            sealer = sealer_of(conn)
            found: list[CachedMessage] = []
            for row in conn.execute(query):
                text = sealer.open(row.query, _TABLE, "query", row.id)
                answer = sealer.open(row.answer, _TABLE, "answer", row.id)
                if text is not None and answer is not None:
                    found.append(
                        CachedMessage(row.id, row.conversation_id, text, answer, row.created_at)
                    )
            return found

        return await self._store.transact(work)

    async def prune(self, older_than_days: int, *, now: datetime | None = None) -> int:
        """Remove turns created more than ``older_than_days`` ago; returns how many went."""
        if older_than_days < 0:
            raise ValueError("older_than_days must not be negative")
        cutoff = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
        statement = delete(cached_messages).where(
            cached_messages.c.created_at < int(cutoff.timestamp())
        )
        return await self._store.transact(lambda conn: int(conn.execute(statement).rowcount))

    async def forget(self, conversation_id: str) -> None:
        statement = delete(cached_messages).where(
            cached_messages.c.conversation_id == conversation_id
        )
        await self._store.transact(lambda conn: conn.execute(statement))

"""The shared store: ``health_companion.threads`` in PostgreSQL (Supabase or plain).

Every statement is scoped to the bound user. In Supabase mode (``claims`` given) each
transaction first switches to the ``authenticated`` role and sets ``request.jwt.claims``
transaction-locally, so the RLS policies apply as they do for the web app; nothing outlives
the transaction, which keeps transaction poolers safe (and so does ``prepare_threshold=None``).
The server's clock stamps ``updated_at``. The app never migrates here; ``check_schema`` says
what is missing instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
import json
from typing import Any
import uuid

from sqlalchemy import Connection, create_engine, func, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.sql.dml import ReturningInsert
from sqlalchemy.sql.elements import ColumnElement

from hc_desktop.store import structure
from hc_desktop.store.schema import threads
from hc_desktop.store.sqlstore import SqlThreadStore
from hc_desktop.store.urls import mask_url, to_sqlalchemy_url

Claims = Callable[[], dict[str, Any]]

_SET_ROLE = "SET LOCAL ROLE authenticated"
_SET_CLAIMS = text("SELECT set_config('request.jwt.claims', :claims, true)")


class PostgresThreadStore(SqlThreadStore):
    """Threads of one user in the shared PostgreSQL database."""

    store_label = "the shared database"

    def __init__(self, url: str, user_id: uuid.UUID, *, claims: Claims | None = None) -> None:
        engine = create_engine(
            to_sqlalchemy_url(url),
            connect_args={
                "prepare_threshold": None,
                "connect_timeout": 10,
                "application_name": "hc-desktop",
            },
            pool_size=2,
            max_overflow=0,
            pool_timeout=15,
            pool_pre_ping=True,
        )
        super().__init__(engine, user_id, worker_name="hc-postgres-store")
        self._masked_url = mask_url(url)
        self._claims = claims

    def __repr__(self) -> str:
        mode = "supabase" if self._claims else "direct"
        return f"PostgresThreadStore({self._masked_url}, user={self.user_id}, mode={mode})"

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._engine.begin() as conn:
            if self._claims is not None:
                claims = self._claims()
                if claims.get("sub") != str(self.user_id):
                    raise ValueError("the session's claims are for a different user")
                conn.exec_driver_sql(_SET_ROLE)
                conn.execute(_SET_CLAIMS, {"claims": json.dumps(claims)})
            yield conn

    def _modified_at(self) -> ColumnElement[datetime]:
        return func.now()

    def _insert_if_absent(
        self, conversation_id: str, title: str | None, preview: str | None
    ) -> ReturningInsert[Any]:
        return (
            pg_insert(threads)
            .values(
                user_id=self.user_id,
                conversation_id=conversation_id,
                title=title,
                last_message_preview=preview,
            )
            .on_conflict_do_nothing(index_elements=[threads.c.conversation_id])
            .returning(*threads.c)
        )

    async def check_schema(self) -> list[str]:
        """What the app needs but the database lacks; empty when all is in place.

        Raises :class:`~hc_desktop.core.errors.StoreUnavailable` when it cannot connect.
        """
        return await self._run(lambda conn: structure.compare(conn).drift)

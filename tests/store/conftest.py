"""Store test fixtures: stores for one or two users on each backend, closed afterwards."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
import uuid

import pytest

from hc_desktop.store.local import LocalThreadStore
from hc_desktop.store.postgres import PostgresThreadStore
from hc_desktop.store.repository import ThreadRepository
from tests.fixtures.postgres import SupabaseDatabase

StoreFactory = Callable[[uuid.UUID], ThreadRepository]


def supabase_claims(user_id: uuid.UUID) -> Callable[[], dict[str, object]]:
    """What a signed-in Supabase session would put in ``request.jwt.claims``."""
    claims = {"sub": str(user_id), "role": "authenticated", "aud": "authenticated"}
    return lambda: dict(claims)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("supabase", marks=pytest.mark.postgres),
    ]
)
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Build stores bound to a user on the parametrised backend; all are closed at the end."""
    opened: list[ThreadRepository] = []

    def sqlite(user_id: uuid.UUID) -> ThreadRepository:
        return LocalThreadStore.open(tmp_path / "profile" / "threads.db", user_id)

    def postgres(user_id: uuid.UUID) -> ThreadRepository:
        return PostgresThreadStore(request.getfixturevalue("pg_database"), user_id)

    def supabase(user_id: uuid.UUID) -> ThreadRepository:
        database: SupabaseDatabase = request.getfixturevalue("supabase_database")
        return PostgresThreadStore(
            database.authenticator_url, user_id, claims=supabase_claims(user_id)
        )

    build = {"sqlite": sqlite, "postgres": postgres, "supabase": supabase}[request.param]

    def factory(user_id: uuid.UUID) -> ThreadRepository:
        store = build(user_id)
        opened.append(store)
        return store

    yield factory

    async def close_all() -> None:
        for store in opened:
            await store.close()

    asyncio.run(close_all())

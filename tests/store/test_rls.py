"""Supabase mode: RLS keeps two users apart even without the app's own user filter."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
import json
import uuid

import psycopg
import pytest

from hc_desktop.store.postgres import PostgresThreadStore
from hc_desktop.store.repository import ConversationConflict, ThreadNotFound
from tests.fixtures.postgres import SupabaseDatabase
from tests.store.conftest import supabase_claims
from tests.store.helpers import query

pytestmark = pytest.mark.postgres

ALICE = uuid.UUID("3d0f1a9e-8f52-4a77-b1d1-2b1c3e4f5a61")
BOB = uuid.UUID("9a4b7c2d-6e1f-4c3a-8b5d-7e6f5a4b3c22")


@contextmanager
def as_authenticated(
    database: SupabaseDatabase, user: uuid.UUID | None
) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """A transaction as PostgREST would open it: role ``authenticated``, the user's claims."""
    with psycopg.connect(database.authenticator_url) as conn:
        conn.execute("SET LOCAL ROLE authenticated")
        if user is not None:
            claims = json.dumps({"sub": str(user), "role": "authenticated"})
            conn.execute("SELECT set_config('request.jwt.claims', %s, true)", (claims,))
        yield conn


def seed_threads(database: SupabaseDatabase) -> dict[str, uuid.UUID]:
    async def create() -> dict[str, uuid.UUID]:
        alice = PostgresThreadStore(
            database.authenticator_url, ALICE, claims=supabase_claims(ALICE)
        )
        bob = PostgresThreadStore(database.authenticator_url, BOB, claims=supabase_claims(BOB))
        try:
            hers = await alice.create_if_absent("conv-alice", title="A", preview="a")
            his = await bob.create_if_absent("conv-bob", title="B", preview="b")
            return {"alice": hers.id, "bob": his.id}
        finally:
            await alice.close()
            await bob.close()

    return asyncio.run(create())


def admin_rows(database: SupabaseDatabase) -> list[tuple[object, ...]]:
    return query(
        database.admin_url,
        "SELECT id, user_id, conversation_id, title, last_message_preview, archived, updated_at "
        "FROM health_companion.threads ORDER BY conversation_id",
    )


def test_store_in_supabase_mode_cannot_touch_other_users_threads(
    supabase_database: SupabaseDatabase,
) -> None:
    ids = seed_threads(supabase_database)
    before = admin_rows(supabase_database)

    async def bob_tries() -> None:
        bob = PostgresThreadStore(
            supabase_database.authenticator_url, BOB, claims=supabase_claims(BOB)
        )
        try:
            assert [t.conversation_id for t in await bob.list_threads()] == ["conv-bob"]
            assert await bob.get(ids["alice"]) is None
            with pytest.raises(ThreadNotFound):
                await bob.rename(ids["alice"], "mine")
            assert await bob.delete(ids["alice"]) is False
            with pytest.raises(ConversationConflict):
                await bob.create_if_absent("conv-alice", title=None, preview=None)
        finally:
            await bob.close()

    asyncio.run(bob_tries())
    assert admin_rows(supabase_database) == before


def test_raw_sql_as_authenticated_is_confined_by_policies(
    supabase_database: SupabaseDatabase,
) -> None:
    ids = seed_threads(supabase_database)
    before = admin_rows(supabase_database)

    with as_authenticated(supabase_database, BOB) as conn:
        visible = conn.execute("SELECT conversation_id FROM health_companion.threads").fetchall()
        assert visible == [("conv-bob",)]
        updated = conn.execute("UPDATE health_companion.threads SET title = 'hijacked'")
        assert updated.rowcount == 1
        deleted = conn.execute(
            "DELETE FROM health_companion.threads WHERE id = %s", (ids["alice"],)
        )
        assert deleted.rowcount == 0
        conn.rollback()

    with (
        as_authenticated(supabase_database, BOB) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            "UPDATE health_companion.threads SET user_id = %s WHERE id = %s",
            (ALICE, ids["bob"]),
        )

    with (
        as_authenticated(supabase_database, BOB) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            "INSERT INTO health_companion.threads (user_id, conversation_id) "
            "VALUES (%s, 'conv-planted')",
            (ALICE,),
        )

    assert admin_rows(supabase_database) == before


def test_authenticated_without_claims_sees_nothing(supabase_database: SupabaseDatabase) -> None:
    seed_threads(supabase_database)

    with as_authenticated(supabase_database, None) as conn:
        rows = conn.execute("SELECT count(*) FROM health_companion.threads").fetchone()
        assert rows == (0,)


def test_claims_for_another_user_are_refused(supabase_database: SupabaseDatabase) -> None:
    async def scenario() -> None:
        store = PostgresThreadStore(
            supabase_database.authenticator_url, ALICE, claims=supabase_claims(BOB)
        )
        try:
            with pytest.raises(ValueError, match="different user"):
                await store.list_threads()
        finally:
            await store.close()

    asyncio.run(scenario())

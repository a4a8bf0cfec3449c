"""One behaviour for every ThreadRepository: SQLite, plain Postgres and Supabase (RLS)."""

from __future__ import annotations

import asyncio
from datetime import UTC
import uuid

import pytest

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.store.repository import ConversationConflict, ThreadNotFound
from tests.store.conftest import StoreFactory

ALICE = uuid.UUID("6f1c1c5e-52c4-4c4b-9a59-0d7c2b7d4a11")
BOB = uuid.UUID("0b8e3f2a-1d57-4e0c-8f3c-5a6b7c8d9e02")


def test_create_then_read_back(make_store: StoreFactory) -> None:
    async def scenario() -> None:
        store = make_store(ALICE)
        created = await store.create_if_absent("conv-abc-123", title="Knee pain", preview="Hi")

        assert created.user_id == ALICE
        assert created.conversation_id == "conv-abc-123"
        assert (created.title, created.last_message_preview) == ("Knee pain", "Hi")
        assert created.archived is False
        assert created.created_at == created.updated_at
        assert created.created_at.tzinfo == UTC
        assert await store.get(created.id) == created
        assert await store.get_by_conversation("conv-abc-123") == created
        assert await store.get(uuid.uuid4()) is None
        assert await store.get_by_conversation("conv-unknown") is None

    asyncio.run(scenario())


def test_create_if_absent_returns_the_existing_thread(make_store: StoreFactory) -> None:
    async def scenario() -> None:
        store = make_store(ALICE)
        first = await store.create_if_absent("conv-1", title="First title", preview="a")
        again = await store.create_if_absent("conv-1", title="Other title", preview="b")

        assert again == first
        assert await store.list_threads() == [first]

    asyncio.run(scenario())


def test_lists_are_newest_first_and_split_by_archived(make_store: StoreFactory) -> None:
    async def scenario() -> None:
        store = make_store(ALICE)
        one = await store.create_if_absent("conv-1", title="one", preview=None)
        two = await store.create_if_absent("conv-2", title="two", preview=None)
        three = await store.create_if_absent("conv-3", title="three", preview=None)
        assert [t.id for t in await store.list_threads()] == [three.id, two.id, one.id]

        await store.update_preview(one.id, "newest now")
        archived = await store.set_archived(two.id, True)

        assert archived.archived is True
        assert [t.id for t in await store.list_threads()] == [one.id, three.id]
        assert await store.list_threads(archived=True) == [archived]

        restored = await store.set_archived(two.id, False)
        assert restored.archived is False
        assert [t.id for t in await store.list_threads()] == [two.id, one.id, three.id]
        assert await store.list_threads(archived=True) == []

    asyncio.run(scenario())


def test_every_change_moves_updated_at(make_store: StoreFactory) -> None:
    async def scenario() -> None:
        store = make_store(ALICE)
        thread = await store.create_if_absent("conv-1", title="Old", preview=None)

        renamed = await store.rename(thread.id, "New")
        previewed = await store.update_preview(thread.id, "latest answer")
        cleared = await store.rename(thread.id, None)

        assert renamed.title == "New"
        assert previewed.last_message_preview == "latest answer"
        assert cleared.title is None
        assert thread.updated_at < renamed.updated_at < previewed.updated_at < cleared.updated_at
        assert cleared.created_at == thread.created_at
        assert await store.get(thread.id) == cleared

    asyncio.run(scenario())


def test_delete(make_store: StoreFactory) -> None:
    async def scenario() -> None:
        store = make_store(ALICE)
        thread = await store.create_if_absent("conv-1", title=None, preview=None)

        assert await store.delete(thread.id) is True
        assert await store.delete(thread.id) is False
        assert await store.get(thread.id) is None
        with pytest.raises(ThreadNotFound):
            await store.rename(thread.id, "gone")

    asyncio.run(scenario())


def test_each_user_sees_and_changes_only_their_threads(make_store: StoreFactory) -> None:
    async def scenario() -> None:
        alice, bob = make_store(ALICE), make_store(BOB)
        hers = await alice.create_if_absent("conv-alice", title="Alice's", preview="private")
        his = await bob.create_if_absent("conv-bob", title="Bob's", preview=None)

        assert await bob.list_threads() == [his]
        assert await bob.get(hers.id) is None
        assert await bob.get_by_conversation("conv-alice") is None
        for change in (
            bob.rename(hers.id, "taken"),
            bob.set_archived(hers.id, True),
            bob.update_preview(hers.id, "x"),
        ):
            with pytest.raises(ThreadNotFound):
                await change
        assert await bob.delete(hers.id) is False
        with pytest.raises(ConversationConflict):
            await bob.create_if_absent("conv-alice", title="mine?", preview=None)

        assert await alice.list_threads() == [hers]

    asyncio.run(scenario())


def test_closed_store_refuses_work(make_store: StoreFactory) -> None:
    async def scenario() -> None:
        store = make_store(ALICE)
        await store.create_if_absent("conv-1", title=None, preview=None)
        await store.close()
        await store.close()

        with pytest.raises(StoreUnavailable):
            await store.list_threads()

    asyncio.run(scenario())

"""Self-healing from Dify's conversation list, and the engine under Supabase RLS."""

from __future__ import annotations

import asyncio
from datetime import timedelta
import uuid

import pytest

from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import DifyClient, DifyError
from hc_desktop.sync import CachedThreadRepository, RemoteThreads, SyncEngine
from tests.fixtures.dify import DifyClientFactory
from tests.fixtures.postgres import SupabaseDatabase
from tests.store.conftest import supabase_claims
from tests.store.helpers import query
from tests.sync.conftest import USER, Rig, run
from tests.sync.helpers import remote_rows, web_insert

pytestmark = pytest.mark.postgres


def test_a_dify_conversation_without_a_row_gets_one_by_the_seed_rules(
    rig: Rig, dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    first = "  What   helps with a stiff neck in the morning after sleeping badly? Tell me  "
    orphan = dify_server.seed_conversation(
        str(USER), "Neck", [(first, "Gentle stretches."), ("And heat?", "A warm towel helps.")]
    )
    with_row = dify_server.seed_conversation(str(USER), "Has row", [("Hello", "Hi")])
    dify_server.seed_conversation("someone-else", "Not mine", [("x", "y")])
    web_insert(rig.url, USER, with_row, "Has row")

    async def scenario() -> int:
        async with dify_client_factory() as dify:
            local, remote, engine = await rig.open(dify=dify)
            try:
                report = await engine.sync_once()
                assert report.pending == 0
                healed = await local.get_by_conversation(orphan)
                assert healed is not None
                return report.healed
            finally:
                await local.close()
                await remote.close()

    assert run(scenario()) == 1
    rows = {v[0]: v[1:] for v in remote_rows(rig.url).values()}
    expected_title = "What helps with a stiff neck in the morning after sleeping"[:50]
    assert rows == {
        orphan: (expected_title, "A warm towel helps.", False),
        with_row: ("Has row", None, False),
    }


class DifyThatCannotDelete(DifyClient):
    """Dify answering everything except deletes, which fail as if the network dropped."""

    async def delete_conversation(self, conversation_id: str, *, user: str) -> None:
        raise DifyError("network_error")


def test_tombstoned_conversations_are_not_recreated(rig: Rig, dify_server: DemoDifyServer) -> None:
    conversation = dify_server.seed_conversation(str(USER), "Keep away", [("Hi", "Hello")])
    rig.engine_options["maintain_every"] = timedelta(0)  # look for orphans on every round

    async def scenario() -> None:
        dify = DifyThatCannotDelete(dify_server.base_url, dify_server.api_key)
        async with dify:
            local, remote, engine = await rig.open(dify=dify)
            try:
                await engine.sync_once()
                thread = await local.get_by_conversation(conversation)
                assert thread is not None
                await local.delete(thread.id)
                engine.request_sync()
                for _ in range(2):
                    report = await engine.sync_once()
                    assert report.healed == 0
                assert await local.get_by_conversation(conversation) is None
            finally:
                await local.close()
                await remote.close()

    run(scenario())
    assert remote_rows(rig.url) == {}
    assert dify_server.conversation_count(str(USER)) == 1


def test_sync_works_through_supabase_rls(supabase_database: SupabaseDatabase, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = uuid.uuid4()
    web_insert(supabase_database.admin_url, other, "conv-other", "Other user's")
    web_insert(supabase_database.admin_url, USER, "conv-web", "From the web")

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "cache.db", USER)
        remote = RemoteThreads(
            supabase_database.authenticator_url, USER, claims=supabase_claims(USER)
        )
        engine = SyncEngine(local, remote, None, USER)
        try:
            mine = await local.create_if_absent("conv-desk", title="Desk", preview=None)
            await local.rename(mine.id, "Desk renamed")
            report = await engine.sync_once()
            assert report.online and report.pending == 0
            titles = sorted(t.title or "" for t in await local.list_threads())
            assert titles == ["Desk renamed", "From the web"]
        finally:
            await local.close()
            await remote.close()

    run(scenario())
    owners = query(
        supabase_database.admin_url,
        "SELECT user_id, title FROM health_companion.threads ORDER BY title",
    )
    assert owners == [(USER, "Desk renamed"), (USER, "From the web"), (other, "Other user's")]

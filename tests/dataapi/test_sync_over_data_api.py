"""The sync engine with the Data API as its remote, RLS applied by the user's token."""

from __future__ import annotations

import asyncio
from pathlib import Path
import uuid

import pytest

from hc_desktop.demo.postgrest_server import DemoPostgrestServer
from hc_desktop.sync import CachedThreadRepository, ConflictNotice, SyncEngine, SyncEvent
from hc_desktop.sync.remote_api import DataApiRemoteThreads
from tests.dataapi.conftest import ANON_KEY, access_token, fixed_token, no_keepalive_client
from tests.fixtures.postgres import SupabaseDatabase
from tests.sync.helpers import query, web_insert, web_update

pytestmark = pytest.mark.postgres

USER = uuid.UUID("5b0e7f0c-2a44-4a0e-9d53-0f6c1b2a3c4d")


def test_push_pull_and_conflicts_through_the_data_api(
    postgrest: DemoPostgrestServer, supabase_database: SupabaseDatabase, tmp_path: Path
) -> None:
    admin = supabase_database.admin_url
    other = uuid.uuid4()
    web_insert(admin, other, "conv-other", "Other user's")
    web_insert(admin, USER, "conv-web", "From the web")
    events: list[SyncEvent] = []

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "c.db", USER)
        http = no_keepalive_client()
        remote = DataApiRemoteThreads(
            postgrest.url, ANON_KEY, USER, token=fixed_token(access_token(USER)), http=http
        )
        engine = SyncEngine(local, remote, None, USER)  # type: ignore[arg-type]
        engine.add_listener(events.append)
        try:
            mine = await local.create_if_absent("conv-desk", title="Desk", preview=None)
            report = await engine.sync_once()
            assert report.online and report.pending == 0
            titles = sorted(t.title or "" for t in await local.list_threads())
            assert titles == ["Desk", "From the web"]

            quiet = await engine.sync_once()
            assert quiet.online and quiet.upserted == 0 and quiet.pushed == 0

            await local.rename(mine.id, "Ours")
            web_update(admin, mine.id, "title", "Theirs")
            await engine.sync_once()
            got = await local.get(mine.id)
            assert got is not None and got.title == "Theirs"
            assert ConflictNotice(mine.id, "title", "Ours", "Theirs") in events

            await local.set_archived(mine.id, True)
            report = await engine.sync_once()
            assert report.pending == 0
        finally:
            await local.close()
            await remote.close()
            await http.aclose()

    asyncio.run(scenario())
    rows = query(
        admin, "SELECT user_id, title, archived FROM health_companion.threads ORDER BY title"
    )
    assert rows == [
        (USER, "From the web", False),
        (other, "Other user's", False),
        (USER, "Theirs", True),
    ]

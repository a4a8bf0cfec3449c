"""A real Supabase Auth session drives the Data API token, including renewal on expiry."""

from __future__ import annotations

import asyncio
from pathlib import Path
import uuid

import pytest

from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.postgrest_server import DemoPostgrestServer
from hc_desktop.store.postgrest import DataApiThreads
from tests.auth.helpers import wired_manager
from tests.auth.keyrings import MemoryKeyring
from tests.fixtures.auth import AuthAccount
from tests.fixtures.postgres import SupabaseDatabase

pytestmark = pytest.mark.postgres


def test_session_tokens_are_renewed_when_the_data_api_says_expired(
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    supabase_database: SupabaseDatabase,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    backend = auth_server.backend
    api = DemoPostgrestServer(
        supabase_database.authenticator_url,
        backend.jwt_secret,  # the demo project's signing secret, shared as on a real project
        anon_key=auth_server.anon_key,
        clock=backend.now,
    )

    async def scenario() -> None:
        async with wired_manager(auth_server, tmp_path) as wiring:
            manager = wiring.manager
            session = await manager.sign_in(auth_account.email, auth_account.password)

            async def renew() -> str:
                return (await manager.refresh()).access_token

            store = DataApiThreads(
                api.url,
                auth_server.anon_key,
                uuid.UUID(session.user_id),
                token=manager.access_token,
                renew=renew,
            )
            try:
                first = await store.create_if_absent("conv-1", title="Knee", preview=None)
                auth_server.expire_access_tokens()
                renamed = await store.rename(first.id, "Knee pain")
                assert renamed.title == "Knee pain"
                assert manager.current is not None
                assert manager.current.access_token != session.access_token
            finally:
                await store.close()

    with api:
        asyncio.run(scenario())
        assert [call.code for call in api.calls] == [None, "PGRST303", None]

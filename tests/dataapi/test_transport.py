"""The Data API transport against a real PostgREST-compatible server with RLS."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.demo.auth_backend import sign_jwt
from hc_desktop.demo.postgrest_server import DemoPostgrestServer
from hc_desktop.store.dataapi_errors import (
    AccessTokenRejected,
    DataApiPermissionDenied,
    DataApiRejected,
)
from hc_desktop.store.postgrest import DataApiThreads
from tests.dataapi.conftest import ANON_KEY, access_token, fixed_token, no_keepalive_client
from tests.fixtures.postgres import SupabaseDatabase
from tests.sync.helpers import query, web_insert

pytestmark = pytest.mark.postgres

ALICE = uuid.UUID("6f1c1c5e-52c4-4c4b-9a59-0d7c2b7d4a11")
BOB = uuid.UUID("0b8e3f2a-1d57-4e0c-8f3c-5a6b7c8d9e02")


class TokenSequence:
    """Hands out tokens in order: the first is used, later ones come from ``renew``."""

    def __init__(self, *tokens: str) -> None:
        self.tokens = list(tokens)
        self.renewals = 0

    async def current(self) -> str:
        return self.tokens[0]

    async def renew(self) -> str:
        self.renewals += 1
        if len(self.tokens) > 1:
            self.tokens.pop(0)
        return self.tokens[0]


def test_an_expired_token_is_renewed_once_and_the_request_repeated(
    postgrest: DemoPostgrestServer,
) -> None:
    tokens = TokenSequence(access_token(ALICE, ttl=-5), access_token(ALICE))

    async def scenario() -> None:
        async with no_keepalive_client() as http:
            store = DataApiThreads(
                postgrest.url, ANON_KEY, ALICE, token=tokens.current, renew=tokens.renew, http=http
            )
            created = await store.create_if_absent("conv-1", title="t", preview=None)
            assert created.user_id == ALICE
            await store.close()

    asyncio.run(scenario())
    assert tokens.renewals == 1
    codes = [(call.status, call.code) for call in postgrest.calls]
    assert codes[0] == (401, "PGRST303")
    assert codes[1][0] == 201


def test_a_token_that_stays_rejected_asks_for_a_new_sign_in(postgrest: DemoPostgrestServer) -> None:
    claims = {"sub": str(ALICE), "role": "authenticated", "exp": 2**31}
    forged = sign_jwt(claims, b"wrong")
    tokens = TokenSequence(forged, sign_jwt({**claims, "iat": 1}, b"wrong"))

    async def scenario() -> None:
        async with no_keepalive_client() as http:
            store = DataApiThreads(
                postgrest.url, ANON_KEY, ALICE, token=tokens.current, renew=tokens.renew, http=http
            )
            with pytest.raises(AccessTokenRejected) as caught:
                await store.list_threads()
            assert caught.value.code == "PGRST301"
            assert forged not in str(caught.value)

    asyncio.run(scenario())
    assert tokens.renewals == 1
    assert [call.code for call in postgrest.calls] == ["PGRST301", "PGRST301"]


def test_a_token_for_another_user_cannot_write_as_the_bound_user(
    postgrest: DemoPostgrestServer, supabase_database: SupabaseDatabase
) -> None:
    alice_row = web_insert(supabase_database.admin_url, ALICE, "conv-alice", "Alice's")

    async def scenario() -> None:
        async with no_keepalive_client() as http:
            # Bound to Alice, but holding Bob's token: RLS judges by the token.
            store = DataApiThreads(
                postgrest.url, ANON_KEY, ALICE, token=fixed_token(access_token(BOB)), http=http
            )
            assert await store.list_threads() == []
            assert await store.get(alice_row) is None
            with pytest.raises(DataApiPermissionDenied):
                await store.create_if_absent("conv-new", title="x", preview=None)
            assert await store.delete(alice_row) is False

    asyncio.run(scenario())
    rows = query(supabase_database.admin_url, "SELECT title FROM health_companion.threads")
    assert rows == [("Alice's",)]


def test_conditional_update_only_applies_to_the_expected_version(
    postgrest: DemoPostgrestServer,
) -> None:
    async def scenario() -> None:
        async with no_keepalive_client() as http:
            store = DataApiThreads(
                postgrest.url, ANON_KEY, ALICE, token=fixed_token(access_token(ALICE)), http=http
            )
            created = await store.insert_with_id(
                uuid.uuid4(), "conv-1", title="a", preview=None, archived=False
            )
            assert created is not None
            changed = await store.update_if_unchanged(
                created.id, created.updated_at, {"title": "b"}
            )
            assert changed is not None and changed.title == "b"
            assert changed.updated_at > created.updated_at
            stale = await store.update_if_unchanged(created.id, created.updated_at, {"title": "c"})
            assert stale is None
            assert (await store.versions()) == {created.id: changed.updated_at}
            again = await store.insert_with_id(
                uuid.uuid4(), "conv-1", title="other", preview=None, archived=True
            )
            assert again == changed
            with pytest.raises(DataApiRejected) as caught:
                await store.insert_with_id(
                    created.id, "conv-2", title="clash", preview=None, archived=False
                )
            assert caught.value.status == 409 and caught.value.code == "23505"
            fetched = await store.fetch_many([created.id, uuid.uuid4()])
            assert fetched == [changed]
            summary = await store.window_summary(None)
            assert (summary.total, summary.window_count) == (1, 1)
            later = await store.window_summary(changed.updated_at)
            assert later.window_count == 1
            assert await store.changed_since(changed.updated_at) == [changed]

    asyncio.run(scenario())


def test_an_unexposed_profile_and_a_wrong_api_key_are_explained(
    supabase_database: SupabaseDatabase,
) -> None:
    async def scenario(server: DemoPostgrestServer, anon_key: str) -> Exception:
        async with no_keepalive_client() as http:
            store = DataApiThreads(
                server.url, anon_key, ALICE, token=fixed_token(access_token(ALICE)), http=http
            )
            with pytest.raises(StoreUnavailable) as caught:
                await store.list_threads()
            return caught.value

    from tests.dataapi.conftest import JWT_SECRET

    url = supabase_database.authenticator_url
    with DemoPostgrestServer(url, JWT_SECRET, schemas=("public",)) as server:
        error = asyncio.run(scenario(server, ANON_KEY))
        assert "exposed schemas" in str(error)
        assert server.calls[0].status == 406 and server.calls[0].code == "PGRST106"
    with DemoPostgrestServer(url, JWT_SECRET) as server:
        error = asyncio.run(scenario(server, "wrong-key"))
        assert "API key" in str(error)


def test_an_unreachable_server_is_store_unavailable(unused_port: int) -> None:
    async def scenario() -> None:
        store = DataApiThreads(
            f"http://127.0.0.1:{unused_port}", ANON_KEY, ALICE, token=fixed_token("t")
        )
        try:
            with pytest.raises(StoreUnavailable) as caught:
                await store.list_threads()
            assert caught.value.retryable
        finally:
            await store.close()

    asyncio.run(scenario())


def test_the_server_speaks_postgrest_errors(postgrest: DemoPostgrestServer) -> None:
    base = f"{postgrest.url}/rest/v1/threads"
    alice = {"apikey": ANON_KEY, "Authorization": f"Bearer {access_token(ALICE)}"}
    profile = {"Content-Profile": "health_companion"}
    row = {"user_id": str(ALICE), "conversation_id": "conv-x"}
    with httpx.Client(timeout=10) as http:
        anonymous = http.get(base, headers={"apikey": ANON_KEY})
        assert anonymous.status_code == 401 and anonymous.json()["code"] == "42501"

        expired = http.get(
            base,
            headers={"apikey": ANON_KEY, "Authorization": f"Bearer {access_token(ALICE, ttl=-1)}"},
        )
        assert expired.status_code == 401
        assert set(expired.json()) == {"code", "details", "hint", "message"}
        assert "invalid_token" in expired.headers["WWW-Authenticate"]

        wrong_profile = http.get(base, headers={**alice, "Accept-Profile": "auth"})
        assert wrong_profile.status_code == 406 and wrong_profile.json()["code"] == "PGRST106"

        first = http.post(base, json=row, headers={**alice, **profile})
        assert first.status_code == 201 and first.content == b""
        duplicate = http.post(base, json=row, headers={**alice, **profile})
        assert duplicate.status_code == 409 and duplicate.json()["code"] == "23505"

        bob = {"apikey": ANON_KEY, "Authorization": f"Bearer {access_token(BOB)}"}
        as_bob = http.post(base, json={**row, "conversation_id": "c2"}, headers={**bob, **profile})
        assert as_bob.status_code == 403 and as_bob.json()["code"] == "42501"

        unfiltered = http.patch(base, json={"title": "x"}, headers={**alice, **profile})
        assert unfiltered.status_code == 400

        bad_filter = http.get(base, params={"title": "like.*"}, headers=alice)
        assert bad_filter.status_code == 400 and bad_filter.json()["code"] == "PGRST100"

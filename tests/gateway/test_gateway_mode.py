"""Gateway mode as the app wires it: no app key held, the session's token on every request."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from hc_desktop.app.graph import Endpoints, make_dify_client
from hc_desktop.app.secrets import resolve_endpoints
from hc_desktop.config import Settings
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_gateway import DemoDifyGateway
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import AnswerEnd
from tests.auth.helpers import wired_manager
from tests.auth.keyrings import FailingKeyring, MemoryKeyring
from tests.fixtures.auth import AuthAccount

SERVERS = {
    "supabase_url": "https://project.example.org",
    "supabase_anon_key": "anon",
    "dify_base_url": "https://gateway.example.org/v1",
}


def test_gateway_mode_asks_for_no_app_key(
    failing_keyring: FailingKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HC_DIFY_API_KEY", raising=False)
    endpoints = asyncio.run(resolve_endpoints(Settings(**SERVERS, dify_mode="gateway")))
    assert endpoints is not None
    assert endpoints.dify_mode == "gateway" and endpoints.dify_api_key is None
    assert endpoints.backend == "data_api"
    assert failing_keyring.calls == 0, "no secret is looked up in gateway mode"

    assert asyncio.run(resolve_endpoints(Settings(**SERVERS))) is None  # app_key needs one
    assert failing_keyring.calls == 1


def test_app_key_mode_cannot_be_built_without_a_key() -> None:
    with pytest.raises(ValueError):
        Endpoints(supabase_url="u", supabase_anon_key="a", dify_base_url="d")
    Endpoints(supabase_url="u", supabase_anon_key="a", dify_base_url="d", dify_mode="gateway")


def test_the_gateway_client_follows_token_refreshes(
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    backend = auth_server.backend

    async def scenario(gateway: DemoDifyGateway) -> None:
        endpoints = Endpoints(
            supabase_url=auth_server.url,
            supabase_anon_key=auth_server.anon_key,
            dify_base_url=gateway.base_url,
            dify_mode="gateway",
        )
        # The session's clock is the Auth server's, so expiring tokens there is seen here too.
        async with wired_manager(auth_server, tmp_path, clock=backend.now) as wiring:  # type: ignore[arg-type]
            first = await wiring.manager.sign_in(auth_account.email, auth_account.password)
            async with make_dify_client(endpoints, wiring.manager) as dify:
                assert dify.gateway_mode
                events = [e async for e in dify.stream_chat("Hello?", user="someone-else")]
                assert isinstance(events[-1], AnswerEnd)
                auth_server.expire_access_tokens()
                events = [e async for e in dify.stream_chat("Again?", user="someone-else")]
                assert isinstance(events[-1], AnswerEnd)
            current = wiring.manager.current
            assert current is not None and current.access_token != first.access_token

    with DemoDifyGateway(
        dify_server.base_url, dify_server.api_key, backend.jwt_secret, clock=backend.now
    ) as gateway:
        asyncio.run(scenario(gateway))
        assert set(gateway.forwarded_users) == {auth_account.user_id}
    assert dify_server.conversation_count(auth_account.user_id) == 2
    assert dify_server.conversation_count("someone-else") == 0

"""Dify gateway mode: the client sends the user's token; the gateway pins ``user`` to it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
import secrets
import time
import uuid

import pytest

from hc_desktop.demo.auth_backend import sign_jwt
from hc_desktop.demo.dify_gateway import DemoDifyGateway
from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer
from hc_desktop.dify import AnswerDelta, AnswerEnd, DifyClient, DifyError

SECRET = secrets.token_bytes(32)
ALICE = str(uuid.uuid4())
BOB = str(uuid.uuid4())


def token_for(user: str, *, ttl: int = 3600) -> str:
    now = int(time.time())
    claims = {"sub": user, "role": "authenticated", "iat": now, "exp": now + ttl}
    return sign_jwt(claims, SECRET)


def bearer(token: str):  # type: ignore[no-untyped-def]
    async def source() -> str:
        return token

    return source


@pytest.fixture
def gateway(dify_server: DemoDifyServer) -> Iterator[DemoDifyGateway]:
    with DemoDifyGateway(dify_server.base_url, dify_server.api_key, SECRET) as started:
        yield started


def gateway_client(gateway: DemoDifyGateway, user: str, **options: object) -> DifyClient:
    return DifyClient(
        gateway.base_url, bearer=bearer(token_for(user)), stall_timeout=5.0, **options
    )


def test_a_client_cannot_reach_another_users_conversation_by_naming_them(
    dify_server: DemoDifyServer, gateway: DemoDifyGateway
) -> None:
    bobs = dify_server.seed_conversation(BOB, "Bob's secret", [("My question", "An answer")])

    async def scenario() -> None:
        async with gateway_client(gateway, ALICE) as alice:
            with pytest.raises(DifyError) as caught:
                await alice.messages(bobs, user=BOB)
            assert caught.value.status == 404
            assert (await alice.conversations(user=BOB)).items == []
            with pytest.raises(DifyError):
                await alice.delete_conversation(bobs, user=BOB)
            with pytest.raises(DifyError):
                await alice.rename_conversation(bobs, user=BOB, name="mine now")
            events = [e async for e in alice.stream_chat("Hello?", user=BOB)]
            assert isinstance(events[-1], AnswerEnd)

    asyncio.run(scenario())
    assert dify_server.conversation_count(BOB) == 1
    assert dify_server.conversation_count(ALICE) == 1
    assert set(gateway.forwarded_users) == {ALICE}
    users = {r.query.get("user") or (r.json or {}).get("user") for r in dify_server.requests}
    assert users == {ALICE}


def test_the_gateway_streams_the_answer_through(
    dify_server: DemoDifyServer, gateway: DemoDifyGateway
) -> None:
    dify_server.script_next(ChatScript(answer="one two three", slice_sizes=(3, 5)))

    async def scenario() -> str:
        async with gateway_client(gateway, ALICE) as alice:
            text = ""
            async for event in alice.stream_chat("Hi", user=ALICE):
                if isinstance(event, AnswerDelta):
                    text += event.text
            return text

    assert asyncio.run(scenario()) == "one two three"


def test_a_broken_upstream_stream_is_still_reported_as_incomplete(
    dify_server: DemoDifyServer, gateway: DemoDifyGateway
) -> None:
    dify_server.script_next(ChatScript(drop_after=1))

    async def scenario() -> None:
        async with gateway_client(gateway, ALICE) as alice:
            with pytest.raises(DifyError) as caught:
                async for _ in alice.stream_chat("Hi", user=ALICE):
                    pass
            assert caught.value.code == "stream_incomplete"

    asyncio.run(scenario())


def test_bad_or_expired_tokens_are_refused_before_dify(
    dify_server: DemoDifyServer, gateway: DemoDifyGateway
) -> None:
    forged = sign_jwt({"sub": ALICE, "exp": int(time.time()) + 60}, b"not-the-secret")

    async def attempt(token: str) -> DifyError:
        async with DifyClient(gateway.base_url, bearer=bearer(token)) as client:
            with pytest.raises(DifyError) as caught:
                await client.conversations(user=ALICE)
            return caught.value

    for token in (forged, token_for(ALICE, ttl=-1), dify_server.api_key):
        error = asyncio.run(attempt(token))
        assert error.status == 401
    assert dify_server.requests == []


def test_exactly_one_credential_is_accepted() -> None:
    with pytest.raises(ValueError):
        DifyClient("http://127.0.0.1:1/v1")
    with pytest.raises(ValueError):
        DifyClient("http://127.0.0.1:1/v1", "app-key", bearer=bearer("t"))
    client = DifyClient("http://127.0.0.1:1/v1", bearer=bearer("secret-token"))
    assert client.gateway_mode and "secret-token" not in repr(client)
    asyncio.run(client.aclose())

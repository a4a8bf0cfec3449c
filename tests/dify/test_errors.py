"""HTTP-level failures and how they surface as DifyError."""

from __future__ import annotations

import socket
import uuid

import httpx
import pytest

from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer
from hc_desktop.dify import DifyClient, DifyError
from tests.dify.helpers import USER, collect, collect_until_error, run
from tests.fixtures.dify import DifyClientFactory


def chat_failure(
    factory: DifyClientFactory, *, api_key: str | None = None, conversation_id: str | None = None
) -> DifyError:
    """The error of one chat turn that must fail before yielding anything."""
    options = {} if api_key is None else {"api_key": api_key}

    async def go() -> DifyError:
        async with factory(**options) as client:
            events, error = await collect_until_error(
                client, "Hello there", conversation_id=conversation_id
            )
            assert events == []
            return error

    return run(go())


def test_wrong_app_key_is_unauthorized_and_not_retryable(
    dify_client_factory: DifyClientFactory,
) -> None:
    error = chat_failure(dify_client_factory, api_key="app-wrong-secret-key")

    assert (error.status, error.code, error.retryable) == (401, "unauthorized", False)
    assert error.message == "Access token is invalid"
    assert "app key" in error.user_message
    for text in (str(error), repr(error), error.log_text):
        assert "app-wrong-secret-key" not in text


def test_wrong_app_key_on_plain_requests(dify_client_factory: DifyClientFactory) -> None:
    async def go() -> DifyError:
        async with dify_client_factory(api_key="nope") as client:
            with pytest.raises(DifyError) as caught:
                await client.conversations(user=USER)
            return caught.value

    error = run(go())
    assert (error.status, error.code) == (401, "unauthorized")


def test_unknown_conversation_is_not_found(dify_client_factory: DifyClientFactory) -> None:
    error = chat_failure(dify_client_factory, conversation_id=str(uuid.uuid4()))

    assert (error.status, error.code, error.retryable) == (404, "not_found", False)
    assert error.message == "Conversation Not Exists."
    assert "no longer exists" in error.user_message


def test_malformed_conversation_id_is_an_invalid_param(
    dify_client_factory: DifyClientFactory,
) -> None:
    error = chat_failure(dify_client_factory, conversation_id="not-a-uuid")

    assert (error.status, error.code) == (400, "invalid_param")


def test_another_users_conversation_looks_missing(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    theirs = dify_server.seed_conversation("someone-else", "Theirs", [("q", "a")])

    error = chat_failure(dify_client_factory, conversation_id=theirs)

    assert (error.status, error.code) == (404, "not_found")


@pytest.mark.parametrize(
    ("code", "retryable"),
    [("too_many_requests", True), ("rate_limit_error", False)],
)
def test_429_retryability_depends_on_the_code(
    dify_server: DemoDifyServer,
    dify_client_factory: DifyClientFactory,
    code: str,
    retryable: bool,
) -> None:
    dify_server.script_next(ChatScript(http_error=(429, code, "Limit reached for app-123")))

    error = chat_failure(dify_client_factory)

    assert (error.status, error.code, error.retryable) == (429, code, retryable)
    assert "Limit reached" not in error.user_message


def test_json_server_error_is_retryable(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(
        ChatScript(http_error=(500, "internal_server_error", "Internal Server Error"))
    )

    error = chat_failure(dify_client_factory)

    assert (error.status, error.code, error.retryable) == (500, "internal_server_error", True)


def test_html_502_from_a_proxy_is_a_non_json_error(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(html_status=502))

    error = chat_failure(dify_client_factory)

    assert (error.status, error.code, error.retryable) == (502, "non_json_error", True)
    assert "text/html" in error.message
    for text in (error.message, str(error), error.user_message):
        assert "nginx" not in text
        assert "<" not in text


def test_unreachable_server_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port now.

    async def go() -> tuple[DifyError, DifyError]:
        async with DifyClient(f"http://127.0.0.1:{port}/v1", "app-key") as client:
            with pytest.raises(DifyError) as streamed:
                await collect(client, "Hello")
            with pytest.raises(DifyError) as listed:
                await client.conversations(user=USER)
            return streamed.value, listed.value

    for error in run(go()):
        assert (error.status, error.code, error.retryable) == (None, "network_error", True)
        assert "internet connection" in error.user_message


def test_client_repr_hides_the_key() -> None:
    client = DifyClient("http://127.0.0.1:9/v1", "app-very-secret")
    try:
        assert "app-very-secret" not in repr(client)
    finally:
        run(client.aclose())


def test_user_is_required_before_anything_is_sent(dify_client_factory: DifyClientFactory) -> None:
    async def go() -> None:
        async with dify_client_factory() as client:
            with pytest.raises(ValueError):
                client.stream_chat("Hello", user="")
            with pytest.raises(ValueError):
                await client.conversations(user="x" * 256)

    run(go())


def test_injected_http_client_stays_open(dify_server: DemoDifyServer) -> None:
    async def go() -> bool:
        async with httpx.AsyncClient() as http:
            async with DifyClient(dify_server.base_url, dify_server.api_key, http=http) as client:
                parameters = await client.parameters()
                assert parameters.suggested_questions
            return http.is_closed

    assert run(go()) is False

"""The demo server's protocol details, checked with a plain HTTP client."""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import json
from pathlib import Path
import re
import socket
from typing import Any
import uuid

import httpx
import pytest

from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer
from hc_desktop.dify import AnswerDelta, DifyClient
from tests.dify.helpers import USER, collect, run
from tests.fixtures.dify import DifyClientFactory

AUTH = {"Authorization": "Bearer app-demo-key"}


@pytest.fixture
def http(dify_server: DemoDifyServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=dify_server.base_url, timeout=10) as client:
        yield client


def chat_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "query": "Is coffee bad for sleep?",
        "inputs": {},
        "user": USER,
        "response_mode": "streaming",
    }
    body.update(overrides)
    return body


def raw_stream(http: httpx.Client, body: dict[str, Any]) -> tuple[httpx.Response, bytes]:
    with http.stream("POST", "/chat-messages", json=body, headers=AUTH) as response:
        return response, response.read()


def test_index_needs_no_key(http: httpx.Client) -> None:
    response = http.get("/")
    assert response.status_code == 200
    assert response.json()["welcome"] == "Dify OpenAPI"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "Authorization header must be provided and start with 'Bearer'"),
        ("Basic abc", "Authorization scheme must be 'Bearer'"),
        ("Bearer app-other", "Access token is invalid"),
    ],
)
def test_bad_credentials_get_401_with_challenge(
    http: httpx.Client, header: str | None, message: str
) -> None:
    headers = {} if header is None else {"Authorization": header}
    response = http.get("/parameters", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer realm="api"'
    assert response.json() == {"code": "unauthorized", "message": message, "status": 401}


def test_json_endpoints_require_a_json_body(http: httpx.Client) -> None:
    not_json = http.post("/chat-messages", content=b"query=hi", headers=AUTH)
    empty = http.post(
        "/chat-messages", content=b"", headers={**AUTH, "Content-Type": "application/json"}
    )
    delete_without_body = http.delete(f"/conversations/{uuid.uuid4()}", headers=AUTH)
    assert (not_json.status_code, not_json.json()["code"]) == (415, "unsupported_media_type")
    assert (empty.status_code, empty.json()["code"]) == (400, "bad_request")
    assert delete_without_body.status_code == 415


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (chat_body(user=None), "Arg user must be provided."),
        (chat_body(query=""), "query is required"),
        (chat_body(conversation_id="123"), "conversation_id must be a valid UUID"),
    ],
)
def test_chat_validation(http: httpx.Client, body: dict[str, Any], message: str) -> None:
    response = http.post("/chat-messages", json=body, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_param"
    assert message in response.json()["message"]


def test_chat_without_inputs_is_rejected(http: httpx.Client) -> None:
    body = chat_body()
    del body["inputs"]
    response = http.post("/chat-messages", json=body, headers=AUTH)
    assert (response.status_code, response.json()["code"]) == (400, "invalid_param")


def test_stream_bytes_follow_difys_framing(dify_server: DemoDifyServer, http: httpx.Client) -> None:
    dify_server.script_next(ChatScript(answer="Café ☕ and\u2028more", pings_between_chunks=True))

    response, body = raw_stream(http, chat_body())

    assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
    frames = body.split(b"\n\n")
    assert frames.pop() == b""
    pings = [f for f in frames if f == b"event: ping"]
    data = [f for f in frames if f != b"event: ping"]
    assert pings
    assert all(re.fullmatch(rb"data: \{[^\n]*\}", f) for f in data)
    payloads = [json.loads(f[len(b"data: ") :]) for f in data]
    for frame, payload in zip(data, payloads, strict=True):
        compact = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        assert frame[len(b"data: ") :] == compact.encode("utf-8")
    assert "Café ☕".encode() in body and "\u2028".encode() in body
    first = payloads[0]
    assert list(first)[:5] == ["event", "conversation_id", "message_id", "created_at", "task_id"]
    assert all(first[key] for key in ("conversation_id", "message_id", "task_id"))
    assert [p["event"] for p in payloads] == ["message"] * (len(payloads) - 1) + ["message_end"]
    assert payloads[-1]["metadata"]["usage"]["total_tokens"] > 0


def test_error_event_has_no_task_id(dify_server: DemoDifyServer, http: httpx.Client) -> None:
    dify_server.script_next(ChatScript(error_after=1, error_status=400, error_code="x_code"))

    _, body = raw_stream(http, chat_body())

    last = json.loads(body.split(b"\n\n")[-2][len(b"data: ") :])
    assert last["event"] == "error"
    assert (last["code"], last["status"]) == ("x_code", 400)
    assert "task_id" not in last


def test_legacy_and_crlf_variants(dify_server: DemoDifyServer, http: httpx.Client) -> None:
    dify_server.script_next(ChatScript(answer="Café", legacy_json=True, crlf=True))

    _, body = raw_stream(http, chat_body())

    assert b"\r\n\r\n" in body and b"\n\n" not in body.replace(b"\r\n", b"")
    assert b'"answer": "Caf\\u00e9"' in body


def test_blocking_mode_returns_the_whole_answer(http: httpx.Client) -> None:
    response = http.post("/chat-messages", json=chat_body(response_mode=None), headers=AUTH)
    assert response.status_code == 200
    body = response.json()
    assert body["event"] == "message"
    assert body["id"] == body["message_id"]
    assert "coffee" in body["answer"]


def test_stop_by_another_user_does_nothing(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(hold_after=2))

    async def go() -> list[str]:
        seen: list[str] = []
        async with dify_client_factory() as client:
            async for event in client.stream_chat("Sleep tips?", user=USER):
                seen.append(type(event).__name__)
                if len(seen) == 2:
                    await client.stop(event.task_id, user="someone-else")
                    await client.stop(event.task_id, user=USER)
        return seen

    seen = run(go())
    # Only the owner's stop released the held stream: two deltas, then the end.
    assert seen == ["AnswerDelta", "AnswerDelta", "AnswerEnd"]


def test_state_file_keeps_conversations_across_restarts(tmp_path: Path) -> None:
    state = tmp_path / "demo" / "dify.sqlite3"

    async def chat(server: DemoDifyServer) -> None:
        async with DifyClient(server.base_url, server.api_key) as client:
            await collect(client, "How can I stretch after work?")

    with DemoDifyServer(state_path=state) as first:
        run(chat(first))
    with DemoDifyServer(state_path=state) as second:

        async def listed() -> list[str]:
            async with DifyClient(second.base_url, second.api_key) as client:
                page = await client.conversations(user=USER)
                history = await client.messages(page.items[0].id, user=USER)
                return [page.items[0].name, history.items[0].query]

        assert run(listed()) == ["How can I stretch af…", "How can I stretch after work?"]


def test_seeding_a_thousand_conversations(dify_server: DemoDifyServer, http: httpx.Client) -> None:
    items = [(f"Thread {n}", [(f"q{n}", f"a{n}")]) for n in range(1200)]

    ids = dify_server.seed_conversations(USER, items)

    assert len(set(ids)) == 1200
    assert dify_server.conversation_count(USER) == 1200
    page = http.get("/conversations", params={"user": USER, "limit": 3}, headers=AUTH).json()
    assert [c["name"] for c in page["data"]] == ["Thread 1199", "Thread 1198", "Thread 1197"]
    assert page["has_more"] is True


def test_stop_ends_open_streams_and_releases_the_port() -> None:
    server = DemoDifyServer().start()
    server.script_next(ChatScript(ping_only=True, ping_interval=0.02))
    port = int(server.base_url.rsplit(":", 1)[1].split("/")[0])
    with httpx.Client(base_url=server.base_url, timeout=10) as http:
        http.get("/")  # leaves an idle keep-alive connection open
        with http.stream("POST", "/chat-messages", json=chat_body(), headers=AUTH) as response:
            pieces = response.iter_raw()
            assert next(pieces).startswith(b"event: ping")
            server.stop()
            # The open stream ends (cleanly or by reset) instead of pinging forever.
            with contextlib.suppress(httpx.HTTPError):
                for _ in pieces:
                    pass
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
    server.stop()  # idempotent


def test_scripted_answer_matches_what_is_streamed(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> str:
        async with dify_client_factory() as client:
            events = await collect(client, "How do I stay hydrated?")
            return "".join(e.text for e in events if isinstance(e, AnswerDelta))

    answer = dify_server.scripted_answer("How do I stay hydrated?")
    assert run(go()) == answer
    assert "**stay hydrated**" in answer
    assert "not medical advice" in answer
    assert 200 < len(answer) < 800

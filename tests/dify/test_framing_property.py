"""Property: however the bytes of a recorded stream are cut, the client sees the same events."""

from __future__ import annotations

from collections.abc import Iterator
import itertools

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer
from hc_desktop.dify import AnswerDelta, AnswerEnd, DifyClient, StreamEvent
from tests.dify.helpers import USER, collect, run

ANSWER = 'Café ☕ — 水を飲む 😀🫀\u2028next\u2029para\u0085 **bold** and "quotes" \\ end.'


@pytest.fixture(scope="module")
def replay_server() -> Iterator[DemoDifyServer]:
    """One server for all examples (hypothesis does not rerun function-scoped fixtures)."""
    with DemoDifyServer() as server:
        yield server


@pytest.fixture(scope="module")
def recorded_stream(replay_server: DemoDifyServer) -> bytes:
    """The exact body of one real streamed turn, pings included."""
    replay_server.script_next(ChatScript(answer=ANSWER, pings_between_chunks=True))
    body = {"query": "Water?", "inputs": {}, "user": USER, "response_mode": "streaming"}
    headers = {"Authorization": f"Bearer {replay_server.api_key}"}
    with (
        httpx.Client(timeout=10) as http,
        http.stream(
            "POST", f"{replay_server.base_url}/chat-messages", json=body, headers=headers
        ) as response,
    ):
        return response.read()


def replay(server: DemoDifyServer, body: bytes, slices: tuple[int, ...]) -> list[StreamEvent]:
    server.script_next(ChatScript(raw_body=body, slice_sizes=slices))

    async def go() -> list[StreamEvent]:
        async with DifyClient(server.base_url, server.api_key, stall_timeout=5) as client:
            return await collect(client, "Water?")

    return run(go())


def slice_sizes(length: int, cuts: set[int]) -> tuple[int, ...]:
    points = [0, *sorted(c for c in cuts if 0 < c < length), length]
    return tuple(b - a for a, b in itertools.pairwise(points))


def test_recording_is_a_complete_turn(
    replay_server: DemoDifyServer, recorded_stream: bytes
) -> None:
    events = replay(replay_server, recorded_stream, (len(recorded_stream),))
    assert "".join(e.text for e in events if isinstance(e, AnswerDelta)) == ANSWER
    assert isinstance(events[-1], AnswerEnd)
    assert b"event: ping" in recorded_stream


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    line_ending=st.sampled_from([b"\n", b"\r\n", b"\r"]),
)
def test_any_byte_split_gives_the_same_events(
    replay_server: DemoDifyServer,
    recorded_stream: bytes,
    data: st.DataObject,
    line_ending: bytes,
) -> None:
    body = recorded_stream.replace(b"\n", line_ending)
    expected = replay(replay_server, body, (len(body),))
    cuts = data.draw(st.sets(st.integers(min_value=1, max_value=len(body) - 1), max_size=60))

    events = replay(replay_server, body, slice_sizes(len(body), cuts))

    assert events == expected

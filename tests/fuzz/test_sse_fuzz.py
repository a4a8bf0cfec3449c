"""Fuzz: whatever bytes a server streams, the client yields typed events or raises DifyError."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest

from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer
from hc_desktop.dify import DifyClient, DifyError, StreamEvent

VALID = (
    b'data: {"event":"message","task_id":"t","id":"m","message_id":"m",'
    b'"conversation_id":"c","answer":"Hi \\u00e9","created_at":1}\n\n'
    b"event: ping\n\n"
    b'data: {"event":"message_replace","task_id":"t","message_id":"m",'
    b'"conversation_id":"c","answer":"x","created_at":1}\n\n'
    b'data: {"event":"error","task_id":"t","message_id":"m","status":400,'
    b'"code":"c","message":"m"}\n\n'
    b'data: {"event":"message_end","task_id":"t","id":"m","message_id":"m",'
    b'"conversation_id":"c","metadata":{}}\n\n'
)
FRAGMENTS = [
    b"data: ",
    b"event: ",
    b"id: 1",
    b"retry: 5",
    b": comment",
    b"\n",
    b"\r\n",
    b"\r",
    b"{",
    b"}",
    b'"event":"message_end"',
    b'"event":"workflow_finished","data":{"status":"failed"}',
    b"null",
    b"[]",
    b"\xff\xfe",
    b"\xe2\x82",
]

bodies = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(b"".join),
    st.integers(min_value=0, max_value=len(VALID)).map(lambda n: VALID[:n]),
    st.tuples(st.integers(0, len(VALID)), st.binary(max_size=30)).map(
        lambda cut: VALID[: cut[0]] + cut[1] + VALID[cut[0] :]
    ),
)


@pytest.fixture(scope="module")
def server() -> Iterator[DemoDifyServer]:
    with DemoDifyServer() as started:
        yield started


def _slices(length: int, cuts: list[int]) -> tuple[int, ...]:
    points = [0, *sorted({c for c in cuts if 0 < c < length}), length]
    return tuple(b - a for a, b in itertools.pairwise(points)) or (1,)


async def _consume(server: DemoDifyServer) -> list[StreamEvent]:
    async with DifyClient(server.base_url, server.api_key, stall_timeout=2.0) as client:
        events: list[StreamEvent] = []
        try:
            async for event in client.stream_chat("Fuzz?", user="fuzz-user"):
                events.append(event)
        except DifyError:
            pass
        return events


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=bodies, cuts=st.lists(st.integers(min_value=1, max_value=500), max_size=20))
def test_any_body_gives_typed_events_or_a_dify_error(
    server: DemoDifyServer, body: bytes, cuts: list[int]
) -> None:
    server.script_next(ChatScript(raw_body=body, slice_sizes=_slices(len(body), cuts)))
    events = asyncio.run(asyncio.wait_for(_consume(server), 15))
    assert all(isinstance(event, StreamEvent) for event in events)

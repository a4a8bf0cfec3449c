"""Small helpers for driving the async Dify client from plain test functions."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from hc_desktop.dify import DifyClient, DifyError, StreamEvent

T = TypeVar("T")

TEST_TIMEOUT = 15.0
USER = "user-7f3c"


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` on a fresh loop, failing instead of hanging if it never finishes."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro, TEST_TIMEOUT)

    return asyncio.run(bounded())


async def collect(client: DifyClient, query: str, **options: Any) -> list[StreamEvent]:
    """All events of one turn (raises DifyError like the stream does)."""
    options.setdefault("user", USER)
    return [event async for event in client.stream_chat(query, **options)]


async def collect_until_error(
    client: DifyClient, query: str, **options: Any
) -> tuple[list[StreamEvent], DifyError]:
    """Events yielded before the stream failed, and the failure (the test fails if none)."""
    options.setdefault("user", USER)
    events: list[StreamEvent] = []
    try:
        async for event in client.stream_chat(query, **options):
            events.append(event)
    except DifyError as error:
        return events, error
    raise AssertionError("the stream ended without a DifyError")

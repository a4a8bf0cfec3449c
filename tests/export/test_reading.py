"""Reading a whole conversation for export: every page from Dify, else the offline copy."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
import uuid

import pytest

from hc_desktop.controller.transcript_reader import read_transcript
from hc_desktop.core.threads import Thread
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import DifyError
from hc_desktop.sync import CachedMessage, CachedThreadRepository, MessageCache
from tests.fixtures.dify import DifyClientFactory

USER = uuid.UUID("6f1c8a52-3d4e-4f0a-9b1c-2d3e4f5a6b7c")
EXCHANGES = [(f"Question number {n}?", f"Answer number {n}.") for n in range(1, 6)]
WHEN = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)


def _thread(conversation_id: str) -> Thread:
    return Thread(uuid.uuid4(), USER, conversation_id, "Five questions", None, False, WHEN, WHEN)


def _message_requests(dify: DemoDifyServer) -> list[object]:
    return [r for r in dify.requests if r.method == "GET" and r.path.endswith("/messages")]


def test_every_page_is_read_oldest_first(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    thread = _thread(dify_server.seed_conversation(str(USER), "Five", EXCHANGES))

    async def scenario() -> None:
        async with dify_client_factory() as dify:
            transcript = await read_transcript(dify, None, thread, page_size=2)
        assert [(e.question, e.answer) for e in transcript.exchanges] == EXCHANGES
        assert transcript.complete
        assert transcript.title == "Five questions"
        assert all(e.asked_at is not None and e.asked_at.tzinfo for e in transcript.exchanges)

    asyncio.run(scenario())
    assert len(_message_requests(dify_server)) == 3


def test_a_page_limit_marks_the_transcript_incomplete(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    thread = _thread(dify_server.seed_conversation(str(USER), "Five", EXCHANGES))

    async def scenario() -> None:
        async with dify_client_factory() as dify:
            transcript = await read_transcript(dify, None, thread, page_size=2, max_pages=2)
        assert [e.question for e in transcript.exchanges] == [q for q, _ in EXCHANGES[1:]]
        assert not transcript.complete

    asyncio.run(scenario())


def test_offline_the_cached_copy_is_used_and_marked(
    tmp_path: Path, dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    thread = _thread("conversation-kept-offline")
    stamp = int(WHEN.timestamp())
    dify = dify_client_factory()
    dify_server.stop()  # the client now finds nothing listening

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "c.db", USER)
        cache = MessageCache(local)
        try:
            await cache.save(
                thread.conversation_id,
                [
                    CachedMessage("m1", thread.conversation_id, "Cached q1", "Cached a1", stamp),
                    CachedMessage(
                        "m2", thread.conversation_id, "Cached q2", "Cached a2", stamp + 1
                    ),
                ],
            )
            async with dify:
                transcript = await read_transcript(dify, cache, thread)
                with pytest.raises(DifyError):
                    await read_transcript(dify, cache, _thread("nothing-cached"))
        finally:
            await local.close()
        assert [e.question for e in transcript.exchanges] == ["Cached q1", "Cached q2"]
        assert transcript.exchanges[1].asked_at == datetime.fromtimestamp(stamp + 1, UTC)
        assert not transcript.complete

    asyncio.run(scenario())

"""Streaming chat against the loopback Dify server: events, framing variants and failures."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import aclosing

import httpx
import pytest

from hc_desktop.demo.dify_replies import compose_reply, split_into_chunks
from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer
from hc_desktop.dify import (
    AgentThought,
    AnswerDelta,
    AnswerEnd,
    AnswerReplaced,
    DifyClient,
    DifyError,
    MessageFile,
    StreamEvent,
    TtsAudio,
    UnknownEvent,
    WorkflowProgress,
)
from tests.dify.helpers import USER, collect, collect_until_error, run
from tests.fixtures.dify import DifyClientFactory

QUERY = "What are some tips for better sleep?"
TRICKY_ANSWER = (
    "Line one\u2028line two\u2029para — café, naïve, 水を飲む, emoji 😀🫀 and \u0085 "
    'a "quoted" \\ backslash\nnew line\ttab **bold** done.'
)


def answer_text(events: Sequence[StreamEvent]) -> str:
    """The answer as a window would show it: deltas appended, replacements applied."""
    text = ""
    for event in events:
        if isinstance(event, AnswerDelta):
            text += event.text
        elif isinstance(event, AnswerReplaced):
            text = event.text
    return text


def deltas(events: Sequence[StreamEvent]) -> list[AnswerDelta]:
    return [event for event in events if isinstance(event, AnswerDelta)]


def stream_with(
    factory: DifyClientFactory, query: str = QUERY, **client_options: float
) -> list[StreamEvent]:
    async def go() -> list[StreamEvent]:
        async with factory(**client_options) as client:
            return await collect(client, query)

    return run(go())


def failure_of(
    factory: DifyClientFactory, query: str = QUERY, **client_options: float
) -> tuple[list[StreamEvent], DifyError]:
    async def go() -> tuple[list[StreamEvent], DifyError]:
        async with factory(**client_options) as client:
            return await collect_until_error(client, query)

    return run(go())


def test_chat_stream_yields_the_answer_in_deltas_then_an_end(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    events = stream_with(dify_client_factory)

    pieces = deltas(events)
    assert len(pieces) == len(split_into_chunks(compose_reply(QUERY)))
    assert answer_text(events) == compose_reply(QUERY)
    end = events[-1]
    assert isinstance(end, AnswerEnd)
    assert end.usage is not None and end.usage["total_tokens"] > 0
    assert end.retriever_resources == []
    ids = {(e.message_id, e.conversation_id, e.task_id) for e in [*pieces, end]}
    assert len(ids) == 1
    assert all(ids.pop())


def test_chat_request_sends_streaming_mode_inputs_and_user(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    stream_with(dify_client_factory)

    (request,) = [r for r in dify_server.requests if r.path == "/v1/chat-messages"]
    assert request.method == "POST"
    assert request.json["response_mode"] == "streaming"
    assert request.json["inputs"] == {}
    assert request.json["user"] == USER
    assert request.json["query"] == QUERY
    assert "conversation_id" not in request.json
    assert request.headers["accept"] == "text/event-stream"
    assert "authorization" not in request.headers


def test_follow_up_turn_continues_the_same_conversation(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> tuple[str, str]:
        async with dify_client_factory() as client:
            first = await collect(client, QUERY)
            conversation_id = deltas(first)[0].conversation_id
            second = await collect(client, "And what about naps?", conversation_id=conversation_id)
            return conversation_id, deltas(second)[0].conversation_id

    started, continued = run(go())
    assert started == continued
    chat_bodies = [r.json for r in dify_server.requests if r.path == "/v1/chat-messages"]
    assert chat_bodies[1]["conversation_id"] == started


def test_agent_stream_yields_thoughts_files_and_agent_message_deltas(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(mode="agent"))

    events = stream_with(dify_client_factory)

    thoughts = [e for e in events if isinstance(e, AgentThought)]
    files = [e for e in events if isinstance(e, MessageFile)]
    assert answer_text(events) == compose_reply(QUERY)
    assert isinstance(events[-1], AnswerEnd)
    assert {t.position for t in thoughts} == {1, 2}
    first_steps = [t for t in thoughts if t.position == 1]
    assert len({t.id for t in first_steps}) == 1, "a thought is re-sent under the same id"
    assert first_steps[0].tool == ""
    assert first_steps[-1].tool == "health_library"
    assert first_steps[-1].observation
    assert len(files) == 1
    assert files[0].type == "image" and files[0].url.startswith("https://")
    assert first_steps[-1].message_files == (files[0].id,)
    final_thought = [t for t in thoughts if t.position == 2][-1]
    assert final_thought.thought == compose_reply(QUERY)


@pytest.mark.parametrize("legacy_order", [False, True])
def test_chatflow_stream_reports_progress_and_completes(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory, legacy_order: bool
) -> None:
    dify_server.script_next(ChatScript(mode="chatflow", legacy_workflow_order=legacy_order))

    events = stream_with(dify_client_factory)

    progress = [e for e in events if isinstance(e, WorkflowProgress)]
    names = [p.event for p in progress]
    assert names[0] == "workflow_started"
    assert {"node_started", "node_finished"} <= set(names)
    assert names[-1] == "workflow_finished"
    assert progress[-1].status == "succeeded"
    assert progress[-1].workflow_run_id
    llm_nodes = [p for p in progress if p.node_type == "llm"]
    assert [p.event for p in llm_nodes] == ["node_started", "node_finished"]
    assert llm_nodes[-1].status == "succeeded"
    assert answer_text(events) == compose_reply(QUERY)
    kinds = [type(e) for e in events if isinstance(e, AnswerEnd | WorkflowProgress)][-2:]
    expected = [WorkflowProgress, AnswerEnd] if legacy_order else [AnswerEnd, WorkflowProgress]
    assert kinds == expected


def test_failed_chatflow_run_raises_workflow_failed(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(mode="chatflow", workflow_failed=True))

    events, error = failure_of(dify_client_factory)

    assert error.code == "workflow_failed"
    assert error.status is None
    assert error.message == "Model timed out"
    failed_nodes = [e for e in events if isinstance(e, WorkflowProgress) and e.status == "failed"]
    assert [(n.event, n.error) for n in failed_nodes] == [("node_finished", "Model timed out")]


def test_message_replace_replaces_the_answer(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(replace_after=3, replace_text="Replaced **answer**."))

    events = stream_with(dify_client_factory)

    assert len(deltas(events)) == 3
    replaced = [e for e in events if isinstance(e, AnswerReplaced)]
    assert [r.text for r in replaced] == ["Replaced **answer**."]
    assert replaced[0].message_id == deltas(events)[0].message_id
    assert answer_text(events) == "Replaced **answer**."
    assert isinstance(events[-1], AnswerEnd)


def test_tts_unknown_events_and_file_text_quirk(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    extra = (
        {"event": "tts_message", "audio": "SUQzBAAAAA=="},
        {"event": "reasoning_chunk", "reasoning": "thinking", "is_final": False},
        {"event": "message_file", "id": "f1", "answer": "Prefix. ", "from_variable_selector": None},
        {"event": "tts_message_end", "audio": ""},
    )
    dify_server.script_next(ChatScript(extra_events=extra))

    events = stream_with(dify_client_factory)

    audio = [e for e in events if isinstance(e, TtsAudio)]
    assert [(a.audio_base64, a.final) for a in audio] == [("SUQzBAAAAA==", False), ("", True)]
    unknown = [e for e in events if isinstance(e, UnknownEvent)]
    assert [u.name for u in unknown] == ["reasoning_chunk"]
    assert unknown[0].data["reasoning"] == "thinking"
    assert answer_text(events) == "Prefix. " + compose_reply(QUERY)


@pytest.mark.parametrize(
    "script",
    [
        ChatScript(answer=TRICKY_ANSWER),
        ChatScript(answer=TRICKY_ANSWER, crlf=True),
        ChatScript(answer=TRICKY_ANSWER, legacy_json=True),
        ChatScript(answer=TRICKY_ANSWER, slice_sizes=(1,)),
        ChatScript(answer=TRICKY_ANSWER, slice_sizes=(5, 2, 11, 3), crlf=True),
        ChatScript(answer=TRICKY_ANSWER, pings_between_chunks=True, slice_sizes=(7,)),
    ],
    ids=["raw-utf8", "crlf", "escaped-json", "one-byte-slices", "odd-slices-crlf", "pings"],
)
def test_framing_variants_give_the_exact_answer(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory, script: ChatScript
) -> None:
    dify_server.script_next(script)

    events = stream_with(dify_client_factory)

    assert answer_text(events) == TRICKY_ANSWER
    assert len(deltas(events)) == len(split_into_chunks(TRICKY_ANSWER))
    assert isinstance(events[-1], AnswerEnd)


def test_ping_only_stream_trips_the_stall_watchdog(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(ping_only=True, ping_interval=0.02))

    events, error = failure_of(dify_client_factory, stall_timeout=0.3)

    assert events == []
    assert error.code == "stream_stalled"
    assert error.status is None
    assert error.retryable


def test_error_event_mid_answer_keeps_earlier_deltas(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(
        ChatScript(
            error_after=4,
            error_status=400,
            error_code="completion_request_error",
            error_message="[provider] quota text that may quote the prompt",
        )
    )

    events, error = failure_of(dify_client_factory)

    assert answer_text(events) == "".join(split_into_chunks(compose_reply(QUERY))[:4])
    assert (error.status, error.code) == (400, "completion_request_error")
    assert error.message == "[provider] quota text that may quote the prompt"
    assert not error.retryable
    assert "quota text" not in str(error)
    assert "quota text" not in repr(error)
    assert "quota text" not in error.log_text


def test_server_error_event_is_retryable(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(
        ChatScript(error_after=0, error_status=500, error_code="internal_server_error")
    )

    events, error = failure_of(dify_client_factory)

    assert events == []
    assert (error.status, error.code, error.retryable) == (500, "internal_server_error", True)


@pytest.mark.parametrize("abrupt", [True, False], ids=["reset", "clean-eof"])
def test_dropped_connection_is_an_incomplete_stream(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory, abrupt: bool
) -> None:
    dify_server.script_next(ChatScript(drop_after=5, drop_abruptly=abrupt))

    events, error = failure_of(dify_client_factory)

    assert len(deltas(events)) == 5
    assert error.code == "stream_incomplete"
    assert error.status is None
    assert error.retryable


def test_read_timeout_mid_stream_is_a_timeout(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(ping_only=True, ping_interval=2.0))
    timeouts = httpx.Timeout(connect=5.0, read=0.2, write=5.0, pool=5.0)

    async def go() -> tuple[list[StreamEvent], DifyError]:
        async with dify_client_factory(timeouts=timeouts) as client:
            return await collect_until_error(client, QUERY)

    events, error = run(go())
    assert events == []
    assert (error.code, error.status, error.retryable) == ("timeout", None, True)


def test_stop_mid_stream_ends_the_turn_with_the_partial_answer(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.script_next(ChatScript(hold_after=3))

    async def go(client: DifyClient) -> list[StreamEvent]:
        events: list[StreamEvent] = []
        async for event in client.stream_chat(QUERY, user=USER):
            events.append(event)
            if len(deltas(events)) == 3 and isinstance(event, AnswerDelta):
                await client.stop(event.task_id, user=USER)
        return events

    async def main() -> tuple[list[StreamEvent], str]:
        async with dify_client_factory() as client:
            events = await go(client)
            history = await client.messages(deltas(events)[0].conversation_id, user=USER)
            return events, history.items[-1].answer

    events, stored = run(main())

    partial = "".join(split_into_chunks(compose_reply(QUERY))[:3])
    assert answer_text(events) == partial
    assert isinstance(events[-1], AnswerEnd)
    assert stored == partial
    (stop,) = [r for r in dify_server.requests if r.path.endswith("/stop")]
    assert stop.json == {"user": USER}
    assert stop.headers["content-type"] == "application/json"
    assert stop.path == f"/v1/chat-messages/{deltas(events)[0].task_id}/stop"


def test_breaking_out_of_the_stream_early_closes_cleanly(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> str:
        async with dify_client_factory() as client:
            async with aclosing(client.stream_chat(QUERY, user=USER)) as stream:
                async for event in stream:
                    assert isinstance(event, AnswerDelta)
                    break
            # The client still works after an abandoned stream.
            return answer_text(await collect(client, QUERY))

    assert run(go()) == compose_reply(QUERY)

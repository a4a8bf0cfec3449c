"""Event mapping and end-of-stream rules, using hand-written bodies replayed by the server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer
from hc_desktop.dify import AnswerDelta, DifyError, StreamEvent, UnknownEvent, WorkflowProgress
from hc_desktop.dify.errors import error_from_body
from hc_desktop.dify.events import StreamErrorEvent, parse_event
from tests.dify.helpers import collect, collect_until_error, run
from tests.fixtures.dify import DifyClientFactory

ENVELOPE = {
    "conversation_id": "c0a8e0b2-0000-4000-8000-000000000001",
    "message_id": "c0a8e0b2-0000-4000-8000-000000000002",
    "created_at": 1_700_000_000,
    "task_id": "c0a8e0b2-0000-4000-8000-000000000003",
}


def frame(event: str, **fields: Any) -> bytes:
    payload = {"event": event, **ENVELOPE, **fields}
    return b"data: " + json.dumps(payload, separators=(",", ":")).encode() + b"\n\n"


def delta(text: str) -> bytes:
    return frame("message", id=ENVELOPE["message_id"], answer=text, from_variable_selector=None)


def workflow(event: str, **data: Any) -> bytes:
    return frame(event, workflow_run_id="run-1", data=data)


def replay(server: DemoDifyServer, factory: DifyClientFactory, body: bytes) -> list[StreamEvent]:
    server.script_next(ChatScript(raw_body=body))

    async def go() -> list[StreamEvent]:
        async with factory() as client:
            return await collect(client, "Hi")

    return run(go())


def replay_failure(
    server: DemoDifyServer, factory: DifyClientFactory, body: bytes
) -> tuple[list[StreamEvent], DifyError]:
    server.script_next(ChatScript(raw_body=body))

    async def go() -> tuple[list[StreamEvent], DifyError]:
        async with factory() as client:
            return await collect_until_error(client, "Hi")

    return run(go())


def test_chatflow_without_message_end_completes_at_workflow_finished(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    # Dify 1.13.0 lost message_end after a successful run.
    body = (
        b"event: ping\n\n"
        + workflow("workflow_started", id="run-1")
        + workflow("iteration_started", node_id="it", node_type="iteration", title="Loop")
        + workflow("iteration_next", node_id="it", index=0)
        + workflow("iteration_completed", node_id="it", status="succeeded")
        + delta("Done.")
        + workflow("workflow_finished", id="run-1", status="succeeded", error=None)
    )

    events = replay(dify_server, dify_client_factory, body)

    progress = [e for e in events if isinstance(e, WorkflowProgress)]
    assert [p.event for p in progress] == [
        "workflow_started",
        "iteration_started",
        "iteration_next",
        "iteration_completed",
        "workflow_finished",
    ]
    assert progress[1].title == "Loop" and progress[1].node_type == "iteration"
    assert all(p.workflow_run_id == "run-1" for p in progress)


def test_workflow_paused_is_terminal(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    body = (
        workflow("workflow_started", id="run-1")
        + workflow("human_input_required", form_id="f", node_id="n")
        + workflow("workflow_paused", status="paused")
    )

    events = replay(dify_server, dify_client_factory, body)

    assert [e.event for e in events if isinstance(e, WorkflowProgress)][-1] == "workflow_paused"


def test_deltas_without_a_terminal_event_are_incomplete(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    events, error = replay_failure(
        dify_server, dify_client_factory, delta("Part one, ") + delta("part two")
    )

    assert [e.text for e in events if isinstance(e, AnswerDelta)] == ["Part one, ", "part two"]
    assert (error.code, error.retryable) == ("stream_incomplete", True)


def test_a_frame_that_is_not_json_is_an_invalid_stream(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    events, error = replay_failure(
        dify_server, dify_client_factory, delta("ok") + b"data: {not json\n\n"
    )

    assert len(events) == 1
    assert error.code == "invalid_stream"


def test_unknown_events_and_fields_are_tolerated(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    body = (
        frame("brand_new_event", extra={"nested": True})
        + frame("message", id=ENVELOPE["message_id"], answer="Hi", new_field=[1, 2])
        + b": a comment line\n\n"
        + frame("message_end", id=ENVELOPE["message_id"], metadata={"usage": None}, files=None)
    )

    events = replay(dify_server, dify_client_factory, body)

    assert isinstance(events[0], UnknownEvent) and events[0].name == "brand_new_event"
    assert events[1] == AnswerDelta(
        "Hi", ENVELOPE["message_id"], ENVELOPE["conversation_id"], ENVELOPE["task_id"]
    )
    assert len(events) == 3


def test_parse_error_event_reads_status_and_code() -> None:
    parsed = parse_event(
        {"event": "error", "conversation_id": "c", "message_id": "m", "code": "x", "status": 400.0}
    )
    assert parsed == StreamErrorEvent(status=400, code="x", message="")


def test_parse_tolerates_missing_and_wrongly_typed_fields() -> None:
    parsed = parse_event({"event": "agent_thought", "position": "one", "message_files": "nope"})
    assert parsed.position == 0  # type: ignore[union-attr]
    assert parsed.message_files == ()  # type: ignore[union-attr]
    end = parse_event({"event": "message_end", "metadata": {"retriever_resources": [1, {"a": 1}]}})
    assert end.usage is None  # type: ignore[union-attr]
    assert end.retriever_resources == [{"a": 1}]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content_type", "body", "code"),
    [
        ("application/json", b'{"code":"not_found","message":"m","status":404}\n', "not_found"),
        ("application/json", b'{"detail":"no code here"}', "non_json_error"),
        ("application/json", b"<html>", "non_json_error"),
        ("text/plain", b'{"code":"looks_like_json"}', "non_json_error"),
        ("", b"", "non_json_error"),
    ],
)
def test_error_bodies(content_type: str, body: bytes, code: str) -> None:
    error = error_from_body(404, content_type, body)
    assert (error.status, error.code) == (404, code)
    assert "<html>" not in error.message
    assert "no code here" not in error.message

"""One streamed chat turn of the demo Dify app, with optional scripted faults.

The event order follows Dify per app mode: ``chat`` (message deltas, message_end), ``agent``
(agent_thought upserts around agent_message deltas, a message_file) and ``chatflow``
(workflow and node events around message deltas). A :class:`ChatScript` bends one turn into
the failure a test needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import threading
import time
from typing import Any, Literal
import uuid

from hc_desktop.demo.dify_replies import split_into_chunks
from hc_desktop.demo.dify_sse import SseWriter

AppMode = Literal["chat", "agent", "chatflow"]
_HOLD_LIMIT_SECONDS = 30.0


@dataclass(frozen=True)
class ChatScript:
    """How the next chat request behaves; the defaults give a normal streamed answer.

    Chunk counts (``*_after``) are numbers of answer deltas already sent when the fault hits.
    """

    mode: AppMode = "chat"
    answer: str | None = None
    """Stream this text instead of the scripted reply."""
    http_error: tuple[int, str, str] | None = None
    """Answer with this JSON error (status, code, message) before any stream starts."""
    html_status: int | None = None
    """Answer with a proxy-style HTML error page with this status."""
    error_after: int | None = None
    error_status: int = 400
    error_code: str = "completion_request_error"
    error_message: str = "[demo] Rate Limit Error"
    drop_after: int | None = None
    """Close the connection after this many deltas, without a terminal event."""
    drop_abruptly: bool = True
    """Drop without the chunked terminator (a reset); False ends the body cleanly instead."""
    ping_only: bool = False
    """Send only pings (every ``ping_interval``) until the client leaves or the server stops."""
    ping_interval: float = 0.05
    pings_between_chunks: bool = False
    crlf: bool = False
    legacy_json: bool = False
    replace_after: int | None = None
    replace_text: str = "This answer was replaced by the moderation policy."
    slice_sizes: tuple[int, ...] | None = None
    """Write the body in byte slices of these sizes (cycled), splitting frames and characters."""
    workflow_failed: bool = False
    """Chatflow only: the LLM node fails and the run ends with status ``failed``."""
    legacy_workflow_order: bool = False
    """Chatflow only: ``workflow_finished`` before ``message_end`` (Dify <= 1.13.0)."""
    hold_after: int | None = None
    """Pause after this many deltas until the task is stopped (for deterministic stop tests)."""
    extra_events: tuple[dict[str, Any], ...] = ()
    """Raw events (``event`` plus fields) sent before the answer, with the envelope added."""
    raw_body: bytes | None = None
    sources: tuple[str, ...] = ()
    """Knowledge documents cited in ``message_end`` (``retriever_resources``)."""
    """Send exactly these body bytes (honouring ``slice_sizes``) and store nothing."""


@dataclass
class TurnIds:
    conversation_id: str
    message_id: str
    task_id: str
    created_at: int


@dataclass
class TurnOutcome:
    """What to store for the turn, and how the body ended."""

    answer: str
    status: str = "normal"
    error: str | None = None
    clean_close: bool = True
    store: bool = True


@dataclass
class TurnControl:
    """Signals the turn watches: the stop endpoint and server shutdown."""

    stopped: threading.Event = field(default_factory=threading.Event)
    server_stopping: threading.Event = field(default_factory=threading.Event)
    chunk_delay: float = 0.0
    ping_period: float = 10.0


class StreamingTurn:
    """Writes one turn's events for ``answer`` and reports what happened."""

    def __init__(
        self,
        writer: SseWriter,
        script: ChatScript,
        ids: TurnIds,
        control: TurnControl,
        *,
        query: str,
        answer: str,
    ) -> None:
        self._writer = writer
        self._script = script
        self._ids = ids
        self._control = control
        self._query = query
        self._answer = answer
        self._last_ping = time.monotonic()
        self._run_id = str(uuid.uuid4())

    def run(self) -> TurnOutcome:
        script = self._script
        if script.raw_body is not None:
            self._writer.raw(script.raw_body)
            return TurnOutcome("", store=False)
        if script.ping_only:
            self._ping_until_gone()
            return TurnOutcome("", store=False)
        if script.mode == "chatflow":
            return self._chatflow()
        for extra in script.extra_events:
            self._emit(extra)
        if script.mode == "agent":
            return self._agent()
        outcome, _ = self._stream_answer("message")
        if outcome is None:
            outcome = self._finished_answer()
            self._message_end(outcome.answer)
        return outcome

    # -- modes -------------------------------------------------------------------------

    def _agent(self) -> TurnOutcome:
        first, second = str(uuid.uuid4()), str(uuid.uuid4())
        tool = "health_library"
        tool_input = f'{{"{tool}": {{"topic": "general wellness"}}}}'
        observation = f'{{"{tool}": "Found three general wellness articles."}}'
        file_id = str(uuid.uuid4())
        self._thought(first, 1)
        self._thought(first, 1, thought="Let me look this up.", tool=tool, tool_input=tool_input)
        self._emit(
            {
                "event": "message_file",
                "id": file_id,
                "type": "image",
                "belongs_to": "assistant",
                "url": "https://example.invalid/files/demo-chart.png",
            }
        )
        self._thought(
            first,
            1,
            thought="Let me look this up.",
            tool=tool,
            tool_input=tool_input,
            observation=observation,
            files=[file_id],
        )
        self._thought(second, 2)
        outcome, sent = self._stream_answer("agent_message")
        if outcome is not None:
            return outcome
        self._thought(second, 2, thought=sent)
        outcome = self._finished_answer()
        self._message_end(outcome.answer)
        return outcome

    def _chatflow(self) -> TurnOutcome:
        self._writer.ping()
        self._workflow(
            "workflow_started",
            {"id": self._run_id, "workflow_id": "demo-workflow", "inputs": {"sys.query": ""}},
        )
        self._simple_node("start", "Start")
        for extra in self._script.extra_events:
            self._emit(extra)
        llm = self._node_started("llm", "Health assistant")
        if self._script.workflow_failed:
            error = "Model timed out"
            self._node_finished("llm", "Health assistant", llm, error)
            self._workflow_finished("failed", error)
            self._emit({"event": "error", "code": "invalid_param", "status": 400, "message": error})
            return TurnOutcome("", status="error", error=error)
        outcome, _ = self._stream_answer("message", selector=[llm, "text"])
        if outcome is not None:
            return outcome
        self._node_finished("llm", "Health assistant", llm)
        outcome = self._finished_answer()
        if self._control.stopped.is_set():
            self._workflow_finished("stopped", None)
            self._message_end(outcome.answer)
            return outcome
        self._simple_node("answer", "Answer")
        if self._script.legacy_workflow_order:
            self._workflow_finished("succeeded", None)
            self._message_end(outcome.answer)
        else:
            self._message_end(outcome.answer)
            self._workflow_finished("succeeded", None)
        return outcome

    # -- the answer itself ---------------------------------------------------------------

    def _stream_answer(
        self, event: str, selector: list[str] | None = None
    ) -> tuple[TurnOutcome | None, str]:
        """Send the deltas; an outcome is returned when a fault ended the turn early."""
        script = self._script
        chunks = split_into_chunks(self._answer)
        sent: list[str] = []
        for index in range(len(chunks) + 1):
            if index == script.error_after:
                self._emit_raw_error()
                return TurnOutcome("", status="error", error=script.error_message), ""
            if index == script.drop_after:
                return TurnOutcome(self._answer, clean_close=not script.drop_abruptly), ""
            if index == script.replace_after:
                self._emit(
                    {"event": "message_replace", "answer": script.replace_text, "reason": ""}
                )
                self._answer = script.replace_text
                break
            if index == script.hold_after:
                self._wait_for_stop()
            if self._control.stopped.is_set() or index == len(chunks):
                break
            payload: dict[str, Any] = {"event": event, "id": self._ids.message_id}
            payload["answer"] = chunks[index]
            if event == "message":
                payload["from_variable_selector"] = selector
            self._emit(payload)
            sent.append(chunks[index])
            self._pause()
        if self._control.stopped.is_set():
            self._answer = "".join(sent)
        return None, "".join(sent)

    def _finished_answer(self) -> TurnOutcome:
        return TurnOutcome(self._answer)

    def _pause(self) -> None:
        if self._control.chunk_delay > 0:
            self._control.server_stopping.wait(self._control.chunk_delay)
        now = time.monotonic()
        if self._script.pings_between_chunks or now - self._last_ping >= self._control.ping_period:
            self._writer.ping()
            self._last_ping = now

    def _wait_for_stop(self) -> None:
        deadline = time.monotonic() + _HOLD_LIMIT_SECONDS
        while not self._control.stopped.is_set() and time.monotonic() < deadline:
            if self._control.server_stopping.wait(0.01):
                return

    def _ping_until_gone(self) -> None:
        deadline = time.monotonic() + _HOLD_LIMIT_SECONDS
        while time.monotonic() < deadline:
            self._writer.ping()  # raises OSError once the client has gone
            if self._control.server_stopping.wait(self._script.ping_interval):
                return

    # -- event builders ------------------------------------------------------------------

    def _envelope(self) -> dict[str, Any]:
        return {
            "conversation_id": self._ids.conversation_id,
            "message_id": self._ids.message_id,
            "created_at": self._ids.created_at,
            "task_id": self._ids.task_id,
        }

    def _emit(self, fields: dict[str, Any]) -> None:
        payload = {"event": fields["event"], **self._envelope()}
        payload.update((k, v) for k, v in fields.items() if k != "event")
        if payload["event"] == "error":
            del payload["task_id"]
        self._writer.event(payload)

    def _emit_raw_error(self) -> None:
        script = self._script
        self._emit(
            {
                "event": "error",
                "code": script.error_code,
                "status": script.error_status,
                "message": script.error_message,
            }
        )

    def _message_end(self, answer: str) -> None:
        prompt_tokens = 24 + len(self._query) // 4
        completion_tokens = max(1, len(answer) // 4)
        usage = {
            "prompt_tokens": prompt_tokens,
            "prompt_unit_price": "0.0",
            "prompt_price_unit": "0.000001",
            "prompt_price": "0E-7",
            "completion_tokens": completion_tokens,
            "completion_unit_price": "0.0",
            "completion_price_unit": "0.000001",
            "completion_price": "0E-7",
            "total_tokens": prompt_tokens + completion_tokens,
            "total_price": "0E-7",
            "currency": "USD",
            "latency": 0.42,
            "time_to_first_token": 0.1,
            "time_to_generate": 0.32,
        }
        metadata: dict[str, Any] = {
            "annotation_reply": None,
            "retriever_resources": [
                {
                    "position": position,
                    "dataset_name": "Health library",
                    "document_name": name,
                    "segment_id": f"segment-{position}",
                    "score": 0.9,
                    "content": "",
                }
                for position, name in enumerate(self._script.sources, start=1)
            ],
            "usage": usage,
        }
        self._emit(
            {"event": "message_end", "id": self._ids.message_id, "metadata": metadata, "files": []}
        )

    def _thought(
        self,
        thought_id: str,
        position: int,
        *,
        thought: str = "",
        tool: str = "",
        tool_input: str = "",
        observation: str = "",
        files: list[str] | None = None,
    ) -> None:
        self._emit(
            {
                "event": "agent_thought",
                "id": thought_id,
                "position": position,
                "thought": thought,
                "observation": observation,
                "tool": tool,
                "tool_labels": {tool: {"en_US": "Health library"}} if tool else {},
                "tool_input": tool_input,
                "message_files": files or [],
            }
        )

    def _workflow(self, event: str, data: dict[str, Any]) -> None:
        self._emit({"event": event, "workflow_run_id": self._run_id, "data": data})

    def _workflow_finished(self, status: str, error: str | None) -> None:
        self._workflow(
            "workflow_finished",
            {
                "id": self._run_id,
                "workflow_id": "demo-workflow",
                "status": status,
                "outputs": {},
                "error": error,
                "elapsed_time": 0.5,
                "total_tokens": 0,
                "total_steps": 3,
                "created_at": self._ids.created_at,
                "finished_at": self._ids.created_at,
                "exceptions_count": 0,
                "files": [],
            },
        )

    def _node_started(self, node_type: str, title: str) -> str:
        node_id = f"{node_type}-{uuid.uuid4().hex[:8]}"
        self._workflow("node_started", self._node_data(node_type, title, node_id))
        return node_id

    def _node_finished(
        self, node_type: str, title: str, node_id: str, error: str | None = None
    ) -> None:
        data = self._node_data(node_type, title, node_id)
        data.update(status="failed" if error else "succeeded", error=error, elapsed_time=0.1)
        self._workflow("node_finished", data)

    def _simple_node(self, node_type: str, title: str) -> None:
        self._node_finished(node_type, title, self._node_started(node_type, title))

    def _node_data(self, node_type: str, title: str, node_id: str) -> dict[str, Any]:
        return {
            "id": str(uuid.uuid4()),
            "node_id": node_id,
            "node_type": node_type,
            "title": title,
            "index": 1,
            "predecessor_node_id": None,
            "created_at": self._ids.created_at,
        }

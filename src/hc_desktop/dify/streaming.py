"""Reading one ``POST /chat-messages`` stream: framing, watchdog and end-of-stream rules.

httpx-sse does the framing (it splits lines on CR/LF only, so a raw U+2028 inside the JSON
is safe, and it decodes UTF-8 incrementally). This module adds what Dify needs on top:
pings do not count as progress, a stream must end with a terminal event, and a stream that
stops making progress is abandoned rather than waited on forever.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import AsyncExitStack, aclosing
import json
import logging
from typing import TYPE_CHECKING, Any

from hc_desktop.dify.errors import (
    INVALID_STREAM,
    STREAM_INCOMPLETE,
    STREAM_STALLED,
    UNEXPECTED_RESPONSE,
    WORKFLOW_FAILED,
    DifyError,
    error_from_transport,
    raise_for_response,
)
from hc_desktop.dify.events import (
    AnswerDelta,
    AnswerEnd,
    StreamErrorEvent,
    StreamEvent,
    WorkflowProgress,
    parse_event,
)

if TYPE_CHECKING:  # httpx and httpx-sse load with the first request
    import httpx
    from httpx_sse import EventSource, ServerSentEvent

log = logging.getLogger("hc_desktop.dify")

_FINISHED_WORKFLOW_STATES = frozenset({"succeeded", "partial-succeeded", "stopped"})


class _EndOfStreamError(Exception):
    """Internal marker: the body ended cleanly."""


class _StreamState:
    """What the reader has seen so far, for the end-of-stream decision and the log line."""

    def __init__(self) -> None:
        self.terminal = False
        self.deltas = 0
        self.task_id = ""
        self.message_id = ""


async def stream_chat_events(
    http: httpx.AsyncClient,
    url: str,
    *,
    body: dict[str, Any],
    headers: dict[str, str],
    http_timeouts: httpx.Timeout,
    stall_timeout: float,
) -> AsyncGenerator[StreamEvent, None]:
    """Yield typed events of one chat stream; raise DifyError on every failure."""
    import httpx
    from httpx_sse import aconnect_sse

    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + stall_timeout
    state = _StreamState()
    async with AsyncExitStack() as stack:
        try:
            async with asyncio.timeout_at(deadline):
                source = await stack.enter_async_context(
                    aconnect_sse(
                        http, "POST", url, json=body, headers=dict(headers), timeout=http_timeouts
                    )
                )
                await raise_for_response(source.response)
        except TimeoutError:
            raise DifyError(STREAM_STALLED, "no response before the stall timeout") from None
        except httpx.TransportError as exc:
            raise error_from_transport(exc) from None
        frames = _open_frames(source)
        stack.push_async_callback(frames.aclose)

        while True:
            try:
                frame = await _next_frame(frames, deadline, state)
            except _EndOfStreamError:
                break
            if frame.event == "ping" or not frame.data:
                continue
            deadline = loop.time() + stall_timeout
            event = _decode(frame.data)
            if isinstance(event, StreamErrorEvent):
                log.info("chat stream error event status=%s code=%s", event.status, event.code)
                raise DifyError(event.code, event.message, status=event.status)
            _note(state, event)
            yield event
        if not state.terminal:
            log.info("chat stream ended without a terminal event task=%s", state.task_id)
            raise DifyError(STREAM_INCOMPLETE, "the stream ended without a terminal event")
    log.info(
        "chat stream done task=%s message=%s deltas=%d seconds=%.2f",
        state.task_id,
        state.message_id,
        state.deltas,
        loop.time() - started,
    )


async def _open_frames(source: EventSource) -> AsyncGenerator[ServerSentEvent, None]:
    """The SSE frames, with a content-type mismatch reported as a Dify error."""
    from httpx_sse import SSEError

    try:
        async with aclosing(source.aiter_sse()) as frames:
            async for frame in frames:
                yield frame
    except SSEError:
        raise DifyError(UNEXPECTED_RESPONSE, "the response is not an event stream") from None


async def _next_frame(
    frames: AsyncIterator[ServerSentEvent], deadline: float, state: _StreamState
) -> ServerSentEvent:
    """The next frame before ``deadline``; after a terminal event, trouble just ends the read."""
    import httpx

    try:
        async with asyncio.timeout_at(deadline):
            return await anext(frames)
    except StopAsyncIteration:
        raise _EndOfStreamError from None
    except TimeoutError:
        if state.terminal:
            raise _EndOfStreamError from None
        log.info("chat stream stalled task=%s", state.task_id)
        raise DifyError(STREAM_STALLED, "no progress before the stall timeout") from None
    except httpx.TransportError as exc:
        if state.terminal:
            raise _EndOfStreamError from None
        log.info("chat stream broken task=%s error=%s", state.task_id, type(exc).__name__)
        if isinstance(exc, httpx.TimeoutException):
            raise error_from_transport(exc) from None
        raise DifyError(STREAM_INCOMPLETE, type(exc).__name__) from None


def _decode(data: str) -> StreamEvent | StreamErrorEvent:
    try:
        payload = json.loads(data)
    except ValueError:
        raise DifyError(INVALID_STREAM, "a frame did not hold valid JSON") from None
    if not isinstance(payload, dict):
        raise DifyError(INVALID_STREAM, "a frame did not hold a JSON object")
    return parse_event(payload)


def _note(state: _StreamState, event: StreamEvent) -> None:
    """Track ids and terminal events; a failed chatflow run becomes an error."""
    task_id = getattr(event, "task_id", "")
    if task_id and not state.task_id:
        state.task_id = task_id
    if isinstance(event, AnswerDelta):
        state.deltas += 1
        state.message_id = state.message_id or event.message_id
    elif isinstance(event, AnswerEnd):
        state.terminal = True
        state.message_id = event.message_id or state.message_id
    elif isinstance(event, WorkflowProgress):
        if event.event == "workflow_finished":
            if event.status == "failed":
                log.info("chatflow run failed task=%s", state.task_id)
                raise DifyError(WORKFLOW_FAILED, event.error or "")
            if event.status in _FINISHED_WORKFLOW_STATES:
                state.terminal = True
        elif event.event == "workflow_paused":
            state.terminal = True

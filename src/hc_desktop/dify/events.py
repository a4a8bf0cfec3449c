"""Typed events of a Dify chat stream, and the mapping from the wire JSON to them.

Dispatch is on the JSON ``event`` field. Every field is read defensively: new Dify versions add
events and fields, and older ones leave some out, so missing values fall back to empty ones and
unknown events become :class:`UnknownEvent` instead of errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WORKFLOW_EVENTS = frozenset(
    {
        "workflow_started",
        "workflow_finished",
        "workflow_paused",
        "node_started",
        "node_finished",
        "node_retry",
        "iteration_started",
        "iteration_next",
        "iteration_completed",
        "loop_started",
        "loop_next",
        "loop_completed",
        "agent_log",
        "human_input_required",
    }
)


@dataclass(frozen=True, slots=True)
class AnswerDelta:
    """A piece of answer text to append (``message``, ``agent_message``)."""

    text: str
    message_id: str
    conversation_id: str
    task_id: str


@dataclass(frozen=True, slots=True)
class AnswerReplaced:
    """The whole answer so far is replaced (output moderation)."""

    text: str
    message_id: str
    conversation_id: str
    task_id: str


@dataclass(frozen=True, slots=True)
class AnswerEnd:
    """The turn is complete; ``usage`` and citations come from ``metadata``."""

    message_id: str
    conversation_id: str
    task_id: str
    usage: dict[str, Any] | None
    retriever_resources: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class MessageFile:
    """A file attached to the answer (tool output or model-generated)."""

    id: str
    type: str
    url: str
    belongs_to: str
    message_id: str
    conversation_id: str
    task_id: str


@dataclass(frozen=True, slots=True)
class AgentThought:
    """One agent step; the same ``id`` is re-sent as it fills in, so callers upsert by id."""

    id: str
    position: int
    thought: str
    tool: str
    tool_input: str
    observation: str
    message_files: tuple[str, ...]
    message_id: str
    conversation_id: str
    task_id: str


@dataclass(frozen=True, slots=True)
class WorkflowProgress:
    """A chatflow run/node event, reduced to what a progress line needs."""

    event: str
    workflow_run_id: str
    status: str | None
    error: str | None
    node_type: str | None
    title: str | None
    message_id: str
    conversation_id: str
    task_id: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class TtsAudio:
    """A base64 MP3 fragment (``tts_message``) or the end marker (``tts_message_end``)."""

    audio_base64: str
    final: bool
    message_id: str
    task_id: str


@dataclass(frozen=True, slots=True)
class StreamErrorEvent:
    """An in-stream ``error`` frame; the client turns it into a DifyError."""

    status: int | None
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class UnknownEvent:
    """Any event this client does not model yet (kept so callers may log its name)."""

    name: str
    data: dict[str, Any] = field(compare=False, repr=False)


StreamEvent = (
    AnswerDelta
    | AnswerReplaced
    | AnswerEnd
    | MessageFile
    | AgentThought
    | WorkflowProgress
    | TtsAudio
    | UnknownEvent
)


def _text(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    return value if isinstance(value, str) else ""


def _optional_text(payload: dict[str, Any], key: str) -> str | None:
    value = payload.get(key)
    return value if isinstance(value, str) else None


def _mapping(payload: dict[str, Any], key: str) -> dict[str, Any]:
    value = payload.get(key)
    return value if isinstance(value, dict) else {}


def _dict_list(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _int(value: Any, default: int = 0) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return default


def parse_event(payload: dict[str, Any]) -> StreamEvent | StreamErrorEvent:
    """Turn one decoded JSON frame into a typed event."""
    name = _text(payload, "event")
    message_id = _text(payload, "message_id") or _text(payload, "id")
    conversation_id = _text(payload, "conversation_id")
    task_id = _text(payload, "task_id")

    if name in ("message", "agent_message") or (name == "message_file" and "answer" in payload):
        # A chat app that already produced a file sends later text as "message_file".
        return AnswerDelta(_text(payload, "answer"), message_id, conversation_id, task_id)
    if name == "message_replace":
        return AnswerReplaced(_text(payload, "answer"), message_id, conversation_id, task_id)
    if name == "message_end":
        metadata = _mapping(payload, "metadata")
        usage = metadata.get("usage")
        return AnswerEnd(
            message_id=message_id,
            conversation_id=conversation_id,
            task_id=task_id,
            usage=usage if isinstance(usage, dict) else None,
            retriever_resources=_dict_list(metadata.get("retriever_resources")),
        )
    if name == "message_file":
        return MessageFile(
            id=_text(payload, "id"),
            type=_text(payload, "type"),
            url=_text(payload, "url"),
            belongs_to=_text(payload, "belongs_to"),
            message_id=_text(payload, "message_id"),
            conversation_id=conversation_id,
            task_id=task_id,
        )
    if name == "agent_thought":
        files = payload.get("message_files")
        return AgentThought(
            id=_text(payload, "id"),
            position=_int(payload.get("position")),
            thought=_text(payload, "thought"),
            tool=_text(payload, "tool"),
            tool_input=_text(payload, "tool_input"),
            observation=_text(payload, "observation"),
            message_files=tuple(f for f in files if isinstance(f, str))
            if isinstance(files, list)
            else (),
            message_id=_text(payload, "message_id"),
            conversation_id=conversation_id,
            task_id=task_id,
        )
    if name in WORKFLOW_EVENTS:
        data = _mapping(payload, "data")
        return WorkflowProgress(
            event=name,
            workflow_run_id=_text(payload, "workflow_run_id") or _text(data, "workflow_run_id"),
            status=_optional_text(data, "status"),
            error=_optional_text(data, "error"),
            node_type=_optional_text(data, "node_type"),
            title=_optional_text(data, "title"),
            message_id=message_id,
            conversation_id=conversation_id,
            task_id=task_id,
            data=data,
        )
    if name in ("tts_message", "tts_message_end"):
        return TtsAudio(
            audio_base64=_text(payload, "audio"),
            final=name == "tts_message_end",
            message_id=message_id,
            task_id=task_id,
        )
    if name == "error":
        status = payload.get("status")
        return StreamErrorEvent(
            status=_int(status) if isinstance(status, int | float) else None,
            code=_text(payload, "code") or "internal_server_error",
            message=_text(payload, "message"),
        )
    return UnknownEvent(name, payload)

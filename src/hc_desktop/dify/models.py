"""Results of Dify's non-streaming endpoints, parsed leniently from their JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hc_desktop.dify.errors import UNEXPECTED_RESPONSE, DifyError
from hc_desktop.dify.features import (
    FileUploadSettings,
    TextToSpeechSettings,
    UploadSizeLimits,
    parse_file_upload,
    parse_size_limits,
    parse_speech_to_text,
    parse_text_to_speech,
)


@dataclass(frozen=True, slots=True)
class HistoryMessage:
    """One stored turn: the user's query and the assistant's answer."""

    id: str
    conversation_id: str
    query: str
    answer: str
    created_at: int
    feedback_rating: str | None
    retriever_resources: list[dict[str, Any]]
    status: str = "normal"


@dataclass(frozen=True, slots=True)
class MessagePage:
    """A page of history, oldest to newest; ``has_more`` means older turns exist."""

    items: list[HistoryMessage]
    has_more: bool


@dataclass(frozen=True, slots=True)
class Conversation:
    """A conversation as listed by Dify (timestamps in Unix seconds)."""

    id: str
    name: str
    created_at: int
    updated_at: int


@dataclass(frozen=True, slots=True)
class ConversationPage:
    """A page of conversations, most recently updated first."""

    items: list[Conversation]
    has_more: bool


@dataclass(frozen=True, slots=True)
class AppParameters:
    """The app's opening statement, starter questions and the attachment and voice
    switches; ``raw`` keeps everything else."""

    opening_statement: str
    suggested_questions: list[str]
    suggested_questions_after_answer_enabled: bool
    raw: dict[str, Any] = field(compare=False, repr=False)
    file_upload: FileUploadSettings = field(default_factory=FileUploadSettings)
    upload_limits: UploadSizeLimits = field(default_factory=UploadSizeLimits)
    speech_to_text_enabled: bool = False
    text_to_speech: TextToSpeechSettings = field(default_factory=TextToSpeechSettings)


def expect_object(body: Any) -> dict[str, Any]:
    """The body as a JSON object, or the error Dify clients raise for anything else."""
    if not isinstance(body, dict):
        raise DifyError(UNEXPECTED_RESPONSE, "expected a JSON object")
    return body


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _int(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int | float):
        return int(value)
    return 0


def _items(body: dict[str, Any]) -> list[dict[str, Any]]:
    data = body.get("data")
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, dict)]


def parse_history_message(item: dict[str, Any]) -> HistoryMessage:
    feedback = item.get("feedback")
    rating = feedback.get("rating") if isinstance(feedback, dict) else None
    resources = item.get("retriever_resources")
    return HistoryMessage(
        id=_str(item.get("id")),
        conversation_id=_str(item.get("conversation_id")),
        query=_str(item.get("query")),
        answer=_str(item.get("answer")),
        created_at=_int(item.get("created_at")),
        feedback_rating=rating if isinstance(rating, str) else None,
        retriever_resources=[r for r in resources if isinstance(r, dict)]
        if isinstance(resources, list)
        else [],
        status=_str(item.get("status")) or "normal",
    )


def parse_message_page(body: Any) -> MessagePage:
    page = expect_object(body)
    items = [parse_history_message(item) for item in _items(page)]
    # Dify returns each page oldest-first, but sorting keeps older servers honest too.
    items.sort(key=lambda message: message.created_at)
    return MessagePage(items=items, has_more=page.get("has_more") is True)


def parse_conversation(item: Any) -> Conversation:
    obj = expect_object(item)
    return Conversation(
        id=_str(obj.get("id")),
        name=_str(obj.get("name")),
        created_at=_int(obj.get("created_at")),
        updated_at=_int(obj.get("updated_at")),
    )


def parse_conversation_page(body: Any) -> ConversationPage:
    page = expect_object(body)
    return ConversationPage(
        items=[parse_conversation(item) for item in _items(page)],
        has_more=page.get("has_more") is True,
    )


def parse_parameters(body: Any) -> AppParameters:
    params = expect_object(body)
    questions = params.get("suggested_questions")
    after_answer = params.get("suggested_questions_after_answer")
    return AppParameters(
        opening_statement=_str(params.get("opening_statement")),
        suggested_questions=[q for q in questions if isinstance(q, str)]
        if isinstance(questions, list)
        else [],
        suggested_questions_after_answer_enabled=isinstance(after_answer, dict)
        and after_answer.get("enabled") is True,
        raw=params,
        file_upload=parse_file_upload(params.get("file_upload")),
        upload_limits=parse_size_limits(params.get("system_parameters")),
        speech_to_text_enabled=parse_speech_to_text(params.get("speech_to_text")),
        text_to_speech=parse_text_to_speech(params.get("text_to_speech")),
    )


def parse_suggestions(body: Any) -> list[str]:
    data = expect_object(body).get("data")
    if not isinstance(data, list):
        return []
    return [q for q in data if isinstance(q, str)]

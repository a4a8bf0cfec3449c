"""Bookkeeping for one question and its streamed answer.

Kept apart from the Qt model so an answer that is still streaming when the user switches
threads keeps growing in its own turn and is shown again, intact, when they come back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hc_desktop.controller.message_model import ChatMessage, MessageState, Role


@dataclass(slots=True)
class ChatTurn:
    """A question, its answer so far, and the Dify ids learnt from the stream."""

    view_key: str
    question: ChatMessage
    answer: ChatMessage
    conversation_id: str | None
    task_id: str | None = None
    chunks: list[str] = field(default_factory=list)
    stop_requested: bool = False
    files: list[dict[str, str]] = field(default_factory=list)
    """Uploaded attachments sent with the question (again on retry)."""

    @classmethod
    def begin(cls, view_key: str, text: str, conversation_id: str | None) -> ChatTurn:
        return cls(
            view_key=view_key,
            question=ChatMessage.new(Role.USER, text),
            answer=ChatMessage.new(Role.ASSISTANT, "", state=MessageState.SENDING),
            conversation_id=conversation_id,
        )

    @property
    def answer_text(self) -> str:
        """The answer so far; chunks are joined lazily to keep appends O(1)."""
        if len(self.chunks) > 1:
            self.chunks[:] = ["".join(self.chunks)]
        return self.chunks[0] if self.chunks else ""

    def append(self, text: str) -> None:
        self.chunks.append(text)

    def replace(self, text: str) -> None:
        self.chunks[:] = [text]

"""The open conversation as a Qt model: one row per user question or assistant answer.

Streaming changes only the last row (``dataChanged`` for that one row), and older history
is prepended page by page, so a long conversation is never re-rendered as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum
import itertools
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_Index = QModelIndex | QPersistentModelIndex
_ids = itertools.count(1)


class Role(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"


class MessageState(StrEnum):
    COMPLETE = "complete"
    SENDING = "sending"
    STREAMING = "streaming"
    INTERRUPTED = "interrupted"
    """The stream failed part-way: the partial answer stays and Retry is offered."""
    STOPPED = "stopped"
    """The user pressed Stop: the partial answer stays, marked stopped."""
    FAILED = "failed"
    """Nothing arrived; the question can be sent again."""


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One bubble of the conversation."""

    local_id: int
    role: Role
    text: str
    state: MessageState = MessageState.COMPLETE
    message_id: str | None = None
    error: str | None = None
    feedback: str | None = None
    """The user's rating of an answer: "like", "dislike" or None."""
    sources: tuple[str, ...] = ()
    """Documents the answer cites (Dify's retriever resources)."""
    attachments: tuple[str, ...] = ()
    """Names of the files sent with a question."""

    @classmethod
    def new(cls, role: Role, text: str, **kwargs: Any) -> ChatMessage:
        return cls(next(_ids), role, text, **kwargs)


class MessageRoles(IntEnum):
    Role = Qt.ItemDataRole.UserRole + 1
    State = Qt.ItemDataRole.UserRole + 2
    Error = Qt.ItemDataRole.UserRole + 3
    LocalId = Qt.ItemDataRole.UserRole + 4
    Message = Qt.ItemDataRole.UserRole + 5
    Feedback = Qt.ItemDataRole.UserRole + 6
    Sources = Qt.ItemDataRole.UserRole + 7


class MessageListModel(QAbstractListModel):
    """Messages of the open thread, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages: list[ChatMessage] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._messages):
            return None
        message = self._messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return message.text
        if role == MessageRoles.Role:
            return message.role.value
        if role == MessageRoles.State:
            return message.state.value
        if role == MessageRoles.Error:
            return message.error
        if role == MessageRoles.LocalId:
            return message.local_id
        if role == MessageRoles.Message:
            return message
        if role == MessageRoles.Feedback:
            return message.feedback
        if role == MessageRoles.Sources:
            return list(message.sources)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update({int(role): QByteArray(role.name.encode()) for role in MessageRoles})
        return names

    @property
    def messages(self) -> tuple[ChatMessage, ...]:
        return tuple(self._messages)

    def message_at(self, row: int) -> ChatMessage | None:
        return self._messages[row] if 0 <= row < len(self._messages) else None

    def row_of(self, local_id: int) -> int:
        """Row of a message; searches from the end, where the live messages are."""
        for row in range(len(self._messages) - 1, -1, -1):
            if self._messages[row].local_id == local_id:
                return row
        return -1

    def reset(self, messages: list[ChatMessage]) -> None:
        self.beginResetModel()
        self._messages = list(messages)
        self.endResetModel()

    def append(self, message: ChatMessage) -> None:
        row = len(self._messages)
        self.beginInsertRows(QModelIndex(), row, row)
        self._messages.append(message)
        self.endInsertRows()

    def prepend(self, messages: list[ChatMessage]) -> None:
        """Insert an older page of history above what is shown."""
        if not messages:
            return
        self.beginInsertRows(QModelIndex(), 0, len(messages) - 1)
        self._messages[0:0] = messages
        self.endInsertRows()

    def update(self, local_id: int, **changes: Any) -> ChatMessage | None:
        """Change fields of one message and notify only that row."""
        row = self.row_of(local_id)
        if row < 0:
            return None
        message = replace(self._messages[row], **changes)
        self._messages[row] = message
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return message

    def remove(self, local_id: int) -> None:
        row = self.row_of(local_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._messages[row]
        self.endRemoveRows()

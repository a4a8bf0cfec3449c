"""Dify Service API client: streamed chat, history, conversations and feedback."""

from hc_desktop.dify.client import (
    DEFAULT_STALL_TIMEOUT,
    DEFAULT_TIMEOUTS,
    DifyClient,
    Rating,
)
from hc_desktop.dify.errors import DifyError
from hc_desktop.dify.events import (
    AgentThought,
    AnswerDelta,
    AnswerEnd,
    AnswerReplaced,
    MessageFile,
    StreamEvent,
    TtsAudio,
    UnknownEvent,
    WorkflowProgress,
)
from hc_desktop.dify.models import (
    AppParameters,
    Conversation,
    ConversationPage,
    HistoryMessage,
    MessagePage,
)

__all__ = [
    "DEFAULT_STALL_TIMEOUT",
    "DEFAULT_TIMEOUTS",
    "AgentThought",
    "AnswerDelta",
    "AnswerEnd",
    "AnswerReplaced",
    "AppParameters",
    "Conversation",
    "ConversationPage",
    "DifyClient",
    "DifyError",
    "HistoryMessage",
    "MessageFile",
    "MessagePage",
    "Rating",
    "StreamEvent",
    "TtsAudio",
    "UnknownEvent",
    "WorkflowProgress",
]

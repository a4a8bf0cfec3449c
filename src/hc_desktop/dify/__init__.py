"""Dify Service API client: streamed chat, history, conversations and feedback."""

from typing import TYPE_CHECKING

from hc_desktop.lazy import lazy_exports

if TYPE_CHECKING:
    from hc_desktop.dify.client import (
        DEFAULT_STALL_TIMEOUT,
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
    from hc_desktop.dify.features import (
        FileUploadSettings,
        TextToSpeechSettings,
        UploadSizeLimits,
        file_kind,
    )
    from hc_desktop.dify.files import SpeechAudio, UploadedFile
    from hc_desktop.dify.models import (
        AppParameters,
        Conversation,
        ConversationPage,
        HistoryMessage,
        MessagePage,
    )

__all__ = [
    "DEFAULT_STALL_TIMEOUT",
    "AgentThought",
    "AnswerDelta",
    "AnswerEnd",
    "AnswerReplaced",
    "AppParameters",
    "Conversation",
    "ConversationPage",
    "DifyClient",
    "DifyError",
    "FileUploadSettings",
    "HistoryMessage",
    "MessageFile",
    "MessagePage",
    "Rating",
    "SpeechAudio",
    "StreamEvent",
    "TextToSpeechSettings",
    "TtsAudio",
    "UnknownEvent",
    "UploadSizeLimits",
    "UploadedFile",
    "WorkflowProgress",
    "file_kind",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "DEFAULT_STALL_TIMEOUT": "hc_desktop.dify.client",
        "DifyClient": "hc_desktop.dify.client",
        "Rating": "hc_desktop.dify.client",
        "DifyError": "hc_desktop.dify.errors",
        "AgentThought": "hc_desktop.dify.events",
        "AnswerDelta": "hc_desktop.dify.events",
        "AnswerEnd": "hc_desktop.dify.events",
        "AnswerReplaced": "hc_desktop.dify.events",
        "MessageFile": "hc_desktop.dify.events",
        "StreamEvent": "hc_desktop.dify.events",
        "TtsAudio": "hc_desktop.dify.events",
        "UnknownEvent": "hc_desktop.dify.events",
        "WorkflowProgress": "hc_desktop.dify.events",
        "AppParameters": "hc_desktop.dify.models",
        "Conversation": "hc_desktop.dify.models",
        "ConversationPage": "hc_desktop.dify.models",
        "HistoryMessage": "hc_desktop.dify.models",
        "MessagePage": "hc_desktop.dify.models",
        "FileUploadSettings": "hc_desktop.dify.features",
        "TextToSpeechSettings": "hc_desktop.dify.features",
        "UploadSizeLimits": "hc_desktop.dify.features",
        "SpeechAudio": "hc_desktop.dify.files",
        "UploadedFile": "hc_desktop.dify.files",
        "file_kind": "hc_desktop.dify.features",
    },
)

"""One error type for every way a Dify call can fail.

The caller needs three things: a stable ``code`` to branch on, whether trying again can help
(``retryable``), and a sentence it can show in the window (``user_message``). Dify's own
``message`` is kept as an attribute for diagnostics but never becomes the exception text,
because provider messages can echo request content.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from hc_desktop.core.errors import UserFacingError
from hc_desktop.core.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import httpx

# Codes this client invents for failures Dify itself has no code for.
NETWORK_ERROR = "network_error"
TIMEOUT = "timeout"
STREAM_STALLED = "stream_stalled"
STREAM_INCOMPLETE = "stream_incomplete"
WORKFLOW_FAILED = "workflow_failed"
NON_JSON_ERROR = "non_json_error"
INVALID_STREAM = "invalid_stream"
UNEXPECTED_RESPONSE = "unexpected_response"

_ALWAYS_RETRYABLE = frozenset(
    {"too_many_requests", NETWORK_ERROR, TIMEOUT, STREAM_STALLED, STREAM_INCOMPLETE}
)
_NEVER_RETRYABLE = frozenset({"rate_limit_error"})
_MODEL_PROBLEMS = frozenset(
    {
        "provider_not_initialize",
        "provider_quota_exceeded",
        "model_currently_not_support",
        "completion_request_error",
    }
)

_ERROR_BODY_LIMIT = 64 * 1024


class DifyError(UserFacingError):
    """A failed Dify request or stream.

    ``status`` is the HTTP status (or the ``status`` of an in-stream ``error`` event, or None
    when no response arrived); ``code`` is Dify's code or one of this module's own codes.
    """

    def __init__(
        self,
        code: str,
        message: str = "",
        *,
        status: int | None = None,
        retryable: bool | None = None,
    ) -> None:
        decided = _is_retryable(code, status) if retryable is None else retryable
        super().__init__(_user_message(code, status), retryable=decided)
        self.code = code
        self.message = message
        self.status = status

    def __str__(self) -> str:
        status = "-" if self.status is None else str(self.status)
        return f"Dify request failed ({status} {self.code}): {self.user_message}"

    def __repr__(self) -> str:
        return f"DifyError(status={self.status!r}, code={self.code!r})"

    @property
    def log_text(self) -> str:
        """Status and code only: Dify's message may quote the user's text."""
        return f"DifyError status={self.status} code={self.code} retryable={self.retryable}"


def _is_retryable(code: str, status: int | None) -> bool:
    if code in _NEVER_RETRYABLE:
        return False
    if code in _ALWAYS_RETRYABLE:
        return True
    return status is not None and status >= 500


def _user_message(code: str, status: int | None) -> str:
    """A plain-language sentence for the window; never includes server text."""
    if code == "rate_limit_error":
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "The assistant service has reached its usage limit. Please try again later "
            "or contact your administrator.",
        )
    if code == "too_many_requests" or status == 429:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "The assistant is busy right now. Please wait a moment and try again.",
        )
    if code == NETWORK_ERROR:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "Could not reach the assistant service. Check your internet connection and try again.",
        )
    if code == TIMEOUT:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages", "The assistant service took too long to respond. Please try again."
        )
    if code == STREAM_STALLED:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages", "The assistant stopped responding. Please try again."
        )
    if code == STREAM_INCOMPLETE:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages", "The answer was cut off before it finished. Please try again."
        )
    if code == WORKFLOW_FAILED:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages", "The assistant could not finish this answer. Please try again."
        )
    if code in _MODEL_PROBLEMS:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "The assistant's language model is unavailable right now. Please try again later.",
        )
    if status == 401 or code == "unauthorized":
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "The assistant service rejected the app key. Ask your administrator to check "
            "the Dify app key in the settings.",
        )
    if status == 403:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages", "The assistant app is disabled or not available to this application."
        )
    if status == 404:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "This conversation or message no longer exists on the assistant service. "
            "It may have been deleted.",
        )
    if status is not None and status >= 500:
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "The assistant service is having problems right now. Please try again shortly.",
        )
    if code in (INVALID_STREAM, UNEXPECTED_RESPONSE, NON_JSON_ERROR):
        return QT_TRANSLATE_NOOP(
            "ServiceMessages",
            "The assistant service sent a response this app could not understand.",
        )
    return QT_TRANSLATE_NOOP(
        "ServiceMessages", "The assistant service could not handle this request."
    )


def error_from_body(status: int, content_type: str, body: bytes) -> DifyError:
    """Build the error for an HTTP error response from its (already read) body."""
    parsed: Any = None
    if "json" in content_type.lower():
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
    if isinstance(parsed, dict) and isinstance(parsed.get("code"), str):
        message = parsed.get("message")
        return DifyError(
            parsed["code"],
            message if isinstance(message, str) else "",
            status=status,
        )
    kind = content_type.partition(";")[0].strip() or "no content type"
    return DifyError(
        NON_JSON_ERROR,
        f"HTTP {status} with a body that is not a Dify error ({kind}, {len(body)} bytes)",
        status=status,
    )


async def raise_for_response(response: httpx.Response) -> None:
    """Raise the matching DifyError when ``response`` is an HTTP error (body read bounded)."""
    if response.status_code < 400:
        return
    collected = bytearray()
    async for piece in response.aiter_bytes():
        collected += piece
        if len(collected) >= _ERROR_BODY_LIMIT:
            break
    raise error_from_body(
        response.status_code, response.headers.get("content-type", ""), bytes(collected)
    )


def error_from_transport(exc: httpx.TransportError) -> DifyError:
    """Map an httpx transport failure (no usable response) to a DifyError."""
    import httpx  # already loaded by whoever made the request

    if isinstance(exc, httpx.TimeoutException):
        return DifyError(TIMEOUT, type(exc).__name__)
    return DifyError(NETWORK_ERROR, type(exc).__name__)

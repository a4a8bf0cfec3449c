"""Auth failures as one exception type keyed on GoTrue's string error code.

GoTrue answers in three body shapes depending on its version and the request headers; the
code decides what the app does (sign out, retry, show a hint), never the status or the text.
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from typing import Any

from hc_desktop.core.errors import UserFacingError
from hc_desktop.core.translatable import QT_TRANSLATE_NOOP

NETWORK_ERROR = "network_error"
UNEXPECTED_FAILURE = "unexpected_failure"
API_KEY_REJECTED = "api_key_rejected"
NOT_SIGNED_IN = "not_signed_in"
SIGNED_OUT = "signed_out"
LOCK_TIMEOUT = "lock_timeout"

#: Codes after which the stored session can never be used again.
TERMINAL_CODES = frozenset(
    {
        "refresh_token_not_found",
        "refresh_token_already_used",
        "session_not_found",
        "session_expired",
        "user_banned",
        "user_not_found",
    }
)

_TRANSIENT_CODES = frozenset({NETWORK_ERROR, LOCK_TIMEOUT, "conflict", "over_request_rate_limit"})

_WEAK_PASSWORD_REASONS = {
    "length": QT_TRANSLATE_NOOP("ServiceMessages", "it is too short"),
    "characters": QT_TRANSLATE_NOOP(
        "ServiceMessages", "it needs a mix of letters, digits and symbols"
    ),
    "pwned": QT_TRANSLATE_NOOP("ServiceMessages", "it has appeared in a known data breach"),
}

_USER_MESSAGES = {
    "invalid_credentials": QT_TRANSLATE_NOOP(
        "ServiceMessages", "The email address or password is not correct."
    ),
    "email_not_confirmed": QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "Please confirm your email address first: open the link in the email we sent you.",
    ),
    "phone_not_confirmed": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Please confirm your phone number first."
    ),
    "user_banned": QT_TRANSLATE_NOOP(
        "ServiceMessages", "This account has been blocked. Please contact support."
    ),
    "user_not_found": QT_TRANSLATE_NOOP(
        "ServiceMessages", "This account no longer exists. Please sign in again."
    ),
    "over_request_rate_limit": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Too many attempts. Please wait a minute and try again."
    ),
    "over_email_send_rate_limit": QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "Too many emails were requested. Please wait a little before asking for another one.",
    ),
    "weak_password": QT_TRANSLATE_NOOP("ServiceMessages", "Please choose a stronger password."),
    "user_already_exists": QT_TRANSLATE_NOOP(
        "ServiceMessages", "An account with this email address already exists. Please sign in."
    ),
    "email_exists": QT_TRANSLATE_NOOP(
        "ServiceMessages", "An account with this email address already exists."
    ),
    "signup_disabled": QT_TRANSLATE_NOOP(
        "ServiceMessages", "New accounts cannot be created at the moment."
    ),
    "email_provider_disabled": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Signing in with email is turned off for this service."
    ),
    "email_address_invalid": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Please enter a valid email address."
    ),
    "email_address_not_authorized": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Emails cannot be sent to this address."
    ),
    "validation_failed": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Some of the details entered are not valid."
    ),
    "refresh_token_not_found": QT_TRANSLATE_NOOP(
        "ServiceMessages", "You have been signed out. Please sign in again."
    ),
    "refresh_token_already_used": QT_TRANSLATE_NOOP(
        "ServiceMessages", "You have been signed out for your security. Please sign in again."
    ),
    "session_not_found": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Your session has ended. Please sign in again."
    ),
    "session_expired": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Your session has expired. Please sign in again."
    ),
    "bad_jwt": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Your session needs to be renewed. Please try again."
    ),
    "insufficient_aal": QT_TRANSLATE_NOOP(
        "ServiceMessages", "Please confirm your identity with your second factor."
    ),
    "mfa_verification_failed": QT_TRANSLATE_NOOP(
        "ServiceMessages", "The verification code is not correct."
    ),
    "mfa_challenge_expired": QT_TRANSLATE_NOOP(
        "ServiceMessages", "The verification code has expired. Please try again."
    ),
    "conflict": QT_TRANSLATE_NOOP("ServiceMessages", "The server is busy. Trying again shortly."),
    "request_timeout": QT_TRANSLATE_NOOP(
        "ServiceMessages", "The sign-in service took too long to answer. Trying again shortly."
    ),
    NETWORK_ERROR: QT_TRANSLATE_NOOP(
        "ServiceMessages", "The sign-in service cannot be reached. Check your internet connection."
    ),
    UNEXPECTED_FAILURE: QT_TRANSLATE_NOOP(
        "ServiceMessages", "The sign-in service had a problem. Please try again shortly."
    ),
    API_KEY_REJECTED: QT_TRANSLATE_NOOP(
        "ServiceMessages", "This app is not set up correctly for the sign-in service."
    ),
    NOT_SIGNED_IN: QT_TRANSLATE_NOOP("ServiceMessages", "You are not signed in."),
    SIGNED_OUT: QT_TRANSLATE_NOOP("ServiceMessages", "You have signed out."),
    LOCK_TIMEOUT: QT_TRANSLATE_NOOP(
        "ServiceMessages", "Another copy of the app is renewing your session. Trying again shortly."
    ),
}

_FALLBACK_MESSAGE = QT_TRANSLATE_NOOP(
    "ServiceMessages", "Signing in did not work. Please try again."
)


class AuthError(UserFacingError):
    """A failed auth call; ``str()`` is the plain-language message, never server text."""

    def __init__(
        self,
        status: int | None,
        code: str,
        message: str = "",
        *,
        reasons: tuple[str, ...] = (),
        terminal: bool | None = None,
        user_message: str | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.reasons = reasons
        self._terminal = code in TERMINAL_CODES if terminal is None else terminal
        super().__init__(
            user_message or user_message_for(code, reasons),
            retryable=not self._terminal and is_transient(code, status),
        )

    @property
    def terminal(self) -> bool:
        """True when the session this error came from is gone for good."""
        return self._terminal

    @property
    def transient(self) -> bool:
        """True when trying again later may succeed (network, 5xx, 409, 429)."""
        return self.retryable

    @property
    def log_text(self) -> str:
        return f"AuthError(status={self.status}, code={self.code})"

    def __repr__(self) -> str:
        return f"AuthError(status={self.status!r}, code={self.code!r})"


class TokenExpired(Exception):
    """Raised by callers of ``SessionManager.run_with_token`` when a server rejects the token."""


def is_transient(code: str, status: int | None) -> bool:
    """Network failures, server errors, lock conflicts and rate limits pass with time."""
    if code in TERMINAL_CODES:
        return False
    if code in _TRANSIENT_CODES:
        return True
    return status is not None and (status >= 500 or status in (408, 409, 429))


def user_message_for(code: str, reasons: tuple[str, ...] = ()) -> str:
    """English text for the window; the controller may translate by code instead."""
    if code == "weak_password" and reasons:
        explained = [_WEAK_PASSWORD_REASONS.get(r, r) for r in reasons]
        return "Please choose a stronger password: " + "; ".join(explained) + "."
    return _USER_MESSAGES.get(code, _FALLBACK_MESSAGE)


def error_from_response(status: int, body: bytes, headers: Mapping[str, str]) -> AuthError:
    """Read any of GoTrue's error shapes (new, legacy, OAuth) or an edge HTML page."""
    payload = _json_object(body)
    header_code = headers.get("x-sb-error-code", "")
    if payload is None:
        code = header_code or _code_for_bare_status(status)
        return AuthError(status, code, "")
    code = _pick_code(payload) or header_code or _code_for_bare_status(status)
    message = _pick_message(payload)
    return AuthError(status, code, message, reasons=_weak_password_reasons(payload))


def _json_object(body: bytes) -> dict[str, Any] | None:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


def _pick_code(payload: Mapping[str, Any]) -> str:
    for key in ("code", "error_code", "error"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def _pick_message(payload: Mapping[str, Any]) -> str:
    for key in ("message", "msg", "error_description", "error"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def _weak_password_reasons(payload: Mapping[str, Any]) -> tuple[str, ...]:
    details = payload.get("weak_password")
    if not isinstance(details, dict):
        return ()
    reasons = details.get("reasons")
    if not isinstance(reasons, list):
        return ()
    return tuple(r for r in reasons if isinstance(r, str))


def _code_for_bare_status(status: int) -> str:
    """A code for bodies that carry none: the API gateway and edge proxies answer so."""
    if status == 401:
        return API_KEY_REJECTED
    if status == 429:
        return "over_request_rate_limit"
    return UNEXPECTED_FAILURE

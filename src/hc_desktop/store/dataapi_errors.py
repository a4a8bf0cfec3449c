"""What a Supabase Data API (PostgREST) answer means for the thread store.

The store may not import ``hc_desktop.auth`` (siblings), so an expired or rejected access
token is its own exception here; the composition root hands the store a ``renew`` callable
that refreshes the session, and the store retries once before raising it. Messages hold
codes and the server's primary message, never tokens or row content.
"""

from __future__ import annotations

from typing import Any

import httpx

from hc_desktop.core.errors import StoreUnavailable, UserFacingError

#: PostgREST's codes for a JWT it will not accept (bad signature, anonymous off, expired).
TOKEN_CODES = frozenset({"PGRST301", "PGRST302", "PGRST303"})


class AccessTokenRejected(StoreUnavailable):
    """The Data API refused the user's access token even after one renewal: sign in again."""

    def __init__(self, code: str) -> None:
        super().__init__("the session is no longer accepted by the server; sign in again")
        self.code = code


class DataApiPermissionDenied(UserFacingError):
    """The server refused the operation for this user (SQLSTATE 42501 or a policy)."""

    def __init__(self, code: str) -> None:
        super().__init__("the server does not allow this account to change that thread")
        self.code = code


class DataApiRejected(UserFacingError):
    """The server rejected the request itself (bad input, a constraint); retrying will not help.

    The sync engine drops an outbox entry that fails this way, as it does for SQL errors
    from the direct connection.
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"the server rejected the change ({code or status}): {message}")
        self.status = status
        self.code = code


def is_token_rejection(response: httpx.Response) -> bool:
    """True for a 401 that names the JWT (as opposed to a wrong ``apikey``)."""
    if response.status_code != 401:
        return False
    return _code(response) in TOKEN_CODES or "invalid_token" in response.headers.get(
        "www-authenticate", ""
    )


def error_for(response: httpx.Response, label: str) -> Exception:
    """The exception for a non-success answer that is not a token rejection."""
    status = response.status_code
    code = _code(response)
    if status == 401:
        return StoreUnavailable(f"{label} refused the API key (check the anon key)")
    if code == "42501" or status == 403:
        return DataApiPermissionDenied(code)
    if code == "PGRST106":
        return StoreUnavailable(
            f"{label} does not expose the health_companion schema (add it to the exposed "
            "schemas in the project's Data API settings)"
        )
    if status in (404,) and code in ("42P01", "PGRST205", "PGRST125", ""):
        return StoreUnavailable(f"{label} has no threads table ({code or status})")
    if status >= 500 or status in (408, 429):
        return StoreUnavailable(f"{label} is not available (HTTP {status})", retryable=True)
    return DataApiRejected(status, code, _message(response))


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _code(response: httpx.Response) -> str:
    code = _body(response).get("code")
    return code if isinstance(code, str) else ""


def _message(response: httpx.Response) -> str:
    message = _body(response).get("message")
    return message[:200] if isinstance(message, str) else f"HTTP {response.status_code}"

"""The signed-in session as an immutable value, built from GoTrue's token response."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
import json
import time
from typing import Any


@dataclass(frozen=True, slots=True)
class Session:
    """Tokens of one signed-in user; the access token lives only in memory."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: int
    user_id: str
    email: str | None = field(default=None, repr=False)
    aal: str | None = None

    def expires_within(self, seconds: float, now: float) -> bool:
        """True when the access token expires less than ``seconds`` after ``now``."""
        return self.expires_at - now <= seconds

    @property
    def session_id(self) -> str | None:
        """GoTrue's session row id from the access token (diagnostics only)."""
        value = jwt_claims(self.access_token).get("session_id")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class SignUpResult:
    """Outcome of a sign-up: a session (autoconfirm) or a confirmation email to follow.

    When the address already belongs to a confirmed account, GoTrue answers as if it had
    sent an email and returns a made-up user with no identities, so nobody learns which
    addresses are registered; ``maybe_existing_account`` flags that case for a gentle hint.
    """

    session: Session | None
    user_id: str | None
    confirmation_sent: bool
    maybe_existing_account: bool = False


def jwt_claims(token: str) -> dict[str, Any]:
    """Decode a JWT's payload without verifying it: only for scheduling and display."""
    parts = token.split(".")
    if len(parts) != 3:
        return {}
    segment = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(segment))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return {}
    return claims if isinstance(claims, dict) else {}


def session_from_response(body: dict[str, Any], *, now: float | None = None) -> Session:
    """Build a :class:`Session` from a grant response; raises ``ValueError`` if incomplete."""
    access_token = body.get("access_token")
    refresh_token = body.get("refresh_token")
    if not isinstance(access_token, str) or not isinstance(refresh_token, str):
        raise ValueError("token response lacks tokens")
    if not access_token or not refresh_token:
        raise ValueError("token response has empty tokens")
    claims = jwt_claims(access_token)
    user = body.get("user")
    user = user if isinstance(user, dict) else {}
    user_id = user.get("id") or claims.get("sub")
    if not isinstance(user_id, str) or not user_id:
        raise ValueError("token response lacks a user id")
    email = user.get("email") or claims.get("email") or None
    aal = claims.get("aal")
    return Session(
        access_token=access_token,
        refresh_token=refresh_token,
        expires_at=_expires_at(body, claims, now),
        user_id=user_id,
        email=email if isinstance(email, str) else None,
        aal=aal if isinstance(aal, str) else None,
    )


def _expires_at(body: dict[str, Any], claims: dict[str, Any], now: float | None) -> int:
    for value in (body.get("expires_at"), claims.get("exp")):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return int(value)
    expires_in = body.get("expires_in")
    if isinstance(expires_in, int | float) and not isinstance(expires_in, bool):
        return int((time.time() if now is None else now) + expires_in)
    raise ValueError("token response lacks an expiry")

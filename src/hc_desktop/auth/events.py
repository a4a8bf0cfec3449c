"""What the session manager tells its listeners; plain values the controller turns into signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hc_desktop.auth.session import Session


@dataclass(frozen=True, slots=True)
class SessionStarted:
    """A user is signed in (password, MFA step-up or a restored session)."""

    session: Session


@dataclass(frozen=True, slots=True)
class SessionRefreshed:
    """New tokens are in place (and already persisted)."""

    session: Session


@dataclass(frozen=True, slots=True)
class SessionEnded:
    """The session is gone; the user must sign in again. Local data stays."""

    reason_code: str
    user_message: str


@dataclass(frozen=True, slots=True)
class RefreshFailed:
    """Renewal failed but the session stays; ``transient`` failures pass by themselves
    (offline, busy server) and are retried with backoff."""

    code: str
    user_message: str
    transient: bool


SessionEvent = SessionStarted | SessionRefreshed | SessionEnded | RefreshFailed
SessionListener = Callable[[SessionEvent], None]


@dataclass(frozen=True, slots=True)
class RememberedUser:
    """Who was signed in last time, known without the network (for offline reading)."""

    user_id: str
    email: str | None

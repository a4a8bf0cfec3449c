"""Supabase Auth: REST client, refresh-token storage in the OS keyring, session upkeep."""

from hc_desktop.auth.client import SupabaseAuth
from hc_desktop.auth.errors import TERMINAL_CODES, AuthError, TokenExpired
from hc_desktop.auth.events import (
    RefreshFailed,
    RememberedUser,
    SessionEnded,
    SessionEvent,
    SessionListener,
    SessionRefreshed,
    SessionStarted,
)
from hc_desktop.auth.manager import SessionManager
from hc_desktop.auth.session import Session, SignUpResult
from hc_desktop.auth.token_store import (
    KeyringTokenStore,
    MemoryTokenStore,
    StoredToken,
    TokenStore,
)

__all__ = [
    "TERMINAL_CODES",
    "AuthError",
    "KeyringTokenStore",
    "MemoryTokenStore",
    "RefreshFailed",
    "RememberedUser",
    "Session",
    "SessionEnded",
    "SessionEvent",
    "SessionListener",
    "SessionManager",
    "SessionRefreshed",
    "SessionStarted",
    "SignUpResult",
    "StoredToken",
    "SupabaseAuth",
    "TokenExpired",
    "TokenStore",
]

"""Supabase Auth: REST client, refresh-token storage in the OS keyring, session upkeep."""

from typing import TYPE_CHECKING

from hc_desktop.lazy import lazy_exports

if TYPE_CHECKING:
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

__getattr__ = lazy_exports(
    __name__,
    {
        "SupabaseAuth": "hc_desktop.auth.client",
        "TERMINAL_CODES": "hc_desktop.auth.errors",
        "AuthError": "hc_desktop.auth.errors",
        "TokenExpired": "hc_desktop.auth.errors",
        "RefreshFailed": "hc_desktop.auth.events",
        "RememberedUser": "hc_desktop.auth.events",
        "SessionEnded": "hc_desktop.auth.events",
        "SessionEvent": "hc_desktop.auth.events",
        "SessionListener": "hc_desktop.auth.events",
        "SessionRefreshed": "hc_desktop.auth.events",
        "SessionStarted": "hc_desktop.auth.events",
        "SessionManager": "hc_desktop.auth.manager",
        "Session": "hc_desktop.auth.session",
        "SignUpResult": "hc_desktop.auth.session",
        "KeyringTokenStore": "hc_desktop.auth.token_store",
        "MemoryTokenStore": "hc_desktop.auth.token_store",
        "StoredToken": "hc_desktop.auth.token_store",
        "TokenStore": "hc_desktop.auth.token_store",
    },
)

"""The signed-in session as the token source of a remote that speaks with the user's token.

The Data API transport asks for a token before every request and for a renewed one when the
server says the token expired. Both answers come from the
:class:`~hc_desktop.auth.SessionManager`, so they follow every refresh. Session problems
become :class:`~hc_desktop.core.errors.StoreUnavailable`: the sync round ends offline, keeps
the outbox and tries again, while the session manager has already told the window whether
the user must sign in again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
import uuid

from hc_desktop.auth.errors import AuthError
from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.store.dataapi_errors import AccessTokenRejected

if TYPE_CHECKING:
    from hc_desktop.auth.manager import SessionManager


class SessionTokens:
    """Access tokens of ``sessions`` for the bound user only."""

    def __init__(self, sessions: SessionManager, user_id: uuid.UUID) -> None:
        self._sessions = sessions
        self._user_id = user_id

    def __repr__(self) -> str:
        return f"SessionTokens(user={self._user_id})"

    async def access_token(self) -> str:
        """A current token (renewed first when close to expiry)."""
        self._check_user()
        try:
            return await self._sessions.access_token()
        except AuthError as error:
            raise _unavailable(error) from None

    async def renewed(self) -> str:
        """A token from a refresh made now, after a server refused the current one."""
        self._check_user()
        try:
            return (await self._sessions.refresh()).access_token
        except AuthError as error:
            raise _unavailable(error) from None

    def _check_user(self) -> None:
        """Never speak for one user with another's token (their rows would look deleted)."""
        session = self._sessions.current
        if session is None:
            raise StoreUnavailable("waiting for sign-in", retryable=True)
        if session.user_id != str(self._user_id):
            raise StoreUnavailable("the signed-in account is a different user", retryable=True)


def _unavailable(error: AuthError) -> StoreUnavailable:
    if error.terminal:
        return AccessTokenRejected(error.code)
    return StoreUnavailable(error.user_message, retryable=error.transient)

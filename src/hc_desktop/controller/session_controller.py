"""Sign-in state for the window: the dialog's busy/failed states and session events.

The session manager (``hc_desktop.auth``) does the work and reports plain events; this
class turns them into Qt signals and tells the app controller when a user is ready.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
import logging
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.auth import (
    AuthError,
    RefreshFailed,
    Session,
    SessionEnded,
    SessionEvent,
    SessionManager,
    SessionStarted,
)
from hc_desktop.controller.tasks import TaskRunner

_log = logging.getLogger("hc_desktop.session")


class SessionController(QObject):
    """Signs the user in and out and reports how the session is doing."""

    session_changed = Signal(bool, str)
    """(signed in, email) — the email is shown in the account menu only."""
    sign_in_required = Signal(str)
    """Show the sign-in dialog, with an explanation (may be empty)."""
    sign_in_busy = Signal(bool)
    sign_in_failed = Signal(str)
    status_changed = Signal(str)
    session_ended = Signal(str)
    """The server ended the session; local data and pending changes stay."""

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        sessions: SessionManager,
        on_user: Callable[[uuid.UUID], Awaitable[None]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._sessions = sessions
        self._on_user = on_user
        self._unsubscribe = sessions.add_listener(self._on_session_event)

    @property
    def current(self) -> Session | None:
        return self._sessions.current

    @property
    def persistent(self) -> bool:
        """False when the session will not survive a restart (no usable keyring)."""
        return self._sessions.persistent

    async def restore(self) -> Session | None:
        """Resume the stored session; offline, keep trying in the background."""
        self.status_changed.emit(self.tr("Signing in…"))
        try:
            session = await self._sessions.restore()
        except AuthError as exc:
            # Offline or the server is struggling: the refresh loop keeps trying and
            # announces SessionStarted when it gets through.
            _log.info("restore deferred: %s", exc.code)
            self.status_changed.emit(self.tr("Offline"))
            self._tasks.start(self._sessions.run_refresh_loop(), key="refresh")
            return None
        if session is None:
            self.status_changed.emit(self.tr("Signed out"))
            self.sign_in_required.emit("")
            return None
        await self._announce(session)
        return session

    def sign_in(self, email: str, password: str) -> None:
        self._tasks.start(self.sign_in_now(email.strip(), password), key="session", report=False)

    async def sign_in_now(self, email: str, password: str) -> Session | None:
        self.sign_in_busy.emit(True)
        try:
            session = await self._sessions.sign_in(email, password)
        except AuthError as exc:
            self.sign_in_failed.emit(exc.user_message)
            return None
        except Exception as exc:
            _log.error("sign-in failed unexpectedly", exc_info=exc)
            self.sign_in_failed.emit(self.tr("Signing in failed unexpectedly."))
            return None
        finally:
            self.sign_in_busy.emit(False)
        await self._announce(session)
        return session

    async def sign_out(self) -> None:
        """Revoke the session and forget the stored token (the caller clears local data)."""
        self._tasks.cancel("refresh")
        await self._sessions.sign_out()
        self.session_changed.emit(False, "")
        self.status_changed.emit(self.tr("Signed out"))

    def wake(self) -> None:
        """After sleep or when the window comes back: check the token's expiry now."""
        self._sessions.wake()

    async def _announce(self, session: Session) -> None:
        """Open the user's data first, so "signed in" always means "ready to chat"."""
        await self._on_user(uuid.UUID(session.user_id))
        self.session_changed.emit(True, session.email or "")
        self.status_changed.emit(self.tr("Online"))
        if not self._tasks.running("refresh"):
            self._tasks.start(self._sessions.run_refresh_loop(), key="refresh")

    def _on_session_event(self, event: SessionEvent) -> None:
        if isinstance(event, SessionEnded):
            self._tasks.cancel("refresh")
            self.session_changed.emit(False, "")
            self.status_changed.emit(self.tr("Signed out"))
            self.session_ended.emit(event.user_message)
            self.sign_in_required.emit(event.user_message)
        elif isinstance(event, RefreshFailed):
            if event.transient:
                self.status_changed.emit(self.tr("Offline"))
        elif isinstance(event, SessionStarted) and not self._tasks.running("session"):
            # A restore that waited for the network has come through.
            self._tasks.start(self._announce(event.session), key="session")

    def detach(self) -> None:
        self._unsubscribe()

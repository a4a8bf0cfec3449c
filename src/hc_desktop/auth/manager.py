"""Keeps one user's session alive: restore, sign in/out, renew before expiry, end cleanly.

Refresh tokens rotate and a token presented two rotations late revokes the whole session,
so renewals are single-flight inside the process and serialised across processes by a file
lock, under which the keyring is re-read: a token another process stored is adopted instead
of presenting our stale one. The new token is persisted before anyone sees the new session.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
import logging
from pathlib import Path
import time
from typing import Any, TypeVar

from hc_desktop.auth.client import SupabaseAuth
from hc_desktop.auth.errors import (
    LOCK_TIMEOUT,
    NOT_SIGNED_IN,
    SIGNED_OUT,
    AuthError,
    TokenExpired,
    user_message_for,
)
from hc_desktop.auth.events import (
    RefreshFailed,
    RememberedUser,
    SessionEnded,
    SessionEvent,
    SessionListener,
    SessionRefreshed,
    SessionStarted,
)
from hc_desktop.auth.interprocess import InterprocessLock, LockTimeout
from hc_desktop.auth.session import Session, jwt_claims
from hc_desktop.auth.token_store import StoredToken, TokenStore

log = logging.getLogger("hc_desktop.auth")

T = TypeVar("T")


class _SupersededError(Exception):
    """A renewal finished after sign-in or sign-out replaced the session it was for."""


class SessionManager:
    """Owns the current :class:`Session`; the controller listens and asks for tokens."""

    def __init__(
        self,
        auth: SupabaseAuth,
        tokens: TokenStore,
        *,
        lock_path: Path,
        clock: Callable[[], float] = time.time,
        refresh_margin: float = 90,
        lock_timeout: float = 15.0,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
        check_interval: float = 30.0,
    ) -> None:
        self._auth = auth
        self._tokens = tokens
        self._lock = InterprocessLock(lock_path, timeout=lock_timeout)
        self._clock = clock
        self._margin = refresh_margin
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._check_interval = check_interval
        self._current: Session | None = None
        self._generation = 0
        self._restore_pending = False
        self._inflight: asyncio.Future[Session | None] | None = None
        self._listeners: list[SessionListener] = []
        self._wakeup = asyncio.Event()
        self._stopping = False

    def __repr__(self) -> str:
        return f"SessionManager(signed_in={self._current is not None})"

    @property
    def current(self) -> Session | None:
        return self._current

    @property
    def persistent(self) -> bool:
        """False when the session will not survive a restart (no usable keyring)."""
        return self._tokens.persistent

    def jwt_claims(self) -> dict[str, Any]:
        """Claims of the current access token (unverified), e.g. for ``request.jwt.claims``.

        Safe to call from a worker thread: it only reads the current immutable session.
        """
        session = self._current
        return jwt_claims(session.access_token) if session is not None else {}

    def add_listener(self, listener: SessionListener) -> Callable[[], None]:
        """Register ``listener``; returns a function that unregisters it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def wake(self) -> None:
        """Re-check expiry now (after the machine resumes or the network returns)."""
        self._wakeup.set()

    def close(self) -> None:
        """Release the lock worker; the caller closes the client and the token store."""
        self._lock.close()

    async def remembered_user(self) -> RememberedUser | None:
        """Who the stored token belongs to, without touching the network."""
        if self._current is not None:
            return RememberedUser(self._current.user_id, self._current.email)
        stored = await self._tokens.load()
        return RememberedUser(stored.user_id, stored.email) if stored else None

    async def restore(self) -> Session | None:
        """Resume the stored session; None when there is none or it has ended.

        Raises a transient :class:`AuthError` when the server cannot be reached; the refresh
        loop then keeps trying and announces :class:`SessionStarted` once it succeeds.
        """
        if self._current is not None:
            return self._current
        self._restore_pending = True
        try:
            return await self._single_flight()
        except AuthError as error:
            if not error.transient:
                self._restore_pending = False
                return None
            raise

    async def sign_in(self, email: str, password: str) -> Session:
        session = await self._auth.sign_in_with_password(email, password)
        await self._adopt_new_session(session)
        log.info("signed in (aal=%s)", session.aal)
        return session

    async def sign_out(self) -> None:
        """Revoke this device's session, then forget it locally whatever the server said."""
        session = self._current
        self._replace_session(None)
        try:
            await self._revoke(session)
        finally:
            await self._tokens.clear()
            self._emit(SessionEnded(SIGNED_OUT, user_message_for(SIGNED_OUT)))
            log.info("signed out")

    async def refresh(self) -> Session:
        """Renew now (single-flight); raises :class:`AuthError` when that is impossible."""
        if self._current is None:
            raise AuthError(None, NOT_SIGNED_IN)
        session = await self._single_flight()
        if session is None:
            raise AuthError(None, NOT_SIGNED_IN)
        return session

    async def access_token(self) -> str:
        """A usable access token, renewed first when it expires within the margin."""
        session = self._current
        if session is None:
            raise AuthError(None, NOT_SIGNED_IN)
        if not session.expires_within(self._margin, self._clock()):
            return session.access_token
        try:
            return (await self.refresh()).access_token
        except AuthError as error:
            still = self._current
            if error.terminal or still is None or still.expires_within(0, self._clock()):
                raise
            return still.access_token  # renewal failed for now, but the old token still works

    async def run_with_token(self, fn: Callable[[str], Awaitable[T]]) -> T:
        """Call ``fn(access_token)``; if it raises :class:`TokenExpired`, renew once and retry."""
        token = await self.access_token()
        try:
            return await fn(token)
        except TokenExpired:
            log.info("token rejected by a server; renewing once")
        current = self._current
        if current is not None and current.access_token != token:
            return await fn(current.access_token)
        return await fn((await self.refresh()).access_token)

    async def pending_mfa_factors(self) -> list[dict[str, Any]]:
        """Verified factors when the session is still aal1 (a second step is required)."""
        session = self._current
        if session is None or session.aal != "aal1":
            return []
        return await self._auth.verified_factors(await self.access_token())

    async def complete_mfa(self, factor_id: str, code: str) -> Session:
        """Step the session up to aal2 with a code from the user's authenticator."""
        token = await self.access_token()
        session = await self._auth.mfa_challenge_and_verify(token, factor_id, code)
        await self._adopt_new_session(session)
        return session

    async def run_refresh_loop(self) -> None:
        """Renew ``refresh_margin`` seconds before expiry, forever (run it as a task).

        Sleeps in slices of ``check_interval`` and re-reads the wall clock after each, since
        timers do not advance while the machine sleeps.
        """
        failures = 0
        self._stopping = False
        while not self._stopping:
            due_in = self._seconds_until_due()
            if due_in is None:
                failures = 0
                await self._nap(None)
                continue
            if due_in > 0:
                await self._nap(min(due_in, self._check_interval))
                continue
            try:
                if self._current is None:
                    await self.restore()
                else:
                    await self.refresh()
            except AuthError:
                failures += 1
                await self._nap(min(self._backoff_max, self._backoff_base * 2 ** (failures - 1)))
            else:
                failures = 0

    def stop_refresh_loop(self) -> None:
        """End :meth:`run_refresh_loop` after the renewal in progress, if any."""
        self._stopping = True
        self._wakeup.set()

    def _seconds_until_due(self) -> float | None:
        session = self._current
        if session is None:
            return 0.0 if self._restore_pending else None
        return session.expires_at - self._margin - self._clock()

    async def _nap(self, seconds: float | None) -> None:
        """Sleep until ``seconds`` pass or :meth:`wake` is called; cancellation always wins
        (``asyncio.wait_for`` in 3.11 can swallow a cancel that races with the event)."""
        waiter = asyncio.ensure_future(self._wakeup.wait())
        try:
            await asyncio.wait({waiter}, timeout=seconds)
        finally:
            waiter.cancel()
        self._wakeup.clear()

    def _single_flight(self) -> Awaitable[Session | None]:
        if self._inflight is None or self._inflight.done():
            self._inflight = asyncio.ensure_future(self._renew(self._current, self._generation))
        return asyncio.shield(self._inflight)

    async def _renew(self, held: Session | None, generation: int) -> Session | None:
        """One renewal, announced once to listeners whatever the number of waiters."""
        try:
            session = await self._rotate(held, generation)
        except _SupersededError:
            return self._current
        except AuthError as error:
            self._report_failure(error, generation)
            raise
        if session is None:
            self._restore_pending = False
            return None
        self._replace_session(session, keep_generation=True)
        self._restore_pending = False
        self._emit(SessionStarted(session) if held is None else SessionRefreshed(session))
        return session

    async def _rotate(self, held: Session | None, generation: int) -> Session | None:
        try:
            async with self._lock.held():
                stored = await self._tokens.load()
                token = _token_to_present(held, stored)
                if token is None:
                    return None
                try:
                    session = await self._auth.refresh(token)
                except AuthError as error:
                    if error.terminal and generation == self._generation:
                        await self._tokens.clear()
                    raise
                if generation != self._generation:
                    raise _SupersededError
                await self._tokens.save(session.refresh_token, session.user_id, session.email)
                return session
        except LockTimeout:
            raise AuthError(None, LOCK_TIMEOUT) from None

    def _report_failure(self, error: AuthError, generation: int) -> None:
        if generation != self._generation:
            return
        if error.terminal:
            log.warning("session ended by the server (code=%s)", error.code)
            self._replace_session(None)
            self._restore_pending = False
            self._emit(SessionEnded(error.code, error.user_message))
        else:
            log.warning("renewal failed (code=%s, transient=%s)", error.code, error.transient)
            self._emit(RefreshFailed(error.code, error.user_message, error.transient))

    async def _adopt_new_session(self, session: Session) -> None:
        self._replace_session(session)
        self._restore_pending = False
        generation = self._generation
        try:
            async with self._lock.held():
                if generation == self._generation:
                    await self._tokens.save(session.refresh_token, session.user_id, session.email)
        except LockTimeout:
            log.warning("could not take the session lock; token kept in memory until renewal")
        self._emit(SessionStarted(session))

    def _replace_session(self, session: Session | None, *, keep_generation: bool = False) -> None:
        if not keep_generation:
            self._generation += 1
        self._current = session
        self._wakeup.set()

    async def _revoke(self, session: Session | None) -> None:
        if session is None:
            stored = await self._tokens.load()
            if stored is None:
                return
            session_to_end = await self._fresh_or_none(stored.refresh_token)
        elif session.expires_within(self._margin, self._clock()):
            session_to_end = await self._fresh_or_none(session.refresh_token) or session
        else:
            session_to_end = session
        if session_to_end is None:
            return
        try:
            await self._auth.sign_out(session_to_end.access_token, scope="local")
        except AuthError as error:
            log.warning("could not revoke the session on the server (code=%s)", error.code)

    async def _fresh_or_none(self, refresh_token: str) -> Session | None:
        """A live access token to revoke with; renewal errors only mean less to revoke."""
        try:
            return await self._auth.refresh(refresh_token)
        except AuthError as error:
            log.info("no live token for sign-out (code=%s)", error.code)
            return None

    def _emit(self, event: SessionEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("session listener failed on %s", type(event).__name__)


def _token_to_present(held: Session | None, stored: StoredToken | None) -> str | None:
    """Prefer what the keyring holds: another process may have rotated since we read it."""
    if stored is None:
        return held.refresh_token if held is not None else None
    if held is not None and stored.user_id != held.user_id:
        return held.refresh_token
    if held is not None and stored.refresh_token != held.refresh_token:
        log.info("adopting a session token renewed by another process")
    return stored.refresh_token

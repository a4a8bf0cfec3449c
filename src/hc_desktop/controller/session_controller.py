"""Sign-in state for the window: the dialog's modes, MFA, idle lock and session events.

The session manager (``hc_desktop.auth``) does the work and reports plain events; this
class turns them into Qt signals and tells the app controller when a user is ready. A user
is "ready" only after every required factor: an ``aal1`` session of an account with a
verified factor first asks for its code.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
import contextlib
import logging
from pathlib import Path
import shutil
from typing import TYPE_CHECKING, Any
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.auth.errors import SIGNED_OUT, AuthError, user_message_for
from hc_desktop.auth.events import (
    RefreshFailed,
    RememberedUser,
    SessionEnded,
    SessionEvent,
    SessionStarted,
)
from hc_desktop.auth.session import Session
from hc_desktop.controller.audit_trail import AuditTrail
from hc_desktop.controller.idle_lock import IdleLock, PasswordVerifier, VerifierStore
from hc_desktop.controller.tasks import TaskRunner, service_text
from hc_desktop.core.audit import AuditEvent
from hc_desktop.paths import Profile

if TYPE_CHECKING:
    from hc_desktop.auth.client import SupabaseAuth
    from hc_desktop.auth.manager import SessionManager

_log = logging.getLogger("hc_desktop.session")

#: Failed unlock attempts allowed before each further attempt waits (seconds, doubling).
_FREE_UNLOCK_ATTEMPTS = 3
_MAX_UNLOCK_DELAY = 30.0
#: Files of a profile that stay when a shared workstation wipes it on sign-out.
_KEPT_ON_WIPE = frozenset({"instance.lock", "refresh.lock", "logs", "audit"})


class SessionController(QObject):
    """Signs the user in, up (MFA) and out, and locks the window when nobody is there."""

    session_changed = Signal(bool, str)
    """(signed in, email) — the email is shown in the account menu only."""
    sign_in_required = Signal(str)
    """Show the sign-in dialog, with an explanation (may be empty)."""
    sign_in_busy = Signal(bool)
    sign_in_failed = Signal(str)
    weak_password = Signal(list)
    """The server refused a new password; reasons among ``length``, ``characters``, ``pwned``."""
    sign_in_notice = Signal(str)
    """Neutral news for the dialog (check your email…); it returns to the sign-in form."""
    mfa_required = Signal()
    """The password was right; now the code from the user's authenticator app."""
    status_changed = Signal(str)
    session_ended = Signal(str)
    """The server ended the session; local data and pending changes stay."""
    not_remembered = Signal(str)
    """Said once per run: this sign-in will not survive a restart (no usable keyring)."""
    unlock_busy = Signal(bool)
    unlock_failed = Signal(str)

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        sessions: SessionManager,
        on_user: Callable[[uuid.UUID], Awaitable[None]],
        audit: AuditTrail | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._sessions = sessions
        self._on_user = on_user
        self._unsubscribe = sessions.add_listener(self._on_session_event)
        self.idle_lock = IdleLock(parent=self)
        self._audit = audit or AuditTrail(None, tasks=tasks, parent=self)
        self.idle_lock.locked_changed.connect(self._audit_lock)
        self._auth: SupabaseAuth | None = None
        self._verifiers: VerifierStore | None = None
        self._profile: Profile | None = None
        self._shared_workstation = False
        self._mfa_factor: str | None = None
        self._pending_verifier: PasswordVerifier | None = None
        self._lock_user: RememberedUser | None = None
        self._unlock_failures = 0
        self._told_not_remembered = False
        self._remember_sessions = True

    def configure(
        self,
        *,
        auth: SupabaseAuth,
        profile: Profile,
        auto_lock_minutes: int = 15,
        shared_workstation: bool = False,
        remember_sessions: bool = True,
        verifiers: VerifierStore | None = None,
    ) -> None:
        """Hand in what sign-up, password reset and unlocking need (from the composition root).

        ``auto_lock_minutes`` 0 turns the idle lock off. A shared workstation never keeps an
        unlock verifier and wipes the profile on sign-out. ``remember_sessions`` False (demo,
        self-test) means a session kept in memory is intended, so nobody is warned about it.
        """
        self._remember_sessions = remember_sessions
        self._auth = auth
        self._profile = profile
        self._shared_workstation = shared_workstation
        if self._verifiers is not None and self._verifiers is not verifiers:
            self._verifiers.close()
        self._verifiers = (
            None if shared_workstation else verifiers or VerifierStore(profile=profile.name)
        )
        self.idle_lock.set_minutes(auto_lock_minutes)

    @property
    def current(self) -> Session | None:
        return self._sessions.current

    @property
    def persistent(self) -> bool:
        """False when the session will not survive a restart (no usable keyring)."""
        return self._sessions.persistent

    @property
    def shared_workstation(self) -> bool:
        return self._shared_workstation

    @property
    def offline_unlock_possible(self) -> bool:
        """Whether a locked window can be opened without the network on this computer."""
        return self._verifiers is not None and self._sessions.persistent

    @property
    def locked_user_email(self) -> str:
        return (self._lock_user.email or "") if self._lock_user is not None else ""

    # -- sign in ------------------------------------------------------------------------------

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
            self._tasks.start(
                self._sessions.run_refresh_loop(),
                key="refresh",
                stop=self._sessions.stop_refresh_loop,
            )
            remembered = await self._sessions.remembered_user()
            if remembered is not None:
                self._arm_lock(remembered)  # the cached threads are on screen
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
            self._pending_verifier = await self._new_verifier(session.user_id, password)
        except AuthError as exc:
            self._audit.record(AuditEvent.SIGN_IN_FAILED, outcome=exc.code, user_id=None)
            self.sign_in_failed.emit(service_text(exc.user_message))
            return None
        except Exception as exc:
            self._audit.record(AuditEvent.SIGN_IN_FAILED, outcome="error", user_id=None)
            _log.error("sign-in failed unexpectedly", exc_info=exc)
            self.sign_in_failed.emit(self.tr("Signing in failed unexpectedly."))
            return None
        finally:
            self.sign_in_busy.emit(False)
        return session if await self._announce(session) else None

    def submit_mfa_code(self, code: str) -> None:
        self._tasks.start(self.complete_mfa_now(code.strip()), key="session", report=False)

    async def complete_mfa_now(self, code: str) -> Session | None:
        """Step up to ``aal2`` with the authenticator's code; a wrong code keeps asking."""
        factor = self._mfa_factor
        if factor is None:
            self.sign_in_required.emit("")
            return None
        self.sign_in_busy.emit(True)
        try:
            session = await self._sessions.complete_mfa(factor, code)
        except AuthError as exc:
            self._audit.record(AuditEvent.SIGN_IN_FAILED, outcome=exc.code, user_id=None)
            self.sign_in_failed.emit(service_text(exc.user_message))
            return None
        finally:
            self.sign_in_busy.emit(False)
        self._mfa_factor = None
        return session if await self._announce(session) else None

    def cancel_mfa(self) -> None:
        """Give up the half-finished sign-in (e.g. to use another account)."""
        self._mfa_factor = None
        self._pending_verifier = None
        self._tasks.start(self._sessions.sign_out(), key="session", report=False)

    def sign_up(self, email: str, password: str) -> None:
        self._tasks.start(self.sign_up_now(email.strip(), password), key="session", report=False)

    async def sign_up_now(self, email: str, password: str) -> None:
        """Create the account; sign in at once when the server needs no confirmation."""
        auth = self._auth
        if auth is None:
            self.sign_in_failed.emit(self.tr("Creating an account is not available here."))
            return
        self.sign_in_busy.emit(True)
        try:
            result = await auth.sign_up(email, password)
        except AuthError as exc:
            message = exc.user_message
            if exc.code == "weak_password":
                self.weak_password.emit(list(exc.reasons))
                message = user_message_for("weak_password")  # the dialog marks the broken rules
            self.sign_in_failed.emit(service_text(message))
            return
        finally:
            self.sign_in_busy.emit(False)
        if result.session is not None:
            # Sign in through the manager so the session is stored and renewed; the
            # sign-up's own session would only linger on the server.
            with contextlib.suppress(AuthError):
                await auth.sign_out(result.session.access_token, scope="local")
            await self.sign_in_now(email, password)
            return
        if result.maybe_existing_account:
            self.sign_in_notice.emit(
                self.tr(
                    "If this address is new, check your email and open the link to confirm "
                    "your account. If you already have an account, sign in or reset your "
                    "password."
                )
            )
        else:
            self.sign_in_notice.emit(
                self.tr("Check your email and open the link to confirm your account, then sign in.")
            )

    def send_password_reset(self, email: str) -> None:
        self._tasks.start(self.send_password_reset_now(email.strip()), key="session", report=False)

    async def send_password_reset_now(self, email: str) -> None:
        """Always the same answer, so nobody learns which addresses have an account."""
        auth = self._auth
        if auth is None:
            self.sign_in_failed.emit(self.tr("Resetting the password is not available here."))
            return
        self.sign_in_busy.emit(True)
        try:
            await auth.send_password_reset(email)
        except AuthError as exc:
            if exc.code == "network_error" or (exc.status or 0) >= 500:
                self.sign_in_failed.emit(service_text(exc.user_message))
                return
            _log.info("password reset answered %s; replying neutrally", exc.code)
        finally:
            self.sign_in_busy.emit(False)
        self.sign_in_notice.emit(
            self.tr(
                "If an account exists for this address, we have sent it an email with a link "
                "to choose a new password."
            )
        )

    # -- sign out -----------------------------------------------------------------------------

    async def sign_out(self) -> None:
        """Revoke the session and forget the stored token (the caller clears local data)."""
        self._tasks.cancel("refresh")
        self._mfa_factor = None
        self._pending_verifier = None
        self._audit.record(AuditEvent.SIGN_OUT)
        await self._sessions.sign_out()
        if self._verifiers is not None:
            await self._verifiers.clear()
        self._lock_user = None
        self._unlock_failures = 0
        self.idle_lock.disarm()
        self.session_changed.emit(False, "")
        self.status_changed.emit(self.tr("Signed out"))

    async def wipe_shared_profile(self) -> None:
        """On a shared workstation, leave nothing of the user in the profile folder.

        Call after the user's stores are closed; the instance and refresh locks (held by
        this process) and the logs (which hold no content) stay.
        """
        if not self._shared_workstation or self._profile is None:
            return
        await asyncio.to_thread(_wipe_folder, self._profile.root)
        self._audit.record(AuditEvent.CACHE_ERASED, outcome="profile_wiped")
        _log.info("shared workstation: profile wiped on sign-out")

    def wake(self) -> None:
        """After sleep or when the window comes back: check the token's expiry and the
        idle time now (timers do not run while the machine sleeps)."""
        self._sessions.wake()
        self.idle_lock.check()

    # -- lock ---------------------------------------------------------------------------------

    def unlock(self, password: str) -> None:
        self._tasks.start(self.unlock_now(password), key="unlock", report=False)

    async def unlock_now(self, password: str) -> bool:
        """Open the locked window when ``password`` is the locked user's.

        Checked online with a password grant (the extra session is revoked at once); when
        the server cannot be reached, against the verifier in the keyring.
        """
        user = self._lock_user
        if user is None or not self.idle_lock.locked:
            self.idle_lock.unlock()
            return True
        self.unlock_busy.emit(True)
        try:
            await self._wait_after_failures()
            ok, problem = await self._check_password(user, password)
        finally:
            self.unlock_busy.emit(False)
        if not ok:
            self._unlock_failures += 1
            self._audit.record(AuditEvent.UNLOCK_FAILED, outcome="failed")
            _log.info("unlock refused (attempt %d)", self._unlock_failures)
            self.unlock_failed.emit(problem)
            return False
        self._unlock_failures = 0
        _log.info("unlocked")
        self._audit.record(AuditEvent.UNLOCK)
        self.idle_lock.unlock()
        return True

    async def _check_password(self, user: RememberedUser, password: str) -> tuple[bool, str]:
        wrong = self.tr("The password is not correct.")
        auth = self._auth
        if auth is not None and user.email:
            try:
                session = await auth.sign_in_with_password(user.email, password)
            except AuthError as exc:
                if exc.code != "network_error" and (exc.status or 0) < 500:
                    if exc.code == "invalid_credentials":
                        return False, wrong
                    return False, service_text(exc.user_message)
                _log.info("unlock: server unreachable (%s); checking offline", exc.code)
            else:
                with contextlib.suppress(AuthError):
                    await auth.sign_out(session.access_token, scope="local")
                if session.user_id != user.user_id:
                    return False, self.tr("This is not the account that is signed in.")
                await self._store_verifier(await self._new_verifier(user.user_id, password))
                return True, ""
        store = self._verifiers if self._sessions.persistent else None
        verifier = await store.load() if store is not None else None
        if verifier is None or verifier.user_id != user.user_id:
            return False, self.tr(
                "Your password cannot be checked without an internet connection on this "
                "computer. Connect to the internet and try again, or sign out."
            )
        if await asyncio.to_thread(verifier.matches, user.user_id, password):
            return True, ""
        return False, wrong

    async def _wait_after_failures(self) -> None:
        extra = self._unlock_failures - _FREE_UNLOCK_ATTEMPTS
        if extra >= 0:
            await asyncio.sleep(min(_MAX_UNLOCK_DELAY, 2.0**extra))

    async def _new_verifier(self, user_id: str, password: str) -> PasswordVerifier | None:
        if self._verifiers is None or self.idle_lock.minutes == 0:
            return None
        try:
            return await asyncio.to_thread(PasswordVerifier.create, user_id, password)
        except (ValueError, MemoryError) as exc:  # scrypt refused by this build or machine
            _log.warning("no unlock verifier: %s", type(exc).__name__)
            return None

    async def _store_verifier(self, verifier: PasswordVerifier | None) -> None:
        """Keep the verifier next to the session; without a keyring there is none."""
        if verifier is None or self._verifiers is None or not self._sessions.persistent:
            return
        if not await self._verifiers.save(verifier):
            _log.info("no unlock verifier stored: offline unlock unavailable")

    def _arm_lock(self, user: RememberedUser) -> None:
        self._lock_user = user
        self.idle_lock.arm()

    # -- announcing -----------------------------------------------------------------------------

    async def _announce(self, session: Session) -> bool:
        """Open the user's data first, so "signed in" always means "ready to chat".

        False when a second factor must be entered first.
        """
        if await self._second_factor_needed(session):
            return False
        await self._on_user(uuid.UUID(session.user_id))
        self._audit.record(AuditEvent.SIGN_IN, user_id=uuid.UUID(session.user_id))
        self._arm_lock(RememberedUser(session.user_id, session.email))
        verifier, self._pending_verifier = self._pending_verifier, None
        if verifier is not None and verifier.user_id == session.user_id:
            await self._store_verifier(verifier)
        self.session_changed.emit(True, session.email or "")
        self.status_changed.emit(self.tr("Online"))
        self._say_if_not_remembered()
        if not self._tasks.running("refresh"):
            self._tasks.start(
                self._sessions.run_refresh_loop(),
                key="refresh",
                stop=self._sessions.stop_refresh_loop,
            )
        return True

    async def _second_factor_needed(self, session: Session) -> bool:
        if session.aal != "aal1":
            return False
        try:
            factors = await self._sessions.pending_mfa_factors()
        except AuthError as exc:
            # Fail closed: without knowing the factors the sign-in is not complete.
            _log.info("could not list MFA factors: %s", exc.code)
            self.sign_in_required.emit(service_text(exc.user_message))
            return True
        factor = _pick_factor(factors)
        if factor is None:
            return False
        self._mfa_factor = factor
        self.status_changed.emit(self.tr("Waiting for your verification code"))
        self.mfa_required.emit()
        return True

    def _say_if_not_remembered(self) -> None:
        if self._told_not_remembered or self._sessions.persistent:
            return
        if not (self._shared_workstation or self._remember_sessions):
            return
        self._told_not_remembered = True
        if self._shared_workstation:
            text = self.tr(
                "This is a shared workstation: your sign-in is not remembered and your data "
                "is removed from this computer when you sign out."
            )
        else:
            text = self.tr(
                "Your sign-in will not be remembered: this computer has no secure password "
                "storage (keyring) available, so you will need to sign in again next time."
            )
        self.not_remembered.emit(text)

    def _on_session_event(self, event: SessionEvent) -> None:
        if isinstance(event, SessionEnded):
            if event.reason_code != SIGNED_OUT:  # the user's own sign-out is recorded as such
                self._audit.record(AuditEvent.SESSION_EXPIRED, outcome=event.reason_code)
            self._tasks.cancel("refresh")
            self.session_changed.emit(False, "")
            self.status_changed.emit(self.tr("Signed out"))
            self.session_ended.emit(service_text(event.user_message))
            self.sign_in_required.emit(service_text(event.user_message))
        elif isinstance(event, RefreshFailed):
            if event.transient:
                self.status_changed.emit(self.tr("Offline"))
        elif isinstance(event, SessionStarted) and not self._tasks.running("session"):
            # A restore that waited for the network has come through.
            self._tasks.start(self._announce(event.session), key="session")

    def _audit_lock(self, locked: bool) -> None:
        if locked:
            how = "idle" if self.idle_lock.locked_by_idle else "manual"
            self._audit.record(AuditEvent.LOCK, outcome=how)

    def detach(self) -> None:
        self._unsubscribe()
        self.idle_lock.stop()
        if self._verifiers is not None:
            self._verifiers.close()


def _pick_factor(factors: list[dict[str, Any]]) -> str | None:
    """The factor to ask for: a TOTP app if there is one (the only kind the dialog asks for)."""
    ids = [f.get("id") for f in factors if f.get("factor_type", "totp") == "totp"]
    first = next((i for i in ids if isinstance(i, str)), None)
    return first


def _wipe_folder(root: Path) -> None:
    """Delete the folder's content except what :data:`_KEPT_ON_WIPE` names."""
    if not root.is_dir():
        return
    for entry in root.iterdir():
        if entry.name in _KEPT_ON_WIPE:
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError as exc:
            _log.warning("could not remove part of the profile (%s)", type(exc).__name__)

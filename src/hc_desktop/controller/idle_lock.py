"""Idle auto-lock: hide the window's content after a while without input.

Also the password check that lets a locked window open again without a network: a salted
scrypt verifier kept in the OS keyring beside the session, never in a file.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
import contextlib
from dataclasses import dataclass, field
import hashlib
import hmac
import json
import logging
import secrets
import time
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_log = logging.getLogger("hc_desktop.lock")

T = TypeVar("T")

#: Events that mean a person is at the keyboard or mouse.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
_REMEMBERED_COPIES = 20


class Clipboard(Protocol):
    """The two clipboard operations the lock needs (``QClipboard`` has both)."""

    def text(self) -> str: ...

    def clear(self) -> None: ...


class IdleLock(QObject):
    """Locks after ``minutes`` without input while a user's data is on screen (0 = never).

    Time is read from ``clock`` (wall clock by default, so time spent asleep counts) and
    compared on a slow timer or when :meth:`check` is called, which tests do with a
    simulated clock instead of waiting.
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        *,
        minutes: int = 15,
        clock: Callable[[], float] = time.time,
        check_interval_ms: int = 15_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._minutes = max(0, minutes)
        self._clock = clock
        self._last_input = clock()
        self._armed = False
        self._locked = False
        self.locked_by_idle = False  # the current (or last) lock came from the idle timer
        self._filtering = False
        self._clipboard: Clipboard | None = None
        self._copied: deque[bytes] = deque(maxlen=_REMEMBERED_COPIES)
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def minutes(self) -> int:
        return self._minutes

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def armed(self) -> bool:
        return self._armed

    def set_minutes(self, minutes: int) -> None:
        """Change the delay (0 turns the lock off); an open lock stays locked."""
        self._minutes = max(0, minutes)
        self._update_watching()

    def use_clock(self, clock: Callable[[], float]) -> None:
        """Read time from ``clock`` from now on (a simulated clock in tests)."""
        self._clock = clock
        self._last_input = clock()

    def set_clipboard(self, clipboard: Clipboard | None) -> None:
        self._clipboard = clipboard

    def arm(self) -> None:
        """A user's data is visible: start counting idle time from now."""
        self._armed = True
        self._last_input = self._clock()
        self._update_watching()

    def disarm(self) -> None:
        """Nobody's data is visible any more (signed out): stop watching and open up."""
        self._armed = False
        self._update_watching()
        if self._locked:
            self._set_locked(False)

    def note_copied(self, text: str) -> None:
        """Remember that the app put ``text`` on the clipboard, to clear it on lock."""
        if text:
            self._copied.append(_digest(text))

    def check(self) -> bool:
        """Lock now if the idle time is up; True when this call locked the window."""
        if not self._armed or self._locked or self._minutes == 0:
            return False
        if self._clock() - self._last_input < self._minutes * 60:
            return False
        _log.info("locking after %d idle minute(s)", self._minutes)
        self.lock(idle=True)
        return True

    def lock(self, *, idle: bool = False) -> None:
        """Lock at once (the idle timer, or the user asking for it)."""
        if self._locked or not self._armed:
            return
        self.locked_by_idle = idle
        self._clear_app_text_from_clipboard()
        self._set_locked(True)

    def unlock(self) -> None:
        """Open the window again; callers check the password first."""
        if self._locked:
            self._last_input = self._clock()
            self._set_locked(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._locked and event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    def stop(self) -> None:
        """Stop the timer and the application-wide filter (at shutdown)."""
        self._armed = False
        self._update_watching()

    def _set_locked(self, locked: bool) -> None:
        self._locked = locked
        self.locked_changed.emit(locked)

    def _clear_app_text_from_clipboard(self) -> None:
        clipboard = self._clipboard
        if clipboard is None or not self._copied:
            return
        text = clipboard.text()
        if text and _digest(text) in self._copied:
            clipboard.clear()
            _log.info("cleared the app's text from the clipboard")
        self._copied.clear()

    def _update_watching(self) -> None:
        watch = self._armed and self._minutes > 0
        app = QCoreApplication.instance()
        if watch and not self._filtering and app is not None:
            app.installEventFilter(self)
            self._filtering = True
            self._timer.start()
        elif not watch and self._filtering:
            if app is not None:
                app.removeEventFilter(self)
            self._filtering = False
            self._timer.stop()


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


# -- offline unlock ---------------------------------------------------------------------------

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_SALT_BYTES = 16
_DIGEST_BYTES = 32
_VERIFIER_VERSION = 1


@dataclass(frozen=True, slots=True)
class PasswordVerifier:
    """Proof of a user's password that cannot be turned back into it (salted scrypt)."""

    user_id: str
    salt: bytes = field(repr=False)
    digest: bytes = field(repr=False)

    @classmethod
    def create(cls, user_id: str, password: str) -> PasswordVerifier:
        """Slow on purpose (~50 ms, 16 MB): run it off the Qt thread."""
        salt = secrets.token_bytes(_SALT_BYTES)
        return cls(user_id, salt, _scrypt(password, salt))

    def matches(self, user_id: str, password: str) -> bool:
        if user_id != self.user_id:
            return False
        return hmac.compare_digest(_scrypt(password, self.salt), self.digest)

    def encode(self) -> str:
        record = {
            "v": _VERIFIER_VERSION,
            "uid": self.user_id,
            "salt": base64.b64encode(self.salt).decode(),
            "scrypt": base64.b64encode(self.digest).decode(),
        }
        return json.dumps(record, separators=(",", ":"))

    @classmethod
    def decode(cls, raw: str) -> PasswordVerifier | None:
        try:
            record = json.loads(raw)
            if not isinstance(record, dict) or record.get("v") != _VERIFIER_VERSION:
                return None
            user_id = record["uid"]
            salt = base64.b64decode(record["salt"], validate=True)
            digest = base64.b64decode(record["scrypt"], validate=True)
        except (ValueError, KeyError, TypeError, binascii.Error):
            return None
        if not isinstance(user_id, str) or len(salt) != _SALT_BYTES:
            return None
        if len(digest) != _DIGEST_BYTES:
            return None
        return cls(user_id, salt, digest)


def _scrypt(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=_SCRYPT_N,
        r=_SCRYPT_R,
        p=_SCRYPT_P,
        dklen=_DIGEST_BYTES,
    )


class VerifierStore:
    """The verifier in the keyring under ``service`` / ``unlock:<profile>``.

    Keyring calls may block on an unlock prompt, so they run on one worker thread with a
    timeout; any failure means "no offline unlock", never a crash or a file.
    """

    def __init__(
        self,
        *,
        profile: str,
        service: str = "hc-desktop",
        backend: Any | None = None,
        timeout: float = 30.0,
    ) -> None:
        self._key = (service, f"unlock:{profile}")
        self._backend = backend
        self._timeout = timeout
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hc-unlock")

    def __repr__(self) -> str:
        return f"VerifierStore(entry={self._key[1]!r})"

    async def load(self) -> PasswordVerifier | None:
        raw = await self._call(lambda: self._resolved().get_password(*self._key))
        return PasswordVerifier.decode(raw) if isinstance(raw, str) else None

    async def save(self, verifier: PasswordVerifier) -> bool:
        secret = verifier.encode()
        done = await self._call(lambda: self._resolved().set_password(*self._key, secret) or True)
        return done is True

    async def clear(self) -> None:
        await self._call(self._delete)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _resolved(self) -> Any:
        if self._backend is not None:
            return self._backend
        import keyring  # slow to import: only once the lock is first used

        return keyring.get_keyring()

    def _delete(self) -> None:
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            self._resolved().delete_password(*self._key)

    async def _call(self, fn: Callable[[], T]) -> T | None:
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor, fn)
            future.add_done_callback(_consume)
            done, _ = await asyncio.wait({future}, timeout=self._timeout)
            if not done:
                raise TimeoutError("keyring call timed out")
            return future.result()
        except Exception as exc:  # every backend has its own failure types
            _log.warning("unlock verifier unavailable (%s)", type(exc).__name__)
            return None


def _consume(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()

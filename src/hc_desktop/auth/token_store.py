"""Where the refresh token lives between runs: the OS keyring, or memory when there is none.

Only the refresh token and a little metadata are stored (Windows caps a credential at
1,280 characters). Keyring calls block and may wait on an unlock prompt, so they run on one
dedicated worker thread. Any keyring failure switches this run to memory; a plaintext file
is never used, so backends from ``keyrings.alt`` and the silent ``null`` backend are refused.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
import contextlib
from dataclasses import dataclass, field
import json
import logging
from typing import Any, Protocol, TypeVar

log = logging.getLogger("hc_desktop.auth")

T = TypeVar("T")

#: Windows Credential Manager's limit for one secret, in characters.
MAX_SECRET_CHARS = 1280
_FORMAT_VERSION = 1
_REFUSED_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")


@dataclass(frozen=True, slots=True)
class StoredToken:
    """What survives a restart: enough to refresh and to greet the user by address."""

    refresh_token: str = field(repr=False)
    user_id: str
    email: str | None = field(default=None, repr=False)


class TokenStore(Protocol):
    """Persistence for the refresh token; the session manager depends only on this."""

    @property
    def persistent(self) -> bool:
        """True when a saved token will still be there after the app restarts."""
        ...

    async def available(self) -> bool: ...

    async def load(self) -> StoredToken | None: ...

    async def save(self, refresh_token: str, user_id: str, email: str | None) -> None: ...

    async def clear(self) -> None: ...

    def close(self) -> None: ...


class MemoryTokenStore:
    """Holds the token for this run only (no keyring, or a test)."""

    def __init__(self) -> None:
        self._token: StoredToken | None = None

    def __repr__(self) -> str:
        return "MemoryTokenStore()"

    @property
    def persistent(self) -> bool:
        return False

    async def available(self) -> bool:
        return False

    async def load(self) -> StoredToken | None:
        return self._token

    async def save(self, refresh_token: str, user_id: str, email: str | None) -> None:
        self._token = StoredToken(refresh_token, user_id, email)

    async def clear(self) -> None:
        self._token = None

    def close(self) -> None:
        self._token = None


class KeyringUnusableError(Exception):
    """The keyring backend is missing, locked, refused or broken; carries no secret."""


class KeyringTokenStore:
    """Refresh token in the OS keyring under ``service`` / ``session:<profile>``."""

    def __init__(
        self,
        service: str = "hc-desktop",
        *,
        profile: str,
        backend: Any | None = None,
        timeout: float = 60.0,
    ) -> None:
        self._service = service
        self._entry = f"session:{profile}"
        self._backend = backend
        self._timeout = timeout
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hc-keyring")
        self._memory = MemoryTokenStore()
        self._state: bool | None = None  # None: not tried yet; False: fell back to memory

    def __repr__(self) -> str:
        return f"KeyringTokenStore(service={self._service!r}, entry={self._entry!r})"

    @property
    def persistent(self) -> bool:
        """False until the keyring has answered once, and for good after any failure."""
        return self._state is True

    async def available(self) -> bool:
        """Probe the keyring (once) and say whether tokens will outlive this run."""
        if self._state is None:
            await self.load()
        return self._state is True

    async def load(self) -> StoredToken | None:
        if self._state is not False:
            try:
                raw = await self._call(lambda: self._resolved_backend().get_password(*self._key))
            except KeyringUnusableError:
                return await self._memory.load()
            self._state = True
            return _decode(raw) if raw is not None else None
        return await self._memory.load()

    async def save(self, refresh_token: str, user_id: str, email: str | None) -> None:
        try:
            secret = _encode(refresh_token, user_id, email)
        except ValueError:
            log.warning("refresh token too long for the keyring, keeping it in memory")
            self._state = False
            await self._forget_stale_entry()
            await self._memory.save(refresh_token, user_id, email)
            return
        if self._state is not False:
            try:
                await self._call(lambda: self._resolved_backend().set_password(*self._key, secret))
            except KeyringUnusableError:
                await self._forget_stale_entry()
            else:
                self._state = True
                return
        await self._memory.save(refresh_token, user_id, email)

    async def clear(self) -> None:
        await self._memory.clear()
        if self._state is False:
            return
        try:
            await self._call(self._delete_entry)
        except KeyringUnusableError:
            return
        self._state = True

    def close(self) -> None:
        """Stop the worker without waiting: a call stuck on a prompt must not block quit."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._memory.close()

    @property
    def _key(self) -> tuple[str, str]:
        return self._service, self._entry

    def _resolved_backend(self) -> Any:
        if self._backend is not None:
            backend = self._backend
        else:
            import keyring  # slow to import; the first keyring call runs after first paint

            backend = keyring.get_keyring()
        if _is_refused(backend):
            raise KeyringUnusableError(f"refused backend {type(backend).__name__}")
        return backend

    def _delete_entry(self) -> None:
        backend = self._resolved_backend()
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            backend.delete_password(*self._key)  # raises when nothing is stored: fine

    async def _forget_stale_entry(self) -> None:
        """After a failed write an older token may remain; it must not be used next run."""
        with contextlib.suppress(KeyringUnusableError):
            await self._call(self._delete_entry, fall_back=False)

    async def _call(self, fn: Callable[[], T], *, fall_back: bool = True) -> T:
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor, fn)
            future.add_done_callback(_consume_outcome)
            done, _ = await asyncio.wait({future}, timeout=self._timeout)
            if not done:
                raise TimeoutError("keyring call timed out")
            return future.result()
        except Exception as exc:  # any backend may raise its own types (e.g. pywintypes.error)
            if fall_back and self._state is not False:
                log.warning("keyring unusable, keeping the session in memory (%s)", _kind(exc))
                self._state = False
            raise KeyringUnusableError(_kind(exc)) from None


def _consume_outcome(future: asyncio.Future[Any]) -> None:
    """Mark a late or abandoned result as seen so nothing is reported after the fact."""
    if not future.cancelled():
        future.exception()


def _kind(exc: BaseException) -> str:
    return type(exc).__name__


def _is_refused(backend: Any) -> bool:
    """File-based, null and fail backends either leak secrets to disk or store nothing."""
    candidates = [backend, *getattr(backend, "backends", ())]
    return any(type(b).__module__.startswith(_REFUSED_MODULE_PREFIXES) for b in candidates)


def _encode(refresh_token: str, user_id: str, email: str | None) -> str:
    record: dict[str, object] = {"v": _FORMAT_VERSION, "rt": refresh_token, "uid": user_id}
    if email:
        record["email"] = email
    secret = json.dumps(record, separators=(",", ":"))
    if len(secret) > MAX_SECRET_CHARS:
        record.pop("email", None)
        secret = json.dumps(record, separators=(",", ":"))
    if len(secret) > MAX_SECRET_CHARS:
        raise ValueError("refresh token too long for the keyring")
    return secret


def _decode(raw: str) -> StoredToken | None:
    try:
        record = json.loads(raw)
    except ValueError:
        log.warning("keyring entry unreadable; ignoring it")
        return None
    if not isinstance(record, dict):
        return None
    token, user_id, email = record.get("rt"), record.get("uid"), record.get("email")
    if not isinstance(token, str) or not token or not isinstance(user_id, str):
        return None
    return StoredToken(token, user_id, email if isinstance(email, str) else None)

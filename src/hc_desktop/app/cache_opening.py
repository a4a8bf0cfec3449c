"""Opening a user's local cache: encrypted on disk, or in memory only.

* ``keep_history`` (a setting IT may lock, e.g. on shared workstations) False: the cache
  lives in memory for this run; any file a previous run left for the user is erased first,
  with its key.
* Otherwise the file's content columns are sealed with the user's key from the OS keyring.
  Without a secure keyring the key is made for this run only: the file can be read during
  the run, and the next run (with a new key) erases it and starts empty, so history is not
  kept across runs on such machines.
* A file written with another key (keyring reset, new machine) is erased and opened empty;
  with a shared backend the sync engine fills it again from the server.

Heavy imports (SQLAlchemy, keyring, cryptography) happen inside the functions, so importing
this module costs nothing at start-up.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, overload
import uuid

from hc_desktop.paths import Profile

if TYPE_CHECKING:
    from hc_desktop.store.local import LocalThreadStore
    from hc_desktop.sync.cache import CachedThreadRepository

_log = logging.getLogger("hc_desktop.app")


class CacheKeys(Protocol):
    """Where cache keys are kept."""

    may_wait: bool
    """Whether :meth:`existing` may keep the caller waiting on something outside the app
    (a keyring's unlock prompt, a slow D-Bus)."""

    async def get(self, user_id: uuid.UUID) -> bytes | None:
        """The user's key (created on first use); None when it cannot be kept."""
        ...

    async def forget(self, user_id: uuid.UUID) -> None:
        """Delete the user's key (the cache is being erased)."""
        ...

    def existing(self, user_id: uuid.UUID) -> bytes | None:
        """The user's key if one exists, without creating it (blocking)."""
        ...


class KeyringCacheKeys:
    """Keys in the OS keyring (``cache-key:<user id>``): the normal case."""

    may_wait = True

    async def get(self, user_id: uuid.UUID) -> bytes | None:
        from hc_desktop.auth.cache_key import cache_key

        return await cache_key(str(user_id))

    async def forget(self, user_id: uuid.UUID) -> None:
        from hc_desktop.auth.cache_key import forget_cache_key

        await forget_cache_key(str(user_id))

    def existing(self, user_id: uuid.UUID) -> bytes | None:
        from hc_desktop.auth.cache_key import existing_cache_key

        return existing_cache_key(str(user_id))


class FileCacheKeys:
    """Keys in owner-only files in ``folder``: only for the public demo account, whose
    sample threads must survive restarts on machines without a keyring. Never for real
    users: a key next to the data it protects protects nothing."""

    may_wait = False  # a small file in the profile

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def __repr__(self) -> str:
        return "FileCacheKeys(<folder>)"

    def _path(self, user_id: uuid.UUID) -> Path:
        return self._folder / f"cache-key-{user_id}"

    async def get(self, user_id: uuid.UUID) -> bytes | None:
        import asyncio

        return await asyncio.to_thread(self._read_or_create, self._path(user_id))

    async def forget(self, user_id: uuid.UUID) -> None:
        import asyncio

        with contextlib.suppress(FileNotFoundError):
            await asyncio.to_thread(os.remove, self._path(user_id))

    def existing(self, user_id: uuid.UUID) -> bytes | None:
        return self._read(self._path(user_id))

    @staticmethod
    def _read(path: Path) -> bytes | None:
        from hc_desktop.store.crypto import KEY_BYTES

        try:
            key = base64.b64decode(path.read_bytes(), validate=True)
        except (OSError, binascii.Error, ValueError):
            return None
        return key if len(key) == KEY_BYTES else None

    @staticmethod
    def _read_or_create(path: Path) -> bytes | None:
        from hc_desktop.store.crypto import generate_key

        existing = FileCacheKeys._read(path)
        if existing is not None:
            return existing
        key = generate_key()
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(base64.b64encode(key))
        except OSError:
            return None
        return key


@overload
async def open_local_cache(
    profile: Profile,
    user_id: uuid.UUID,
    *,
    keep_history: bool = ...,
    synced: Literal[True],
    keys: CacheKeys | None = ...,
) -> CachedThreadRepository: ...


@overload
async def open_local_cache(
    profile: Profile,
    user_id: uuid.UUID,
    *,
    keep_history: bool = ...,
    synced: Literal[False] = ...,
    keys: CacheKeys | None = ...,
) -> LocalThreadStore: ...


async def open_local_cache(
    profile: Profile,
    user_id: uuid.UUID,
    *,
    keep_history: bool = True,
    synced: bool = False,
    keys: CacheKeys | None = None,
) -> LocalThreadStore:
    """The user's local store: a :class:`~hc_desktop.sync.cache.CachedThreadRepository`
    when ``synced`` (a shared backend exists), else a plain local store."""
    import asyncio

    from hc_desktop.store.local import LocalThreadStore, erase_files, store_files
    from hc_desktop.sync.cache import CachedThreadRepository

    store_class = CachedThreadRepository if synced else LocalThreadStore
    source: CacheKeys = keys or KeyringCacheKeys()
    path = profile.thread_store_file(user_id)

    if not keep_history:
        if await asyncio.to_thread(store_files, path):
            await asyncio.to_thread(erase_files, path)
            await source.forget(user_id)
            _log.info("history is not kept on this computer: the cache file was erased")
        return await asyncio.to_thread(store_class.open_in_memory, user_id)

    from hc_desktop.store.crypto import ContentCipher, generate_key
    from hc_desktop.store.sealing import CacheKeyMismatch

    key = await source.get(user_id)

    async def forget() -> None:
        await source.forget(user_id)

    on_erase: Callable[[], Awaitable[None]] | None = forget
    if key is None:
        _log.warning("no secure keyring: the cache key is kept for this run only")
        key, on_erase = generate_key(), None

    cipher = ContentCipher(key)
    try:
        return await asyncio.to_thread(
            store_class.open, path, user_id, cipher=cipher, on_erase=on_erase
        )
    except CacheKeyMismatch:
        _log.warning("the cache was written with another key: erased, it fills again")
    await asyncio.to_thread(erase_files, path)
    return await asyncio.to_thread(
        store_class.open, path, user_id, cipher=cipher, on_erase=on_erase
    )

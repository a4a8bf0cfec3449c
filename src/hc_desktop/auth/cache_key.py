"""The per-user key of the encrypted local cache, kept in the OS keyring.

Entry ``cache-key:<user id>`` under the app's keyring service holds 32 random bytes
(base64). Keyring calls block, so they run off the event loop. Without a usable keyring
there is no key, and the caller keeps the cache in memory only: an unencrypted file, or a
key written next to the data it protects, would defeat the point.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import logging
import secrets

import keyring
import keyring.errors

log = logging.getLogger("hc_desktop.auth")

SERVICE = "hc-desktop"
KEY_BYTES = 32
_REFUSED_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")


def entry_name(user_id: str) -> str:
    return f"cache-key:{user_id}"


def _usable_backend() -> bool:
    backend = keyring.get_keyring()
    candidates = [backend, *getattr(backend, "backends", [])]
    return not any(
        type(candidate).__module__.startswith(_REFUSED_MODULE_PREFIXES) for candidate in candidates
    )


def _decode(raw: str) -> bytes | None:
    try:
        key = base64.b64decode(raw.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def _get_or_create(service: str, user_id: str) -> bytes | None:
    if not _usable_backend():
        return None
    name = entry_name(user_id)
    raw = keyring.get_password(service, name)
    if raw is not None:
        key = _decode(raw)
        if key is not None:
            return key
        log.warning("cache key entry is damaged; a new key replaces it (the cache restarts)")
    key = secrets.token_bytes(KEY_BYTES)
    keyring.set_password(service, name, base64.b64encode(key).decode("ascii"))
    # Read back: some backends accept a write and drop it (locked collection, size limit).
    stored = keyring.get_password(service, name)
    return key if stored is not None and _decode(stored) == key else None


def existing_cache_key(user_id: str, *, service: str = SERVICE) -> bytes | None:
    """The user's key if the keyring holds one already; never creates one. Blocking: for
    the start-up thread that reads it while Qt loads."""
    try:
        if not _usable_backend():
            return None
        raw = keyring.get_password(service, entry_name(user_id))
    except Exception as exc:  # any backend failure: the store asks again, properly
        log.info("cache key not read at start-up (%s)", type(exc).__name__)
        return None
    return None if raw is None else _decode(raw)


async def cache_key(user_id: str, *, service: str = SERVICE) -> bytes | None:
    """The user's cache key, created on first use; None when the keyring cannot keep it.

    A new key means any existing cache file of this user cannot be read: the caller erases
    it and syncs again from the server.
    """
    try:
        return await asyncio.to_thread(_get_or_create, service, user_id)
    except Exception as exc:  # keyring backends raise their own types (e.g. Windows 1783)
        log.warning("cache key unavailable (%s); history stays in memory", type(exc).__name__)
        return None


async def forget_cache_key(user_id: str, *, service: str = SERVICE) -> None:
    """Delete the key (sign-out, "do not keep history"): the cache file becomes unreadable."""

    def delete() -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(service, entry_name(user_id))

    try:
        await asyncio.to_thread(delete)
    except Exception as exc:
        log.warning("cache key could not be deleted (%s)", type(exc).__name__)

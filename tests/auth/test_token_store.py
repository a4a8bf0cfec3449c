"""The refresh token goes to the keyring, off the event loop thread, or stays in memory."""

from __future__ import annotations

import asyncio
import threading

import keyring
from keyring.backends import null
import keyring.errors
import pytest

from hc_desktop.auth import KeyringTokenStore, MemoryTokenStore
from hc_desktop.auth.token_store import MAX_SECRET_CHARS
from tests.auth.keyrings import FailingKeyring, MemoryKeyring


def test_round_trip_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    async def go() -> tuple[object, object, bool, int]:
        store = KeyringTokenStore(profile="test")
        try:
            await store.save("r" * 51, "user-1", "patient@example.test")
            loaded = await store.load()
            persistent = store.persistent
            await store.clear()
            return loaded, await store.load(), persistent, threading.get_ident()
        finally:
            store.close()

    loaded, after_clear, persistent, loop_thread = asyncio.run(go())
    assert loaded is not None and loaded.refresh_token == "r" * 51
    assert (loaded.user_id, loaded.email) == ("user-1", "patient@example.test")
    assert after_clear is None and persistent
    assert memory_keyring.entries == {}
    assert memory_keyring.calling_threads and loop_thread not in memory_keyring.calling_threads


def test_only_the_refresh_token_and_small_metadata_are_stored(
    memory_keyring: MemoryKeyring,
) -> None:
    async def go() -> None:
        store = KeyringTokenStore(profile="ward-3")
        try:
            await store.save("abcdefghijkl", "user-1", "patient@example.test")
        finally:
            store.close()

    asyncio.run(go())
    ((service, entry), secret) = next(iter(memory_keyring.entries.items()))
    assert (service, entry) == ("hc-desktop", "session:ward-3")
    assert len(secret) < 200 <= MAX_SECRET_CHARS
    assert memory_keyring.stored("ward-3") == {
        "v": 1,
        "rt": "abcdefghijkl",
        "uid": "user-1",
        "email": "patient@example.test",
    }


def test_clearing_an_empty_entry_is_fine(memory_keyring: MemoryKeyring) -> None:
    async def go() -> bool:
        store = KeyringTokenStore(profile="test")
        try:
            await store.clear()
            return store.persistent
        finally:
            store.close()

    assert asyncio.run(go()) is True


def test_unreadable_entry_is_ignored(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.entries[("hc-desktop", "session:test")] = "not json"

    async def go() -> object:
        store = KeyringTokenStore(profile="test")
        try:
            return await store.load()
        finally:
            store.close()

    assert asyncio.run(go()) is None


@pytest.mark.parametrize(
    "error_type",
    [
        keyring.errors.NoKeyringError,
        keyring.errors.InitError,
        keyring.errors.KeyringLocked,
        keyring.errors.PasswordSetError,
        OSError,  # e.g. Windows error 1783 for an oversized secret is not a keyring error
    ],
)
def test_failing_keyring_falls_back_to_memory(
    failing_keyring: FailingKeyring, error_type: type[Exception]
) -> None:
    failing_keyring.error_type = error_type

    async def go() -> tuple[bool, object, bool, object]:
        store = KeyringTokenStore(profile="test")
        try:
            available = await store.available()
            await store.save("abcdefghijkl", "user-1", None)
            loaded = await store.load()
            persistent = store.persistent
            await store.clear()
            return available, loaded, persistent, await store.load()
        finally:
            store.close()

    available, loaded, persistent, after_clear = asyncio.run(go())
    assert available is False and persistent is False
    assert loaded is not None and loaded.refresh_token == "abcdefghijkl"
    assert after_clear is None
    assert failing_keyring.calls == 1  # gave up after the first failure: no repeated prompts


def test_failure_on_write_drops_the_stale_entry(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.entries[("hc-desktop", "session:test")] = '{"v":1,"rt":"old","uid":"u"}'

    def refuse(*args: object) -> None:
        raise keyring.errors.KeyringLocked("locked")

    memory_keyring.set_password = refuse  # type: ignore[method-assign]

    async def go() -> tuple[object, bool]:
        store = KeyringTokenStore(profile="test")
        try:
            await store.save("newtokenabcd", "u", None)
            return await store.load(), store.persistent
        finally:
            store.close()

    loaded, persistent = asyncio.run(go())
    assert loaded is not None and loaded.refresh_token == "newtokenabcd"
    assert not persistent
    assert memory_keyring.entries == {}


class _PlaintextLookalike(MemoryKeyring):
    """Stands in for keyrings.alt's file backends (not installed here)."""


_PlaintextLookalike.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("backend_type", [_PlaintextLookalike, null.Keyring])
def test_file_and_null_backends_are_refused(backend_type: type) -> None:
    backend = backend_type()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:

        async def go() -> tuple[bool, object]:
            store = KeyringTokenStore(profile="test")
            try:
                await store.save("abcdefghijkl", "user-1", None)
                return store.persistent, await store.load()
            finally:
                store.close()

        persistent, loaded = asyncio.run(go())
    finally:
        keyring.set_keyring(previous)
    assert persistent is False
    assert loaded is not None  # kept in memory for this run
    assert getattr(backend, "entries", {}) == {}


def test_explicit_backend_wins_over_the_global_one(failing_keyring: FailingKeyring) -> None:
    backend = MemoryKeyring()

    async def go() -> bool:
        store = KeyringTokenStore(profile="test", backend=backend)
        try:
            await store.save("abcdefghijkl", "user-1", None)
            return store.persistent
        finally:
            store.close()

    assert asyncio.run(go())
    assert failing_keyring.calls == 0 and backend.stored() is not None


def test_memory_store() -> None:
    async def go() -> tuple[object, object]:
        store = MemoryTokenStore()
        await store.save("abcdefghijkl", "user-1", None)
        loaded = await store.load()
        await store.clear()
        return loaded, await store.load()

    loaded, cleared = asyncio.run(go())
    assert loaded is not None and cleared is None

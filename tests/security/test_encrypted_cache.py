"""The local cache at rest: content sealed in the file, the key in the keyring, or no file.

Every test writes a marker into each content-bearing place (threads, shadow, outbox,
conflicts, cached messages) and then reads the raw bytes of the SQLite file and its side
files: the marker must not be there, while the app reads everything back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
import sqlite3
from typing import Any, TypeVar
import uuid

import pytest

from hc_desktop.app.cache_opening import FileCacheKeys, open_local_cache
from hc_desktop.auth.cache_key import entry_name
from hc_desktop.config import load_settings
from hc_desktop.core.threads import Thread
from hc_desktop.paths import Profile
from hc_desktop.store.crypto import ContentCipher, generate_key, is_envelope
from hc_desktop.store.local import LocalThreadStore
from hc_desktop.store.sealing import CacheKeyMismatch
from hc_desktop.sync import CachedThreadRepository, MessageCache, ledger
from tests.auth.keyrings import FailingKeyring, MemoryKeyring

T = TypeVar("T")

USER = uuid.UUID("0d3f7a52-55a4-4f4b-9a55-8d1f3e0c9b11")
MARKER = "Zyxomarker"
TITLE = f"{MARKER} knee pain"
PREVIEW = f"{MARKER} rest and ice"
QUERY = f"{MARKER} my knee hurts"
ANSWER = f"{MARKER} try rest, ice and elevation"


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@dataclass(frozen=True)
class Turn:
    id: str
    query: str
    answer: str
    created_at: int


def _profile(tmp_path: Path) -> Profile:
    return Profile.named("test", tmp_path).ensure()


def _raw_bytes(folder: Path) -> bytes:
    """Every byte of every file under ``folder`` (the database, WAL, SHM, anything else)."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


async def _write_everything(store: CachedThreadRepository) -> Thread:
    """A thread (row + outbox), an edit, a pulled shadow row, a conflict and two turns."""
    thread = await store.create_if_absent("conv-1", title=TITLE, preview=PREVIEW)
    await store.rename(thread.id, f"{TITLE} (left)")
    remote = Thread(
        thread.id,
        USER,
        "conv-1",
        f"{TITLE} (remote)",
        PREVIEW,
        False,
        thread.created_at,
        datetime.now(UTC),
    )
    now = datetime.now(UTC)

    def shadow_and_conflict(conn: Any) -> None:
        ledger.apply_remote(conn, USER, [remote])
        ledger.record_conflict(conn, thread.id, "title", f"{TITLE} (mine)", remote.title, now)

    await store.transact(shadow_and_conflict)
    await MessageCache(store).save("conv-1", [Turn("msg-1", QUERY, ANSWER, 1_700_000_000)])
    return thread


async def _read_everything(store: CachedThreadRepository, thread_id: uuid.UUID) -> list[object]:
    listed = await store.list_threads()
    conflicts = await store.conflicts(thread_id)
    entry = await store.transact(lambda conn: ledger.next_entry(conn, USER))
    messages = await MessageCache(store).load("conv-1")
    assert entry is not None
    return [
        [t.title for t in listed],
        [t.last_message_preview for t in listed],
        [(c.local_value, c.remote_value) for c in conflicts],
        entry.payload,
        [(m.query, m.answer) for m in messages],
    ]


EXPECTED = [
    [f"{TITLE} (left)"],
    [PREVIEW],
    [(f"{TITLE} (mine)", f"{TITLE} (remote)")],
    {"title": TITLE, "last_message_preview": PREVIEW, "archived": False},
    [(QUERY, ANSWER)],
]


def test_no_content_reaches_the_file_and_everything_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "threads.sqlite3"
    cipher = ContentCipher(generate_key())

    async def scenario() -> list[object]:
        store = await asyncio.to_thread(CachedThreadRepository.open, path, USER, cipher=cipher)
        try:
            thread = await _write_everything(store)
            assert MARKER.encode() not in _raw_bytes(path.parent), "content while open (WAL)"
            return await _read_everything(store, thread.id)
        finally:
            await store.close()

    assert run(scenario()) == EXPECTED
    raw = _raw_bytes(path.parent)
    assert MARKER.encode() not in raw
    assert MARKER.encode("utf-16-le") not in raw


def test_the_first_page_reads_with_sqlite3_and_the_cipher_alone(tmp_path: Path) -> None:
    """The start-up path: no SQLAlchemy, envelopes bound to (threads, column, id as stored)."""
    path = tmp_path / "threads.sqlite3"
    cipher = ContentCipher(generate_key())

    async def scenario() -> None:
        store = await asyncio.to_thread(LocalThreadStore.open, path, USER, cipher=cipher)
        try:
            await store.create_if_absent("conv-1", title=TITLE, preview=PREVIEW)
        finally:
            await store.close()

    run(scenario())
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT id, title, last_message_preview FROM threads WHERE NOT archived "
            "ORDER BY updated_at DESC, id DESC LIMIT 200"
        ).fetchall()
    db.close()
    [(row_id, title, preview)] = rows
    assert len(row_id) == 32 and is_envelope(title) and is_envelope(preview)
    assert cipher.decrypt(title, table="threads", column="title", row_id=row_id) == TITLE
    place = {"table": "threads", "column": "last_message_preview", "row_id": row_id}
    assert cipher.decrypt(preview, **place) == PREVIEW


def test_an_old_plaintext_cache_is_sealed_in_place_and_keeps_its_outbox(tmp_path: Path) -> None:
    path = tmp_path / "threads.sqlite3"
    cipher = ContentCipher(generate_key())

    async def scenario() -> list[object]:
        old = await asyncio.to_thread(CachedThreadRepository.open, path, USER)
        try:
            thread = await _write_everything(old)
        finally:
            await old.close()
        assert MARKER.encode() in _raw_bytes(tmp_path), "the old version wrote plaintext"
        store = await asyncio.to_thread(CachedThreadRepository.open, path, USER, cipher=cipher)
        try:
            assert await store.pending_count() == 2
            return await _read_everything(store, thread.id)
        finally:
            await store.close()

    assert run(scenario()) == EXPECTED
    assert MARKER.encode() not in _raw_bytes(tmp_path)


def test_a_file_sealed_with_another_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "threads.sqlite3"

    async def scenario() -> None:
        first = await asyncio.to_thread(
            LocalThreadStore.open, path, USER, cipher=ContentCipher(generate_key())
        )
        await first.create_if_absent("conv-1", title=TITLE, preview=None)
        await first.close()
        with pytest.raises(CacheKeyMismatch):
            await asyncio.to_thread(
                LocalThreadStore.open, path, USER, cipher=ContentCipher(generate_key())
            )

    run(scenario())


def test_a_damaged_value_reads_as_missing_and_a_damaged_edit_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "threads.sqlite3"
    cipher = ContentCipher(generate_key())

    async def scenario() -> tuple[list[object], int]:
        store = await asyncio.to_thread(CachedThreadRepository.open, path, USER, cipher=cipher)
        try:
            thread = await store.create_if_absent("conv-1", title=TITLE, preview=PREVIEW)
            # Swap the title envelope into the preview: authenticated to another column.
            await store.transact(
                lambda conn: conn.exec_driver_sql("UPDATE threads SET last_message_preview = title")
            )
            await store.transact(
                lambda conn: conn.exec_driver_sql("UPDATE sync_outbox SET payload = base")
            )
            listed = await store.list_threads()
            entry = await store.transact(lambda conn: ledger.next_entry(conn, USER))
            pending = await store.pending_count()
            return [listed[0].title, listed[0].last_message_preview, entry, thread.id], pending
        finally:
            await store.close()

    (title, preview, entry, _), pending = run(scenario())
    assert (title, preview, entry, pending) == (TITLE, None, None, 0)


# -- opening the cache as the app does ---------------------------------------------------------


def test_the_key_lives_in_the_keyring_and_history_survives_a_restart(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    profile = _profile(tmp_path)

    async def scenario() -> list[str | None]:
        store = await open_local_cache(profile, USER)
        await store.create_if_absent("conv-1", title=TITLE, preview=None)
        await store.close()
        again = await open_local_cache(profile, USER)
        try:
            return [t.title for t in await again.list_threads()]
        finally:
            await again.close()

    assert run(scenario()) == [TITLE]
    assert ("hc-desktop", entry_name(str(USER))) in memory_keyring.entries
    assert MARKER.encode() not in _raw_bytes(profile.user_dir(USER))


@pytest.mark.postgres
def test_a_lost_key_erases_the_cache_and_sync_fills_it_again(
    tmp_path: Path, memory_keyring: MemoryKeyring, pg_database: str
) -> None:
    from hc_desktop.sync import RemoteThreads, SyncEngine

    profile = _profile(tmp_path)

    async def scenario() -> tuple[list[str | None], list[str | None]]:
        store = await open_local_cache(profile, USER, synced=True)
        remote = RemoteThreads(pg_database, USER)
        try:
            await store.create_if_absent("conv-1", title=TITLE, preview=PREVIEW)
            assert (await SyncEngine(store, remote, None, USER).sync_once()).pushed == 1
        finally:
            await store.close()
        memory_keyring.entries.clear()  # keyring reset: a new key, the file cannot be read
        store = await open_local_cache(profile, USER, synced=True)
        try:
            empty = [t.title for t in await store.list_threads()]
            await SyncEngine(store, remote, None, USER).sync_once()
            return empty, [t.title for t in await store.list_threads()]
        finally:
            await store.close()
            await remote.close()

    assert run(scenario()) == ([], [TITLE])


def test_without_a_secure_keyring_the_next_run_starts_empty(
    tmp_path: Path, failing_keyring: FailingKeyring
) -> None:
    profile = _profile(tmp_path)

    async def one_run(title: str | None) -> list[str | None]:
        store = await open_local_cache(profile, USER)
        try:
            assert store.encrypted, "content is sealed with this run's key"
            if title is not None:
                await store.create_if_absent("conv-1", title=title, preview=None)
            return [t.title for t in await store.list_threads()]
        finally:
            await store.close()

    assert run(one_run(TITLE)) == [TITLE]
    assert MARKER.encode() not in _raw_bytes(profile.user_dir(USER))
    assert run(one_run(None)) == []


def test_keep_history_off_writes_no_file_and_erases_an_old_one(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    profile = _profile(tmp_path)
    user_dir = profile.user_dir(USER)

    async def scenario() -> list[object]:
        kept = await open_local_cache(profile, USER, keep_history=True)
        await kept.create_if_absent("conv-old", title="Earlier", preview=None)
        await kept.close()
        assert any(user_dir.iterdir()) and memory_keyring.entries
        store = await open_local_cache(profile, USER, keep_history=False, synced=True)
        try:
            assert not any(p.is_file() for p in user_dir.rglob("*")), "old cache erased"
            assert not memory_keyring.entries, "and its key"
            thread = await _write_everything(store)
            read = await _read_everything(store, thread.id)
            assert not any(p.is_file() for p in user_dir.rglob("*")), "nothing written"
            return read
        finally:
            await store.close()

    assert run(scenario()) == EXPECTED
    assert not any(p.is_file() for p in user_dir.rglob("*"))


def test_a_policy_locked_keep_history_is_what_the_cache_follows(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    user_file = tmp_path / "user.toml"
    user_file.write_text("keep_history = true\n", encoding="utf-8")
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text("keep_history = false\n", encoding="utf-8")
    settings = load_settings(
        environ={},
        system_file=tmp_path / "none.toml",
        user_file=user_file,
        policy_file=policy_file,
        os_policy_values={},
    )
    assert settings.is_locked("keep_history") and settings.keep_history is False
    profile = _profile(tmp_path)

    async def scenario() -> None:
        store = await open_local_cache(profile, USER, keep_history=settings.keep_history)
        try:
            await store.create_if_absent("conv-1", title=TITLE, preview=None)
            assert store.path is None
        finally:
            await store.close()

    run(scenario())
    assert not profile.user_dir(USER).exists() or not any(profile.user_dir(USER).rglob("*.*"))


def test_erasing_the_cache_forgets_its_key(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    profile = _profile(tmp_path)

    async def scenario() -> None:
        store = await open_local_cache(profile, USER)
        await store.create_if_absent("conv-1", title=TITLE, preview=None)
        await store.erase()

    run(scenario())
    assert memory_keyring.entries == {}
    assert not profile.thread_store_file(USER).exists()


def test_the_demo_key_file_keeps_sample_threads_without_a_keyring(
    tmp_path: Path, failing_keyring: FailingKeyring
) -> None:
    profile = _profile(tmp_path)
    keys = FileCacheKeys(profile.root)

    async def one_run(title: str | None) -> list[str | None]:
        store = await open_local_cache(profile, USER, keys=keys)
        try:
            if title is not None:
                await store.create_if_absent("conv-1", title=title, preview=None)
            return [t.title for t in await store.list_threads()]
        finally:
            await store.close()

    assert run(one_run(TITLE)) == [TITLE]
    assert run(one_run(None)) == [TITLE]
    assert failing_keyring.calls == 0
    assert MARKER.encode() not in _raw_bytes(profile.user_dir(USER))


def test_light_modules_import_no_database_keyring_or_crypto_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import hc_desktop.app.cache_opening, hc_desktop.app.graph\n"
        "heavy = {'sqlalchemy', 'keyring', 'cryptography'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
        "import hc_desktop.store.crypto\n"
        "assert 'sqlalchemy' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr

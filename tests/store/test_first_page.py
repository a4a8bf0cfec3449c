"""The start-up reader agrees with the store: same first page, encrypted or not."""

from __future__ import annotations

import asyncio
from pathlib import Path
import uuid

from hc_desktop.app.cache_opening import FileCacheKeys
from hc_desktop.app.first_paint import peek_cached_threads
from hc_desktop.core.threads import Thread
from hc_desktop.paths import Profile
from hc_desktop.store import crypto
from hc_desktop.store.crypto import ContentCipher, generate_key
from hc_desktop.store.first_page import ENVELOPE_PREFIX, count_threads, read_first_page
from hc_desktop.store.local import LocalThreadStore


def seed(path: Path, user: uuid.UUID, cipher: ContentCipher | None, count: int) -> list[Thread]:
    async def run() -> list[Thread]:
        store = await asyncio.to_thread(LocalThreadStore.open, path, user, cipher=cipher)
        try:
            for n in range(count):
                await store.create_if_absent(
                    f"conv-{n}", title=f"Blood pressure question {n}", preview=f"answer {n}"
                )
            other = await store.create_if_absent("archived", title="Old", preview=None)
            await store.set_archived(other.id, True)
            return await store.list_threads(archived=False, limit=5)
        finally:
            await store.close()

    return asyncio.run(run())


def test_the_envelope_prefix_matches_the_cipher() -> None:
    assert ENVELOPE_PREFIX == crypto.PREFIX


def test_plain_file_reads_the_same_first_page_as_the_store(tmp_path: Path) -> None:
    user = uuid.uuid4()
    path = tmp_path / "threads.sqlite3"
    expected = seed(path, user, None, 8)
    assert read_first_page(path, user, 5) == expected
    assert count_threads(path, user) == 9
    assert read_first_page(path, uuid.uuid4(), 5) == []  # another user's rows never show


def test_encrypted_file_needs_its_key(tmp_path: Path) -> None:
    user = uuid.uuid4()
    key = generate_key()
    path = tmp_path / "threads.sqlite3"
    seed(path, user, ContentCipher(key), 8)
    assert b"Blood pressure" not in path.read_bytes()
    assert read_first_page(path, user, 5) == [], "no key: give up, the store takes over"
    wrong = ContentCipher(generate_key())

    def with_wrong_key(value: str | None, column: str, thread_id: uuid.UUID) -> str | None:
        return wrong.decrypt(value, table="threads", column=column, row_id=thread_id.hex)

    assert read_first_page(path, user, 5, open_value=with_wrong_key) == []


def test_peek_opens_the_demo_profile_with_its_key(tmp_path: Path) -> None:
    profile = Profile.named("peek", tmp_path).ensure()
    user = uuid.uuid4()
    keys = FileCacheKeys(profile.root)
    key = asyncio.run(keys.get(user))
    assert key is not None
    expected = seed(profile.thread_store_file(user), user, ContentCipher(key), 8)
    assert asyncio.run(peek_cached_threads(profile, user, 5, keys=keys)) == expected
    assert asyncio.run(peek_cached_threads(profile, uuid.uuid4(), 5, keys=keys)) == []


def test_a_damaged_file_reads_as_nothing(tmp_path: Path) -> None:
    path = tmp_path / "threads.sqlite3"
    path.write_bytes(b"not a database")
    assert read_first_page(path, uuid.uuid4(), 5) == []
    assert count_threads(path, uuid.uuid4()) is None

"""The local side alone: atomic outbox writes, upgrades that keep them, the message cache."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
import sqlite3
import uuid

import pytest
from sqlalchemy import Connection

from hc_desktop.core.threads import Thread
from hc_desktop.store import local_schema
from hc_desktop.store.local import sqlite_engine
from hc_desktop.store.repository import ThreadNotFound
from hc_desktop.sync import CachedMessage, CachedThreadRepository, MessageCache
from hc_desktop.sync.outbox import Merge, merge
from tests.sync.conftest import USER, run

NOW = datetime(2026, 1, 2, 12, 0, tzinfo=UTC)


def outbox_ops(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as plain:
        rows = plain.execute("SELECT op, payload FROM sync_outbox ORDER BY seq").fetchall()
    plain.close()
    return [(str(op), str(payload)) for op, payload in rows]


def test_every_mutation_writes_the_row_and_its_outbox_entry_together(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, path, USER)
        try:
            thread = await local.create_if_absent("conv", title="T", preview=None)
            again = await local.create_if_absent("conv", title="other", preview=None)
            assert again.id == thread.id
            await local.rename(thread.id, "T2")
            await local.set_archived(thread.id, True)
            await local.update_preview(thread.id, "p")
            with pytest.raises(ThreadNotFound):
                await local.rename(uuid.uuid4(), "nobody")
            assert await local.pending_count() == 4
            assert await local.delete(thread.id) is True
            assert await local.delete(thread.id) is False
        finally:
            await local.close()

    run(scenario())
    # The delete dropped the field edits it makes pointless; create and delete remain.
    assert [op for op, _ in outbox_ops(path)] == ["create", "delete"]
    with sqlite3.connect(path) as plain:
        assert plain.execute("SELECT conversation_id FROM sync_tombstones").fetchall() == [
            ("conv",)
        ]
    plain.close()


def test_pending_outbox_entries_survive_a_schema_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"

    async def write() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, path, USER)
        try:
            thread = await local.create_if_absent("conv", title="T", preview=None)
            await local.rename(thread.id, "Renamed")
        finally:
            await local.close()

    run(write())
    before = outbox_ops(path)

    def v3_adds_a_column(conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE sync_outbox ADD COLUMN note TEXT")

    engine = sqlite_engine(path)
    try:
        with engine.begin() as conn:
            previous = local_schema.upgrade(conn, (*local_schema.UPGRADES, v3_adds_a_column))
    finally:
        engine.dispose()
    assert previous == local_schema.LATEST_VERSION == 2
    assert outbox_ops(path) == before and len(before) == 2


def test_a_version_1_file_keeps_its_threads_when_upgraded_to_the_sync_schema(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache.db"
    engine = sqlite_engine(path)
    try:
        with engine.begin() as conn:
            local_schema.upgrade(conn, local_schema.UPGRADES[:1])
            conn.exec_driver_sql(
                "INSERT INTO threads VALUES (:id, :uid, 'conv-old', 'Old', NULL, 0, "
                "'2025-01-01 00:00:00.000000', '2025-01-01 00:00:00.000000')",
                {"id": uuid.uuid4().hex, "uid": USER.hex},
            )
    finally:
        engine.dispose()

    async def scenario() -> list[str | None]:
        local = await asyncio.to_thread(CachedThreadRepository.open, path, USER)
        try:
            assert await local.pending_count() == 0
            return [t.title for t in await local.list_threads()]
        finally:
            await local.close()

    assert run(scenario()) == ["Old"]


def test_message_cache_reads_offline_and_prunes_by_age(tmp_path: Path) -> None:
    day = 86_400
    stamp = int(NOW.timestamp())

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "c.db", USER)
        cache = MessageCache(local)
        try:
            thread = await local.create_if_absent("conv-m", title="M", preview=None)
            await cache.save(
                "conv-m",
                [
                    CachedMessage("m-old", "conv-m", "old q", "old a", stamp - 40 * day),
                    CachedMessage("m-new", "conv-m", "new q", "partial", stamp - day),
                ],
            )
            await cache.save(
                "conv-m", [CachedMessage("m-new", "conv-m", "new q", "full", stamp - day)]
            )
            await cache.save("conv-x", [CachedMessage("x", "conv-x", "q", "a", stamp)])
            loaded = await cache.load("conv-m")
            assert [(m.id, m.answer) for m in loaded] == [("m-old", "old a"), ("m-new", "full")]

            assert await cache.prune(30, now=NOW) == 1
            assert [m.id for m in await cache.load("conv-m")] == ["m-new"]

            await local.delete(thread.id)  # history goes with its thread
            assert await cache.load("conv-m") == []
            assert [m.id for m in await cache.load("conv-x")] == ["x"]
        finally:
            await local.close()

    run(scenario())


def test_the_last_viewed_thread_is_remembered_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"

    async def first() -> uuid.UUID:
        local = await asyncio.to_thread(CachedThreadRepository.open, path, USER)
        try:
            thread = await local.create_if_absent("conv", title="T", preview=None)
            await local.set_last_viewed(thread.id)
            return thread.id
        finally:
            await local.close()

    async def second() -> Thread | None:
        local = await asyncio.to_thread(CachedThreadRepository.open, path, USER)
        try:
            return await local.last_viewed()
        finally:
            await local.close()

    thread_id = run(first())
    shown = run(second())
    assert shown is not None and shown.id == thread_id


def test_erase_removes_the_users_file(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, path, USER)
        await local.create_if_absent("conv", title="T", preview=None)
        await local.erase()

    run(scenario())
    assert list(tmp_path.iterdir()) == []


def _remote(title: str | None, archived: bool) -> Thread:
    stamp = NOW + timedelta(seconds=1)
    return Thread(uuid.uuid4(), USER, "c", title, None, archived, NOW, stamp)


@pytest.mark.parametrize(
    ("payload", "base", "remote", "expected"),
    [
        # The remote changed another field: ours is re-applied.
        ({"title": "ours"}, {"title": "old"}, _remote("old", True), Merge({"title": "ours"})),
        # Both changed the same field: the remote keeps it, ours is kept aside.
        (
            {"title": "ours"},
            {"title": "old"},
            _remote("web", False),
            Merge({}, {"title": ("ours", "web")}),
        ),
        # The remote already has our value (a push that landed before a crash).
        ({"archived": True}, {"archived": False}, _remote("x", True), Merge()),
    ],
)
def test_merge_rule(
    payload: dict[str, object], base: dict[str, object], remote: Thread, expected: Merge
) -> None:
    assert merge(payload, base, remote) == expected

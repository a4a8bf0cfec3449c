"""The local SQLite file: privacy, pragmas, lossless values and in-place schema upgrades."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone
import itertools
from pathlib import Path
import sqlite3
import stat
import uuid

import pytest
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import StatementError

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.store import local_schema
from hc_desktop.store.local import LocalThreadStore, sqlite_engine
from hc_desktop.store.schema import SQLITE_TRANSLATE_MAP, threads

USER = uuid.UUID("5c3e2d1f-0a9b-4c8d-9e7f-6a5b4c3d2e10")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_and_write(path: Path) -> None:
    async def scenario() -> None:
        store = LocalThreadStore.open(path, USER)
        try:
            await store.create_if_absent("conv-1", title="t", preview="p")
        finally:
            await store.close()

    asyncio.run(scenario())


def test_created_folders_and_files_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "profile" / "threads.db"

    async def scenario() -> None:
        store = LocalThreadStore.open(path, USER)
        try:
            await store.create_if_absent("conv-1", title="t", preview="p")
            for suffix in ("-wal", "-shm"):
                side = path.with_name(path.name + suffix)
                assert side.exists()
                assert mode(side) == 0o600
        finally:
            await store.close()

    asyncio.run(scenario())
    assert mode(tmp_path / "data") == 0o700
    assert mode(tmp_path / "data" / "profile") == 0o700
    assert mode(path) == 0o600


def test_an_existing_readable_file_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    path.touch(mode=0o644)
    path.chmod(0o644)

    open_and_write(path)

    assert mode(path) == 0o600


def test_connections_use_wal_normal_sync_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    open_and_write(path)

    engine = sqlite_engine(path)
    try:
        with engine.connect() as conn:
            pragmas = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()

    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 1,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }


def test_uuid_and_timestamps_round_trip_losslessly(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    open_and_write(path)
    thread_id = uuid.UUID("00000000-0000-4000-8000-0000000000ff")
    kolkata = timezone(timedelta(hours=5, minutes=30))
    created = datetime(2025, 3, 30, 1, 59, 59, 999_999, tzinfo=kolkata)

    engine = sqlite_engine(path)
    try:
        with engine.begin() as raw:
            conn = raw.execution_options(schema_translate_map=SQLITE_TRANSLATE_MAP)
            conn.execute(
                insert(threads).values(
                    id=thread_id,
                    user_id=USER,
                    conversation_id="conv-rt",
                    archived=False,
                    created_at=created,
                    updated_at=created,
                )
            )
            row = conn.execute(select(threads).where(threads.c.id == thread_id)).one()
            with pytest.raises(StatementError, match="timezone-aware"):
                conn.execute(threads.update().values(updated_at=datetime(2025, 1, 1)))
    finally:
        engine.dispose()

    assert row.id == thread_id and row.user_id == USER
    assert row.created_at == created
    assert row.created_at.tzinfo == UTC
    assert row.created_at.microsecond == 999_999
    with sqlite3.connect(path) as plain:
        stored = plain.execute(
            "SELECT id, created_at FROM threads WHERE conversation_id = 'conv-rt'"
        ).fetchone()
    plain.close()
    assert stored == (thread_id.hex, "2025-03-29 20:29:59.999999")


def test_rapid_changes_still_get_increasing_updated_at(tmp_path: Path) -> None:
    async def scenario() -> list[datetime]:
        store = LocalThreadStore.open(tmp_path / "threads.db", USER)
        try:
            thread = await store.create_if_absent("conv-1", title=None, preview=None)
            stamps = [thread.updated_at]
            for n in range(50):
                stamps.append((await store.update_preview(thread.id, str(n))).updated_at)
            return stamps
        finally:
            await store.close()

    stamps = asyncio.run(scenario())
    assert all(earlier < later for earlier, later in itertools.pairwise(stamps))


def test_new_file_is_at_the_latest_local_version(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    open_and_write(path)

    with sqlite3.connect(path) as plain:
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        names = {r[0] for r in plain.execute("SELECT name FROM sqlite_master")}
    plain.close()
    assert version == local_schema.LATEST_VERSION == 2
    assert {"threads", "idx_threads_user_id", "idx_threads_conversation_id"} <= names
    assert "idx_threads_user_archived" in names


def _run_upgrade(path: Path, steps: tuple[local_schema.UpgradeStep, ...]) -> int:
    engine = sqlite_engine(path)
    try:
        with engine.begin() as conn:
            return local_schema.upgrade(conn, steps)
    finally:
        engine.dispose()


def _add_outbox(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE TABLE outbox (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")


def _add_cache_then_fail(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE TABLE message_cache (id TEXT PRIMARY KEY)")
    conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")


def test_upgrade_path_keeps_rows_and_adds_tables(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    open_and_write(path)

    previous = _run_upgrade(path, (*local_schema.UPGRADES, _add_outbox))

    assert previous == local_schema.LATEST_VERSION
    with sqlite3.connect(path) as plain:
        assert plain.execute("PRAGMA user_version").fetchone()[0] == local_schema.LATEST_VERSION + 1
        assert plain.execute("SELECT conversation_id FROM threads").fetchall() == [("conv-1",)]
        assert plain.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
    plain.close()


def test_failed_upgrade_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    open_and_write(path)

    with pytest.raises(StatementError):
        _run_upgrade(path, (*local_schema.UPGRADES, _add_outbox, _add_cache_then_fail))

    with sqlite3.connect(path) as plain:
        assert plain.execute("PRAGMA user_version").fetchone()[0] == local_schema.LATEST_VERSION
        tables = {r[0] for r in plain.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert plain.execute("SELECT conversation_id FROM threads").fetchall() == [("conv-1",)]
    plain.close()
    assert "outbox" not in tables and "message_cache" not in tables
    assert "threads" in tables


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    open_and_write(path)
    with sqlite3.connect(path) as plain:
        plain.execute("PRAGMA user_version = 99")
    plain.close()

    with pytest.raises(StoreUnavailable, match="newer version"):
        LocalThreadStore.open(path, USER)

"""The embedded store: one SQLite file per signed-in user.

It is the whole store in the embedded setup and the cache in front of the shared database
otherwise, so it behaves exactly like the Postgres store (same statements, same types) with
this file acting as the server: ``updated_at`` comes from this machine's UTC clock. The file
and its WAL side files are readable by their owner only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import contextlib
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
import os
from pathlib import Path
import sqlite3
from typing import Any, Self, TypeVar
import uuid

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.dml import ReturningInsert

from hc_desktop.store import local_schema
from hc_desktop.store.dberrors import unavailable
from hc_desktop.store.schema import SQLITE_TRANSLATE_MAP, threads
from hc_desktop.store.sqlstore import SqlThreadStore

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5_000
_OWNER_ONLY_DIR = 0o700
_OWNER_ONLY_FILE = 0o600
_SIDE_FILES = ("-wal", "-shm", "-journal")


def _make_private_dirs(folder: Path) -> None:
    """Create missing folders owner-only (existing ones are left as they are)."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=_OWNER_ONLY_DIR)
        os.chmod(path, _OWNER_ONLY_DIR)


def _make_private_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, _OWNER_ONLY_FILE)
    os.close(fd)
    os.chmod(path, _OWNER_ONLY_FILE)


def _restrict_side_files(path: Path) -> None:
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, _OWNER_ONLY_FILE)


def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy's "begin" hook below start transactions, DDL included.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def sqlite_engine(path: Path) -> Engine:
    """An engine for ``path`` with WAL, NORMAL sync, foreign keys and real transactions."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        pool_size=1,
        max_overflow=0,
    )
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


class LocalThreadStore(SqlThreadStore):
    """Threads of one user in a local SQLite file."""

    store_label = "the local thread store"

    def __init__(self, path: Path, user_id: uuid.UUID) -> None:
        super().__init__(sqlite_engine(path), user_id, worker_name="hc-local-store")
        self._path = path
        self._last_stamp: datetime | None = None

    @classmethod
    def open(cls, path: Path, user_id: uuid.UUID) -> Self:
        """Create or upgrade the file at ``path`` and return a store bound to ``user_id``.

        Blocks until the file is ready (call it off the UI thread).
        """
        try:
            _make_private_dirs(path.parent)
            _make_private_file(path)
        except OSError as exc:
            raise unavailable(exc, cls.store_label) from None
        store = cls(path, user_id)
        try:
            store._executor.submit(store._prepare).result()
        except BaseException:
            store._executor.submit(store._engine.dispose).result()
            store._executor.shutdown(wait=True)
            raise
        return store

    async def erase(self) -> None:
        """Close and delete the file with its side files (sign-out clears the user's cache)."""
        await self.close()
        for suffix in ("", *_SIDE_FILES):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{self.path}{suffix}")

    async def transact(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one transaction on the store's writer thread."""
        return await self._run(work)

    @property
    def path(self) -> Path:
        return self._path

    def _prepare(self) -> int:
        try:
            with self._engine.begin() as conn:
                previous = local_schema.upgrade(conn)
        except SQLAlchemyError as exc:
            raise unavailable(exc, self.store_label) from None
        _restrict_side_files(self._path)
        return previous

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._engine.begin() as conn:
            yield conn.execution_options(schema_translate_map=SQLITE_TRANSLATE_MAP)

    def _modified_at(self) -> datetime:
        """This machine's UTC clock, nudged so that every change gets a later stamp."""
        now = datetime.now(UTC)
        if self._last_stamp is not None and now <= self._last_stamp:
            now = self._last_stamp + timedelta(microseconds=1)
        self._last_stamp = now
        return now

    def _insert_if_absent(
        self, conversation_id: str, title: str | None, preview: str | None
    ) -> ReturningInsert[Any]:
        stamp = self._modified_at()
        return (
            sqlite_insert(threads)
            .values(
                id=uuid.uuid4(),
                user_id=self.user_id,
                conversation_id=conversation_id,
                title=title,
                last_message_preview=preview,
                archived=False,
                created_at=stamp,
                updated_at=stamp,
            )
            .on_conflict_do_nothing(index_elements=[threads.c.conversation_id])
            .returning(*threads.c)
        )

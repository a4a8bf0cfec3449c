"""The embedded store: one SQLite file per signed-in user.

It is the whole store in the embedded setup and the cache in front of the shared database
otherwise, so it behaves exactly like the Postgres store (same statements, same types) with
this file acting as the server: ``updated_at`` comes from this machine's UTC clock. The file
and its WAL side files are readable by their owner only.

Given a :class:`~hc_desktop.store.crypto.ContentCipher`, content columns hold envelopes
(see :mod:`hc_desktop.store.sealing`); without a path the same store lives in memory only,
for users who keep no history on this computer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
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
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool
from sqlalchemy.sql.dml import ReturningInsert

from hc_desktop.store import local_schema, seal_upgrade
from hc_desktop.store.crypto import ContentCipher
from hc_desktop.store.dberrors import unavailable
from hc_desktop.store.schema import SQLITE_TRANSLATE_MAP, threads
from hc_desktop.store.sealing import SEALER_OPTION, Sealer
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
        # Deleted and overwritten content is zeroed, and sorts never spill to temp files.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute("PRAGMA temp_store = MEMORY")
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


def memory_engine() -> Engine:
    """One private in-memory database, kept for the engine's lifetime (one connection)."""
    engine = create_engine(
        "sqlite+pysqlite://",
        connect_args={"check_same_thread": False},
        poolclass=StaticPool,
    )
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


def erase_files(path: Path) -> None:
    """Delete a store file and its side files (missing ones are fine)."""
    for suffix in ("", *_SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def store_files(path: Path) -> list[Path]:
    """The store file and side files that exist."""
    candidates = [path, *(path.with_name(path.name + suffix) for suffix in _SIDE_FILES)]
    return [candidate for candidate in candidates if candidate.exists()]


class LocalThreadStore(SqlThreadStore):
    """Threads of one user in a local SQLite file (or in memory when ``path`` is None)."""

    store_label = "the local thread store"

    def __init__(
        self,
        path: Path | None,
        user_id: uuid.UUID,
        *,
        cipher: ContentCipher | None = None,
        on_erase: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        engine = memory_engine() if path is None else sqlite_engine(path)
        super().__init__(engine, user_id, worker_name="hc-local-store", sealer=Sealer(cipher))
        self._path = path
        self._on_erase = on_erase
        self._last_stamp: datetime | None = None

    @classmethod
    def open(
        cls,
        path: Path,
        user_id: uuid.UUID,
        *,
        cipher: ContentCipher | None = None,
        on_erase: Callable[[], Awaitable[None]] | None = None,
    ) -> Self:
        """Create or upgrade the file at ``path`` and return a store bound to ``user_id``.

        With ``cipher``, content is sealed; a file written with another key raises
        :class:`~hc_desktop.store.sealing.CacheKeyMismatch` (erase it and open again).
        Blocks until the file is ready (call it off the UI thread).
        """
        try:
            _make_private_dirs(path.parent)
            _make_private_file(path)
        except OSError as exc:
            raise unavailable(exc, cls.store_label) from None
        return cls(path, user_id, cipher=cipher, on_erase=on_erase)._prepared()

    @classmethod
    def open_in_memory(cls, user_id: uuid.UUID) -> Self:
        """A store that never touches the disk: it is gone when it closes."""
        return cls(None, user_id)._prepared()

    def _prepared(self) -> Self:
        try:
            self._executor.submit(self._prepare).result()
        except BaseException:
            self._executor.submit(self._engine.dispose).result()
            self._executor.shutdown(wait=True)
            raise
        return self

    async def erase(self) -> None:
        """Close and delete the file with its side files (sign-out clears the user's cache),
        then run the erase hook (which forgets the cache key)."""
        await self.close()
        if self._path is not None:
            erase_files(self._path)
        if self._on_erase is not None:
            await self._on_erase()

    async def transact(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one transaction on the store's writer thread."""
        return await self._run(work)

    @property
    def path(self) -> Path | None:
        """The file, or None for a memory-only store."""
        return self._path

    @property
    def encrypted(self) -> bool:
        return self._sealer.encrypts

    def _prepare(self) -> int:
        try:
            with self._engine.begin() as conn:
                previous = local_schema.upgrade(conn)
                sealed = seal_upgrade.prepare(conn, self._sealer)
            if sealed:
                self._compact()
        except SQLAlchemyError as exc:
            raise unavailable(exc, self.store_label) from None
        if self._path is not None:
            _restrict_side_files(self._path)
        return previous

    def _compact(self) -> None:
        """Rewrite the file after sealing old plaintext, so none stays in free pages or
        the write-ahead log."""
        raw = self._engine.raw_connection()
        try:
            cursor = raw.cursor()
            try:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.execute("VACUUM")
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                cursor.close()
        finally:
            raw.close()

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._engine.begin() as conn:
            yield conn.execution_options(
                schema_translate_map=SQLITE_TRANSLATE_MAP, **{SEALER_OPTION: self._sealer}
            )

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
        thread_id = uuid.uuid4()
        return (
            sqlite_insert(threads)
            .values(
                id=thread_id,
                user_id=self.user_id,
                conversation_id=conversation_id,
                title=self._sealer.seal(title, "threads", "title", thread_id),
                last_message_preview=self._sealer.seal(
                    preview, "threads", "last_message_preview", thread_id
                ),
                archived=False,
                created_at=stamp,
                updated_at=stamp,
            )
            .on_conflict_do_nothing(index_elements=[threads.c.conversation_id])
            .returning(*threads.c)
        )

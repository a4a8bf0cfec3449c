"""The local SQLite file's own schema, versioned with ``PRAGMA user_version``.

Each step moves the file up one version and is never edited once released: version 2 adds
the message cache, the outbox and sync state. All pending steps run in one transaction, so
a failed upgrade leaves the file (and any pending outbox entries) exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection

from hc_desktop.core.errors import StoreUnavailable

UpgradeStep = Callable[[Connection], None]


def _v1_threads(conn: Connection) -> None:
    """The threads table as in the shared schema; UUIDs as 32 hex chars, times as UTC text."""
    conn.exec_driver_sql(
        """
        CREATE TABLE threads (
            id CHAR(32) NOT NULL,
            user_id CHAR(32) NOT NULL,
            conversation_id TEXT NOT NULL,
            title TEXT,
            last_message_preview TEXT,
            archived BOOLEAN NOT NULL DEFAULT 0,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            CONSTRAINT threads_pkey PRIMARY KEY (id),
            CONSTRAINT threads_conversation_id_unique UNIQUE (conversation_id)
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX idx_threads_user_id ON threads (user_id)")
    conn.exec_driver_sql("CREATE INDEX idx_threads_conversation_id ON threads (conversation_id)")
    conn.exec_driver_sql("CREATE INDEX idx_threads_user_archived ON threads (user_id, archived)")


def _v2_sync(conn: Connection) -> None:
    """What the sync engine keeps beside the threads.

    ``sync_outbox``: pending mutations in order, with the values they were based on;
    ``sync_shadow``: each thread as last confirmed by the shared database (``stamp_us`` is
    ``updated_at`` in Unix microseconds, for the cheap no-change check of a pull);
    ``sync_tombstones``: deleted conversations until the row and the Dify conversation are gone;
    ``sync_conflicts``: local values that lost to a concurrent remote change;
    ``sync_state``: small key/value facts (pull cursor, last viewed thread);
    ``cached_messages``: conversation history for offline reading.
    """
    conn.exec_driver_sql(
        """
        CREATE TABLE sync_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id CHAR(32) NOT NULL,
            op TEXT NOT NULL,
            thread_id CHAR(32) NOT NULL,
            conversation_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            base TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at DATETIME NOT NULL
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX idx_sync_outbox_thread ON sync_outbox (thread_id, seq)")
    conn.exec_driver_sql(
        """
        CREATE TABLE sync_shadow (
            id CHAR(32) NOT NULL PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            title TEXT,
            last_message_preview TEXT,
            archived BOOLEAN NOT NULL,
            updated_at DATETIME NOT NULL,
            stamp_us INTEGER NOT NULL
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX idx_sync_shadow_stamp ON sync_shadow (stamp_us)")
    conn.exec_driver_sql(
        """
        CREATE TABLE sync_tombstones (
            conversation_id TEXT NOT NULL PRIMARY KEY,
            thread_id CHAR(32) NOT NULL,
            user_id CHAR(32) NOT NULL,
            deleted_at DATETIME NOT NULL,
            remote_done BOOLEAN NOT NULL DEFAULT 0
        )
        """
    )
    conn.exec_driver_sql(
        """
        CREATE TABLE sync_conflicts (
            thread_id CHAR(32) NOT NULL,
            field TEXT NOT NULL,
            local_value TEXT NOT NULL,
            remote_value TEXT NOT NULL,
            detected_at DATETIME NOT NULL,
            PRIMARY KEY (thread_id, field)
        )
        """
    )
    conn.exec_driver_sql(
        "CREATE TABLE sync_state (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)"
    )
    conn.exec_driver_sql(
        """
        CREATE TABLE cached_messages (
            id TEXT NOT NULL PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            query TEXT NOT NULL,
            answer TEXT NOT NULL,
            created_at INTEGER NOT NULL
        )
        """
    )
    conn.exec_driver_sql(
        "CREATE INDEX idx_cached_messages_conversation "
        "ON cached_messages (conversation_id, created_at)"
    )
    conn.exec_driver_sql("CREATE INDEX idx_cached_messages_created ON cached_messages (created_at)")


#: Step ``n`` (0-based) upgrades a file from version ``n`` to ``n + 1``.
UPGRADES: tuple[UpgradeStep, ...] = (_v1_threads, _v2_sync)
LATEST_VERSION = len(UPGRADES)


def current_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())


def upgrade(conn: Connection, steps: Sequence[UpgradeStep] = UPGRADES) -> int:
    """Bring the file to ``len(steps)``; call inside a transaction. Returns the old version."""
    version = current_version(conn)
    if version > len(steps):
        raise StoreUnavailable(
            "the local data was written by a newer version of the app; please update it"
        )
    for step in steps[version:]:
        step(conn)
    if version != len(steps):
        conn.exec_driver_sql(f"PRAGMA user_version = {len(steps)}")
    return version

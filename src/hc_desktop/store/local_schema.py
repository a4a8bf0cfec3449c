"""The local SQLite file's own schema, versioned with ``PRAGMA user_version``.

Each step moves the file up one version and is never edited once released: later steps add
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


#: Step ``n`` (0-based) upgrades a file from version ``n`` to ``n + 1``.
UPGRADES: tuple[UpgradeStep, ...] = (_v1_threads,)
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

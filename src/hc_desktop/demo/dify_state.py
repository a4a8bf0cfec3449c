"""Conversations and messages of the demo Dify app, in SQLite (a file or memory).

Ordering uses insertion counters rather than timestamps: Dify's timestamps are whole seconds,
and a demo that creates many rows in one second must still page deterministically.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
import contextlib
from dataclasses import dataclass
from pathlib import Path
import sqlite3
import threading
import time
from typing import Any
import uuid

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    user TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    activity INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_by_activity ON conversations (user, activity);
CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    user TEXT NOT NULL,
    query TEXT NOT NULL,
    answer TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'normal',
    error TEXT,
    created_at INTEGER NOT NULL,
    rating TEXT,
    feedback_content TEXT
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation_id, seq);
"""


@dataclass(frozen=True, slots=True)
class StoredConversation:
    id: str
    user: str
    name: str
    created_at: int
    updated_at: int


@dataclass(frozen=True, slots=True)
class StoredMessage:
    id: str
    conversation_id: str
    user: str
    query: str
    answer: str
    status: str
    error: str | None
    created_at: int
    rating: str | None


_CONVERSATION_COLUMNS = "id, user, name, created_at, updated_at"
_MESSAGE_COLUMNS = "id, conversation_id, user, query, answer, status, error, created_at, rating"


def _conversation(row: Any) -> StoredConversation:
    return StoredConversation(*row)


def _message(row: Any) -> StoredMessage:
    return StoredMessage(*row)


class DemoDifyState:
    """Thread-safe store behind the demo server (one connection guarded by a lock)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            ":memory:" if path is None else str(path),
            check_same_thread=False,
            isolation_level=None,
        )
        self._lock = threading.Lock()
        with self._lock:
            if path is not None:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock for one explicit transaction, rolled back on any error."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- conversations -----------------------------------------------------------------

    def _next_activity(self) -> int:
        row = self._db.execute("SELECT COALESCE(MAX(activity), 0) + 1 FROM conversations")
        return int(row.fetchone()[0])

    def create_conversation(self, user: str, name: str) -> StoredConversation:
        now = int(time.time())
        conversation = StoredConversation(str(uuid.uuid4()), user, name, now, now)
        with self._lock:
            self._db.execute(
                "INSERT INTO conversations (id, user, name, created_at, updated_at, activity)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (conversation.id, user, name, now, now, self._next_activity()),
            )
        return conversation

    def get_conversation(self, conversation_id: str, user: str) -> StoredConversation | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id = ? AND user = ?",
                (conversation_id, user),
            ).fetchone()
        return None if row is None else _conversation(row)

    def list_conversations(
        self, user: str, limit: int, last_id: str | None
    ) -> tuple[list[StoredConversation], bool] | None:
        """Newest activity first; None when ``last_id`` is not one of the user's."""
        with self._lock:
            bound = None
            if last_id is not None:
                found = self._db.execute(
                    "SELECT activity FROM conversations WHERE id = ? AND user = ?",
                    (last_id, user),
                ).fetchone()
                if found is None:
                    return None
                bound = int(found[0])
            where = "user = ?" + ("" if bound is None else " AND activity < ?")
            args: tuple[object, ...] = (user,) if bound is None else (user, bound)
            rows = self._db.execute(
                f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE {where}"
                " ORDER BY activity DESC LIMIT ?",
                (*args, limit + 1),
            ).fetchall()
        return [_conversation(r) for r in rows[:limit]], len(rows) > limit

    def rename_conversation(self, conversation_id: str, name: str) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE conversations SET name = ?, updated_at = ? WHERE id = ?",
                (name, int(time.time()), conversation_id),
            )

    def delete_conversation(self, conversation_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM messages WHERE conversation_id = ?", (conversation_id,))
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    def count_conversations(self, user: str) -> int:
        with self._lock:
            row = self._db.execute("SELECT COUNT(*) FROM conversations WHERE user = ?", (user,))
            return int(row.fetchone()[0])

    # -- messages ----------------------------------------------------------------------

    def add_message(self, conversation_id: str, user: str, query: str) -> StoredMessage:
        """A new turn with an empty answer; it also counts as activity on the conversation."""
        now = int(time.time())
        message = StoredMessage(
            str(uuid.uuid4()), conversation_id, user, query, "", "normal", None, now, None
        )
        with self._transaction() as db:
            db.execute(
                "INSERT INTO messages (id, conversation_id, user, query, answer, created_at)"
                " VALUES (?, ?, ?, ?, '', ?)",
                (message.id, conversation_id, user, query, now),
            )
            db.execute(
                "UPDATE conversations SET updated_at = ?, activity = ? WHERE id = ?",
                (now, self._next_activity(), conversation_id),
            )
        return message

    def finish_message(
        self, message_id: str, answer: str, *, status: str = "normal", error: str | None = None
    ) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE messages SET answer = ?, status = ?, error = ? WHERE id = ?",
                (answer, status, error, message_id),
            )

    def get_message(self, message_id: str, user: str) -> StoredMessage | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE id = ? AND user = ?",
                (message_id, user),
            ).fetchone()
        return None if row is None else _message(row)

    def list_messages(
        self, conversation_id: str, limit: int, first_id: str | None
    ) -> tuple[list[StoredMessage], bool] | None:
        """Newest ``limit`` turns (before ``first_id``), oldest first; None if it is unknown."""
        with self._lock:
            bound = None
            if first_id is not None:
                found = self._db.execute(
                    "SELECT seq FROM messages WHERE id = ? AND conversation_id = ?",
                    (first_id, conversation_id),
                ).fetchone()
                if found is None:
                    return None
                bound = int(found[0])
            where = "conversation_id = ?" + ("" if bound is None else " AND seq < ?")
            args: tuple[object, ...] = (
                (conversation_id,) if bound is None else (conversation_id, bound)
            )
            rows = self._db.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE {where} ORDER BY seq DESC LIMIT ?",
                (*args, limit + 1),
            ).fetchall()
        page = [_message(r) for r in rows[:limit]]
        page.reverse()
        return page, len(rows) > limit

    def first_message(self, conversation_id: str) -> StoredMessage | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ?"
                " ORDER BY seq LIMIT 1",
                (conversation_id,),
            ).fetchone()
        return None if row is None else _message(row)

    def set_rating(self, message_id: str, rating: str | None, content: str | None) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE messages SET rating = ?, feedback_content = ? WHERE id = ?",
                (rating, content, message_id),
            )

    # -- seeding -----------------------------------------------------------------------

    def seed(
        self,
        user: str,
        conversations: Iterable[tuple[str, Sequence[tuple[str, str]]]],
    ) -> list[str]:
        """Insert finished conversations in one transaction; returns their ids in order.

        Later items count as more recent. Timestamps are spread one minute apart, ending now,
        so a seeded list looks like real history.
        """
        items = list(conversations)
        now = int(time.time())
        ids: list[str] = []
        with self._transaction() as db:
            activity = self._next_activity()
            for index, (name, exchanges) in enumerate(items):
                stamp = now - 60 * (len(items) - index)
                conversation_id = str(uuid.uuid4())
                db.execute(
                    "INSERT INTO conversations (id, user, name, created_at, updated_at, activity)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (conversation_id, user, name, stamp, stamp, activity + index),
                )
                db.executemany(
                    "INSERT INTO messages (id, conversation_id, user, query, answer, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (str(uuid.uuid4()), conversation_id, user, query, answer, stamp)
                        for query, answer in exchanges
                    ],
                )
                ids.append(conversation_id)
        return ids

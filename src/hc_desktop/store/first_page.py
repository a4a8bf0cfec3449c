"""The newest threads of a local file, read with the standard library alone.

Start-up shows the cached thread list before SQLAlchemy (about a third of a second to
import) is loaded: this reads the same file with :mod:`sqlite3`, read-only, and gives up
(returns nothing) on anything unexpected, so the normal store takes over a moment later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
import logging
from pathlib import Path
from typing import TYPE_CHECKING
import uuid

from hc_desktop.core.threads import Thread, utc_from_text

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

FIRST_PAGE = 200
"""Threads shown before the rest of a long list has loaded."""

Opener = Callable[[str | None, str, uuid.UUID], str | None]
"""Opens a stored content value: (value, column, thread id) -> text; raises ValueError when
it cannot."""

ENVELOPE_PREFIX = "hcenc1:"
"""How encrypted values start (``hc_desktop.store.crypto``; not imported: it loads
``cryptography``)."""

_QUERY = (
    "SELECT id, conversation_id, title, last_message_preview, archived, created_at, updated_at "
    "FROM threads WHERE user_id = ? AND archived = 0 ORDER BY updated_at DESC, id DESC LIMIT ?"
)


def plain_only(value: str | None, column: str, thread_id: uuid.UUID) -> str | None:
    """The default opener: plaintext as it is; an encrypted value makes the read give up."""
    if value is not None and value.startswith(ENVELOPE_PREFIX):
        raise ValueError("encrypted value and no key")
    return value


def read_first_page(
    path: Path, user_id: uuid.UUID, limit: int, *, open_value: Opener | None = None
) -> list[Thread]:
    """Up to ``limit`` active threads, newest first; empty when the file cannot be read."""
    if not path.is_file():
        return []
    import sqlite3  # loaded when the list is read, not when this module is

    open_value = open_value or plain_only
    try:
        with _read_only(path) as db:
            rows = db.execute(_QUERY, (user_id.hex, limit)).fetchall()
        threads = []
        for row_id, conversation_id, title, preview, archived, created, updated in rows:
            thread_id = uuid.UUID(hex=row_id)
            threads.append(
                Thread(
                    id=thread_id,
                    user_id=user_id,
                    conversation_id=conversation_id,
                    title=open_value(title, "title", thread_id),
                    last_message_preview=open_value(preview, "last_message_preview", thread_id),
                    archived=bool(archived),
                    created_at=utc_from_text(created),
                    updated_at=utc_from_text(updated),
                )
            )
        return threads
    except (sqlite3.Error, ValueError, TypeError) as exc:
        log.info("quick read of the thread list skipped (%s)", type(exc).__name__)
        return []


def count_threads(path: Path, user_id: uuid.UUID) -> int | None:
    """How many threads (active and archived) the file holds; None when it cannot tell."""
    if not path.is_file():
        return None
    import sqlite3

    try:
        with _read_only(path) as db:
            (count,) = db.execute(
                "SELECT count(*) FROM threads WHERE user_id = ?", (user_id.hex,)
            ).fetchall()[0]
        return int(count)
    except sqlite3.Error:
        return None


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection that is closed on the way out. (sqlite3's own ``with`` only
    ends the transaction: the connection, and a statement not read to its end, would keep
    the file locked against the store's writes until garbage collection.)"""
    import sqlite3

    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.5)
    try:
        yield db
    finally:
        db.close()

"""The thread repository the app uses when a shared database exists: the local file first.

Reads never leave the machine. Every mutation changes the local row and appends an outbox
entry in the same SQLite transaction, so nothing the user did can be lost between the two;
the :class:`~hc_desktop.sync.engine.SyncEngine` pushes the outbox later.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeVar
import uuid

from sqlalchemy import Connection

from hc_desktop.core.threads import Thread
from hc_desktop.store.local import LocalThreadStore
from hc_desktop.store.repository import ConversationConflict, ThreadNotFound
from hc_desktop.store.schema import threads
from hc_desktop.sync import ledger, view_state
from hc_desktop.sync.events import Conflict
from hc_desktop.sync.outbox import ARCHIVE, CREATE, DELETE, PREVIEW, RENAME, Base, Values

T = TypeVar("T")

_RESTORE_OPS = {"title": RENAME, "archived": ARCHIVE}


class CachedThreadRepository(LocalThreadStore):
    """A :class:`~hc_desktop.store.repository.ThreadRepository` over the local file + outbox."""

    store_label = "the local thread store"

    #: Local edits made so far (every edit appends to the outbox): the sync engine compares
    #: it before and after a round to know whether a row it pulled may be stale already.
    local_edits = 0

    # -- ThreadRepository mutations ------------------------------------------------------------

    async def create_if_absent(
        self, conversation_id: str, *, title: str | None, preview: str | None
    ) -> Thread:
        def work(conn: Connection) -> Thread:
            row = conn.execute(self._insert_if_absent(conversation_id, title, preview)).first()
            if row is None:
                existing = conn.execute(
                    self._select().where(threads.c.conversation_id == conversation_id)
                ).first()
                if existing is None:
                    raise ConversationConflict("the conversation belongs to another user's thread")
                return self._thread(existing)
            created = self._thread(row)
            payload: Values = {
                "title": created.title,
                "last_message_preview": created.last_message_preview,
                "archived": created.archived,
            }
            self._append(conn, CREATE, created, payload, Base(None, dict(payload)))
            return created

        return await self._run(work)

    async def rename(self, thread_id: uuid.UUID, title: str | None) -> Thread:
        return await self._run(lambda conn: self._edit(conn, thread_id, RENAME, {"title": title}))

    async def set_archived(self, thread_id: uuid.UUID, archived: bool) -> Thread:
        return await self._run(
            lambda conn: self._edit(conn, thread_id, ARCHIVE, {"archived": archived})
        )

    async def update_preview(self, thread_id: uuid.UUID, preview: str | None) -> Thread:
        return await self._run(
            lambda conn: self._edit(conn, thread_id, PREVIEW, {"last_message_preview": preview})
        )

    async def delete(self, thread_id: uuid.UUID) -> bool:
        """Delete here now; the row and the Dify conversation go when the engine pushes.

        Pending field edits of the thread are dropped (they could only be overwritten), and a
        tombstone keeps the conversation from being re-created until both deletes succeed.
        """

        def work(conn: Connection) -> bool:
            before = ledger.local_thread(conn, self.user_id, thread_id)
            if before is None:
                return False
            base = ledger.base_for(conn, before)
            conn.execute(self._delete(thread_id))
            ledger.drop_updates(conn, thread_id)
            self._append(conn, DELETE, before, {}, base)
            ledger.add_tombstone(conn, self.user_id, before, self._now())
            ledger.drop_thread_extras(conn, before)
            return True

        return await self._run(work)

    # -- conflicts, status and small state -----------------------------------------------------

    async def conflicts(self, thread_id: uuid.UUID | None = None) -> list[Conflict]:
        """ "Changed elsewhere" records, oldest first (all threads when ``thread_id`` is None)."""
        return await self._run(lambda conn: ledger.list_conflicts(conn, thread_id))

    async def restore(self, thread_id: uuid.UUID, field: str) -> Thread:
        """Apply the losing local value again, as a new edit based on the current remote row."""

        def work(conn: Connection) -> Thread:
            found = [c for c in ledger.list_conflicts(conn, thread_id) if c.field == field]
            if not found or field not in _RESTORE_OPS:
                raise LookupError(f"no restorable conflict for field {field!r}")
            return self._edit(conn, thread_id, _RESTORE_OPS[field], {field: found[0].local_value})

        return await self._run(work)

    async def dismiss(self, thread_id: uuid.UUID, field: str) -> None:
        """Keep the remote value and forget the local one."""
        await self._run(lambda conn: ledger.clear_conflicts(conn, thread_id, [field]))

    async def pending_count(self) -> int:
        """Local changes not yet confirmed by the shared database."""
        return await self._run(lambda conn: ledger.pending_count(conn, self.user_id))

    async def set_last_viewed(self, thread_id: uuid.UUID | None) -> None:
        """Remember the open thread so the next start can show it before any network call."""
        await view_state.remember_open_thread(self, thread_id)

    async def last_viewed(self) -> Thread | None:
        return await view_state.last_open_thread(self)

    # -- for the sync engine and the message cache ---------------------------------------------

    def now(self) -> datetime:
        return self._now()

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _now() -> datetime:
        return datetime.now(UTC)

    def _append(
        self, conn: Connection, op: str, thread: Thread, payload: Values, base: Base
    ) -> None:
        ledger.append(conn, self.user_id, op, thread, payload, base, self._now())
        self.local_edits += 1

    def _edit(
        self, conn: Connection, thread_id: uuid.UUID, op: str, values: dict[str, Any]
    ) -> Thread:
        before = ledger.local_thread(conn, self.user_id, thread_id)
        if before is None:
            raise ThreadNotFound(str(thread_id))
        base = ledger.base_for(conn, before)
        row = conn.execute(self._update(thread_id, **values)).first()
        if row is None:
            raise ThreadNotFound(str(thread_id))
        changed = self._thread(row)
        self._append(conn, op, changed, dict(values), base)
        ledger.clear_conflicts(conn, thread_id, values)
        return changed

"""The one interface the controller uses for threads, whatever holds them.

Implementations: the local SQLite store (embedded default and cache), the shared Postgres
store, and later the Supabase Data API. Every instance is bound to one signed-in user and
only ever reads or writes that user's rows. Methods are coroutines: the blocking database
work runs on the store's own worker thread, never on the Qt thread.
"""

from __future__ import annotations

from typing import Protocol
import uuid

from hc_desktop.core.threads import Thread


class ThreadNotFound(LookupError):
    """The thread does not exist for this user (never existed, deleted, or not theirs)."""


class ConversationConflict(ValueError):
    """The Dify conversation id is already attached to a thread of another user.

    ``conversation_id`` is unique across the whole table, so such an insert cannot succeed;
    returning the other user's row would leak it.
    """


class ThreadRepository(Protocol):
    """Threads of one user."""

    @property
    def user_id(self) -> uuid.UUID: ...

    async def list_threads(self, *, archived: bool = False) -> list[Thread]:
        """Active (or archived) threads, newest ``updated_at`` first."""
        ...

    async def get(self, thread_id: uuid.UUID) -> Thread | None: ...

    async def get_by_conversation(self, conversation_id: str) -> Thread | None: ...

    async def create_if_absent(
        self, conversation_id: str, *, title: str | None, preview: str | None
    ) -> Thread:
        """Insert a thread for a Dify conversation, or return the one that already exists."""
        ...

    async def rename(self, thread_id: uuid.UUID, title: str | None) -> Thread: ...

    async def set_archived(self, thread_id: uuid.UUID, archived: bool) -> Thread: ...

    async def update_preview(self, thread_id: uuid.UUID, preview: str | None) -> Thread: ...

    async def delete(self, thread_id: uuid.UUID) -> bool:
        """Remove the row; False when it was already gone."""
        ...

    async def close(self) -> None:
        """Stop the worker thread and dispose of the engine; safe to call twice."""
        ...

"""The signed-in user's threads: the list models, thread actions and keeping them in sync.

Reads come from the local store first, so the list paints before any network call. Every
action goes through the repository; the list shows the result, or the previous state and
the reason when the action failed. With a shared database the sync engine pushes local
changes and pulls the web app's; its events arrive here and update single rows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
import contextlib
from dataclasses import dataclass, field
import logging
from typing import TYPE_CHECKING, Any
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.controller.audit_trail import AuditTrail
from hc_desktop.controller.tasks import TaskRunner
from hc_desktop.controller.thread_filter_model import (
    ThreadModels,
    new_thread_models,
)
from hc_desktop.core.audit import AuditEvent
from hc_desktop.core.errors import UserFacingError
from hc_desktop.core.rules import collapse_whitespace, default_title, message_preview
from hc_desktop.core.threads import Thread
from hc_desktop.dify.errors import DifyError
from hc_desktop.store.first_page import FIRST_PAGE
from hc_desktop.store.repository import ThreadRepository
from hc_desktop.sync.events import (
    ConflictNotice,
    EditDropped,
    SyncEvent,
    SyncStatus,
    ThreadsChanged,
)

if TYPE_CHECKING:  # the stores and clients load after the first paint
    from hc_desktop.dify.client import DifyClient
    from hc_desktop.store.local import LocalThreadStore
    from hc_desktop.sync.engine import SyncEngine
    from hc_desktop.sync.messages import MessageCache

_log = logging.getLogger("hc_desktop.threads")

SYNC_INTERVAL_SECONDS = 30.0
PAINT_WAIT_SECONDS = 0.25
"""How long the store waits for the cached first page to be painted before it opens."""
FIRST_QUESTION_PAGES = 20
"""How far back to page through Dify history to find a thread's first question."""


@dataclass(slots=True)
class UserData:
    """One user's stores: what the controller reads and writes, and how it syncs."""

    threads: ThreadRepository
    local: LocalThreadStore
    messages: MessageCache
    sync: SyncEngine | None = None
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    async def close(self, *, erase: bool = False) -> None:
        """Close the remote parts, then the local store (deleting its file with ``erase``)."""
        for close in [*self.closers, self.local.erase if erase else self.local.close]:
            try:
                await close()
            except Exception as exc:  # closing must go on whatever one part does
                _log.warning("closing a store failed: %s", type(exc).__name__)


UserDataOpener = Callable[[uuid.UUID], Awaitable[UserData]]
FirstPagePeek = Callable[[uuid.UUID, int], Awaitable[list[Thread]]]
"""Reads a user's newest cached threads without opening the store (may return nothing)."""


class ThreadsController(QObject):
    """Owns the thread list of the signed-in user."""

    threads_ready = Signal(int)
    """The list was filled from the local store (row count)."""
    user_data_opened = Signal()
    """A user's store is open and their first page shown: the app is fully loaded."""
    notice = Signal(str)
    sync_status_changed = Signal(str, int)
    """(online | offline | syncing | local, pending changes)."""
    conflict_found = Signal(str, str, str)
    """(thread id, field, the local value that lost) — shown as "changed elsewhere"."""
    undo_available = Signal(str)
    """Text for an Undo offer (e.g. after archiving); empty when nothing can be undone."""
    thread_removed = Signal(str)
    refused_change = Signal(str)
    """The server refused a change for good (kept here, not resent); the text says so and
    the window offers to try again (after IT changed the server's rules, say)."""

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        dify: DifyClient,
        open_user_data: UserDataOpener,
        retention_days: int = 0,
        audit: AuditTrail | None = None,
        peek_first_page: FirstPagePeek | None = None,
        models: ThreadModels | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._peek_first_page = peek_first_page
        self._list_painted = asyncio.Event()
        self._audit = audit or AuditTrail(None, tasks=tasks, parent=self)
        self._retention_days = retention_days
        self._dify = dify
        self._open_user_data = open_user_data
        if models is None:
            models = new_thread_models(self)
        self.model, self.view = models  # made before the controller at start-up
        self.model.setParent(self)
        self.view.setParent(self)
        self.view.rename_requested.connect(self.rename)
        self._data: UserData | None = None
        self._user_id: uuid.UUID | None = None
        self._undo: Callable[[], Coroutine[Any, Any, None]] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    # State -----------------------------------------------------------------------------------
    @property
    def user_id(self) -> uuid.UUID | None:
        return self._user_id

    @property
    def data(self) -> UserData | None:
        return self._data

    @property
    def messages(self) -> MessageCache | None:
        return self._data.messages if self._data else None

    def thread_by_id(self, thread_id: uuid.UUID) -> Thread | None:
        return self.model.thread_by_id(thread_id)

    # Opening and closing a user --------------------------------------------------------------
    async def open_user(self, user_id: uuid.UUID) -> None:
        """Show a user's cached threads at once; start syncing when there is a remote."""
        if self._user_id == user_id and self._data is not None:
            return
        if self._data is not None or self._user_id is not None:
            await self.close_user()  # another user's list; the first one keeps what shows
        peeked = await self._show_peeked_page(user_id)
        data = await self._open_user_data(user_id)
        first_page = await data.local.list_threads(archived=False, limit=FIRST_PAGE)
        self._data, self._user_id = data, user_id
        if not peeked or first_page != peeked:
            self.model.reset(first_page)
            self.threads_ready.emit(len(first_page))
        self.user_data_opened.emit()
        self._tasks.start(self._load_all(data), key="load-threads")
        if data.sync is not None:
            self._unsubscribe = data.sync.add_listener(self._on_sync_event)
            self._tasks.start(data.sync.run(SYNC_INTERVAL_SECONDS), key="sync", stop=data.sync.stop)
        else:
            self.sync_status_changed.emit("local", 0)

    async def _show_peeked_page(self, user_id: uuid.UUID) -> list[Thread]:
        """The cached first page, read without the store, painted before the store opens.

        Opening the store loads SQLAlchemy; waiting for the list's first paint (briefly:
        nothing may be showing it) keeps that import off the time to a useful window.
        """
        if self._peek_first_page is None:
            return []
        peeked = await self._peek_first_page(user_id, FIRST_PAGE)
        if peeked and self._shows(peeked):
            self.threads_ready.emit(len(peeked))  # painted already, before this controller
        elif peeked:
            self._list_painted.clear()
            self.model.reset(peeked)
            self.threads_ready.emit(len(peeked))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(PAINT_WAIT_SECONDS):
                    await self._list_painted.wait()
        return peeked

    def _shows(self, threads: list[Thread]) -> bool:
        model = self.model
        return model.rowCount() == len(threads) and all(
            model.thread_at(row) == thread for row, thread in enumerate(threads)
        )

    def list_painted(self) -> None:
        """The view has painted the list (connected by the window)."""
        self._list_painted.set()

    async def last_open_thread(self) -> Thread | None:
        data = self._data
        from hc_desktop.sync.view_state import last_open_thread

        return None if data is None else await last_open_thread(data.local)

    def remember_open_thread(self, thread_id: uuid.UUID | None) -> None:
        data = self._data
        if data is not None:
            from hc_desktop.sync.view_state import remember_open_thread

            self._tasks.start(remember_open_thread(data.local, thread_id), key="remember")

    async def _load_all(self, data: UserData) -> None:
        """After the first page has painted: every thread, archived ones included; then
        drop cached history older than the retention period (server data is untouched)."""
        if self._retention_days:
            await data.messages.prune(self._retention_days)
        active = await data.local.list_threads(archived=False)
        archived = await data.local.list_threads(archived=True)
        if data is self._data and (len(active) > self.model.rowCount() or archived):
            self.model.reset([*active, *archived])

    async def close_user(self, *, erase: bool = False) -> None:
        """Stop syncing and close the stores; ``erase`` also deletes the local cache."""
        self._tasks.cancel("sync")
        self._tasks.cancel("load-threads")
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        user_id = self._user_id
        data, self._data, self._user_id = self._data, None, None
        self._undo = None
        self.model.reset([])
        if data is None:
            return
        await data.close(erase=erase)
        if erase:
            self._audit.record(AuditEvent.CACHE_ERASED, user_id=user_id)

    async def push_pending(self) -> int:
        """Push what can be pushed now; returns how many local changes are still waiting."""
        data = self._data
        if data is None or data.sync is None:
            return 0
        self._tasks.cancel("sync")
        report = await data.sync.sync_once()
        return report.pending

    def request_sync(self) -> None:
        """Pull now (window focus, reconnect, after an edit)."""
        if self._data is not None and self._data.sync is not None:
            self._data.sync.request_sync()

    def _on_sync_event(self, event: SyncEvent) -> None:
        if isinstance(event, ThreadsChanged):
            for thread in event.upserted:
                self.model.upsert(thread)
            for thread_id in event.removed:
                if self.model.remove(thread_id) is not None:
                    self.thread_removed.emit(str(thread_id))
        elif isinstance(event, SyncStatus):
            self.sync_status_changed.emit(event.state, event.pending)
        elif isinstance(event, ConflictNotice):
            shown = "" if event.local_value is None else str(event.local_value)
            self.conflict_found.emit(str(event.thread_id), event.field, shown)
        elif isinstance(event, EditDropped) and event.reason == "parked":
            self.refused_change.emit(self._dropped_text(event.reason))
        elif isinstance(event, EditDropped):
            self.notice.emit(self._dropped_text(event.reason))

    def _dropped_text(self, reason: str) -> str:
        if reason == "deleted_elsewhere":
            return self.tr("A change was not saved: the conversation was deleted elsewhere.")
        if reason == "parked":
            return self.tr("The server refused a change. It is kept on this computer only.")
        return self.tr("A change could not be saved to the server and was dropped.")

    def retry_refused(self) -> None:
        """Send the changes the server refused once more."""
        data = self._data
        if data is not None and data.sync is not None:
            self._tasks.start(data.sync.retry_parked(), key="retry-refused")

    # View settings ---------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        self.view.set_search(text)

    def show_archived(self, archived: bool) -> None:
        self.view.set_archived_view(archived)

    # Actions -----------------------------------------------------------------------------------
    def rename(self, thread_id: str, title: str) -> None:
        self._tasks.start(self._rename(uuid.UUID(thread_id), title), key=f"rename:{thread_id}")

    async def _rename(self, thread_id: uuid.UUID, title: str) -> None:
        """An empty title falls back to the seed default: the first question's start."""
        thread = self._require(thread_id)
        wanted: str | None = collapse_whitespace(title)
        if not wanted:
            first = await self._first_question(thread)
            wanted = default_title(first) if first else None
        await self._apply(thread, lambda repo: repo.rename(thread.id, wanted))

    def set_archived(self, thread_id: str, archived: bool) -> None:
        self._tasks.start(self._set_archived(uuid.UUID(thread_id), archived))

    async def _set_archived(self, thread_id: uuid.UUID, archived: bool) -> None:
        thread = self._require(thread_id)
        await self._apply(thread, lambda repo: repo.set_archived(thread.id, archived))
        if archived:
            self._undo = lambda: self._set_archived(thread_id, False)
            self.undo_available.emit(self.tr("Conversation archived."))

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_available.emit("")
        if undo is not None:
            self._tasks.start(undo())

    def delete(self, thread_id: str) -> None:
        self._tasks.start(self._delete(uuid.UUID(thread_id)), key=f"delete:{thread_id}")

    async def _delete(self, thread_id: uuid.UUID) -> None:
        """Delete means gone: the thread row and its Dify conversation.

        With a shared database the local delete leaves a tombstone and the sync engine
        removes the row and the conversation. Without one, the Dify conversation goes first
        so a failure leaves the thread in place rather than an orphan conversation.
        """
        data = self._require_data()
        thread = self._require(thread_id)
        if data.sync is None:
            try:
                await self._dify.delete_conversation(
                    thread.conversation_id, user=str(thread.user_id)
                )
            except DifyError as exc:
                if exc.status != 404:  # already gone there is fine
                    raise
        self.model.remove(thread.id)
        try:
            await data.threads.delete(thread.id)
        except BaseException:
            self.model.upsert(thread)
            self._audit.record(AuditEvent.DELETE, thread.id, "failed")
            raise
        self._audit.record(AuditEvent.DELETE, thread.id)
        self.thread_removed.emit(str(thread.id))
        self.request_sync()

    async def _apply(
        self, thread: Thread, change: Callable[[ThreadRepository], Awaitable[Thread]]
    ) -> Thread:
        """Run a change through the repository; on failure show the previous state again."""
        data = self._require_data()
        try:
            changed = await change(data.threads)
        except BaseException:
            self.model.upsert(thread)
            raise
        self.model.upsert(changed)
        self.request_sync()
        return changed

    async def restore_conflict(self, thread_id: str, field_name: str) -> None:
        from hc_desktop.sync.cache import CachedThreadRepository

        data = self._require_data()
        if not isinstance(data.threads, CachedThreadRepository):
            return
        changed = await data.threads.restore(uuid.UUID(thread_id), field_name)
        self.model.upsert(changed)
        self.request_sync()

    # Used by the chat --------------------------------------------------------------------------
    async def record_answer(
        self, conversation_id: str, first_question: str, latest: str, *, known: Thread | None
    ) -> Thread:
        """Create the thread on a conversation's first answer, or update its preview."""
        data = self._require_data()
        preview = message_preview(latest)
        if known is not None:
            thread = await data.threads.update_preview(known.id, preview)
        else:
            thread = await data.threads.create_if_absent(
                conversation_id, title=default_title(first_question), preview=preview
            )
            if thread.last_message_preview != preview:
                thread = await data.threads.update_preview(thread.id, preview)
        if data is self._data:
            self.model.upsert(thread)
            self.request_sync()
        return thread

    async def adopt_generated_title(self, thread: Thread, first_question: str, name: str) -> None:
        """Use Dify's generated name only while the title is still the seed default."""
        current = self.thread_by_id(thread.id)
        name = collapse_whitespace(name)
        if current is None or not name or current.title != default_title(first_question):
            return
        await self._apply(current, lambda repo: repo.rename(current.id, name))

    async def _first_question(self, thread: Thread) -> str | None:
        """The conversation's first question, paging back through its Dify history."""
        first_id: str | None = None
        page_first: str | None = None
        for _ in range(FIRST_QUESTION_PAGES):
            page = await self._dify.messages(
                thread.conversation_id, user=str(thread.user_id), first_id=first_id, limit=100
            )
            if not page.items:
                break
            page_first, first_id = page.items[0].query, page.items[0].id
            if not page.has_more:
                return page_first
        return page_first

    # Helpers --------------------------------------------------------------------------------
    def _require_data(self) -> UserData:
        if self._data is None:
            raise UserFacingError(self.tr("Sign in first."))
        return self._data

    def _require(self, thread_id: uuid.UUID) -> Thread:
        thread = self.thread_by_id(thread_id)
        if thread is None:
            raise UserFacingError(self.tr("That conversation no longer exists."))
        return thread

    async def shutdown(self) -> None:
        await self.close_user()
        await asyncio.sleep(0)

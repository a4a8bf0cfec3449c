"""The sync engine: push the outbox, pull remote changes, reconcile, heal, report.

One round (:meth:`SyncEngine.sync_once`) pushes every pending entry in order, then pulls
rows changed since the cursor minus the overlap window, reconciles ids when the row counts
disagree (or periodically), and every so often re-creates missing rows from Dify and prunes
old cached messages. :meth:`SyncEngine.run` repeats rounds on a timer, backs off while the
database is unreachable and wakes early on :meth:`SyncEngine.request_sync`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
from datetime import UTC, datetime, timedelta
from functools import partial
import logging
from typing import TYPE_CHECKING
import uuid

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.core.threads import Thread
from hc_desktop.dify import DifyClient, DifyError
from hc_desktop.sync import healing, ledger, rejections
from hc_desktop.sync.cache import CachedThreadRepository
from hc_desktop.sync.events import (
    CONVERSATION_TAKEN,
    DELETED_ELSEWHERE,
    PARKED,
    ConflictNotice,
    EditDropped,
    SyncEvent,
    SyncReport,
    SyncState,
    SyncStatus,
    ThreadsChanged,
)
from hc_desktop.sync.messages import MessageCache
from hc_desktop.sync.outbox import CREATE, DELETE, Merge, OutboxEntry, merge

if TYPE_CHECKING:
    from hc_desktop.sync.remote_api import RemoteSource

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Listener = Callable[[SyncEvent], None]

#: Longer than any write transaction of ours or the web app's is expected to stay open.
DEFAULT_OVERLAP = timedelta(minutes=2)
#: How often ids are compared in full even when the row counts agree.
DEFAULT_RECONCILE_EVERY = timedelta(minutes=10)
#: How often Dify's conversation list is checked for rows to re-create, and the cache pruned.
DEFAULT_MAINTAIN_EVERY = timedelta(minutes=30)
#: A row that keeps changing under a merge is left for the next round after this many tries.
MAX_MERGE_ROUNDS = 5
#: At most this many rows are re-created from Dify per round.
MAX_HEALED_PER_ROUND = 50

_CURSOR = "pull_cursor"


def utc_now() -> datetime:
    return datetime.now(UTC)


class SyncEngine:
    """Keeps one user's local cache and the shared table in step.

    ``remote`` is either transport: direct PostgreSQL
    (:class:`~hc_desktop.sync.remote.RemoteThreads`) or the Supabase Data API
    (:class:`~hc_desktop.sync.remote_api.DataApiRemoteThreads`).
    """

    def __init__(
        self,
        local: CachedThreadRepository,
        remote: RemoteSource,
        dify: DifyClient | None,
        user_id: uuid.UUID,
        *,
        clock: Clock = utc_now,
        overlap: timedelta = DEFAULT_OVERLAP,
        reconcile_every: timedelta = DEFAULT_RECONCILE_EVERY,
        maintain_every: timedelta = DEFAULT_MAINTAIN_EVERY,
        retention_days: int | None = None,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
    ) -> None:
        if local.user_id != user_id or remote.user_id != user_id:
            raise ValueError("the local and remote stores must belong to the same user")
        self._local = local
        self._remote = remote
        self._dify = dify
        self._user_id = user_id
        self._stopping = False
        self._clock = clock
        self._overlap = overlap
        self._reconcile_every = reconcile_every
        self._maintain_every = maintain_every
        self._retention_days = retention_days
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._listeners: list[Listener] = []
        self._lock = asyncio.Lock()
        self._wake: asyncio.Event | None = None
        self._reconcile_requested = False
        self._last_reconcile: datetime | None = None
        self._last_maintenance: datetime | None = None
        self._status = SyncStatus("offline", 0)

    # -- listening -----------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event (on the event loop); returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @property
    def status(self) -> SyncStatus:
        return self._status

    def _emit(self, event: SyncEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("sync listener failed on %s", type(event).__name__)

    def _set_status(
        self, state: SyncState, pending: int, error: str | None, parked: int | None = None
    ) -> None:
        if parked is None:
            parked = self._status.parked
        if parked and error is None:
            error = f"{parked} change(s) refused by the server are kept on this computer"
        status = SyncStatus(state, pending, error, parked)
        if status != self._status:
            self._status = status
            self._emit(status)

    # -- the loop ------------------------------------------------------------------------------

    def request_sync(self, *, reconcile: bool = False) -> None:
        """Run a round soon (window focus, reconnect, a local edit); call on the event loop."""
        self._reconcile_requested = self._reconcile_requested or reconcile
        if self._wake is not None:
            self._wake.set()

    async def run(self, interval: float = 30.0) -> None:
        """Sync every ``interval`` seconds until stopped; back off while offline."""
        self._wake = asyncio.Event()
        failures = 0
        while not self._stop_requested():
            self._wake.clear()
            try:
                online = (await self.sync_once()).online
            except Exception:
                log.exception("sync round failed")
                online = False
            failures = 0 if online else failures + 1
            delay = interval
            if failures:
                delay = min(self._backoff_base * 2 ** (failures - 1), self._backoff_max)
            if self._stop_requested():
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)

    def _stop_requested(self) -> bool:
        return self._stopping

    def stop(self) -> None:
        """End :meth:`run` after the round in progress (a push is never cut in half)."""
        self._stopping = True
        wake = getattr(self, "_wake", None)
        if wake is not None:
            wake.set()

    # -- one round -----------------------------------------------------------------------------

    async def sync_once(self, *, reconcile: bool = False) -> SyncReport:
        """Push, pull, reconcile and heal once; a database that is down gives ``online=False``."""
        async with self._lock:
            report = SyncReport()
            edits_before = self._local.local_edits
            pending = await self._local.pending_count()
            self._set_status("syncing", pending, self._status.last_error)
            try:
                await self._push(report)
                await self._finish_deletes(report)
                await self._pull(report, reconcile=reconcile)
                if self._maintenance_due():
                    await self._maintain(report)
            except StoreUnavailable as exc:
                report.online = False
                report.error = exc.user_message
                log.info("sync offline: %s", exc.user_message)
            except Exception:
                report.online = False
                report.error = "synchronisation failed"
                raise
            finally:
                if report.changed or report.gone:
                    fresh = (
                        report.changed
                        if self._local.local_edits == edits_before
                        else await self._current_rows(report.changed)
                    )
                    self._emit(ThreadsChanged(fresh, list(report.gone)))
                report.pending = await self._local.pending_count()
                parked = await self.parked_count()
                report.upserted = len(report.changed)
                report.removed = len(report.gone)
                state: SyncState = "online" if report.online else "offline"
                self._set_status(state, report.pending, report.error, parked)
            return report

    async def _current_rows(self, changed: list[Thread]) -> list[Thread]:
        """The local rows as they are now: an edit made while the round ran must not be
        shown as undone by a value the round computed before it (only needed when there was
        such an edit)."""
        ids = list(dict.fromkeys(thread.id for thread in changed))
        if not ids:
            return []

        return await self._local.transact(
            lambda conn: ledger.local_threads(conn, self._user_id, ids)
        )

    # -- refused changes -----------------------------------------------------------------------

    async def parked_count(self) -> int:
        """Local changes the server refused for good; they stay here and are not resent."""
        return await self._local.transact(lambda c: ledger.parked_count(c, self._user_id))

    async def parked(self) -> list[OutboxEntry]:
        return await self._local.transact(lambda c: ledger.parked_entries(c, self._user_id))

    async def retry_parked(self) -> int:
        """Send refused changes once more (after the server's rules changed); wakes the loop."""
        count = await self._local.transact(lambda c: ledger.unpark_all(c, self._user_id))
        if count:
            self.request_sync()
        return count

    # -- pushing -------------------------------------------------------------------------------

    async def _push(self, report: SyncReport) -> None:
        while True:
            entry = await self._local.transact(lambda c: ledger.next_entry(c, self._user_id))
            if entry is None:
                return
            try:
                if entry.op == CREATE:
                    done = await self._push_create(entry, report)
                elif entry.op == DELETE:
                    done = await self._push_delete(entry)
                else:
                    done = await self._push_update(entry, report)
            except Exception as exc:
                rejection = rejections.classify(exc)  # raises StoreUnavailable when transient
                if rejection is None:
                    raise
                await self._park(entry, rejection.code, report)
                continue
            if not done:
                return
            report.pushed += 1

    async def _park(self, entry: OutboxEntry, code: str, report: SyncReport) -> None:
        """The server refused ``entry`` for good: keep it (and the local value), stop sending."""
        log.warning("push refused op=%s seq=%d code=%s; parked", entry.op, entry.seq, code)
        await self._local.transact(lambda c: ledger.park(c, entry))
        report.parked += 1
        self._emit(EditDropped(entry.thread_id, PARKED, code))

    async def _push_create(self, entry: OutboxEntry, report: SyncReport) -> bool:
        values = entry.payload
        row = await self._remote.insert_with_id(
            entry.thread_id,
            entry.conversation_id,
            title=values["title"],
            preview=values["last_message_preview"],
            archived=bool(values["archived"]),
        )
        if row is None:
            await self._drop(entry, CONVERSATION_TAKEN, report, whole_thread=True)
            return True
        if row.id != entry.thread_id:
            adopted = await self._local.transact(
                lambda c: ledger.adopt(c, self._user_id, entry, row)
            )
            report.gone.append(entry.thread_id)
            entry = adopted
        await self._confirm(entry, row, Merge(), report)
        return True

    async def _push_update(self, entry: OutboxEntry, report: SyncReport) -> bool:
        if entry.base.updated_at is not None:
            row = await self._remote.update_if_unchanged(
                entry.thread_id, entry.base.updated_at, entry.payload
            )
            if row is not None:
                await self._confirm(entry, row, Merge(), report)
                return True
        for _ in range(MAX_MERGE_ROUNDS):
            current = await self._remote.get(entry.thread_id)
            if current is None:
                await self._drop(entry, DELETED_ELSEWHERE, report, whole_thread=True)
                return True
            outcome = merge(entry.payload, entry.base.values, current)
            if not outcome.to_write:
                await self._confirm(entry, current, outcome, report)
                return True
            row = await self._remote.update_if_unchanged(
                entry.thread_id, current.updated_at, outcome.to_write
            )
            if row is not None:
                await self._confirm(entry, row, outcome, report)
                return True
        log.info("thread %s keeps changing remotely; retrying next round", entry.thread_id)
        return False

    async def _push_delete(self, entry: OutboxEntry) -> bool:
        await self._remote.delete(entry.thread_id)
        await self._local.transact(lambda c: ledger.confirm_delete(c, entry))
        return True

    async def _confirm(
        self, entry: OutboxEntry, remote: Thread, outcome: Merge, report: SyncReport
    ) -> None:
        now = self._clock()
        local = await self._local.transact(
            lambda c: ledger.confirm(c, self._user_id, entry, remote, outcome.lost, now)
        )
        if local is not None:
            report.changed.append(local)
        for name, (ours, theirs) in outcome.lost.items():
            report.conflicts += 1
            self._emit(ConflictNotice(entry.thread_id, name, ours, theirs))

    async def _drop(
        self, entry: OutboxEntry, reason: str, report: SyncReport, *, whole_thread: bool
    ) -> None:
        if whole_thread:
            await self._local.transact(
                lambda c: ledger.drop_thread(c, self._user_id, entry.thread_id)
            )
            report.gone.append(entry.thread_id)
        else:
            await self._local.transact(lambda c: ledger.drop_entry(c, entry))
        report.dropped += 1
        self._emit(EditDropped(entry.thread_id, reason))

    async def _finish_deletes(self, report: SyncReport) -> None:
        """Delete the Dify conversations of rows already deleted remotely, then the tombstones."""
        if self._dify is None:
            return
        ready = await self._local.transact(lambda c: ledger.tombstones_ready(c, self._user_id))
        for conversation_id in ready:
            try:
                await self._dify.delete_conversation(conversation_id, user=str(self._user_id))
            except DifyError as exc:
                if exc.status != 404:
                    log.info("dify delete failed: %s", exc.log_text)
                    report.error = exc.user_message
                    return
            await self._local.transact(
                partial(ledger.remove_tombstone, conversation_id=conversation_id)
            )

    # -- pulling -------------------------------------------------------------------------------

    async def _pull(self, report: SyncReport, *, reconcile: bool) -> None:
        stored = await self._local.transact(lambda c: ledger.get_state(c, _CURSOR))
        cursor = None if stored is None else datetime.fromisoformat(stored)
        since = None if cursor is None else cursor - self._overlap
        probe = await self._remote.probe(since)
        mine = await self._local.transact(lambda c: ledger.shadow_fingerprint(c, since))
        if probe.fingerprint != mine:
            rows = await self._remote.changed_since(since)
            await self._take(rows, report)
            if rows:
                newest = min(rows[-1].updated_at, probe.server_now)
                if cursor is None or newest > cursor:
                    value = newest.isoformat()
                    await self._local.transact(lambda c: ledger.set_state(c, _CURSOR, value))
            counted = await self._local.transact(ledger.shadow_count)
        else:
            counted = mine.total
        now = self._clock()
        due = self._last_reconcile is None or now - self._last_reconcile >= self._reconcile_every
        wanted = reconcile or self._reconcile_requested
        if wanted or due or counted != probe.fingerprint.total:
            self._reconcile_requested = False
            await self._reconcile(report)
            self._last_reconcile = now

    async def _take(self, rows: list[Thread], report: SyncReport) -> None:
        if not rows:
            return
        changed, gone = await self._local.transact(
            lambda c: ledger.apply_remote(c, self._user_id, rows)
        )
        report.changed.extend(changed)
        report.gone.extend(gone)

    async def _reconcile(self, report: SyncReport) -> None:
        """Compare every id and stamp: fetch what differs, forget what the remote lost."""
        remote = await self._remote.versions()
        known = await self._local.transact(ledger.shadow_versions)
        stale = [thread_id for thread_id, stamp in remote.items() if known.get(thread_id) != stamp]
        await self._take(await self._remote.fetch_many(stale), report)
        gone = await self._local.transact(
            lambda c: ledger.remove_missing(c, self._user_id, set(remote))
        )
        report.gone.extend(gone)
        report.reconciled = True

    # -- maintenance ---------------------------------------------------------------------------

    def _maintenance_due(self) -> bool:
        last = self._last_maintenance
        return last is None or self._clock() - last >= self._maintain_every

    async def _maintain(self, report: SyncReport) -> None:
        self._last_maintenance = self._clock()
        if self._retention_days is not None:
            await MessageCache(self._local).prune(self._retention_days, now=self._clock())
        if self._dify is None:
            return
        try:
            healed = await self._heal()
        except DifyError as exc:
            log.info("self-healing skipped: %s", exc.log_text)
            report.error = exc.user_message
            return
        if healed:
            report.healed = healed
            await self._push(report)

    async def _heal(self) -> int:
        assert self._dify is not None
        user = str(self._user_id)
        known = await self._local.transact(lambda c: ledger.known_conversations(c, self._user_id))
        missing = await healing.orphans(self._dify, user, known)
        for conversation in missing[:MAX_HEALED_PER_ROUND]:
            values = await healing.seed_values(self._dify, user, conversation)
            await self._local.create_if_absent(
                conversation.id, title=values.title, preview=values.preview
            )
        return min(len(missing), MAX_HEALED_PER_ROUND)

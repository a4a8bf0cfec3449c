"""What the sync engine tells its listeners, and what one sync round did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
import uuid

from hc_desktop.core.threads import Thread

SyncState = Literal["online", "offline", "syncing"]

#: ``EditDropped.reason`` values.
DELETED_ELSEWHERE = "deleted_elsewhere"
CONVERSATION_TAKEN = "conversation_taken"
REJECTED = "rejected"
#: The server refused the edit for good; it is kept in the local file but not sent again.
PARKED = "parked"


@dataclass(frozen=True, slots=True)
class ThreadsChanged:
    """Rows the local store now holds differently; refresh these in the list."""

    upserted: list[Thread]
    removed: list[uuid.UUID]


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """For the status bar: connectivity and how many local changes wait to be pushed."""

    state: SyncState
    pending: int
    last_error: str | None = None
    parked: int = 0
    """Of ``pending``, changes the server refused for good (kept here, not sent again)."""


@dataclass(frozen=True, slots=True)
class ConflictNotice:
    """A local value lost to a concurrent remote change; it stays restorable."""

    thread_id: uuid.UUID
    field: str
    local_value: Any
    remote_value: Any


@dataclass(frozen=True, slots=True)
class EditDropped:
    """A pending edit that can never apply (``reason`` is one of this module's codes).

    With :data:`PARKED` the edit is not lost: it stays in the outbox and on the local row,
    and ``code`` holds the server's reason (an SQLSTATE or HTTP status, never content).
    """

    thread_id: uuid.UUID
    reason: str
    code: str | None = None


SyncEvent = ThreadsChanged | SyncStatus | ConflictNotice | EditDropped


@dataclass(frozen=True, slots=True)
class Conflict:
    """A stored "changed elsewhere" record for one field of one thread."""

    thread_id: uuid.UUID
    field: str
    local_value: Any
    remote_value: Any
    detected_at: datetime


@dataclass(slots=True)
class SyncReport:
    """Counts from one :meth:`SyncEngine.sync_once` round."""

    online: bool = True
    pushed: int = 0
    conflicts: int = 0
    dropped: int = 0
    parked: int = 0
    """Entries the server refused for good in this round (see :data:`PARKED`)."""
    upserted: int = 0
    removed: int = 0
    healed: int = 0
    pending: int = 0
    reconciled: bool = False
    error: str | None = None
    changed: list[Thread] = field(default_factory=list, repr=False)
    gone: list[uuid.UUID] = field(default_factory=list, repr=False)

"""Offline-first sync between the local SQLite cache and the shared Postgres table.

The controller reads and writes threads through :class:`CachedThreadRepository` (instant,
offline-safe) and runs a :class:`SyncEngine` that pushes the outbox and pulls remote changes.
See ``docs/sync.md`` for the model, the overlap window and the conflict rule.
"""

from hc_desktop.sync.cache import CachedThreadRepository
from hc_desktop.sync.engine import DEFAULT_OVERLAP, SyncEngine
from hc_desktop.sync.events import (
    CONVERSATION_TAKEN,
    DELETED_ELSEWHERE,
    REJECTED,
    Conflict,
    ConflictNotice,
    EditDropped,
    SyncEvent,
    SyncReport,
    SyncStatus,
    ThreadsChanged,
)
from hc_desktop.sync.messages import CachedMessage, MessageCache
from hc_desktop.sync.remote import RemoteThreads

__all__ = [
    "CONVERSATION_TAKEN",
    "DEFAULT_OVERLAP",
    "DELETED_ELSEWHERE",
    "REJECTED",
    "CachedMessage",
    "CachedThreadRepository",
    "Conflict",
    "ConflictNotice",
    "EditDropped",
    "MessageCache",
    "RemoteThreads",
    "SyncEngine",
    "SyncEvent",
    "SyncReport",
    "SyncStatus",
    "ThreadsChanged",
]

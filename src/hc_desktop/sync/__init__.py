"""Offline-first sync between the local SQLite cache and the shared Postgres table.

The controller reads and writes threads through :class:`CachedThreadRepository` (instant,
offline-safe) and runs a :class:`SyncEngine` that pushes the outbox and pulls remote changes.
See ``docs/sync.md`` for the model, the overlap window and the conflict rule."""

from typing import TYPE_CHECKING

from hc_desktop.lazy import lazy_exports

if TYPE_CHECKING:
    from hc_desktop.sync.cache import CachedThreadRepository
    from hc_desktop.sync.engine import DEFAULT_OVERLAP, SyncEngine
    from hc_desktop.sync.events import (
        CONVERSATION_TAKEN,
        DELETED_ELSEWHERE,
        PARKED,
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
    "PARKED",
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

__getattr__ = lazy_exports(
    __name__,
    {
        "CachedThreadRepository": "hc_desktop.sync.cache",
        "DEFAULT_OVERLAP": "hc_desktop.sync.engine",
        "SyncEngine": "hc_desktop.sync.engine",
        "CONVERSATION_TAKEN": "hc_desktop.sync.events",
        "DELETED_ELSEWHERE": "hc_desktop.sync.events",
        "PARKED": "hc_desktop.sync.events",
        "REJECTED": "hc_desktop.sync.events",
        "Conflict": "hc_desktop.sync.events",
        "ConflictNotice": "hc_desktop.sync.events",
        "EditDropped": "hc_desktop.sync.events",
        "SyncEvent": "hc_desktop.sync.events",
        "SyncReport": "hc_desktop.sync.events",
        "SyncStatus": "hc_desktop.sync.events",
        "ThreadsChanged": "hc_desktop.sync.events",
        "CachedMessage": "hc_desktop.sync.messages",
        "MessageCache": "hc_desktop.sync.messages",
        "RemoteThreads": "hc_desktop.sync.remote",
    },
)

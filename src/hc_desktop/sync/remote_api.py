"""The remote side of sync as an interface, and the Data API transport behind it.

:class:`RemoteSource` lists what :class:`~hc_desktop.sync.engine.SyncEngine` calls on a
remote; both :class:`~hc_desktop.sync.remote.RemoteThreads` (direct PostgreSQL) and
:class:`DataApiRemoteThreads` (Supabase Data API) provide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol
import uuid

from hc_desktop.core.threads import Thread
from hc_desktop.store.postgrest import DataApiThreads
from hc_desktop.sync.fingerprint import Fingerprint
from hc_desktop.sync.rejections import REJECTED_ERRORS
from hc_desktop.sync.remote import Probe

__all__ = ["REJECTED_ERRORS", "DataApiRemoteThreads", "RemoteSource"]


class RemoteSource(Protocol):
    """What the sync engine needs from the shared table, for one user."""

    @property
    def user_id(self) -> uuid.UUID: ...

    async def insert_with_id(
        self,
        thread_id: uuid.UUID,
        conversation_id: str,
        *,
        title: str | None,
        preview: str | None,
        archived: bool,
    ) -> Thread | None: ...

    async def update_if_unchanged(
        self, thread_id: uuid.UUID, base_updated_at: datetime, values: dict[str, Any]
    ) -> Thread | None: ...

    async def get(self, thread_id: uuid.UUID) -> Thread | None: ...

    async def delete(self, thread_id: uuid.UUID) -> bool: ...

    async def probe(self, since: datetime | None) -> Probe: ...

    async def changed_since(self, since: datetime | None) -> list[Thread]: ...

    async def versions(self) -> dict[uuid.UUID, datetime]: ...

    async def fetch_many(self, ids: Sequence[uuid.UUID]) -> list[Thread]: ...

    async def close(self) -> None: ...


class DataApiRemoteThreads(DataApiThreads):
    """:class:`DataApiThreads` with the sync engine's probe."""

    async def probe(self, since: datetime | None) -> Probe:
        summary = await self.window_summary(since)
        fingerprint = Fingerprint(summary.total, summary.window_count, summary.window_sum)
        return Probe(fingerprint, summary.server_now)

"""Small helpers for the auth tests: a settable clock, an event recorder, a wired manager."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
import time

from hc_desktop.auth import (
    KeyringTokenStore,
    SessionEvent,
    SessionManager,
    SupabaseAuth,
)
from hc_desktop.demo.auth_server import DemoAuthServer

PROFILE = "test"


@dataclass
class FakeClock:
    """Wall clock the test moves by hand."""

    now: float = field(default_factory=time.time)

    def __call__(self) -> float:
        return self.now


class EventRecorder:
    """Collects session events and lets a test wait for one with a bounded timeout."""

    def __init__(self) -> None:
        self.events: list[SessionEvent] = []
        self._changed = asyncio.Event()

    def __call__(self, event: SessionEvent) -> None:
        self.events.append(event)
        self._changed.set()

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    async def wait_for(self, kind: type, count: int = 1, timeout: float = 5.0) -> list:
        async def until() -> None:
            while len(self.of(kind)) < count:
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(until(), timeout)
        return self.of(kind)


@dataclass
class Wiring:
    auth: SupabaseAuth
    tokens: KeyringTokenStore
    manager: SessionManager
    events: EventRecorder


@asynccontextmanager
async def wired_manager(
    server: DemoAuthServer,
    tmp_path: Path,
    *,
    clock: FakeClock | None = None,
    **options: float,
) -> AsyncIterator[Wiring]:
    """A SessionManager on the real client, the process keyring and a lock in tmp_path."""
    auth = SupabaseAuth(server.url, server.anon_key)
    tokens = KeyringTokenStore(profile=PROFILE)
    manager = SessionManager(
        auth,
        tokens,
        lock_path=tmp_path / "session.lock",
        clock=clock or time.time,
        **options,
    )
    events = EventRecorder()
    manager.add_listener(events)
    try:
        yield Wiring(auth, tokens, manager, events)
    finally:
        manager.close()
        tokens.close()
        await auth.aclose()

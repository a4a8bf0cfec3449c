"""Builds the object graph: clients, session, stores and the controller.

This is the only place that knows every concrete part. Tests and the self-test build the
same graph against loopback servers and a throwaway profile.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import json
import logging
import uuid

from hc_desktop.auth import (
    KeyringTokenStore,
    MemoryTokenStore,
    SessionManager,
    SupabaseAuth,
    TokenStore,
)
from hc_desktop.controller.app_controller import AppController
from hc_desktop.controller.threads_controller import UserData
from hc_desktop.dify import DifyClient
from hc_desktop.paths import Profile
from hc_desktop.store.local import LocalThreadStore
from hc_desktop.sync import CachedThreadRepository, MessageCache, RemoteThreads, SyncEngine

_log = logging.getLogger("hc_desktop.app")


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Resolved servers and secrets for one run (secrets hidden from repr)."""

    supabase_url: str
    supabase_anon_key: str = field(repr=False)
    dify_base_url: str
    dify_api_key: str = field(repr=False)
    database_url: str | None = field(default=None, repr=False)
    database_rls: bool = False
    persist_session: bool = True
    """False keeps the session in memory only (demo, self-test, shared workstations)."""


@dataclass(slots=True)
class Graph:
    """Everything the window needs, and the order to close it in."""

    controller: AppController
    sessions: SessionManager
    tokens: TokenStore
    auth: SupabaseAuth
    dify: DifyClient
    profile: Profile

    async def aclose(self) -> None:
        """Stop tasks first, then the stores, then the HTTP clients; never hang."""
        await self.controller.shutdown()
        self.sessions.close()
        self.tokens.close()
        await asyncio.gather(self.dify.aclose(), self.auth.aclose(), return_exceptions=True)


def read_last_user(profile: Profile) -> uuid.UUID | None:
    """The user whose cached threads to show before the network answers."""
    try:
        data = json.loads(profile.state_file.read_text(encoding="utf-8"))
        return uuid.UUID(str(data["last_user_id"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_last_user(profile: Profile, user_id: uuid.UUID) -> None:
    profile.state_file.write_text(json.dumps({"last_user_id": str(user_id)}), encoding="utf-8")
    profile.state_file.chmod(0o600)


def build_graph(endpoints: Endpoints, profile: Profile, *, retention_days: int = 0) -> Graph:
    """Wire the services and the controller for ``profile``."""
    auth = SupabaseAuth(endpoints.supabase_url, endpoints.supabase_anon_key)
    tokens: TokenStore = (
        KeyringTokenStore(profile=profile.name) if endpoints.persist_session else MemoryTokenStore()
    )
    sessions = SessionManager(auth, tokens, lock_path=profile.refresh_lock_file)
    dify = DifyClient(endpoints.dify_base_url, endpoints.dify_api_key)

    async def open_user_data(user_id: uuid.UUID) -> UserData:
        """The local file always; with a shared database also the remote and the sync engine."""
        await asyncio.to_thread(write_last_user, profile, user_id)
        path = profile.thread_store_file(user_id)
        if not endpoints.database_url:
            local = await asyncio.to_thread(LocalThreadStore.open, path, user_id)
            return UserData(threads=local, local=local, messages=MessageCache(local))
        cached = await asyncio.to_thread(CachedThreadRepository.open, path, user_id)
        claims = sessions.jwt_claims if endpoints.database_rls else None
        remote = RemoteThreads(endpoints.database_url, user_id, claims=claims)
        engine = SyncEngine(cached, remote, dify, user_id)
        return UserData(
            threads=cached,
            local=cached,
            messages=MessageCache(cached),
            sync=engine,
            closers=[remote.close],
        )

    controller = AppController(
        sessions=sessions,
        dify=dify,
        open_user_data=open_user_data,
        retention_days=retention_days,
    )
    return Graph(controller, sessions, tokens, auth, dify, profile)

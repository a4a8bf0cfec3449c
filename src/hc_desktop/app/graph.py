"""Builds the object graph: clients, session, stores and the controller.

This is the only place that knows every concrete part. Tests and the self-test build the
same graph against loopback servers and a throwaway profile. Service modules are imported
inside the functions that build them, so importing this module stays cheap at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import logging
from typing import TYPE_CHECKING, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
import uuid

from hc_desktop.app.first_paint import peek_cached_threads
from hc_desktop.app.last_user import write_last_user
from hc_desktop.core.threads import Thread
from hc_desktop.paths import Profile

if TYPE_CHECKING:
    from hc_desktop.app.cache_opening import CacheKeys
    from hc_desktop.auth import SessionManager, SupabaseAuth, TokenStore
    from hc_desktop.controller.app_controller import AppController
    from hc_desktop.controller.thread_filter_model import ThreadModels
    from hc_desktop.controller.threads_controller import UserData
    from hc_desktop.dify import DifyClient
    from hc_desktop.sync.remote_api import RemoteSource

_log = logging.getLogger("hc_desktop.app")

ThreadsBackend = Literal["data_api", "postgres", "local"]
DifyMode = Literal["app_key", "gateway"]


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Resolved servers and secrets for one run (secrets hidden from repr).

    ``threads_backend`` None means the historical rule: ``postgres`` when ``database_url``
    is set, else ``local`` (settings' ``auto`` is resolved before, in ``app.secrets``). The
    Data API lives at ``data_api_url`` (the Supabase project URL unless given). In
    ``gateway`` mode ``dify_base_url`` is the gateway and no Dify app key is held.
    """

    supabase_url: str
    supabase_anon_key: str = field(repr=False)
    dify_base_url: str
    dify_api_key: str | None = field(default=None, repr=False)
    database_url: str | None = field(default=None, repr=False)
    database_rls: bool = False
    persist_session: bool = True
    """False keeps the session in memory only (demo, self-test, shared workstations)."""
    threads_backend: ThreadsBackend | None = None
    data_api_url: str | None = None
    dify_mode: DifyMode = "app_key"
    database_ca_file: str | None = None
    """CA bundle for direct PostgreSQL connections (``sslrootcert``, ``verify-full``)."""

    def __post_init__(self) -> None:
        if self.dify_mode == "app_key" and not self.dify_api_key:
            raise ValueError("app_key mode needs the Dify app key")
        if self.backend == "postgres" and not self.database_url:
            raise ValueError("the postgres threads backend needs database_url")

    @property
    def backend(self) -> ThreadsBackend:
        """Where threads are shared for this run."""
        if self.threads_backend is not None:
            return self.threads_backend
        return "postgres" if self.database_url else "local"

    @property
    def shared(self) -> bool:
        """True when threads live on a server as well as in the local cache."""
        return self.backend != "local"


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
        import asyncio

        await self.controller.shutdown()
        self.sessions.close()
        self.tokens.close()
        await asyncio.gather(self.dify.aclose(), self.auth.aclose(), return_exceptions=True)


def with_ca_file(database_url: str, ca_file: str | None) -> str:
    """``database_url`` verifying the server against ``ca_file`` (unchanged without one).

    Adds ``sslrootcert``, and ``sslmode=verify-full`` unless the URL already names a mode.
    """
    if not ca_file:
        return database_url
    parts = urlsplit(database_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    names = {k for k, _ in query}
    query = [(k, v) for k, v in query if k != "sslrootcert"] + [("sslrootcert", ca_file)]
    if "sslmode" not in names:
        query.append(("sslmode", "verify-full"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def make_dify_client(endpoints: Endpoints, sessions: SessionManager) -> DifyClient:
    """App key mode: the key. Gateway mode: the session's current token on every request."""
    from hc_desktop.dify import DifyClient

    if endpoints.dify_mode == "gateway":
        return DifyClient(endpoints.dify_base_url, bearer=sessions.access_token)
    return DifyClient(endpoints.dify_base_url, endpoints.dify_api_key)


def open_remote(endpoints: Endpoints, sessions: SessionManager, user_id: uuid.UUID) -> RemoteSource:
    """The shared table for ``user_id`` over the configured transport."""
    if endpoints.backend == "data_api":
        from hc_desktop.sync.remote_api import DataApiRemoteThreads
        from hc_desktop.sync.session_tokens import SessionTokens

        tokens = SessionTokens(sessions, user_id)
        return DataApiRemoteThreads(
            endpoints.data_api_url or endpoints.supabase_url,
            endpoints.supabase_anon_key,
            user_id,
            token=tokens.access_token,
            renew=tokens.renewed,
        )
    from hc_desktop.sync.remote import RemoteThreads

    assert endpoints.database_url is not None
    claims = sessions.jwt_claims if endpoints.database_rls else None
    url = with_ca_file(endpoints.database_url, endpoints.database_ca_file)
    return RemoteThreads(url, user_id, claims=claims)


def build_graph(
    endpoints: Endpoints,
    profile: Profile,
    *,
    retention_days: int = 0,
    keep_history: bool = True,
    cache_keys: CacheKeys | None = None,
    thread_models: ThreadModels | None = None,
    first_page: tuple[uuid.UUID, list[Thread]] | None = None,
) -> Graph:
    """Wire the services and the controller for ``profile``; ``thread_models`` are the list
    models the window already painted at start-up, if any, and ``first_page`` the (user,
    threads) they show."""
    import asyncio

    from hc_desktop.auth import (
        KeyringTokenStore,
        MemoryTokenStore,
        SessionManager,
        SessionStarted,
        SupabaseAuth,
    )
    from hc_desktop.controller.app_controller import AppController
    from hc_desktop.controller.threads_controller import UserData

    auth = SupabaseAuth(endpoints.supabase_url, endpoints.supabase_anon_key)
    tokens: TokenStore = (
        KeyringTokenStore(profile=profile.name) if endpoints.persist_session else MemoryTokenStore()
    )
    sessions = SessionManager(auth, tokens, lock_path=profile.refresh_lock_file)
    dify = make_dify_client(endpoints, sessions)

    async def open_user_data(user_id: uuid.UUID) -> UserData:
        """The local file always; with a shared backend also the remote and the sync engine."""
        from hc_desktop.app.cache_opening import open_local_cache
        from hc_desktop.sync import MessageCache, SyncEngine

        if not endpoints.shared:
            local = await open_local_cache(
                profile, user_id, keep_history=keep_history, keys=cache_keys
            )
            return UserData(threads=local, local=local, messages=MessageCache(local))
        cached = await open_local_cache(
            profile, user_id, keep_history=keep_history, synced=True, keys=cache_keys
        )
        remote = open_remote(endpoints, sessions, user_id)
        engine = SyncEngine(cached, remote, dify, user_id)
        # A round that waited for sign-in (cached threads shown first) runs as soon as it can.
        unsubscribe = sessions.add_listener(
            lambda event: engine.request_sync() if isinstance(event, SessionStarted) else None
        )

        async def stop_listening() -> None:
            unsubscribe()

        return UserData(
            threads=cached,
            local=cached,
            messages=MessageCache(cached),
            sync=engine,
            closers=[stop_listening, remote.close],
        )

    painted_at_start = [first_page] if first_page is not None and first_page[1] else []

    async def peek_first_page(user_id: uuid.UUID, limit: int) -> list[Thread]:
        """The cached list's first page straight from the file, before the store loads.

        The user is remembered here (the controller always peeks before it opens the
        store), so the next start paints their list at once even if this run ends first.
        The page start-up painted is used once, for the user it belongs to: a later sign-in
        reads the file again (sign-out may have erased it).
        """
        await asyncio.to_thread(write_last_user, profile, user_id)
        if not keep_history:
            return []
        if painted_at_start:
            painted_user, painted = painted_at_start.pop()
            if painted_user == user_id:
                return painted
        return await peek_cached_threads(profile, user_id, limit, keys=cache_keys)

    controller = AppController(
        sessions=sessions,
        dify=dify,
        open_user_data=open_user_data,
        retention_days=retention_days,
        audit_file=profile.audit_file,
        peek_first_page=peek_first_page,
        thread_models=thread_models,
    )
    return Graph(controller, sessions, tokens, auth, dify, profile)

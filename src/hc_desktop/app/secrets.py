"""Resolve servers and secrets for a normal run: settings for URLs, keyring/env for keys.

Only the secrets the chosen transports need are looked up: no Dify app key in gateway mode,
no database password unless threads go to PostgreSQL directly.
"""

from __future__ import annotations

import asyncio
import logging
import os

from hc_desktop.app.graph import DifyMode, Endpoints, ThreadsBackend
from hc_desktop.config import Settings

_log = logging.getLogger("hc_desktop.app")
KEYRING_SERVICE = "hc-desktop"
_BACKENDS: dict[str, ThreadsBackend] = {
    "data_api": "data_api",
    "postgres": "postgres",
    "local": "local",
}


def _secret(name: str) -> str | None:
    """``HC_<NAME>`` from the environment, else the keyring entry of that name."""
    value = os.environ.get(f"HC_{name.upper()}")
    if value:
        return value
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, name)
    except Exception as exc:  # any backend failure means "not available", never a crash
        _log.info("keyring unavailable for %s: %s", name, type(exc).__name__)
        return None
    return stored or None


def threads_backend(settings: Settings) -> ThreadsBackend:
    """``auto``: PostgreSQL when a database URL is set, else the Supabase Data API."""
    chosen = settings.threads_backend
    if chosen == "auto":
        return "postgres" if settings.database_url else "data_api"
    try:
        return _BACKENDS[chosen]
    except KeyError:
        raise ValueError(f"unknown threads_backend {chosen!r}") from None


def _with_password(database_url: str, password: str | None) -> str:
    if not password or "@" not in database_url or "://" not in database_url:
        return database_url
    scheme, rest = database_url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    if ":" in credentials:
        return database_url
    return f"{scheme}://{credentials}:{password}@{host}"


async def resolve_endpoints(settings: Settings) -> Endpoints | None:
    """Endpoints for the configured servers, or None when something essential is missing."""
    if not (settings.supabase_url and settings.supabase_anon_key and settings.dify_base_url):
        return None
    backend = threads_backend(settings)
    mode: DifyMode = "gateway" if settings.dify_mode == "gateway" else "app_key"
    if backend == "postgres" and not settings.database_url:
        _log.warning("threads_backend is postgres but database_url is not set")
        return None
    wanted = [
        *(["dify_api_key"] if mode == "app_key" else []),
        *(["database_password"] if backend == "postgres" else []),
    ]
    found = await asyncio.to_thread(lambda: {name: _secret(name) for name in wanted})
    dify_key = found.get("dify_api_key")
    if mode == "app_key" and not dify_key:
        _log.warning("no Dify app key in the keyring or HC_DIFY_API_KEY")
        return None
    database_url = settings.database_url if backend == "postgres" else None
    if database_url:
        database_url = _with_password(database_url, found.get("database_password"))
    return Endpoints(
        supabase_url=settings.supabase_url,
        supabase_anon_key=settings.supabase_anon_key,
        dify_base_url=settings.dify_base_url,
        dify_api_key=dify_key if mode == "app_key" else None,
        database_url=database_url,
        database_rls=settings.database_rls,
        persist_session=not settings.shared_workstation,
        threads_backend=backend,
        dify_mode=mode,
        database_ca_file=settings.database_ca_file,
    )

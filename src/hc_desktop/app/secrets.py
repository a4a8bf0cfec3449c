"""Resolve servers and secrets for a normal run: settings for URLs, keyring/env for keys."""

from __future__ import annotations

import asyncio
import logging
import os

from hc_desktop.app.graph import Endpoints
from hc_desktop.config import Settings

_log = logging.getLogger("hc_desktop.app")
KEYRING_SERVICE = "hc-desktop"


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


async def resolve_endpoints(settings: Settings) -> Endpoints | None:
    """Endpoints for the configured servers, or None when something essential is missing."""
    if not (settings.supabase_url and settings.supabase_anon_key and settings.dify_base_url):
        return None
    dify_key, db_password = await asyncio.to_thread(
        lambda: (_secret("dify_api_key"), _secret("database_password"))
    )
    if not dify_key:
        _log.warning("no Dify app key in the keyring or HC_DIFY_API_KEY")
        return None
    database_url = settings.database_url
    if database_url and db_password and "@" in database_url:
        scheme, rest = database_url.split("://", 1)
        credentials, host = rest.split("@", 1)
        if ":" not in credentials:
            database_url = f"{scheme}://{credentials}:{db_password}@{host}"
    return Endpoints(
        supabase_url=settings.supabase_url,
        supabase_anon_key=settings.supabase_anon_key,
        dify_base_url=settings.dify_base_url,
        dify_api_key=dify_key,
        database_url=database_url,
        database_rls=settings.database_rls,
        persist_session=not settings.shared_workstation,
    )

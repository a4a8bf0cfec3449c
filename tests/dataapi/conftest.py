"""Data API fixtures: a loopback PostgREST on a Supabase-like database, and signed tokens."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
import secrets
import socket
import time
from typing import Any
import uuid

import httpx
import pytest

from hc_desktop.demo.auth_backend import sign_jwt
from hc_desktop.demo.postgrest_server import DemoPostgrestServer
from hc_desktop.store.postgrest import DataApiThreads
from hc_desktop.store.repository import ThreadRepository
from tests.fixtures.postgres import SupabaseDatabase

ANON_KEY = "demo-anon-key"
JWT_SECRET = secrets.token_bytes(32)

StoreFactory = Callable[[uuid.UUID], ThreadRepository]


def access_token(user_id: uuid.UUID, *, ttl: int = 3600, **extra: Any) -> str:
    """A token as Supabase Auth signs it, for ``user_id``."""
    now = int(time.time())
    claims = {
        "sub": str(user_id),
        "role": "authenticated",
        "aud": "authenticated",
        "iat": now,
        "exp": now + ttl,
        **extra,
    }
    return sign_jwt(claims, JWT_SECRET)


def fixed_token(token: str) -> Callable[[], Any]:
    async def source() -> str:
        return token

    return source


def no_keepalive_client() -> httpx.AsyncClient:
    """A client that keeps no pooled connection, so it can be closed from any event loop."""
    return httpx.AsyncClient(limits=httpx.Limits(max_keepalive_connections=0), timeout=10)


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (connections are refused at once)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def postgrest(supabase_database: SupabaseDatabase) -> Iterator[DemoPostgrestServer]:
    """A started Data API in front of a fresh Supabase-like database."""
    with DemoPostgrestServer(supabase_database.authenticator_url, JWT_SECRET) as server:
        yield server


@pytest.fixture
def make_store(postgrest: DemoPostgrestServer) -> Iterator[StoreFactory]:
    """DataApiThreads bound to a user, each with a valid token; all closed afterwards."""
    opened: list[tuple[DataApiThreads, httpx.AsyncClient]] = []

    def factory(user_id: uuid.UUID) -> ThreadRepository:
        http = no_keepalive_client()
        store = DataApiThreads(
            postgrest.url,
            ANON_KEY,
            user_id,
            token=fixed_token(access_token(user_id)),
            http=http,
        )
        opened.append((store, http))
        return store

    yield factory

    async def close_all() -> None:
        for store, http in opened:
            await store.close()
            await http.aclose()  # injected: the store leaves it open

    asyncio.run(close_all())

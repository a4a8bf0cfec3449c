"""Which transport a configuration selects, and the CA file on direct connections."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
import uuid

import pytest

from hc_desktop.app.graph import Endpoints, open_remote, with_ca_file
from hc_desktop.app.secrets import resolve_endpoints
from hc_desktop.auth import MemoryTokenStore, SessionManager, SupabaseAuth
from hc_desktop.config import Settings
from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.sync.remote import RemoteThreads
from hc_desktop.sync.remote_api import DataApiRemoteThreads

SERVERS = {
    "supabase_url": "https://project.example.org",
    "supabase_anon_key": "anon",
    "dify_base_url": "https://dify.example.org/v1",
}
USER = uuid.uuid4()


@pytest.fixture
def secrets_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HC_DIFY_API_KEY", "app-key")
    monkeypatch.setenv("HC_DATABASE_PASSWORD", "s3cret")


def _resolve(**settings: object) -> Endpoints:
    endpoints = asyncio.run(resolve_endpoints(Settings(**SERVERS, **settings)))  # type: ignore[arg-type]
    assert endpoints is not None
    return endpoints


def test_auto_picks_the_data_api_without_a_database_url(secrets_from_env: None) -> None:
    endpoints = _resolve()
    assert endpoints.backend == "data_api" and endpoints.database_url is None


def test_auto_picks_postgres_with_a_database_url(secrets_from_env: None) -> None:
    endpoints = _resolve(database_url="postgresql://app@db.example.org/hc")
    assert endpoints.backend == "postgres"
    assert endpoints.database_url == "postgresql://app:s3cret@db.example.org/hc"
    assert "s3cret" not in repr(endpoints)


def test_an_explicit_backend_wins(secrets_from_env: None) -> None:
    chosen = _resolve(database_url="postgresql://app@db/hc", threads_backend="data_api")
    assert chosen.backend == "data_api" and chosen.database_url is None
    assert _resolve(threads_backend="local").backend == "local"
    missing = Settings(**SERVERS, threads_backend="postgres")  # type: ignore[arg-type]
    assert asyncio.run(resolve_endpoints(missing)) is None


def test_the_ca_file_asks_for_full_verification() -> None:
    url = "postgresql://app@db.example.org:5432/hc"
    assert with_ca_file(url, None) == url
    verified = with_ca_file(url, "/etc/ssl/hospital-ca.pem")
    assert verified.endswith("?sslrootcert=%2Fetc%2Fssl%2Fhospital-ca.pem&sslmode=verify-full")
    kept = with_ca_file(url + "?sslmode=verify-ca", "/ca.pem")
    assert "sslmode=verify-ca" in kept and "verify-full" not in kept


@pytest.mark.postgres
def test_the_ca_file_is_applied_to_direct_connections(pg_database: str, tmp_path: Path) -> None:
    ca_file = tmp_path / "ca.pem"
    ca_file.write_text("not a certificate\n")

    async def scenario() -> None:
        auth = SupabaseAuth("http://127.0.0.1:1", "anon")
        sessions = SessionManager(auth, MemoryTokenStore(), lock_path=tmp_path / "lock")
        plain = Endpoints(
            supabase_url="http://127.0.0.1:1",
            supabase_anon_key="anon",
            dify_base_url="http://127.0.0.1:1/v1",
            dify_api_key="k",
            database_url=pg_database,
        )
        strict = dataclasses.replace(plain, database_ca_file=str(ca_file))
        opened = [open_remote(plain, sessions, USER), open_remote(strict, sessions, USER)]
        try:
            assert all(isinstance(remote, RemoteThreads) for remote in opened)
            await opened[0].versions()  # the test server speaks plain TCP: fine unverified
            with pytest.raises(StoreUnavailable):
                await opened[1].versions()  # verify-full refuses a server without TLS
        finally:
            for remote in opened:
                await remote.close()
            sessions.close()
            await auth.aclose()

    asyncio.run(scenario())


def test_the_data_api_remote_uses_the_project_url_unless_told_otherwise(tmp_path: Path) -> None:
    async def scenario() -> None:
        auth = SupabaseAuth("http://127.0.0.1:1", "anon")
        sessions = SessionManager(auth, MemoryTokenStore(), lock_path=tmp_path / "lock")
        endpoints = Endpoints(
            supabase_url="http://127.0.0.1:1",
            supabase_anon_key="anon",
            dify_base_url="http://127.0.0.1:1/v1",
            dify_mode="gateway",
            threads_backend="data_api",
        )
        remote = open_remote(endpoints, sessions, USER)
        try:
            assert isinstance(remote, DataApiRemoteThreads)
            with pytest.raises(StoreUnavailable, match="sign-in"):
                await remote.versions()  # no session yet: offline, not a crash
        finally:
            await remote.close()
            sessions.close()
            await auth.aclose()

    asyncio.run(scenario())

"""Sync test fixtures: a cache + remote + engine rig, and a PostgreSQL server that can stop."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
import subprocess
from typing import Any, TypeVar
import uuid

import pytest

from hc_desktop.dify import DifyClient
from hc_desktop.store.crypto import ContentCipher, generate_key
from hc_desktop.store.migrate import upgrade
from hc_desktop.sync import CachedThreadRepository, RemoteThreads, SyncEngine, SyncEvent
from tests.fixtures.postgres import PgServer, _LocalCluster, _run, _server_bindir
from tests.sync.helpers import install_audit

T = TypeVar("T")

USER = uuid.UUID("5b0e7f0c-2a44-4a0e-9d53-0f6c1b2a3c4d")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


class Rig:
    """One user's local cache, remote and engine, opened and closed inside one event loop."""

    def __init__(
        self,
        cache_path: Path,
        url: str,
        *,
        cipher: ContentCipher | None = None,
        **engine_options: Any,
    ) -> None:
        self.cache_path = cache_path
        self.url = url
        self.cipher = cipher
        self.engine_options = engine_options
        self.events: list[SyncEvent] = []

    async def open(
        self, *, url: str | None = None, dify: DifyClient | None = None, claims: Any = None
    ) -> tuple[CachedThreadRepository, RemoteThreads, SyncEngine]:
        local = await asyncio.to_thread(
            CachedThreadRepository.open, self.cache_path, USER, cipher=self.cipher
        )
        remote = RemoteThreads(url or self.url, USER, claims=claims)
        engine = SyncEngine(local, remote, dify, USER, **self.engine_options)
        engine.add_listener(self.events.append)
        return local, remote, engine


@pytest.fixture(params=["plain", "encrypted"])
def rig(request: pytest.FixtureRequest, tmp_path: Path, pg_database: str) -> Rig:
    """A rig on a fresh migrated database that audits every write to the threads table;
    each test runs with a plain cache file and with an encrypted one."""
    install_audit(pg_database)
    cipher = ContentCipher(generate_key()) if request.param == "encrypted" else None
    return Rig(tmp_path / "profile" / "cache.db", pg_database, cipher=cipher)


class StoppableCluster(_LocalCluster):
    """A private server for tests that take the database away and bring it back."""

    def _ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _run(
            [str(self.bindir / "pg_ctl"), "-D", str(self.data), *args], self.user, self.root
        )

    def halt(self) -> None:
        result = self._ctl("-m", "fast", "-w", "stop")
        assert result.returncode == 0, result.stderr

    def resume(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        result = self._ctl("-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def stoppable_server() -> Iterator[tuple[StoppableCluster, PgServer]]:
    bindir = _server_bindir()
    if bindir is None:
        pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) are needed for this test")
    cluster = StoppableCluster(bindir)
    try:
        yield cluster, PgServer(cluster.start())
    finally:
        cluster.stop()


@pytest.fixture
def stoppable_database(
    stoppable_server: tuple[StoppableCluster, PgServer],
) -> Iterator[tuple[StoppableCluster, str]]:
    """A migrated, audited database on a server the test may halt and resume."""
    cluster, server = stoppable_server
    name = server.create_database()
    url = server.url(name)
    upgrade(url)
    install_audit(url)
    try:
        yield cluster, url
    finally:
        if not (cluster.data / "postmaster.pid").exists():
            cluster.resume()
        server.drop_database(name)


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (connections are refused at once)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

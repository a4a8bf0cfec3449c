"""Exactly-once delivery: a stopped database and a killed process lose and repeat nothing."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
import signal
import subprocess
import sys

import pytest

from hc_desktop.sync import CachedThreadRepository, RemoteThreads, SyncEngine
from tests.store.helpers import wait_until
from tests.sync.conftest import USER, StoppableCluster, run
from tests.sync.helpers import audit_counts, clear_audit, remote_rows

pytestmark = pytest.mark.postgres

REPO_ROOT = Path(__file__).resolve().parents[2]


async def _open(cache: Path, url: str) -> tuple[CachedThreadRepository, RemoteThreads, SyncEngine]:
    local = await asyncio.to_thread(CachedThreadRepository.open, cache, USER)
    remote = RemoteThreads(url, USER)
    return local, remote, SyncEngine(local, remote, None, USER)


async def _make_edits(local: CachedThreadRepository, creates: int, edits: int) -> None:
    """``creates`` new threads, then ``edits`` renames and archive toggles spread over them."""
    threads = [
        await local.create_if_absent(f"conv-{n}", title=f"new {n}", preview=None)
        for n in range(creates)
    ]
    threads += await local.list_threads()
    threads = list({t.id: t for t in threads}.values())
    archived = {t.id: t.archived for t in threads}
    for n in range(edits):
        target = threads[n % len(threads)]
        if n % 3 == 2:
            archived[target.id] = not archived[target.id]
            await local.set_archived(target.id, archived[target.id])
        else:
            await local.rename(target.id, f"edit {n}")


async def _local_state(local: CachedThreadRepository) -> dict[object, tuple[object, ...]]:
    rows = await local.list_threads() + await local.list_threads(archived=True)
    return {t.id: (t.conversation_id, t.title, t.last_message_preview, t.archived) for t in rows}


def test_edits_made_while_the_database_is_stopped_apply_exactly_once(
    stoppable_database: tuple[StoppableCluster, str], tmp_path: Path
) -> None:
    cluster, url = stoppable_database
    cache = tmp_path / "cache.db"

    async def scenario() -> dict[object, tuple[object, ...]]:
        local, remote, engine = await _open(cache, url)
        try:
            await _make_edits(local, creates=50, edits=0)
            assert (await engine.sync_once()).pending == 0
            clear_audit(url)
            cluster.halt()
            await _make_edits(local, creates=100, edits=900)  # names conv-0.. overlap: 50 new
            assert await local.pending_count() == 50 + 900
            for _ in range(3):
                offline = await engine.sync_once()
                assert not offline.online and offline.pending == 950
            assert engine.status.state == "offline"
            cluster.resume()
            report = await engine.sync_once()
            assert report.online and report.pending == 0 and report.conflicts == 0
            return await _local_state(local)
        finally:
            await local.close()
            await remote.close()

    expected = run(scenario())
    assert audit_counts(url) == {"INSERT": 50, "UPDATE": 900}
    assert remote_rows(url) == expected
    assert len(expected) == 100


def test_killing_the_process_mid_push_neither_loses_nor_repeats_an_edit(
    pg_database: str, tmp_path: Path
) -> None:
    from tests.sync.helpers import install_audit

    install_audit(pg_database)
    cache = tmp_path / "cache.db"

    async def prepare() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, cache, USER)
        try:
            await _make_edits(local, creates=200, edits=800)
            assert await local.pending_count() == 1000
        finally:
            await local.close()

    run(prepare())
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.push_child", str(cache), pg_database, str(USER)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        wait_until(lambda: sum(audit_counts(pg_database).values()) >= 150, timeout=60)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    async def finish() -> tuple[int, dict[object, tuple[object, ...]]]:
        local, remote, engine = await _open(cache, pg_database)
        try:
            left = await local.pending_count()
            report = await engine.sync_once()
            assert report.online and report.pending == 0 and report.conflicts == 0
            return left, await _local_state(local)
        finally:
            await local.close()
            await remote.close()

    left, expected = run(finish())
    assert 0 < left < 1000, "the process should have died part-way through the outbox"
    assert audit_counts(pg_database) == {"INSERT": 200, "UPDATE": 800}
    assert remote_rows(pg_database) == expected

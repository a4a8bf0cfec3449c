"""Push and pull against a real PostgreSQL: edits arrive once, remote changes show up here."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
import contextlib
from datetime import timedelta
import uuid

import pytest

from hc_desktop.sync import (
    EditDropped,
    RemoteThreads,
    SyncEngine,
    SyncStatus,
    ThreadsChanged,
    ledger,
)
from tests.store.helpers import execute
from tests.sync.conftest import USER, Rig, run
from tests.sync.helpers import (
    audit_counts,
    clear_audit,
    remote_rows,
    web_delete,
    web_insert,
    web_update,
)

pytestmark = pytest.mark.postgres


def test_local_edits_are_pushed_once_and_a_quiet_sync_changes_nothing(rig: Rig) -> None:
    async def scenario() -> tuple[list[object], int, int]:
        local, remote, engine = await rig.open()
        try:
            first = await local.create_if_absent("conv-1", title="Knee pain", preview="Hello")
            second = await local.create_if_absent("conv-2", title="Sleep", preview=None)
            await local.rename(first.id, "Left knee")
            await local.set_archived(second.id, True)
            await local.update_preview(first.id, "Ice it")
            assert await local.pending_count() == 5

            report = await engine.sync_once()
            assert report.online and report.pushed == 5 and report.pending == 0
            rig.events.clear()
            # Both sides summarise the pull window identically, so a quiet round reads no rows.
            probe = await remote.probe(None)
            mine = await local.transact(lambda c: ledger.shadow_fingerprint(c, None))
            assert probe.fingerprint == mine
            quiet = await engine.sync_once()
            listed = await local.list_threads()
            archived = await local.list_threads(archived=True)
            return (
                [quiet, [t.title for t in listed], [t.title for t in archived]],
                len(rig.events),
                quiet.pushed,
            )
        finally:
            await local.close()
            await remote.close()

    (_, active, archived), _, pushed = run(scenario())
    assert active == ["Left knee"] and archived == ["Sleep"]
    assert sorted(str(v[1]) for v in remote_rows(rig.url).values()) == ["Left knee", "Sleep"]
    assert audit_counts(rig.url) == {"INSERT": 2, "UPDATE": 3}
    assert pushed == 0
    assert not [e for e in rig.events if isinstance(e, ThreadsChanged)]
    assert all(isinstance(e, SyncStatus) for e in rig.events)


def test_rows_inserted_updated_and_deleted_by_the_web_app_follow_after_one_sync(rig: Rig) -> None:
    async def scenario() -> None:
        local, remote, engine = await rig.open()
        try:
            await engine.sync_once()
            kept = web_insert(rig.url, USER, "conv-web-1", "From the web")
            doomed = web_insert(rig.url, USER, "conv-web-2", "Soon gone")
            web_insert(rig.url, uuid.uuid4(), "conv-other-user", "Not mine")
            await engine.sync_once()
            assert {t.title for t in await local.list_threads()} == {"From the web", "Soon gone"}

            web_delete(rig.url, doomed)
            web_update(rig.url, kept, "title", "Renamed on the web")
            rig.events.clear()
            await engine.sync_once()
            assert [t.title for t in await local.list_threads()] == ["Renamed on the web"]
            changes = [e for e in rig.events if isinstance(e, ThreadsChanged)]
            assert [t.id for t in changes[0].upserted] == [kept]
            assert changes[0].removed == [doomed]
        finally:
            await local.close()
            await remote.close()

    run(scenario())


def test_a_change_committed_with_an_older_stamp_is_caught_by_the_overlap_window(
    rig: Rig, tmp_path: object
) -> None:
    # Reconciliation is pushed far away so only the incremental pull can see the change.
    rig.engine_options.update(reconcile_every=timedelta(days=1), overlap=timedelta(minutes=2))

    async def scenario() -> None:
        local, remote, engine = await rig.open()
        try:
            thread = await local.create_if_absent("conv-late", title="Before", preview=None)
            await engine.sync_once()
            # A transaction that began 30 s ago commits only now: its now() is in the past.
            execute(
                rig.url,
                "UPDATE health_companion.threads SET title = 'Late commit', "
                "updated_at = now() - interval '30 seconds' WHERE id = %s",
                (thread.id,),
            )
            report = await engine.sync_once()
            assert not report.reconciled
            got = await local.get(thread.id)
            assert got is not None and got.title == "Late commit"
        finally:
            await local.close()
            await remote.close()

    run(scenario())


def test_offline_edits_wait_in_the_outbox_and_the_status_says_offline(
    rig: Rig, unused_port: int
) -> None:
    async def scenario() -> None:
        offline_url = f"postgresql://postgres@127.0.0.1:{unused_port}/nowhere"
        local, remote, engine = await rig.open(url=offline_url)
        try:
            thread = await local.create_if_absent("conv-off", title="Offline", preview=None)
            await local.rename(thread.id, "Still offline")
            report = await engine.sync_once()
            assert not report.online and report.pending == 2
            assert engine.status == SyncStatus("offline", 2, report.error)
            assert [t.title for t in await local.list_threads()] == ["Still offline"]
        finally:
            await remote.close()
        remote2 = RemoteThreads(rig.url, USER)
        engine2 = SyncEngine(local, remote2, None, USER)
        try:
            report = await engine2.sync_once()
            assert report.online and report.pending == 0 and engine2.status.state == "online"
        finally:
            await local.close()
            await remote2.close()

    run(scenario())
    assert list(v[1] for v in remote_rows(rig.url).values()) == ["Still offline"]
    assert audit_counts(rig.url) == {"INSERT": 1, "UPDATE": 1}


def test_a_push_already_applied_before_a_crash_is_recognised_not_repeated(rig: Rig) -> None:
    async def scenario() -> None:
        local, remote, engine = await rig.open()
        try:
            thread = await local.create_if_absent("conv-crash", title="One", preview=None)
            await engine.sync_once()
            await local.rename(thread.id, "Two")
            await local.set_archived(thread.id, True)
            clear_audit(rig.url)
            # The rename reached the server, then the process died before forgetting it.
            synced = await remote.get(thread.id)
            assert synced is not None
            applied = await remote.update_if_unchanged(
                thread.id, synced.updated_at, {"title": "Two"}
            )
            assert applied is not None
            report = await engine.sync_once()
            assert report.conflicts == 0 and report.pending == 0
            assert not await local.conflicts()
        finally:
            await local.close()
            await remote.close()

    run(scenario())
    assert audit_counts(rig.url) == {"UPDATE": 2}
    assert [v[1:] for v in remote_rows(rig.url).values()] == [("Two", None, True)]


def test_a_row_whose_conversation_belongs_to_someone_else_is_dropped_with_a_notice(
    rig: Rig,
) -> None:
    web_insert(rig.url, uuid.uuid4(), "conv-taken", "Someone else's")

    async def scenario() -> None:
        local, remote, engine = await rig.open()
        try:
            thread = await local.create_if_absent("conv-taken", title="Mine?", preview=None)
            await engine.sync_once()
            assert await local.get(thread.id) is None
            assert EditDropped(thread.id, "conversation_taken") in rig.events
        finally:
            await local.close()
            await remote.close()

    run(scenario())


async def _until(condition: Callable[[], Awaitable[bool]], timeout: float = 20.0) -> None:
    """Yield to the loop until ``condition()`` holds; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met within the timeout")
        await asyncio.sleep(0.01)


def test_the_loop_wakes_on_request_and_keeps_retrying_while_offline(
    rig: Rig, unused_port: int
) -> None:
    rig.engine_options.update(backoff_base=0.01, backoff_max=0.05)

    async def scenario() -> None:
        local, remote, engine = await rig.open()
        task = asyncio.create_task(engine.run(interval=3600))
        try:
            await _until(lambda: _true(engine.status.state == "online"))
            web_insert(rig.url, USER, "conv-focus", "Seen on focus")
            engine.request_sync()

            async def arrived() -> bool:
                return await local.get_by_conversation("conv-focus") is not None

            await _until(arrived)
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await remote.close()

        offline = RemoteThreads(f"postgresql://postgres@127.0.0.1:{unused_port}/x", USER)
        engine = SyncEngine(local, offline, None, USER, backoff_base=0.01, backoff_max=0.05)
        attempts: list[SyncStatus] = []
        engine.add_listener(lambda e: attempts.append(e) if isinstance(e, SyncStatus) else None)
        task = asyncio.create_task(engine.run(interval=3600))
        try:
            await _until(lambda: _true(sum(s.state == "syncing" for s in attempts) >= 4))
            assert engine.status.state in {"offline", "syncing"}
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await local.close()
            await offline.close()

    run(scenario())


async def _true(value: bool) -> bool:
    return value

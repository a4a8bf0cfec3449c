"""The documented end states of concurrent edits here and on the web."""

from __future__ import annotations

import pytest

from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.sync import ConflictNotice, EditDropped, ThreadsChanged
from tests.fixtures.dify import DifyClientFactory
from tests.sync.conftest import USER, Rig, run
from tests.sync.helpers import audit_counts, clear_audit, remote_rows, web_delete, web_update

pytestmark = pytest.mark.postgres


async def _synced_thread(rig: Rig, conversation_id: str = "conv-c") -> object:
    local, remote, engine = await rig.open()
    try:
        thread = await local.create_if_absent(conversation_id, title="Original", preview="p")
        await engine.sync_once()
        return thread.id
    finally:
        await local.close()
        await remote.close()


def test_rename_here_and_archive_on_the_web_gives_renamed_and_archived(rig: Rig) -> None:
    async def scenario() -> None:
        thread_id = await _synced_thread(rig)
        local, remote, engine = await rig.open()
        try:
            await local.rename(thread_id, "Renamed here")  # type: ignore[arg-type]
            web_update(rig.url, thread_id, "archived", True)  # type: ignore[arg-type]
            report = await engine.sync_once()
            assert report.conflicts == 0
            got = await local.get(thread_id)  # type: ignore[arg-type]
            assert got is not None and (got.title, got.archived) == ("Renamed here", True)
        finally:
            await local.close()
            await remote.close()

    run(scenario())
    assert [v[1:] for v in remote_rows(rig.url).values()] == [("Renamed here", "p", True)]


def test_rename_on_both_sides_keeps_the_web_title_and_offers_ours_for_restore(rig: Rig) -> None:
    async def scenario() -> None:
        thread_id = await _synced_thread(rig)
        local, remote, engine = await rig.open()
        try:
            await local.rename(thread_id, "Ours")  # type: ignore[arg-type]
            web_update(rig.url, thread_id, "title", "Theirs")  # type: ignore[arg-type]
            await engine.sync_once()
            got = await local.get(thread_id)  # type: ignore[arg-type]
            assert got is not None and got.title == "Theirs"
            assert ConflictNotice(thread_id, "title", "Ours", "Theirs") in rig.events  # type: ignore[arg-type]
            [conflict] = await local.conflicts(thread_id)  # type: ignore[arg-type]
            assert (conflict.field, conflict.local_value, conflict.remote_value) == (
                "title",
                "Ours",
                "Theirs",
            )

            restored = await local.restore(thread_id, "title")  # type: ignore[arg-type]
            assert restored.title == "Ours" and not await local.conflicts()
            await engine.sync_once()
        finally:
            await local.close()
            await remote.close()

    run(scenario())
    assert [v[1] for v in remote_rows(rig.url).values()] == ["Ours"]


def test_dismissing_a_conflict_keeps_the_remote_value(rig: Rig) -> None:
    async def scenario() -> None:
        thread_id = await _synced_thread(rig)
        local, remote, engine = await rig.open()
        try:
            await local.set_archived(thread_id, True)  # type: ignore[arg-type]
            web_update(rig.url, thread_id, "archived", False)  # type: ignore[arg-type]
            web_update(rig.url, thread_id, "archived", True)  # type: ignore[arg-type]
            web_update(rig.url, thread_id, "title", "Web")  # type: ignore[arg-type]
            await local.rename(thread_id, "Here")  # type: ignore[arg-type]
            await engine.sync_once()
            assert [c.field for c in await local.conflicts()] == ["title"]
            await local.dismiss(thread_id, "title")  # type: ignore[arg-type]
            assert await local.conflicts() == []
        finally:
            await local.close()
            await remote.close()

    run(scenario())
    assert [v[1:] for v in remote_rows(rig.url).values()] == [("Web", "p", True)]


def test_delete_on_the_web_and_rename_here_leaves_it_deleted_with_a_notice(rig: Rig) -> None:
    async def scenario() -> None:
        thread_id = await _synced_thread(rig)
        local, remote, engine = await rig.open()
        try:
            await local.rename(thread_id, "Too late")  # type: ignore[arg-type]
            web_delete(rig.url, thread_id)  # type: ignore[arg-type]
            report = await engine.sync_once()
            assert report.dropped == 1 and report.pending == 0
            assert await local.get(thread_id) is None  # type: ignore[arg-type]
            assert EditDropped(thread_id, "deleted_elsewhere") in rig.events  # type: ignore[arg-type]
            removed = [e.removed for e in rig.events if isinstance(e, ThreadsChanged)]
            assert [thread_id] in removed
        finally:
            await local.close()
            await remote.close()

    run(scenario())
    assert remote_rows(rig.url) == {}


def test_archive_and_delete_here_while_offline_deletes_once(
    rig: Rig,
    unused_port: int,
    dify_server: DemoDifyServer,
    dify_client_factory: DifyClientFactory,
) -> None:
    conversation_id = dify_server.seed_conversation(str(USER), "Chat", [("Hi there", "Hello")])

    async def scenario() -> None:
        async with dify_client_factory() as dify:
            thread_id = await _synced_thread(rig, conversation_id)
            clear_audit(rig.url)
            offline = f"postgresql://postgres@127.0.0.1:{unused_port}/nowhere"
            local, remote, engine = await rig.open(url=offline, dify=dify)
            try:
                await local.set_archived(thread_id, True)  # type: ignore[arg-type]
                assert await local.delete(thread_id) is True  # type: ignore[arg-type]
                assert not (await engine.sync_once()).online
            finally:
                await remote.close()
                await local.close()
            dify_server.clear_requests()
            local, remote, engine = await rig.open(dify=dify)
            try:
                await engine.sync_once()
                await engine.sync_once()
                assert await local.pending_count() == 0
                assert await local.get(thread_id) is None  # type: ignore[arg-type]
            finally:
                await local.close()
                await remote.close()

    run(scenario())
    assert remote_rows(rig.url) == {}
    assert audit_counts(rig.url) == {"DELETE": 1}
    deletes = [r for r in dify_server.requests if r.method == "DELETE"]
    assert len(deletes) == 1
    assert dify_server.conversation_count(str(USER)) == 0

"""Changes the server refuses for good are parked (kept, reported, not resent); others retry."""

from __future__ import annotations

import asyncio
from pathlib import Path
import uuid

import psycopg
import pytest
from sqlalchemy.exc import OperationalError, ProgrammingError

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.demo.postgrest_server import DemoPostgrestServer
from hc_desktop.store.dataapi_errors import DataApiPermissionDenied, DataApiRejected
from hc_desktop.sync import PARKED, CachedThreadRepository, EditDropped, SyncEngine, SyncEvent
from hc_desktop.sync.rejections import classify
from hc_desktop.sync.remote import RemoteThreads
from hc_desktop.sync.remote_api import DataApiRemoteThreads
from tests.dataapi.conftest import ANON_KEY, access_token, fixed_token, no_keepalive_client
from tests.fixtures.postgres import SupabaseDatabase
from tests.store.conftest import supabase_claims
from tests.store.helpers import execute, query

USER = uuid.UUID("0c3a3f0e-5d5e-4f6a-8a43-4e8b1a9c2d11")
NO_FORBIDDEN_TITLE = (
    "ALTER TABLE health_companion.threads ADD CONSTRAINT no_forbidden_title "
    "CHECK (title IS DISTINCT FROM 'Forbidden')"
)


def _titles(admin_url: str) -> dict[str, str | None]:
    rows = query(admin_url, "SELECT conversation_id, title FROM health_companion.threads")
    return {str(conversation): title for conversation, title in rows}  # type: ignore[misc]


def _refusals(api: DemoPostgrestServer, code: str) -> int:
    return sum(1 for call in api.calls if call.code == code)


@pytest.mark.postgres
def test_a_refused_edit_is_parked_kept_locally_and_not_resent(
    postgrest: DemoPostgrestServer, supabase_database: SupabaseDatabase, tmp_path: Path
) -> None:
    admin = supabase_database.admin_url
    events: list[SyncEvent] = []

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "c.db", USER)
        http = no_keepalive_client()
        remote = DataApiRemoteThreads(
            postgrest.url, ANON_KEY, USER, token=fixed_token(access_token(USER)), http=http
        )
        engine = SyncEngine(local, remote, None, USER)
        engine.add_listener(events.append)
        try:
            knee = await local.create_if_absent("conv-knee", title="Knee", preview=None)
            back = await local.create_if_absent("conv-back", title="Back", preview=None)
            assert (await engine.sync_once()).pending == 0

            await asyncio.to_thread(execute, admin, NO_FORBIDDEN_TITLE)
            await local.rename(knee.id, "Forbidden")
            await local.rename(knee.id, "Knee, later")  # queued behind the refused edit
            await local.rename(back.id, "Back pain")
            report = await engine.sync_once()
            assert report.online and report.parked == 1 and report.pushed == 1
            assert report.pending == 2  # both edits of the knee thread are kept
            assert engine.status.parked == 1 and engine.status.last_error
            assert EditDropped(knee.id, PARKED, "23514") in events
            kept = await local.get(knee.id)
            assert kept is not None and kept.title == "Knee, later"

            for _ in range(3):
                again = await engine.sync_once(reconcile=True)
                assert again.online and again.parked == 0 and again.pending == 2
            assert _refusals(postgrest, "23514") == 1
            still = await local.get(knee.id)
            assert still is not None and still.title == "Knee, later"
            assert [entry.op for entry in await engine.parked()] == ["rename"]

            await asyncio.to_thread(
                execute,
                admin,
                "ALTER TABLE health_companion.threads DROP CONSTRAINT no_forbidden_title",
            )
            assert await engine.retry_parked() == 1
            final = await engine.sync_once()
            assert final.pending == 0 and engine.status.parked == 0
        finally:
            await local.close()
            await remote.close()
            await http.aclose()

    asyncio.run(scenario())
    assert _titles(admin) == {"conv-knee": "Knee, later", "conv-back": "Back pain"}


@pytest.mark.postgres
def test_a_create_refused_by_a_missing_privilege_keeps_the_thread_until_the_user_deletes_it(
    postgrest: DemoPostgrestServer, supabase_database: SupabaseDatabase, tmp_path: Path
) -> None:
    admin = supabase_database.admin_url
    execute(admin, "REVOKE INSERT ON health_companion.threads FROM authenticated")

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "c.db", USER)
        http = no_keepalive_client()
        remote = DataApiRemoteThreads(
            postgrest.url, ANON_KEY, USER, token=fixed_token(access_token(USER)), http=http
        )
        engine = SyncEngine(local, remote, None, USER)
        try:
            thread = await local.create_if_absent("conv-1", title="Sleep", preview="p")
            report = await engine.sync_once(reconcile=True)
            assert report.parked == 1 and report.pending == 1 and not report.gone
            assert [t.title for t in await local.list_threads()] == ["Sleep"]

            await local.delete(thread.id)  # discarding the thread settles its refused create
            report = await engine.sync_once()
            assert report.pending == 0 and engine.status.parked == 0
        finally:
            await local.close()
            await remote.close()
            await http.aclose()

    asyncio.run(scenario())
    assert _refusals(postgrest, "42501") == 1
    assert _titles(admin) == {}


@pytest.mark.postgres
def test_rls_refusals_on_a_direct_connection_are_parked_too(
    supabase_database: SupabaseDatabase, tmp_path: Path
) -> None:
    execute(
        supabase_database.admin_url, "REVOKE UPDATE ON health_companion.threads FROM authenticated"
    )

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "c.db", USER)
        remote = RemoteThreads(
            supabase_database.authenticator_url, USER, claims=supabase_claims(USER)
        )
        engine = SyncEngine(local, remote, None, USER)
        try:
            thread = await local.create_if_absent("conv-1", title="Before", preview=None)
            assert (await engine.sync_once()).pending == 0
            await local.rename(thread.id, "After")
            report = await engine.sync_once()
            assert report.online and report.parked == 1 and report.pending == 1
            assert (await engine.sync_once()).parked == 0  # not sent again
            kept = await local.get(thread.id)
            assert kept is not None and kept.title == "After"
        finally:
            await local.close()
            await remote.close()

    asyncio.run(scenario())
    assert _titles(supabase_database.admin_url) == {"conv-1": "Before"}


@pytest.mark.postgres
def test_a_lock_timeout_is_retried_not_parked(
    supabase_database: SupabaseDatabase, tmp_path: Path
) -> None:
    admin = supabase_database.admin_url
    execute(admin, f'ALTER DATABASE "{supabase_database.name}" SET lock_timeout = 200')

    async def scenario() -> None:
        local = await asyncio.to_thread(CachedThreadRepository.open, tmp_path / "c.db", USER)
        remote = RemoteThreads(admin, USER)
        engine = SyncEngine(local, remote, None, USER)
        try:
            thread = await local.create_if_absent("conv-1", title="Before", preview=None)
            assert (await engine.sync_once()).pending == 0
            await local.rename(thread.id, "After")
            with psycopg.connect(admin) as holder:
                holder.execute(
                    "SELECT 1 FROM health_companion.threads WHERE id = %s FOR UPDATE", (thread.id,)
                )
                blocked = await engine.sync_once()
                assert not blocked.online and blocked.parked == 0 and blocked.pending == 1
                assert blocked.error is not None and "55P03" in blocked.error
            report = await engine.sync_once()
            assert report.online and report.pending == 0
        finally:
            await local.close()
            await remote.close()

    asyncio.run(scenario())
    assert _titles(admin) == {"conv-1": "After"}


def _sql_error(error: psycopg.Error) -> ProgrammingError:
    return ProgrammingError("UPDATE ...", {}, error)


def test_which_failures_count_as_refusals() -> None:
    assert classify(DataApiRejected(400, "23514", "check")) is not None
    assert classify(DataApiPermissionDenied("42501")) is not None
    assert classify(_sql_error(psycopg.errors.InsufficientPrivilege())) is not None
    assert classify(_sql_error(psycopg.errors.CheckViolation())) is not None
    assert classify(StoreUnavailable("down")) is None
    assert classify(ValueError("a bug")) is None
    for transient in (
        psycopg.errors.SerializationFailure(),
        psycopg.errors.DeadlockDetected(),
        psycopg.errors.QueryCanceled(),
    ):
        with pytest.raises(StoreUnavailable):
            classify(OperationalError("UPDATE ...", {}, transient))

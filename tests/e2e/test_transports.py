"""The window on the transports that use the user's own token: the Data API and the gateway.

Real parts throughout: the loopback Supabase Auth, a PostgREST-compatible Data API on a real
PostgreSQL with row-level security, the Dify speaker, and the Dify gateway.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
import dataclasses
from pathlib import Path
import time
from typing import Any

import httpx
from PySide6.QtCore import Qt
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.app.graph import Endpoints
from hc_desktop.controller.message_model import MessageState
from hc_desktop.core.rules import default_title
from hc_desktop.demo.auth_backend import sign_jwt
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_gateway import DemoDifyGateway
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.demo.postgrest_server import DemoPostgrestServer
from tests.e2e.harness import Harness, running_signed_in
from tests.fixtures.auth import AuthAccount
from tests.fixtures.postgres import SupabaseDatabase
from tests.fixtures.qt import AsyncRunner, wait_until
from tests.store.helpers import execute, query

QUESTION = "How can I sleep better when I work night shifts?"
TITLE = default_title(QUESTION)


@pytest.fixture
def data_api(
    auth_server: DemoAuthServer, supabase_database: SupabaseDatabase
) -> Iterator[DemoPostgrestServer]:
    """The project's Data API: trusts the Auth server's tokens, on the project's database."""
    backend = auth_server.backend
    with DemoPostgrestServer(
        supabase_database.authenticator_url,
        backend.jwt_secret,
        anon_key=auth_server.anon_key,
        clock=backend.now,
    ) as server:
        yield server


def _endpoints(auth: DemoAuthServer, dify: DemoDifyServer, **options: Any) -> Endpoints:
    return Endpoints(
        supabase_url=auth.url,
        supabase_anon_key=auth.anon_key,
        dify_base_url=dify.base_url,
        dify_api_key=dify.api_key,
        **options,
    )


def _data_api_endpoints(
    auth: DemoAuthServer, dify: DemoDifyServer, api: DemoPostgrestServer
) -> Endpoints:
    return _endpoints(auth, dify, threads_backend="data_api", data_api_url=api.url)


async def _chat(app: Harness) -> None:
    await app.ask(QUESTION)
    await app.answer_settled()
    assert app.controller.chat.messages.messages[-1].state == MessageState.COMPLETE


async def _eventually(check: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    """Poll a blocking ``check`` (a database query) off the loop until it holds."""
    deadline = time.monotonic() + timeout
    while not await asyncio.to_thread(check):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def _synced(app: Harness, admin_url: str) -> str:
    """Wait for the thread's final title (Dify's generated name) to be in PostgreSQL."""

    def local_title() -> str | None:
        thread = app.controller.threads.model.thread_at(0)
        return None if thread is None else thread.title

    await wait_until(lambda: local_title() not in (None, TITLE), "the generated name")
    title = local_title()
    assert title is not None
    await _eventually(_titled(admin_url, title), "the thread in PostgreSQL")
    return title


def _rows(admin_url: str) -> list[tuple[Any, ...]]:
    return query(admin_url, "SELECT user_id::text, title FROM health_companion.threads")


def _titled(admin_url: str, title: str) -> Callable[[], bool]:
    return lambda: any(row[1] == title for row in _rows(admin_url))


def _read_as(api: DemoPostgrestServer, anon_key: str, token: str) -> list[dict[str, Any]]:
    """Every row the Data API shows to ``token`` (no user filter: RLS alone decides)."""
    response = httpx.get(
        f"{api.url}/rest/v1/threads",
        params={"select": "*"},
        headers={
            "apikey": anon_key,
            "Authorization": f"Bearer {token}",
            "Accept-Profile": "health_companion",
        },
        timeout=10,
    )
    response.raise_for_status()
    rows: list[dict[str, Any]] = response.json()
    return rows


@pytest.mark.postgres
def test_a_chat_thread_reaches_postgres_through_the_data_api_and_stays_private(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    data_api: DemoPostgrestServer,
    supabase_database: SupabaseDatabase,
    memory_keyring: object,
) -> None:
    admin = supabase_database.admin_url
    endpoints = _data_api_endpoints(auth_server, dify_server, data_api)
    assert endpoints.database_url is None, "no database login on the desktop"
    with running_signed_in(qtbot, aloop, endpoints, tmp_path, auth_account) as app:

        async def scenario() -> tuple[str, str]:
            await _chat(app)
            title = await _synced(app, admin)
            session = app.graph.sessions.current
            assert session is not None
            return title, session.access_token

        title, token = aloop.run(scenario())

    assert _rows(admin) == [(auth_account.user_id, title)]
    assert {call.role for call in data_api.calls} == {"authenticated"}
    mine = _read_as(data_api, auth_server.anon_key, token)
    assert [row["title"] for row in mine] == [title]

    stranger = "8d7f6a52-3c1b-4e0a-9f2d-1a2b3c4d5e6f"
    now = int(auth_server.backend.now())
    claims = {"sub": stranger, "role": "authenticated", "iat": now, "exp": now + 600}
    theirs = sign_jwt(claims, auth_server.backend.jwt_secret)
    assert _read_as(data_api, auth_server.anon_key, theirs) == []
    changed = httpx.patch(
        f"{data_api.url}/rest/v1/threads",
        params={"id": f"eq.{mine[0]['id']}"},
        json={"title": "Taken over"},
        headers={
            "apikey": auth_server.anon_key,
            "Authorization": f"Bearer {theirs}",
            "Content-Profile": "health_companion",
            "Prefer": "return=representation",
        },
        timeout=10,
    )
    assert changed.json() == []
    assert _rows(admin) == [(auth_account.user_id, title)]


def test_gateway_mode_chats_without_an_app_key_as_the_token_subject(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> None:
    backend = auth_server.backend
    with DemoDifyGateway(
        dify_server.base_url, dify_server.api_key, backend.jwt_secret, clock=backend.now
    ) as gateway:
        endpoints = dataclasses.replace(
            _endpoints(auth_server, dify_server),
            dify_base_url=gateway.base_url,
            dify_api_key=None,
            dify_mode="gateway",
        )
        assert "app-" not in repr(endpoints)
        with running_signed_in(qtbot, aloop, endpoints, tmp_path, auth_account) as app:
            aloop.run(_chat(app))
            answer = app.controller.chat.messages.messages[-1]
            assert dify_server.scripted_answer(QUESTION)[:30] in answer.text
            thread = app.controller.threads.model.thread_at(0)
            assert thread is not None and thread.title
        assert set(gateway.forwarded_users) == {auth_account.user_id}
    users = {r.query.get("user") or (r.json or {}).get("user") for r in dify_server.requests}
    assert users == {auth_account.user_id}


@pytest.mark.postgres
def test_a_change_the_server_refuses_is_parked_reported_and_not_resent(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    data_api: DemoPostgrestServer,
    supabase_database: SupabaseDatabase,
    memory_keyring: object,
) -> None:
    admin = supabase_database.admin_url
    endpoints = _data_api_endpoints(auth_server, dify_server, data_api)
    notices: list[str] = []
    with running_signed_in(qtbot, aloop, endpoints, tmp_path, auth_account) as app:
        app.controller.threads.refused_change.connect(notices.append)

        async def scenario() -> str:
            await _chat(app)
            title = await _synced(app, admin)
            execute(
                admin,
                "ALTER TABLE health_companion.threads ADD CONSTRAINT polite_titles "
                "CHECK (title IS DISTINCT FROM 'Forbidden')",
            )
            thread = app.controller.threads.model.thread_at(0)
            assert thread is not None
            app.controller.threads.rename(str(thread.id), "Forbidden")
            await wait_until(lambda: any("refused" in n for n in notices), "the refusal notice")
            data = app.controller.threads.data
            assert data is not None and data.sync is not None
            for _ in range(3):
                report = await data.sync.sync_once(reconcile=True)
                assert report.online and report.parked == 0 and report.pending == 1
            assert data.sync.status.parked == 1
            kept = app.controller.threads.model.thread_at(0)
            assert kept is not None and kept.title == "Forbidden"
            return title

        title = aloop.run(scenario())
        assert sum(1 for call in data_api.calls if call.code == "23514") == 1
        assert _rows(admin) == [(auth_account.user_id, title)]

        # IT relaxes the rule; the banner's "Try again" sends the kept change once more.
        execute(admin, "ALTER TABLE health_companion.threads DROP CONSTRAINT polite_titles")
        banner = app.window.banner
        assert banner.isVisible() and "refused" in banner.label.text()
        app.qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
        aloop.run(_eventually(_titled(admin, "Forbidden"), "the retried rename"))
        data = app.controller.threads.data
        assert data is not None and data.sync is not None
        assert data.sync.status.parked == 0


@pytest.mark.postgres
def test_an_access_token_that_expires_mid_sync_is_renewed_and_the_push_succeeds(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    data_api: DemoPostgrestServer,
    supabase_database: SupabaseDatabase,
    memory_keyring: object,
) -> None:
    admin = supabase_database.admin_url
    endpoints = _data_api_endpoints(auth_server, dify_server, data_api)
    with running_signed_in(qtbot, aloop, endpoints, tmp_path, auth_account) as app:

        async def scenario() -> None:
            await _chat(app)
            await _synced(app, admin)
            before = app.graph.sessions.current
            assert before is not None
            auth_server.expire_access_tokens()  # the servers' clock moves past every exp
            thread = app.controller.threads.model.thread_at(0)
            assert thread is not None
            app.controller.threads.rename(str(thread.id), "Night shifts")
            await _eventually(_titled(admin, "Night shifts"), "the renamed thread")
            after = app.graph.sessions.current
            assert after is not None and after.access_token != before.access_token

        aloop.run(scenario())

    codes = [call.code for call in data_api.calls]
    assert "PGRST303" in codes
    assert codes[-1] is None and codes.count("PGRST303") == 1
    assert _rows(admin) == [(auth_account.user_id, "Night shifts")]

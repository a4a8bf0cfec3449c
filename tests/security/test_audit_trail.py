"""The audit trail as the window records it: sign-in, lock, unlock, delete, sign-out."""

from __future__ import annotations

from collections.abc import Iterator
import logging
import os
from pathlib import Path
import stat
import uuid

import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.controller.audit_trail import AuditTrail
from hc_desktop.controller.tasks import TaskRunner
from hc_desktop.core.audit import AuditEvent, AuditRecord
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.store.audit_log import AuditLog
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until
from tests.session.harness import session_app

TITLE = "Audit-title-7f3c knee pain"


def events(path: Path) -> list[tuple[AuditEvent, str]]:
    return [(r.event, r.outcome) for r in AuditLog(path).records()]


def test_the_window_records_each_security_event_without_content(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> None:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as app:
        audit_file = app.profile.audit_file
        dialog = app.window.session_ui.sign_in_dialog
        screen = app.window.session_ui.lock_screen

        async def sign_in_twice() -> None:
            app.graph.controller.start(None)
            await app.type_sign_in(auth_account.email, "not-the-password")
            await wait_until(dialog.error.isVisible, "the sign-in error")
            await app.type_sign_in(auth_account.email, auth_account.password)
            await wait_until(lambda: app.graph.controller.user_id is not None, "sign-in")

        app.run(sign_in_twice())
        thread = app.run(app.add_thread(TITLE))
        threads = app.graph.controller.threads

        async def delete() -> None:
            threads.delete(str(thread.id))
            await wait_until(lambda: threads.model.rowCount() == 0, "the delete")
            tasks = app.graph.controller.tasks
            await wait_until(lambda: not tasks.running(f"delete:{thread.id}"), "the delete")

        app.run(delete())
        assert app.idle_for(15)

        async def unlock_after_a_wrong_try() -> None:
            await app.type_unlock("wrong-password")
            await wait_until(screen.error.isVisible, "the unlock error")
            screen.password.clear()
            await app.type_unlock(auth_account.password)
            await wait_until(lambda: not screen.isVisible(), "the unlock")

        app.run(unlock_after_a_wrong_try())
        app.window.session_ui.lock_action.trigger()
        assert screen.isVisible()
        app.run(unlock_after_a_wrong_try())

        async def sign_out() -> None:
            app.graph.controller.sign_out()
            await wait_until(dialog.isVisible, "the sign-in form")
            await wait_until(lambda: not app.graph.controller.tasks.running("session"), "sign-out")

        app.run(sign_out())
        assert app.graph.controller.audit.flush()
        written = events(audit_file)

    assert written == [
        (AuditEvent.SIGN_IN_FAILED, "invalid_credentials"),
        (AuditEvent.SIGN_IN, "ok"),
        (AuditEvent.DELETE, "ok"),
        (AuditEvent.LOCK, "idle"),
        (AuditEvent.UNLOCK_FAILED, "failed"),
        (AuditEvent.UNLOCK, "ok"),
        (AuditEvent.LOCK, "manual"),
        (AuditEvent.UNLOCK_FAILED, "failed"),
        (AuditEvent.UNLOCK, "ok"),
        (AuditEvent.SIGN_OUT, "ok"),
        (AuditEvent.CACHE_ERASED, "ok"),
    ]
    records = list(AuditLog(audit_file).records())
    user = uuid.UUID(auth_account.user_id)
    assert records[0].user_id is None, "a failed sign-in names nobody"
    assert all(r.user_id == user for r in records[1:])
    assert [r.thread_id for r in records if r.thread_id is not None] == [thread.id]
    assert AuditLog(audit_file).verify().ok
    text = audit_file.read_text(encoding="utf-8")
    for secret in (auth_account.email, auth_account.password, TITLE, "wrong-password"):
        assert secret not in text
    if os.name == "posix":
        assert stat.S_IMODE(audit_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(audit_file.parent.stat().st_mode) == 0o700


def test_a_shared_workstation_wipe_keeps_the_trail(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> None:
    with session_app(
        qtbot, aloop, auth_server, dify_server, tmp_path, shared_workstation=True
    ) as app:
        app.run(app.signed_in(auth_account.email, auth_account.password))

        async def sign_out() -> None:
            app.graph.controller.sign_out()
            await wait_until(app.window.session_ui.sign_in_dialog.isVisible, "the sign-in form")
            await wait_until(lambda: not app.graph.controller.tasks.running("session"), "sign-out")

        app.run(sign_out())
        assert app.graph.controller.audit.flush()
        assert not (app.profile.root / "users").exists(), "the user's data is gone"
        written = events(app.profile.audit_file)
    assert written == [
        (AuditEvent.SIGN_IN, "ok"),
        (AuditEvent.SIGN_OUT, "ok"),
        (AuditEvent.CACHE_ERASED, "ok"),
        (AuditEvent.CACHE_ERASED, "profile_wiped"),
    ]


# -- the trail object on its own ----------------------------------------------------------------


@pytest.fixture
def trail(qapp: object, tmp_path: Path) -> Iterator[AuditTrail]:
    tasks = TaskRunner()
    made = AuditTrail(AuditLog(tmp_path / "audit" / "audit.jsonl"), tasks=tasks)
    yield made
    made.close()


def test_record_keeps_codes_and_ids_only(trail: AuditTrail, tmp_path: Path) -> None:
    thread = uuid.uuid4()
    trail.record("export", str(thread), "pdf")
    trail.record(AuditEvent.PRINT, thread, outcome="printed 'my rash' on paper")
    trail.record("not-an-event", thread)
    trail.record(AuditEvent.DELETE, "not a uuid")
    assert trail.flush()
    records = list(AuditLog(tmp_path / "audit" / "audit.jsonl").records())
    assert [(r.event, r.thread_id, r.outcome) for r in records] == [
        (AuditEvent.EXPORT, thread, "pdf"),
        (AuditEvent.PRINT, thread, "unknown"),
        (AuditEvent.DELETE, None, "ok"),
    ]
    assert "rash" not in (tmp_path / "audit" / "audit.jsonl").read_text()


def test_a_write_failure_is_logged_and_never_raised(
    qapp: object, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    trail = AuditTrail(AuditLog(blocker / "audit.jsonl"), tasks=TaskRunner())
    with caplog.at_level(logging.WARNING, logger="hc_desktop.audit"):
        trail.record(AuditEvent.LOCK)
        assert trail.flush()
        trail.close()
        trail.record(AuditEvent.UNLOCK)  # after close: dropped, said so
    messages = [r.getMessage() for r in caplog.records]
    assert any("not written" in m and "Error" in m for m in messages)
    assert any("closed" in m for m in messages)


def test_a_trail_without_a_file_accepts_and_drops(qapp: object, aloop: AsyncRunner) -> None:
    trail = AuditTrail(None, tasks=TaskRunner())
    trail.record(AuditEvent.SIGN_IN)
    assert trail.flush()
    assert aloop.run(trail.entries()) == []
    assert aloop.run(trail.verify()).ok
    trail.close()


def test_unreadable_lines_are_skipped_when_listing_and_found_by_verify(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    log.append(AuditRecord.now(AuditEvent.SIGN_IN))
    with log.path.open("ab") as handle:
        handle.write(b'[1, 2]\n\xff\xfe not json\n{"event": "nope"}\n')
    fresh = AuditLog(log.path)
    fresh.append(AuditRecord.now(AuditEvent.SIGN_OUT))  # a damaged file does not stop the trail
    assert [r.event for r in fresh.records()] == [AuditEvent.SIGN_IN, AuditEvent.SIGN_OUT]
    check = fresh.verify()
    assert not check.ok and check.broken_line == 2 and check.records == 1

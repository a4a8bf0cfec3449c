"""The security log viewer in the window: listing, integrity check and export for IT."""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.core.audit import AuditEvent
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.store.audit_log import AuditLog
from hc_desktop.ui.audit_dialog import AuditDialog
from hc_desktop.ui.security_log_action import HELP_MENU_NAME
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until
from tests.session.harness import SessionApp, session_app


@pytest.fixture
def app(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> Iterator[SessionApp]:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as running:
        running.run(running.signed_in(auth_account.email, auth_account.password))
        running.session.idle_lock.lock()
        assert running.run(running.session.unlock_now(auth_account.password))
        yield running


def open_viewer(app: SessionApp) -> AuditDialog:
    assert app.window.findChild(AuditDialog) is None, "made on first use only"
    app.window.security_log_action.trigger()
    dialog = app.window.findChild(AuditDialog)
    assert isinstance(dialog, AuditDialog)
    return dialog


def test_the_help_menu_opens_the_log_newest_first(app: SessionApp) -> None:
    help_menu = app.window.findChild(QMenu, HELP_MENU_NAME)
    assert help_menu is not None and app.window.security_log_action in help_menu.actions()
    dialog = open_viewer(app)

    async def listed() -> None:
        await wait_until(lambda: dialog.table.rowCount() == 3, "three events")

    app.run(listed())
    assert dialog.isVisible() and not dialog.isModal()
    events = [dialog.table.item(row, 1).text() for row in range(3)]
    assert events == ["Unlocked", "Locked", "Signed in"]
    assert dialog.table.item(1, 3).text() == "manual"
    assert dialog.table.item(0, 0).text(), "the time is shown"
    for widget in (dialog.table, dialog.verify_button, dialog.export_button):
        assert widget.accessibleName()


def test_verify_reports_intact_then_where_the_chain_breaks(app: SessionApp) -> None:
    dialog = open_viewer(app)
    assert app.graph.controller.audit.flush()

    async def check(expected: str) -> None:
        app.qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: expected in dialog.status.text(), expected)

    app.run(check("Intact"))
    path = app.profile.audit_file
    lines = path.read_text().splitlines()
    entry = json.loads(lines[1])
    entry["outcome"] = "idle"  # someone rewrites history
    lines[1] = json.dumps(entry, separators=(",", ":"), sort_keys=True)
    path.write_text("\n".join(lines) + "\n")
    app.run(check("Broken"))
    assert "line 3" in dialog.status.text() and "audit.jsonl" in dialog.status.text()


def test_export_for_it_writes_a_copy_and_is_itself_recorded(
    app: SessionApp, tmp_path: Path
) -> None:
    dialog = open_viewer(app)
    destination = tmp_path / "for-it.jsonl"

    async def exported() -> None:
        dialog.export_to(str(destination))
        await wait_until(lambda: "Exported 3" in dialog.status.text(), "the export")
        await wait_until(lambda: dialog.table.rowCount() == 4, "the export event listed")

    app.run(exported())
    copied = destination.read_text().splitlines()
    assert [json.loads(line)["event"] for line in copied] == ["sign_in", "lock", "unlock"]
    assert app.graph.controller.audit.flush()
    last = list(AuditLog(app.profile.audit_file).records())[-1]
    assert last.event is AuditEvent.AUDIT_EXPORTED


def test_locking_the_window_closes_the_viewer_and_disables_its_action(app: SessionApp) -> None:
    dialog = open_viewer(app)
    assert dialog.isVisible()
    app.session.idle_lock.lock()
    assert not dialog.isVisible()
    assert not app.window.security_log_action.isEnabled()

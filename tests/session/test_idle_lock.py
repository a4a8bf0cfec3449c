"""Idle auto-lock with a simulated clock: lock, unlock online and offline, clipboard."""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.auth import AuthError
from hc_desktop.controller.idle_lock import IdleLock, PasswordVerifier
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from tests.auth.keyrings import FailingKeyring, MemoryKeyring
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until
from tests.session.harness import PROFILE, FakeClock, SessionApp, session_app

UNLOCK_ENTRY = ("hc-desktop", f"unlock:{PROFILE}")
THREAD_TITLE = "Ankle swelling after the long flight"


def test_idle_lock_counts_only_time_without_input(qtbot: QtBot) -> None:
    clock = FakeClock()
    lock = IdleLock(minutes=15, clock=clock)
    field = QLineEdit()
    qtbot.addWidget(field)
    changes: list[bool] = []
    lock.locked_changed.connect(changes.append)
    try:
        lock.arm()
        clock.advance(14 * 60)
        assert not lock.check()
        qtbot.keyClicks(field, "x")  # any key press in the app counts as presence
        clock.advance(14 * 60)
        assert not lock.check()
        clock.advance(60)
        assert lock.check() and lock.locked
        assert changes == [True]
        qtbot.keyClicks(field, "y")  # typing on the lock screen does not open it
        assert lock.locked
        lock.unlock()
        assert changes == [True, False]
    finally:
        lock.stop()


def test_idle_lock_off_or_unarmed_never_locks(qtbot: QtBot) -> None:
    clock = FakeClock()
    lock = IdleLock(minutes=0, clock=clock)
    lock.arm()
    clock.advance(24 * 3600)
    assert not lock.check()
    lock.set_minutes(5)
    lock.disarm()
    clock.advance(24 * 3600)
    assert not lock.check(), "nobody's data on screen: nothing to lock"
    lock.stop()


def test_verifier_is_salted_scrypt_bound_to_the_user() -> None:
    first = PasswordVerifier.create("user-1", "pa55word!")
    second = PasswordVerifier.create("user-1", "pa55word!")
    assert first.salt != second.salt and first.digest != second.digest
    assert len(first.salt) == 16
    decoded = PasswordVerifier.decode(first.encode())
    assert decoded == first
    assert decoded.matches("user-1", "pa55word!")
    assert not decoded.matches("user-1", "pa55word")
    assert not decoded.matches("user-2", "pa55word!")
    assert "pa55word" not in first.encode() and "pa55word" not in repr(first)
    assert PasswordVerifier.decode("{not json") is None


@pytest.fixture
def app(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: MemoryKeyring,
) -> Iterator[SessionApp]:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path, minutes=15) as running:

        async def start() -> None:
            await running.signed_in(auth_account.email, auth_account.password)
            thread = await running.add_thread(THREAD_TITLE)
            running.graph.controller.chat.select_thread(str(thread.id))
            await wait_until(lambda: THREAD_TITLE in running.window.windowTitle(), "the title")

        running.run(start())
        yield running


def _is_locked(app: SessionApp) -> bool:
    return app.window.session_ui.lock_screen.isVisible()


def test_window_locks_after_idle_minutes_and_hides_everything(app: SessionApp) -> None:
    window = app.window
    assert not app.idle_for(14)
    assert not _is_locked(app)
    assert app.idle_for(1.5)
    assert _is_locked(app)
    assert not window.centralWidget().isVisible()
    assert not window.thread_list.isVisible() and not window.chat_view.isVisible()
    assert THREAD_TITLE not in window.windowTitle()
    assert not window.copy_title_action.isEnabled() and not window.new_chat_action.isEnabled()
    screen = window.session_ui.lock_screen
    assert screen.geometry() == window.rect(), "the overlay covers the whole window"
    assert screen.password.hasFocus() or screen.password.isVisible()

    # A new thread title arriving while locked must not show either.
    window.setWindowTitle(f"{THREAD_TITLE} — Health Companion")
    assert THREAD_TITLE not in window.windowTitle()


def test_online_unlock_restores_the_window_and_stores_a_verifier(
    app: SessionApp,
    auth_account: AuthAccount,
    auth_server: DemoAuthServer,
    memory_keyring: MemoryKeyring,
) -> None:
    assert app.idle_for(15)
    memory_keyring.entries.pop(UNLOCK_ENTRY, None)  # prove the unlock writes a fresh one

    async def unlock() -> None:
        await app.type_unlock(auth_account.password)
        await wait_until(lambda: not _is_locked(app), "the unlock")

    app.run(unlock())
    window = app.window
    assert window.thread_list.isVisible()
    assert THREAD_TITLE in window.windowTitle()
    assert window.copy_title_action.isEnabled()
    assert auth_server.active_sessions(auth_account.email) == 1, "the check's session is revoked"
    raw = memory_keyring.entries.get(UNLOCK_ENTRY)
    assert raw is not None and auth_account.password not in raw
    assert json.loads(raw)["uid"] == auth_account.user_id


def test_wrong_password_keeps_the_window_locked(app: SessionApp, auth_account: AuthAccount) -> None:
    assert app.idle_for(15)
    screen = app.window.session_ui.lock_screen

    async def wrong() -> None:
        await app.type_unlock(auth_account.password + "-nope")
        await wait_until(screen.error.isVisible, "the unlock error")

    app.run(wrong())
    assert "not correct" in screen.error.text()
    assert _is_locked(app) and not app.window.thread_list.isVisible()


def test_offline_unlock_checks_the_keyring_verifier(
    app: SessionApp, auth_account: AuthAccount, auth_server: DemoAuthServer
) -> None:
    assert app.idle_for(15)
    auth_server.stop()
    screen = app.window.session_ui.lock_screen

    async def attempts() -> None:
        await app.type_unlock("guessing-offline")
        await wait_until(screen.error.isVisible, "the offline refusal")
        assert _is_locked(app)
        await app.type_unlock(auth_account.password)
        await wait_until(lambda: not _is_locked(app), "the offline unlock")

    app.run(attempts())
    assert app.window.thread_list.isVisible()


def test_clipboard_is_cleared_on_lock_only_when_it_holds_app_text(app: SessionApp) -> None:
    clipboard = QGuiApplication.clipboard()
    app.window.copy_title_action.trigger()
    assert clipboard.text() == THREAD_TITLE
    assert app.idle_for(15)
    assert clipboard.text() == "", "the app's own text leaves the clipboard on lock"
    app.session.idle_lock.unlock()

    clipboard.setText("text another program copied")
    assert app.idle_for(15)
    assert clipboard.text() == "text another program copied"
    clipboard.clear()


def test_sign_out_from_the_lock_screen(
    app: SessionApp, auth_account: AuthAccount, memory_keyring: MemoryKeyring
) -> None:
    assert app.idle_for(15)
    screen = app.window.session_ui.lock_screen

    async def sign_out() -> None:
        app.qtbot.mouseClick(screen.sign_out_button, Qt.MouseButton.LeftButton)
        await wait_until(app.window.session_ui.sign_in_dialog.isVisible, "the sign-in form")
        # The cache (and its key) goes once the user's stores have closed.
        await wait_until(lambda: not memory_keyring.entries, "the keyring entries cleared")

    app.run(sign_out())
    assert not _is_locked(app)
    assert THREAD_TITLE not in app.window.windowTitle()
    assert memory_keyring.entries == {}


def test_without_a_keyring_offline_unlock_is_unavailable_and_said(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    failing_keyring: FailingKeyring,
) -> None:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as app:
        app.run(app.signed_in(auth_account.email, auth_account.password))
        assert app.idle_for(15)
        screen = app.window.session_ui.lock_screen
        assert screen.note.isVisible() and "internet" in screen.note.text()
        auth_server.stop()

        async def attempt() -> None:
            await app.type_unlock(auth_account.password)
            await wait_until(screen.error.isVisible, "the refusal")

        app.run(attempt())
        assert "internet" in screen.error.text()
        assert _is_locked(app)


def test_session_ending_while_locked_asks_to_sign_in_only_after_unlock(
    app: SessionApp, auth_account: AuthAccount, auth_server: DemoAuthServer
) -> None:
    assert app.idle_for(15)
    dialog = app.window.session_ui.sign_in_dialog
    auth_server.revoke_session(auth_account.email)

    async def scenario() -> None:
        with pytest.raises(AuthError):
            await app.graph.sessions.refresh()
        assert not dialog.isVisible(), "nothing shows over the lock screen"
        assert _is_locked(app)
        await app.type_unlock(auth_account.password)
        await wait_until(dialog.isVisible, "the sign-in dialog after unlocking")

    app.run(scenario())
    assert not _is_locked(app)
    assert "sign in again" in dialog.explanation.text().lower()

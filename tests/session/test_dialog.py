"""The account dialog against the loopback auth server: sign up, reset, MFA, validation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.demo.auth_backend import totp_code
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.ui.lock_screen import LockScreen
from hc_desktop.ui.sign_in_dialog import Mode, SignInDialog
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until
from tests.session.harness import SessionApp, session_app

pytestmark = pytest.mark.usefixtures("memory_keyring")

NEW_EMAIL = "newcomer@example.test"
NEW_PASSWORD = "a-long-enough-secret"


@pytest.fixture
def app(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    dify_server: DemoDifyServer,
) -> Iterator[SessionApp]:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as running:
        yield running


def _open_dialog(app: SessionApp) -> SignInDialog:
    async def opened() -> None:
        app.graph.controller.start(None)
        await wait_until(app.window.session_ui.sign_in_dialog.isVisible, "the sign-in dialog")

    app.run(opened())
    return app.window.session_ui.sign_in_dialog


def _click(app: SessionApp, button: QAbstractButton) -> None:
    app.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill_sign_up(app: SessionApp, dialog: SignInDialog, email: str, password: str) -> None:
    _click(app, dialog.create_button)
    assert dialog.mode is Mode.SIGN_UP
    dialog.email.clear()
    app.qtbot.keyClicks(dialog.email, email)
    app.qtbot.keyClicks(dialog.password, password)
    app.qtbot.keyClicks(dialog.password_repeat, password)


def _wait_for(app: SessionApp, condition: Callable[[], bool], what: str) -> None:
    app.run(wait_until(condition, what))


def test_sign_up_asks_to_confirm_by_email(app: SessionApp, auth_server: DemoAuthServer) -> None:
    dialog = _open_dialog(app)
    _fill_sign_up(app, dialog, NEW_EMAIL, NEW_PASSWORD)
    assert dialog.rules.isVisible() and "6 characters" in dialog.rules.text()
    _click(app, dialog.sign_in_button)
    _wait_for(app, dialog.info.isVisible, "the confirmation notice")
    assert "check your email" in dialog.info.text().lower()
    assert dialog.mode is Mode.SIGN_IN, "back to signing in, ready once confirmed"
    assert dialog.email.text() == NEW_EMAIL
    assert ("signup", NEW_EMAIL) in auth_server.backend.sent_emails
    assert app.graph.controller.user_id is None


def test_sign_up_of_a_known_address_answers_neutrally(
    app: SessionApp, auth_account: AuthAccount, auth_server: DemoAuthServer
) -> None:
    dialog = _open_dialog(app)
    _fill_sign_up(app, dialog, auth_account.email, NEW_PASSWORD)
    _click(app, dialog.sign_in_button)
    _wait_for(app, dialog.info.isVisible, "the neutral notice")
    text = dialog.info.text().lower()
    assert "if this address is new" in text
    assert "already exists" not in text
    assert not dialog.error.isVisible()


def test_sign_up_with_autoconfirm_signs_straight_in(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    make_auth_server: Callable[..., DemoAuthServer],
    dify_server: DemoDifyServer,
) -> None:
    server = make_auth_server(autoconfirm=True)
    with session_app(qtbot, aloop, server, dify_server, tmp_path) as app:
        dialog = _open_dialog(app)
        _fill_sign_up(app, dialog, NEW_EMAIL, NEW_PASSWORD)
        _click(app, dialog.sign_in_button)
        _wait_for(app, lambda: app.graph.controller.user_id is not None, "the new account")
        assert not dialog.isVisible()
        assert str(app.graph.controller.user_id) == server.backend.user_id(NEW_EMAIL)
        assert app.window.session_ui.account_email.text() == NEW_EMAIL
        assert server.active_sessions(NEW_EMAIL) == 1, "the sign-up's own session is revoked"


def test_sign_up_checks_the_form_before_sending(
    app: SessionApp, auth_server: DemoAuthServer
) -> None:
    dialog = _open_dialog(app)
    _click(app, dialog.create_button)
    app.qtbot.keyClicks(dialog.email, "not-an-address")
    dialog.email.editingFinished.emit()
    assert dialog.email_hint.isVisible()
    app.qtbot.keyClicks(dialog.password, "short")
    assert not dialog.sign_in_button.isEnabled()
    dialog.email.clear()
    app.qtbot.keyClicks(dialog.email, NEW_EMAIL)
    assert "6" in dialog.password_hint.text()
    app.qtbot.keyClicks(dialog.password, "-enough")
    app.qtbot.keyClicks(dialog.password_repeat, "different")
    assert not dialog.sign_in_button.isEnabled()
    assert "not the same" in dialog.password_hint.text()
    dialog.password_repeat.clear()
    app.qtbot.keyClicks(dialog.password_repeat, "short-enough")
    assert dialog.sign_in_button.isEnabled()
    assert not [r for r in auth_server.requests if r.path.endswith("/signup")]


def test_weak_password_reasons_are_marked_in_the_rules(
    app: SessionApp, auth_server: DemoAuthServer
) -> None:
    body = {
        "code": "weak_password",
        "message": "Password is known to be weak",
        "weak_password": {"reasons": ["pwned", "characters"]},
    }
    auth_server.inject_raw(
        "/signup", 422, json.dumps(body).encode(), content_type="application/json"
    )
    dialog = _open_dialog(app)
    _fill_sign_up(app, dialog, NEW_EMAIL, NEW_PASSWORD)
    _click(app, dialog.sign_in_button)
    _wait_for(app, dialog.error.isVisible, "the weak-password error")
    assert "stronger password" in dialog.error.text()
    marked = [line for line in dialog.rules.text().splitlines() if line.startswith("✗")]
    assert len(marked) == 2
    assert any("breach" in line for line in marked)
    assert not any("characters;" in line for line in marked), "length was not a reason"
    assert dialog.mode is Mode.SIGN_UP, "the form stays for another try"


def test_password_reset_answers_the_same_for_any_address(
    app: SessionApp, auth_account: AuthAccount, auth_server: DemoAuthServer
) -> None:
    dialog = _open_dialog(app)
    notices = []
    for email in (auth_account.email, "nobody@example.test"):
        _click(app, dialog.forgot_button)
        assert dialog.mode is Mode.RESET and not dialog.password.isVisible()
        dialog.email.clear()
        app.qtbot.keyClicks(dialog.email, email)
        _click(app, dialog.sign_in_button)
        _wait_for(app, dialog.info.isVisible, "the reset notice")
        notices.append(dialog.info.text())
    assert notices[0] == notices[1]
    assert "if an account exists" in notices[0].lower()
    assert auth_server.backend.sent_emails == [("recovery", auth_account.email)]


def test_mfa_account_is_asked_for_its_code(
    app: SessionApp, auth_account: AuthAccount, auth_server: DemoAuthServer
) -> None:
    _factor, secret = auth_server.backend.add_totp_factor(auth_account.email)
    dialog = _open_dialog(app)

    async def password_step() -> None:
        await app.type_sign_in(auth_account.email, auth_account.password)
        await wait_until(lambda: dialog.mode is Mode.MFA, "the code field")

    app.run(password_step())
    assert dialog.code.isVisible() and not dialog.password.isVisible()
    assert app.graph.controller.user_id is None, "no data before the second factor"

    now = auth_server.backend.now()
    valid = {totp_code(secret, now + step * 30) for step in (-1, 0, 1)}
    wrong = next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)
    app.qtbot.keyClicks(dialog.code, wrong)
    _click(app, dialog.sign_in_button)
    _wait_for(app, dialog.error.isVisible, "the wrong-code message")
    assert "code" in dialog.error.text().lower()
    assert dialog.isVisible() and dialog.mode is Mode.MFA

    dialog.code.clear()
    app.qtbot.keyClicks(dialog.code, totp_code(secret, auth_server.backend.now()))
    _click(app, dialog.sign_in_button)
    _wait_for(app, lambda: app.graph.controller.user_id is not None, "the second factor")
    assert not dialog.isVisible()
    current = app.graph.sessions.current
    assert current is not None and current.aal == "aal2"


def test_cancelling_mfa_returns_to_the_sign_in_form(
    app: SessionApp, auth_account: AuthAccount, auth_server: DemoAuthServer
) -> None:
    auth_server.backend.add_totp_factor(auth_account.email)
    dialog = _open_dialog(app)

    async def scenario() -> None:
        await app.type_sign_in(auth_account.email, auth_account.password)
        await wait_until(lambda: dialog.mode is Mode.MFA, "the code field")
        app.qtbot.mouseClick(dialog.cancel_mfa_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: auth_server.active_sessions(auth_account.email) == 0, "revoke")

    app.run(scenario())
    assert dialog.mode is Mode.SIGN_IN and dialog.isVisible()
    assert app.graph.sessions.current is None


def _interactive_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, QLineEdit | QAbstractButton)]


def test_every_control_has_an_accessible_name(app: SessionApp) -> None:
    dialog = app.window.session_ui.sign_in_dialog
    screen = app.window.session_ui.lock_screen
    assert isinstance(screen, LockScreen)
    for mode in Mode:
        dialog.set_mode(mode)
        controls = _interactive_widgets(dialog) + _interactive_widgets(screen)
        assert len(controls) >= 10
        unnamed = [type(w).__name__ for w in controls if not w.accessibleName()]
        assert unnamed == [], mode

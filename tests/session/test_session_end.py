"""Ending a session: sign-out wipes, the server ending it keeps data, no keyring keeps
secrets off the disk, a shared workstation leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.auth import TERMINAL_CODES, AuthError
from hc_desktop.auth.errors import user_message_for
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from tests.auth.keyrings import FailingKeyring, MemoryKeyring
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until
from tests.session.harness import PROFILE, SessionApp, session_app, stored_threads

TITLE = "Questions about my new inhaler"


def _files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def _sign_in_with_a_thread(app: SessionApp, account: AuthAccount) -> None:
    async def scenario() -> None:
        await app.signed_in(account.email, account.password)
        await app.add_thread(TITLE)

    app.run(scenario())


def test_sign_out_wipes_keyring_entries_and_the_users_cache(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: MemoryKeyring,
) -> None:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as app:
        _sign_in_with_a_thread(app, auth_account)
        names = {name for _service, name in memory_keyring.entries}
        assert {f"session:{PROFILE}", f"unlock:{PROFILE}"} <= names
        user_dir = app.profile.user_dir(app.graph.controller.user_id)  # type: ignore[arg-type]
        assert _files_under(user_dir), "the cache exists before signing out"

        async def sign_out() -> None:
            app.window.session_ui.sign_out_action.trigger()
            await wait_until(
                lambda: not memory_keyring.entries and not _files_under(user_dir),
                "the sign-out",
            )
            await wait_until(app.window.session_ui.sign_in_dialog.isVisible, "the sign-in form")

        app.run(sign_out())
        assert app.graph.controller.user_id is None
        assert auth_server.active_sessions(auth_account.email) == 0
        assert not app.session.idle_lock.armed


@pytest.mark.parametrize("code", sorted(TERMINAL_CODES))
def test_each_terminal_code_asks_to_sign_in_again_and_keeps_local_data(
    code: str,
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: MemoryKeyring,
) -> None:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as app:
        _sign_in_with_a_thread(app, auth_account)
        auth_server.inject_error("refresh_token", 400, code)
        dialog = app.window.session_ui.sign_in_dialog

        async def end() -> None:
            with pytest.raises(AuthError) as ended:
                await app.graph.sessions.refresh()
            assert ended.value.terminal
            await wait_until(dialog.isVisible, "the sign-in dialog")

        app.run(end())
        assert dialog.explanation.isVisible()
        assert dialog.explanation.text() == user_message_for(code)
        assert app.graph.controller.threads.model.rowCount() == 1, "the list stays on screen"
        titles = [t.title for t in app.run(stored_threads(app.profile, auth_account.user_id))]
        assert titles == [TITLE]


def test_revoked_session_explains_and_keeps_the_thread(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: MemoryKeyring,
) -> None:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as app:
        _sign_in_with_a_thread(app, auth_account)
        auth_server.revoke_session(auth_account.email)  # a password change elsewhere
        dialog = app.window.session_ui.sign_in_dialog

        async def end() -> None:
            with pytest.raises(AuthError) as ended:
                await app.graph.sessions.refresh()
            assert ended.value.terminal
            await wait_until(dialog.isVisible, "the sign-in dialog")

        app.run(end())
        assert dialog.explanation.text() == user_message_for("refresh_token_not_found")
        assert memory_keyring.stored(PROFILE) is None, "the dead token is forgotten"
        titles = [t.title for t in app.run(stored_threads(app.profile, auth_account.user_id))]
        assert titles == [TITLE]

        async def again() -> None:
            await app.type_sign_in(auth_account.email, auth_account.password)
            await wait_until(lambda: not dialog.isVisible(), "signing in again")

        app.run(again())
        assert app.graph.controller.threads.model.rowCount() == 1


def test_without_a_keyring_nothing_secret_reaches_the_profile_folder(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    failing_keyring: FailingKeyring,
) -> None:
    with session_app(qtbot, aloop, auth_server, dify_server, tmp_path) as app:
        _sign_in_with_a_thread(app, auth_account)
        assert app.idle_for(15)  # a lock must not leave a verifier file behind either
        app.session.idle_lock.unlock()
        session = app.graph.sessions.current
        assert session is not None
        banner = app.window.banner
        assert banner.isVisible() and "not be remembered" in banner.label.text()
        assert app.window.session_ui.not_remembered_action.isVisible()
        secrets = [auth_account.password, session.access_token, session.refresh_token]
        files = _files_under(tmp_path)
        assert files, "the profile holds files (store, state) to scan"
        for path in files:
            content = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in content, path.name
                assert secret.encode("utf-16-le") not in content, path.name
        assert failing_keyring.calls > 0, "the keyring was tried"


def test_shared_workstation_remembers_nothing_and_wipes_the_profile(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: MemoryKeyring,
) -> None:
    with session_app(
        qtbot, aloop, auth_server, dify_server, tmp_path, shared_workstation=True
    ) as app:
        _sign_in_with_a_thread(app, auth_account)
        assert memory_keyring.stored(PROFILE) is None, "no session persistence"
        assert not any(name.startswith("unlock:") for _s, name in memory_keyring.entries)
        assert "shared workstation" in app.window.banner.label.text()

        async def sign_out() -> None:
            app.window.session_ui.sign_out_action.trigger()
            await wait_until(lambda: app.graph.controller.user_id is None, "the sign-out")
            await wait_until(app.window.session_ui.sign_in_dialog.isVisible, "the sign-in form")
            # What AppController._sign_out runs once the user's stores are closed.
            await app.session.wipe_shared_profile()

        app.run(sign_out())
        left = {p.name for p in app.profile.root.iterdir()}
        assert left <= {"instance.lock", "refresh.lock", "logs", "audit"}, left

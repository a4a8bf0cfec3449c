"""Desktop touches: a notification for an answer that finished unseen; the last thread reopens."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
import uuid

from PySide6.QtWidgets import QApplication, QWidget
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.config import Settings
from hc_desktop.core.rules import default_title
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.ui.notifier import AnswerNotifier
from tests.e2e.harness import Harness, endpoints_for, running_app, running_signed_in
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until

pytestmark = pytest.mark.usefixtures("memory_keyring")

FIRST = "How much water should I drink on a hot day?"
SECOND = "What are some tips for better sleep?"
THIRD = "How can I start a gentle exercise routine?"


@contextmanager
def signed_in_app(
    qtbot: QtBot,
    aloop: AsyncRunner,
    data_dir: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    settings: Settings | None = None,
) -> Iterator[Harness]:
    endpoints = endpoints_for(auth_server, dify_server)
    with running_signed_in(
        qtbot, aloop, endpoints, data_dir, auth_account, settings=settings
    ) as app:
        yield app


@contextmanager
def window_in_background(qtbot: QtBot) -> Iterator[QWidget]:
    """Another window takes the focus, as when the user switches to a different app."""
    other = QWidget()
    other.setWindowTitle("Another application")
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5000)
    try:
        yield other
    finally:
        other.close()
        other.deleteLater()


def _answer(app: Harness, question: str) -> None:
    async def turn() -> None:
        assert app.controller.chat.send(question)
        await app.answer_settled()
        await wait_until(lambda: not app.controller.tasks.running("suggestions"), "follow-ups")

    app.aloop.run(turn())


def test_a_generic_notification_only_for_answers_finished_in_the_background(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
) -> None:
    with signed_in_app(qtbot, aloop, tmp_path, auth_server, auth_account, dify_server) as app:
        shown: list[tuple[str, str]] = []
        app.window.notifier.notified.connect(lambda heading, text: shown.append((heading, text)))

        _answer(app, FIRST)  # the user is looking: nothing to announce
        assert shown == []

        with window_in_background(qtbot):
            _answer(app, SECOND)
            assert shown == [("Health Companion", "Your answer is ready")]
            _answer(app, THIRD)
            assert len(shown) == 2  # one per answer

        thread = app.controller.chat.current_thread
        assert thread is not None and thread.title
        private = (thread.title, default_title(FIRST), SECOND, THIRD)
        assert not any(part in text for part in private for _, text in shown)


def test_the_title_is_shown_only_when_the_setting_allows_it(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
) -> None:
    settings = Settings(notification_content=True)
    with signed_in_app(
        qtbot, aloop, tmp_path, auth_server, auth_account, dify_server, settings
    ) as app:
        shown: list[str] = []
        app.window.notifier.notified.connect(lambda _heading, text: shown.append(text))
        with window_in_background(qtbot):
            _answer(app, FIRST)
        # The title at that moment: the first question's, before Dify names the chat.
        assert shown == [f"Your answer is ready: {default_title(FIRST)}"]
        assert app.controller.chat.messages.messages[-1].text not in shown[0]


def test_a_locked_app_never_puts_the_title_in_a_notification(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notifier = AnswerNotifier(window, show_title=True, locked=lambda: True)
    shown: list[str] = []
    notifier.notified.connect(lambda _heading, text: shown.append(text))
    notifier.on_answer_finished(str(uuid.uuid4()), "Private title")
    assert shown == ["Your answer is ready"]


def test_the_last_open_thread_reopens_after_a_restart(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
) -> None:
    with signed_in_app(qtbot, aloop, tmp_path, auth_server, auth_account, dify_server) as app:
        _answer(app, FIRST)  # a new chat becomes a thread: that thread is the open one
        _answer(app, SECOND)
        opened = app.controller.chat.current_thread
        assert opened is not None
        app.aloop.run(wait_until(lambda: not app.controller.tasks.running("remember"), "saved"))

    endpoints = endpoints_for(auth_server, dify_server)
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def restart() -> None:
            app.controller.start(uuid.UUID(auth_account.user_id))
            await wait_until(lambda: len(app.controller.chat.messages.messages) == 4, "history")

        app.aloop.run(restart())
        reopened = app.controller.chat.current_thread
        assert reopened is not None and reopened.id == opened.id
        texts = [m.text for m in app.controller.chat.messages.messages]
        assert texts[0] == FIRST and texts[2] == SECOND

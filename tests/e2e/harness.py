"""The real object graph and main window against loopback servers, for end-to-end tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hc_desktop.app import dispose_qt_objects
from hc_desktop.app.graph import Endpoints, Graph, build_graph
from hc_desktop.config import Settings
from hc_desktop.controller.message_model import MessageState
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.paths import Profile
from hc_desktop.ui.main_window import MainWindow
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until


@dataclass
class Harness:
    graph: Graph
    window: MainWindow
    qtbot: QtBot
    aloop: AsyncRunner

    @property
    def controller(self):  # type: ignore[no-untyped-def]
        return self.graph.controller

    def activate(self) -> None:
        """Make the main window active (shortcuts act only there); not from a coroutine."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=5000)

    async def sign_in(self, email: str, password: str) -> None:
        """Type into the real sign-in dialog and press its button."""
        dialog = self.window.session_ui.sign_in_dialog
        await wait_until(dialog.isVisible, "the sign-in dialog")
        dialog.email.clear()
        dialog.password.clear()
        self.qtbot.keyClicks(dialog.email, email)
        self.qtbot.keyClicks(dialog.password, password)
        self.qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    async def start_signed_in(self, email: str, password: str) -> None:
        """Start the app with no cached user and sign in; returns once the user's data is
        open."""
        self.controller.start(None)
        await self.sign_in(email, password)
        await wait_until(lambda: self.controller.user_id is not None, "sign-in")

    async def ask(self, text: str) -> None:
        """Type a question and press Enter, as a user would."""
        editor = self.window.composer.editor
        editor.setFocus()
        self.qtbot.keyClicks(editor, text)
        self.qtbot.keyClick(editor, Qt.Key.Key_Return)

    async def answer_settled(self) -> None:
        """The turn is over: answer final and the thread written (or the failure handled)."""
        await wait_until(
            lambda: (
                not any(k.startswith("stream:") for k in self.controller.tasks.active_keys())
                and not self.controller.chat.streaming
                and bool(self.controller.chat.messages.messages)
                and self.controller.chat.messages.messages[-1].state
                not in (MessageState.SENDING, MessageState.STREAMING)
            ),
            "the answer to finish",
        )


def endpoints_for(
    auth: DemoAuthServer, dify: DemoDifyServer, *, database_url: str | None = None
) -> Endpoints:
    return Endpoints(
        supabase_url=auth.url,
        supabase_anon_key=auth.anon_key,
        dify_base_url=dify.base_url,
        dify_api_key=dify.api_key,
        database_url=database_url,
        persist_session=True,
    )


@contextmanager
def running_app(
    qtbot: QtBot,
    aloop: AsyncRunner,
    endpoints: Endpoints,
    data_dir: Path,
    *,
    settings: Settings | None = None,
    first_run_notice: bool = False,
) -> Iterator[Harness]:
    """Build the graph and window as ``app`` does; close everything afterwards.

    The first-run safety notice is left out unless ``first_run_notice`` asks for it.
    """
    profile = Profile.named("test", data_dir).ensure()
    graph = build_graph(endpoints, profile)
    window = MainWindow(graph.controller, profile.settings_file, settings=settings)
    window.show()
    if first_run_notice:
        window.safety.show_first_run_notice()
    try:
        yield Harness(graph, window, qtbot, aloop)
    finally:
        window.close()
        aloop.run(graph.aclose())
        dispose_qt_objects(window, graph.controller)


@contextmanager
def running_signed_in(
    qtbot: QtBot,
    aloop: AsyncRunner,
    endpoints: Endpoints,
    data_dir: Path,
    account: AuthAccount,
    *,
    settings: Settings | None = None,
) -> Iterator[Harness]:
    """:func:`running_app`, signed in to ``account``, with the window active."""
    with running_app(qtbot, aloop, endpoints, data_dir, settings=settings) as app:
        aloop.run(app.start_signed_in(account.email, account.password))
        app.activate()
        yield app

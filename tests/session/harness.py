"""The real window and graph, with the session controller configured as the app does it,
and a simulated clock for the idle lock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
import uuid

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hc_desktop.app import dispose_qt_objects
from hc_desktop.app.graph import Endpoints, Graph, build_graph
from hc_desktop.auth.cache_key import cache_key
from hc_desktop.controller.session_controller import SessionController
from hc_desktop.core.threads import Thread
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.paths import Profile
from hc_desktop.store.crypto import ContentCipher
from hc_desktop.store.local import LocalThreadStore
from hc_desktop.ui.main_window import MainWindow
from tests.fixtures.qt import AsyncRunner, wait_until

PROFILE = "test"


class FakeClock:
    """Wall-clock stand-in: time moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class SessionApp:
    graph: Graph
    window: MainWindow
    qtbot: QtBot
    aloop: AsyncRunner
    profile: Profile
    clock: FakeClock

    @property
    def session(self) -> SessionController:
        return self.graph.controller.session

    def run(self, coro):  # type: ignore[no-untyped-def]
        return self.aloop.run(coro)

    async def type_sign_in(self, email: str, password: str) -> None:
        dialog = self.window.session_ui.sign_in_dialog
        await wait_until(dialog.isVisible, "the sign-in dialog")
        dialog.email.clear()
        dialog.password.clear()
        self.qtbot.keyClicks(dialog.email, email)
        self.qtbot.keyClicks(dialog.password, password)
        self.qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    async def signed_in(self, email: str, password: str) -> None:
        self.graph.controller.start(None)
        await self.type_sign_in(email, password)
        await wait_until(lambda: self.graph.controller.user_id is not None, "sign-in")

    async def add_thread(self, title: str) -> Thread:
        """A thread in the user's local store and the list, as a finished chat leaves it."""
        data = self.graph.controller.threads.data
        assert data is not None
        thread = await data.threads.create_if_absent(
            str(uuid.uuid4()), title=title, preview="preview"
        )
        self.graph.controller.threads.model.upsert(thread)
        return thread

    def idle_for(self, minutes: float) -> bool:
        """Let simulated time pass without input; True when the window locked."""
        self.clock.advance(minutes * 60)
        return self.session.idle_lock.check()

    async def type_unlock(self, password: str) -> None:
        screen = self.window.session_ui.lock_screen
        self.qtbot.keyClicks(screen.password, password)
        self.qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def endpoints(auth: DemoAuthServer, dify: DemoDifyServer, *, persist: bool = True) -> Endpoints:
    return Endpoints(
        supabase_url=auth.url,
        supabase_anon_key=auth.anon_key,
        dify_base_url=dify.base_url,
        dify_api_key=dify.api_key,
        persist_session=persist,
    )


@contextmanager
def session_app(
    qtbot: QtBot,
    aloop: AsyncRunner,
    auth: DemoAuthServer,
    dify: DemoDifyServer,
    data_dir: Path,
    *,
    minutes: int = 15,
    shared_workstation: bool = False,
) -> Iterator[SessionApp]:
    """Build the graph and window as the app does, plus the session hookup it needs."""
    profile = Profile.named(PROFILE, data_dir).ensure()
    graph = build_graph(endpoints(auth, dify, persist=not shared_workstation), profile)
    graph.controller.session.configure(
        auth=graph.auth,
        profile=profile,
        auto_lock_minutes=minutes,
        shared_workstation=shared_workstation,
    )
    clock = FakeClock()
    graph.controller.session.idle_lock.use_clock(clock)
    window = MainWindow(graph.controller, profile.settings_file)
    window.show()
    try:
        yield SessionApp(graph, window, qtbot, aloop, profile, clock)
    finally:
        window.close()
        aloop.run(graph.aclose())
        dispose_qt_objects(window, graph.controller)


async def stored_threads(profile: Profile, user_id: str) -> list[Thread]:
    user = uuid.UUID(user_id)
    key = await cache_key(user_id)  # the app's key for this user, from the test keyring
    cipher = None if key is None else ContentCipher(key)
    store = LocalThreadStore.open(profile.thread_store_file(user), user, cipher=cipher)
    try:
        return await store.list_threads()
    finally:
        await store.close()

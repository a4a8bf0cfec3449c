"""Thread actions with the keyboard through the real window, on the local and shared stores."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
import pytest
from pytestqt.qtbot import QtBot
import sqlalchemy as sa

from hc_desktop.controller.thread_list_model import ThreadRoles
from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.core.threads import Thread
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import DifyError
from tests.e2e.harness import Harness, endpoints_for, running_app
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until

_NO_THREAD = Thread(uuid.UUID(int=0), uuid.UUID(int=0), "", None, None, False, None, None)  # type: ignore[arg-type]
QUESTIONS = ["Why do my knees ache?", "How do I lower cholesterol?", "Is coffee bad for sleep?"]


async def _make_threads(app: Harness, questions: list[str]) -> None:
    for question in questions:
        app.controller.chat.new_chat()
        await app.ask(question)
        await app.answer_settled()
    count = len(questions)
    model = app.controller.threads.model

    def named() -> bool:
        titles = [(model.thread_at(r) or _NO_THREAD).title or "" for r in range(model.rowCount())]
        return len(titles) == count and all(t.startswith("About ") for t in titles)

    # Dify's generated names arrive shortly after each first answer.
    await wait_until(named, "threads with their generated names")


def _titles(app: Harness) -> list[str]:
    view = app.controller.threads.view
    return [view.index(r, 0).data(ThreadRoles.Title) for r in range(view.rowCount())]


def _select_row(app: Harness, row: int) -> None:
    listing = app.window.thread_list
    listing.setFocus()
    listing.setCurrentIndex(listing.model().index(row, 0))


def _thread_named(app: Harness, title: str) -> Thread:
    model = app.controller.threads.model
    for row in range(model.rowCount()):
        thread = model.thread_at(row)
        if thread is not None and thread.title == title:
            return thread
    raise AssertionError(f"no thread titled {title!r}")


@pytest.fixture
def three_threads(signed_in: Harness) -> Harness:
    signed_in.aloop.run(_make_threads(signed_in, QUESTIONS))
    return signed_in


def test_keyboard_rename_with_f2(three_threads: Harness) -> None:
    app = three_threads
    before = _titles(app)
    _select_row(app, 0)
    app.qtbot.keyClick(app.window.thread_list, Qt.Key.Key_F2)
    editor = app.window.thread_list.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    app.qtbot.keyClicks(editor, "Knee pain notes")
    app.qtbot.keyClick(editor, Qt.Key.Key_Return)

    async def renamed() -> None:
        await wait_until(lambda: "Knee pain notes" in _titles(app), "the new title")

    app.aloop.run(renamed())
    assert sorted(_titles(app)) == sorted(["Knee pain notes", *before[1:]])


def test_empty_rename_falls_back_to_the_first_question(three_threads: Harness) -> None:
    app = three_threads
    thread = app.controller.threads.model.thread_at(0)
    assert thread is not None

    async def scenario() -> None:
        app.controller.threads.rename(str(thread.id), "   ")
        first = QUESTIONS[-1]
        await wait_until(
            lambda: (
                (t := app.controller.threads.thread_by_id(thread.id)) is not None
                and t.title == first
            ),
            "the seed default title",
        )

    app.aloop.run(scenario())


def test_archive_undo_archived_view_and_unarchive(three_threads: Harness) -> None:
    app = three_threads
    _select_row(app, 0)
    archived_title = _titles(app)[0]
    app.qtbot.keyClick(app.window.thread_list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    async def archived() -> None:
        await wait_until(lambda: archived_title not in _titles(app), "archived")
        assert app.window.banner.action_button.text() == "Undo"
        app.qtbot.mouseClick(app.window.banner.action_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: archived_title in _titles(app), "undone")
        _select_row(app, _titles(app).index(archived_title))
        app.qtbot.keyClick(
            app.window.thread_list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
        )
        await wait_until(lambda: archived_title not in _titles(app), "archived again")
        app.window.view_tabs.setCurrentIndex(1)
        await wait_until(lambda: _titles(app) == [archived_title], "the archived view")
        _select_row(app, 0)
        app.qtbot.keyClick(
            app.window.thread_list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
        )
        await wait_until(lambda: _titles(app) == [], "unarchived")
        app.window.view_tabs.setCurrentIndex(0)
        await wait_until(lambda: archived_title in _titles(app), "back in the main list")

    app.aloop.run(archived())


def test_delete_asks_first_then_removes_thread_and_conversation(
    three_threads: Harness, dify_server: DemoDifyServer, auth_account: AuthAccount
) -> None:
    app = three_threads
    _select_row(app, 0)
    doomed = app.window.thread_list.currentIndex().data(ThreadRoles.Thread)
    app.qtbot.keyClick(app.window.thread_list, Qt.Key.Key_Delete)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    assert doomed.title in box.text()
    delete_button = next(b for b in box.buttons() if b.text() == "Delete")
    app.qtbot.mouseClick(delete_button, Qt.MouseButton.LeftButton)

    async def deleted() -> None:
        await wait_until(lambda: app.controller.threads.model.rowCount() == 2, "deleted")
        data = app.controller.threads.data
        assert data is not None
        assert await data.threads.get(doomed.id) is None
        try:
            await app.graph.dify.messages(doomed.conversation_id, user=auth_account.user_id)
        except DifyError as exc:
            assert exc.status == 404
        else:
            raise AssertionError("the Dify conversation should be gone")

    app.aloop.run(deleted())


def test_cancelled_delete_keeps_the_thread(three_threads: Harness) -> None:
    app = three_threads
    _select_row(app, 1)
    app.qtbot.keyClick(app.window.thread_list, Qt.Key.Key_Delete)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    app.qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert app.controller.threads.model.rowCount() == 3


def test_search_filters_as_you_type(three_threads: Harness) -> None:
    app = three_threads
    app.qtbot.keyClick(app.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert app.window.search_box.hasFocus()
    app.qtbot.keyClicks(app.window.search_box, "COFFEE")
    view = app.controller.threads.view
    assert view.rowCount() == 1
    found = view.index(0, 0).data(ThreadRoles.Thread)
    assert "coffee" in f"{found.title} {found.last_message_preview}".casefold()
    app.window.search_box.clear()
    assert len(_titles(app)) == 3


class _FailingRenames:
    """Our own repository port, failing the way a database that went down does."""

    def __init__(self, inner: object) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)

    async def rename(self, thread_id: uuid.UUID, title: str | None) -> Thread:
        raise StoreUnavailable("The conversation store could not be reached.")


def test_a_failing_store_restores_the_row_and_says_why(three_threads: Harness) -> None:
    app = three_threads
    data = app.controller.threads.data
    assert data is not None
    data.threads = _FailingRenames(data.threads)  # type: ignore[assignment]
    before = _titles(app)
    thread = app.controller.threads.model.thread_at(0)
    assert thread is not None

    async def scenario() -> None:
        app.controller.threads.rename(str(thread.id), "Will not stick")
        await wait_until(lambda: app.window.banner.isVisible(), "the message")

    app.aloop.run(scenario())
    assert _titles(app) == before
    assert "could not be reached" in app.window.banner.label.text()


@pytest.fixture
def shared_app(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
    pg_database: str,
) -> Iterator[Harness]:
    endpoints = endpoints_for(auth_server, dify_server, database_url=pg_database)
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def sign_in() -> None:
            await app.start_signed_in(auth_account.email, auth_account.password)
            await _make_threads(app, QUESTIONS[:2])

        aloop.run(sign_in())
        app.activate()
        app.database_url = pg_database  # type: ignore[attr-defined]
        yield app


def _remote_rows(url: str) -> dict[str, tuple[str | None, bool]]:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("select conversation_id, title, archived from health_companion.threads")
            ).all()
    finally:
        engine.dispose()
    return {conversation: (title, archived) for conversation, title, archived in rows}


@pytest.mark.postgres
def test_the_shared_row_matches_after_each_action(shared_app: Harness) -> None:
    app = shared_app
    url: str = app.database_url  # type: ignore[attr-defined]
    first, second = (app.controller.threads.model.thread_at(r) for r in range(2))
    assert first is not None and second is not None

    async def synced(check: Callable[[dict[str, tuple[str | None, bool]]], bool]) -> None:
        """Wait until the engine has pushed: the shared table shows the change."""
        for _ in range(200):
            app.controller.threads.request_sync()
            if check(await asyncio.to_thread(_remote_rows, url)):
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the shared row never matched")

    async def scenario() -> None:
        app.controller.threads.rename(str(first.id), "Renamed here")
        await synced(lambda rows: rows.get(first.conversation_id, ("", False))[0] == "Renamed here")
        app.controller.threads.set_archived(str(second.id), True)
        await synced(lambda rows: rows.get(second.conversation_id, ("", False))[1] is True)
        app.controller.threads.delete(str(first.id))
        await synced(lambda rows: first.conversation_id not in rows)

    app.aloop.run(scenario(), timeout=60)


def test_thread_actions_are_in_the_menu_bar_and_the_context_menu(three_threads: Harness) -> None:
    window = three_threads.window
    in_menu_bar = {a.text() for a in window.conversations_menu.actions() if a.text()}
    in_context = {a.text() for a in window.thread_menu.actions() if a.text()}
    assert {"Rename", "Archive", "Copy title", "Delete…"} <= in_context
    assert in_context | {"New chat", "Search conversations"} <= in_menu_bar
    shortcuts = {a.text(): a.shortcut().toString() for a in window.conversations_menu.actions()}
    assert shortcuts["New chat"] == "Ctrl+N" and shortcuts["Rename"] == "F2"

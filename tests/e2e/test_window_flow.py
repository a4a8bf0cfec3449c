"""End to end through the real window: sign in, stream an answer, keep the thread."""

from __future__ import annotations

import logging
from pathlib import Path
import uuid

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor
import pytest
from pytestqt.qtbot import QtBot
import sqlalchemy as sa

from hc_desktop.app.graph import Endpoints
from hc_desktop.auth.cache_key import cache_key
from hc_desktop.controller.message_model import MessageState
from hc_desktop.core.rules import MESSAGE_MAX_CHARS
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.demo.dify_turn import ChatScript
from hc_desktop.paths import Profile
from hc_desktop.store.crypto import ContentCipher
from hc_desktop.store.local import LocalThreadStore
from tests.e2e.harness import endpoints_for, running_app
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until

QUESTION = "How much water should I drink on a hot day?"

pytestmark = pytest.mark.usefixtures("memory_keyring")


def _chat_requests(dify: DemoDifyServer) -> list[object]:
    return [r for r in dify.requests if r.method == "POST" and r.path.endswith("/chat-messages")]


def test_sign_in_stream_and_keep_the_thread(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
) -> None:
    endpoints = endpoints_for(auth_server, dify_server)
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:
        window, controller = app.window, app.controller
        updates: list[int] = []
        controller.chat.messages.dataChanged.connect(lambda *_: updates.append(1))
        first_titles: list[str] = []
        controller.threads.model.rowsInserted.connect(
            lambda _parent, first, _last: first_titles.append(
                controller.threads.model.thread_at(first).title
            )
        )

        async def scenario() -> None:
            controller.start(None)
            await app.sign_in(auth_account.email, "not-the-password")
            await wait_until(window.session_ui.sign_in_dialog.error.isVisible, "the sign-in error")
            assert "password" in window.session_ui.sign_in_dialog.error.text().lower()
            await app.sign_in(auth_account.email, auth_account.password)
            await wait_until(lambda: not window.session_ui.sign_in_dialog.isVisible(), "sign-in")
            assert window.session_ui.account_email.text() == auth_account.email

            await app.ask(QUESTION)
            assert window.composer.text == ""
            await app.answer_settled()
            await wait_until(
                lambda: (
                    (t := controller.threads.model.thread_at(0)) is not None
                    and t.title != QUESTION[:50]
                ),
                "Dify's generated name",
            )

        app.aloop.run(scenario())
        answer = controller.chat.messages.messages[-1]
        assert answer.state is MessageState.COMPLETE
        assert answer.text == dify_server.scripted_answer(QUESTION)
        assert len(updates) > 1, "the answer should grow in steps, not arrive at once"
        assert answer.text.split()[0] in window.chat_view.toPlainText()

        assert controller.threads.model.rowCount() == 1
        thread = controller.threads.model.thread_at(0)
        assert thread is not None
        assert first_titles == [QUESTION[:50]], "created with the seed's default title"
        assert thread.title is not None and thread.title.startswith("About ")
        assert thread.last_message_preview == answer.text[:100]
        request = _chat_requests(dify_server)[0]
        assert request.json["user"] == auth_account.user_id  # type: ignore[attr-defined]

    user = uuid.UUID(auth_account.user_id)
    store_file = Profile.named("test", tmp_path).thread_store_file(user)
    stored = aloop.run(_read_threads(store_file, user))
    assert [(t.conversation_id, t.title) for t in stored] == [
        (thread.conversation_id, thread.title)
    ]


async def _read_threads(path: Path, user: uuid.UUID) -> list:  # type: ignore[type-arg]
    key = await cache_key(str(user))  # the app's cache key, from the test keyring
    cipher = None if key is None else ContentCipher(key)
    store = LocalThreadStore.open(path, user, cipher=cipher)
    try:
        return await store.list_threads()
    finally:
        await store.close()


@pytest.mark.postgres
def test_thread_row_lands_in_shared_postgres(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    pg_database: str,
) -> None:
    endpoints = endpoints_for(auth_server, dify_server, database_url=pg_database)
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def scenario() -> None:
            app.controller.start(None)
            await app.sign_in(auth_account.email, auth_account.password)
            await wait_until(
                lambda: not app.window.session_ui.sign_in_dialog.isVisible(), "sign-in"
            )
            await app.ask(QUESTION)
            await app.answer_settled()
            await wait_until(lambda: app.controller.threads.model.rowCount() == 1, "the thread")
            await app.ask("And in winter?")
            await app.answer_settled()
            await wait_until(
                lambda: (
                    (t := app.controller.threads.model.thread_at(0)) is not None
                    and t.last_message_preview
                    == dify_server.scripted_answer("And in winter?")[:100]
                ),
                "the preview of the second answer",
            )

        app.aloop.run(scenario())
        thread = app.controller.threads.model.thread_at(0)
        assert thread is not None

        async def pushed() -> None:
            await wait_until(
                lambda: app.window.sync_label.text() == "Synced", "the push", timeout=20
            )

        app.aloop.run(pushed())

    rows = _shared_rows(pg_database)
    assert len(rows) == 1
    user_id, conversation_id, title, preview, archived, touched = rows[0]
    assert str(user_id) == auth_account.user_id
    assert conversation_id == thread.conversation_id
    assert title == thread.title
    assert preview == dify_server.scripted_answer("And in winter?")[:100]
    assert archived is False
    assert touched, "updated_at moves on every new message"


def _shared_rows(url: str) -> list[sa.Row]:  # type: ignore[type-arg]
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            return list(
                conn.execute(
                    sa.text(
                        "select user_id, conversation_id, title, last_message_preview, "
                        "archived, created_at < updated_at from health_companion.threads"
                    )
                ).all()
            )
    finally:
        engine.dispose()


def test_next_start_signs_in_silently(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
) -> None:
    endpoints = endpoints_for(auth_server, dify_server)
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def first_run() -> None:
            await app.start_signed_in(auth_account.email, auth_account.password)

        app.aloop.run(first_run())

    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def second_run() -> None:
            app.controller.start(None)
            await wait_until(lambda: app.controller.user_id is not None, "silent sign-in")

        app.aloop.run(second_run())
        assert not app.window.session_ui.sign_in_dialog.isVisible()
        assert str(app.controller.user_id) == auth_account.user_id


def test_error_mid_answer_keeps_the_partial_answer_and_retry_completes(
    signed_in, dify_server: DemoDifyServer
) -> None:  # type: ignore[no-untyped-def]
    app = signed_in
    dify_server.script_next(ChatScript(error_after=3))

    async def scenario() -> None:
        await app.ask(QUESTION)
        await app.answer_settled()
        answer = app.controller.chat.messages.messages[-1]
        assert answer.state is MessageState.INTERRUPTED
        assert answer.text, "the part that arrived stays on screen"
        banner = app.window.banner
        assert banner.isVisible() and banner.action_button.isVisible()
        assert banner.action_button.text() == "Retry"
        assert app.controller.threads.model.rowCount() == 1
        app.qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: len(app.controller.chat.messages.messages) == 4, "the retried turn"
        )
        await app.answer_settled()

    app.aloop.run(scenario())
    messages = app.controller.chat.messages.messages
    assert [m.state for m in messages] == [
        MessageState.COMPLETE,
        MessageState.INTERRUPTED,
        MessageState.COMPLETE,
        MessageState.COMPLETE,
    ]
    assert messages[2].text == QUESTION
    assert app.controller.threads.model.rowCount() == 1, "retrying never duplicates the thread"
    chats = _chat_requests(dify_server)
    assert (
        chats[1].json["conversation_id"]
        == app.controller.threads.model.thread_at(0).conversation_id
    )  # type: ignore[attr-defined,union-attr]


def test_failed_send_gives_the_text_back(signed_in, dify_server: DemoDifyServer) -> None:  # type: ignore[no-untyped-def]
    app = signed_in
    dify_server.script_next(ChatScript(http_error=(500, "internal_server_error", "boom")))

    async def scenario() -> None:
        await app.ask(QUESTION)
        await app.answer_settled()

    app.aloop.run(scenario())
    assert app.window.composer.text == QUESTION
    assert app.controller.chat.messages.messages[-1].state is MessageState.FAILED
    assert app.window.banner.isVisible()
    assert app.controller.threads.model.rowCount() == 0


def test_empty_and_overlong_messages_are_not_sent(signed_in, dify_server: DemoDifyServer) -> None:  # type: ignore[no-untyped-def]
    app = signed_in
    composer = app.window.composer
    app.qtbot.keyClicks(composer.editor, "   ")
    assert not composer.send_button.isEnabled()
    app.qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    composer.set_text("x" * (MESSAGE_MAX_CHARS + 1))
    assert not composer.send_button.isEnabled()
    assert "too long" in composer.counter.text()
    app.qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    assert app.window.banner.isVisible()
    assert "10,000" in app.window.banner.label.text()
    assert composer.text == "x" * (MESSAGE_MAX_CHARS + 1), "the text is kept for editing"
    assert _chat_requests(dify_server) == []


def test_stop_keeps_what_arrived(signed_in, dify_server: DemoDifyServer) -> None:  # type: ignore[no-untyped-def]
    app = signed_in
    dify_server.script_next(ChatScript(hold_after=2))

    async def scenario() -> None:
        await app.ask(QUESTION)
        await wait_until(
            lambda: (
                app.controller.chat.messages.messages[-1].state is MessageState.STREAMING
                and app.window.composer.stop_button.isVisible()
            ),
            "streaming",
        )
        app.qtbot.mouseClick(app.window.composer.stop_button, Qt.MouseButton.LeftButton)
        await app.answer_settled()
        await wait_until(
            lambda: any(r.path.endswith("/stop") for r in dify_server.requests), "the stop call"
        )

    app.aloop.run(scenario())
    answer = app.controller.chat.messages.messages[-1]
    assert answer.state is MessageState.STOPPED
    assert answer.text
    assert app.window.composer.send_button.isVisible()
    assert app.controller.threads.model.rowCount() == 1


def test_selecting_a_thread_loads_its_history(
    signed_in, dify_server: DemoDifyServer, auth_account: AuthAccount
) -> None:  # type: ignore[no-untyped-def]
    app = signed_in
    exchanges = [(f"question {n}", f"answer {n}") for n in range(3)]
    conversation = dify_server.seed_conversation(auth_account.user_id, "seeded", exchanges)

    async def scenario() -> None:
        data = app.controller.threads.data
        thread = await data.threads.create_if_absent(
            conversation, title="Seeded", preview="answer 2"
        )
        app.controller.threads.model.upsert(thread)
        index = app.window.thread_list.model().index(0, 0)
        app.qtbot.mouseClick(
            app.window.thread_list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=app.window.thread_list.visualRect(index).center(),
        )
        await wait_until(lambda: len(app.controller.chat.messages.messages) == 6, "the history")

    app.aloop.run(scenario())
    texts = [m.text for m in app.controller.chat.messages.messages]
    assert texts == ["question 0", "answer 0", "question 1", "answer 1", "question 2", "answer 2"]
    assert "Seeded" in app.window.windowTitle()


class _UrlRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def _click_anchor(app, href: str) -> None:  # type: ignore[no-untyped-def]
    view = app.window.chat_view
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + 1)
                point = view.cursorRect(cursor).center()
                app.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the conversation")


def test_only_web_and_mail_links_open_and_only_on_click(
    signed_in, dify_server: DemoDifyServer
) -> None:  # type: ignore[no-untyped-def]
    app = signed_in
    links = {
        "web": "https://example.org/water",
        "file": "file:///etc/passwd",
        "script": "javascript:alert(1)",
        "mail": "mailto:care@example.org",
    }
    answer = "Sources: " + " ".join(f"[{name}]({url})" for name, url in links.items())
    answer += " ![tracker](https://example.org/pixel.png) <img src='file:///etc/hosts'>"
    dify_server.script_next(ChatScript(answer=answer))
    recorder = _UrlRecorder()
    for scheme in ("http", "https", "file", "mailto", "javascript"):
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    try:

        async def scenario() -> None:
            await app.ask("Where can I read more?")
            await app.answer_settled()

        app.aloop.run(scenario())
        assert recorder.opened == [], "nothing opens before a click"
        app.window.chat_view.verticalScrollBar().setValue(0)
        for url in links.values():
            _click_anchor(app, url)
    finally:
        for scheme in ("http", "https", "file", "mailto", "javascript"):
            QDesktopServices.unsetUrlHandler(scheme)
    assert recorder.opened == [links["web"], links["mail"]]
    assert app.window.banner.isVisible()


def test_logs_never_contain_message_text_or_tokens(
    signed_in, dify_server: DemoDifyServer, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    app = signed_in
    secret_question = "My private symptom is MARKER-7731"
    with caplog.at_level(logging.DEBUG):

        async def scenario() -> None:
            await app.ask(secret_question)
            await app.answer_settled()

        app.aloop.run(scenario())
    session = app.graph.sessions.current
    assert session is not None
    assert caplog.records, "the flow logs something"
    assert "MARKER-7731" not in caplog.text
    assert dify_server.scripted_answer(secret_question)[:40] not in caplog.text
    assert session.access_token not in caplog.text
    assert session.refresh_token not in caplog.text
    assert dify_server.api_key not in caplog.text


def test_unreachable_auth_server_gives_a_plain_message(
    qtbot: QtBot, aloop: AsyncRunner, tmp_path: Path, dify_server: DemoDifyServer
) -> None:
    closed = DemoAuthServer()
    closed.start()
    url = closed.url
    closed.stop()  # a loopback port with nothing listening any more
    endpoints = Endpoints(
        supabase_url=url,
        supabase_anon_key=closed.anon_key,
        dify_base_url=dify_server.base_url,
        dify_api_key=dify_server.api_key,
    )
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def scenario() -> None:
            app.controller.start(None)
            await app.sign_in("someone@example.org", "whatever-password")
            await wait_until(app.window.session_ui.sign_in_dialog.error.isVisible, "the error")

        app.aloop.run(scenario())
        text = app.window.session_ui.sign_in_dialog.error.text().lower()
        assert "reach" in text or "connect" in text or "network" in text, text


def test_next_start_reopens_the_last_conversation_from_the_cache(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
) -> None:
    endpoints = endpoints_for(auth_server, dify_server)
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def first_run() -> None:
            await app.start_signed_in(auth_account.email, auth_account.password)
            await app.ask(QUESTION)
            await app.answer_settled()
            thread = app.controller.threads.model.thread_at(0)
            assert thread is not None
            app.controller.chat.new_chat()
            app.controller.chat.select_thread(str(thread.id))
            await wait_until(lambda: len(app.controller.chat.messages.messages) == 2, "history")
            await wait_until(lambda: not app.controller.tasks.running("remember"), "saved")

        app.aloop.run(first_run())
        opened = app.controller.chat.current_thread
        assert opened is not None

    dify_server.stop()  # the next start reads only the local cache
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:

        async def cached_start() -> None:
            app.controller.start(uuid.UUID(auth_account.user_id))
            await wait_until(lambda: len(app.controller.chat.messages.messages) == 2, "cache")

        app.aloop.run(cached_start())
        assert app.controller.chat.current_thread == opened
        assert app.controller.chat.messages.messages[0].text == QUESTION

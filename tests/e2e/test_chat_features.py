"""Chat features through the real window: rating, suggestions, sources, paging, switching."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from hc_desktop.controller.message_model import MessageState
from hc_desktop.demo.dify_replies import OPENING_STATEMENT, STARTER_QUESTIONS
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.demo.dify_turn import ChatScript
from tests.e2e.harness import Harness
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import wait_until


def click_action(app: Harness, label: str) -> None:
    """Click the in-text action link whose text contains ``label``."""
    view = app.window.chat_view
    document = view.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor() and label in fragment.text():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                view.ensureCursorVisible()
                point = view.cursorRect(cursor).center()
                app.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no action link containing {label!r}")


def test_rating_an_answer_reaches_dify_and_comes_back_with_history(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in

    async def scenario() -> None:
        await app.ask("Is walking good exercise?")
        await app.answer_settled()
        app.window.chat_view.verticalScrollBar().setValue(
            app.window.chat_view.verticalScrollBar().maximum()
        )
        click_action(app, "Not helpful")
        await wait_until(
            lambda: any(r.path.endswith("/feedbacks") for r in dify_server.requests), "feedback"
        )
        await wait_until(
            lambda: app.controller.chat.messages.messages[-1].feedback == "dislike", "rating"
        )
        thread = app.controller.threads.model.thread_at(0)
        assert thread is not None
        app.controller.chat.new_chat()
        app.controller.chat.select_thread(str(thread.id))
        await wait_until(lambda: len(app.controller.chat.messages.messages) == 2, "history")

    app.aloop.run(scenario())
    feedback = next(r for r in dify_server.requests if r.path.endswith("/feedbacks"))
    assert feedback.json["rating"] == "dislike"  # type: ignore[index]
    assert app.controller.chat.messages.messages[-1].feedback == "dislike"
    assert "✓ Not helpful" in app.window.chat_view.toPlainText()


def test_new_chat_offers_the_opening_statement_and_starter_questions(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in

    async def scenario() -> None:
        app.qtbot.mouseClick(app.window.new_chat_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: app.window.suggestions.isVisible(), "starter questions")
        assert app.window.chat_view.placeholderText() == OPENING_STATEMENT
        buttons = app.window.suggestions.buttons
        assert [b.toolTip() for b in buttons] == list(STARTER_QUESTIONS)[: len(buttons)]
        app.qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        await app.answer_settled()

    app.aloop.run(scenario())
    assert app.controller.chat.messages.messages[0].text == STARTER_QUESTIONS[0]
    assert app.controller.chat.messages.messages[1].state is MessageState.COMPLETE


def test_follow_up_questions_appear_after_an_answer_and_can_be_asked(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in

    async def scenario() -> None:
        await app.ask("How can I sleep better?")
        await app.answer_settled()
        await wait_until(lambda: app.window.suggestions.isVisible(), "follow-ups")
        follow_up = app.window.suggestions.buttons[0].toolTip()
        app.qtbot.mouseClick(app.window.suggestions.buttons[0], Qt.MouseButton.LeftButton)
        await wait_until(lambda: len(app.controller.chat.messages.messages) == 4, "second turn")
        await app.answer_settled()
        assert app.controller.chat.messages.messages[2].text == follow_up

    app.aloop.run(scenario())
    assert any(r.path.endswith("/suggested") for r in dify_server.requests)


def test_cited_sources_are_shown_under_the_answer(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in
    dify_server.script_next(ChatScript(sources=("Hydration guide", "Heat safety leaflet")))

    async def scenario() -> None:
        await app.ask("How much water in a heatwave?")
        await app.answer_settled()

    app.aloop.run(scenario())
    assert app.controller.chat.messages.messages[-1].sources == (
        "Hydration guide",
        "Heat safety leaflet",
    )
    assert "Sources: Hydration guide; Heat safety leaflet" in app.window.chat_view.toPlainText()


def test_switching_threads_while_an_answer_streams_loses_nothing(
    signed_in: Harness, dify_server: DemoDifyServer, auth_account: AuthAccount
) -> None:
    app = signed_in
    other = dify_server.seed_conversation(auth_account.user_id, "other", [("old q", "old a")])
    dify_server.chunk_delay = 0.01

    async def scenario() -> None:
        data = app.controller.threads.data
        assert data is not None
        seeded = await data.threads.create_if_absent(other, title="Other", preview="old a")
        app.controller.threads.model.upsert(seeded)
        await app.ask("Tell me about stretching")
        await wait_until(
            lambda: app.controller.chat.messages.messages[-1].state is MessageState.STREAMING,
            "streaming",
        )
        app.controller.chat.select_thread(str(seeded.id))
        await wait_until(lambda: len(app.controller.chat.messages.messages) == 2, "other thread")
        assert [m.text for m in app.controller.chat.messages.messages] == ["old q", "old a"]
        await wait_until(lambda: app.controller.threads.model.rowCount() == 2, "new thread")
        assert [m.text for m in app.controller.chat.messages.messages] == ["old q", "old a"]
        new_thread = next(
            t
            for t in (app.controller.threads.model.thread_at(r) for r in range(2))
            if t is not None and t.id != seeded.id
        )
        app.controller.chat.select_thread(str(new_thread.id))
        await wait_until(lambda: len(app.controller.chat.messages.messages) == 2, "history")

    app.aloop.run(scenario())
    question, answer = app.controller.chat.messages.messages
    assert question.text == "Tell me about stretching"
    assert answer.text == dify_server.scripted_answer("Tell me about stretching")


def test_scrolling_up_pages_through_older_history(
    signed_in: Harness, dify_server: DemoDifyServer, auth_account: AuthAccount
) -> None:
    app = signed_in
    exchanges = [(f"question {n}", f"answer {n}\n\n" + "line\n\n" * 6) for n in range(45)]
    conversation = dify_server.seed_conversation(auth_account.user_id, "long", exchanges)

    async def scenario() -> None:
        data = app.controller.threads.data
        assert data is not None
        thread = await data.threads.create_if_absent(conversation, title="Long", preview="x")
        app.controller.threads.model.upsert(thread)
        app.controller.chat.select_thread(str(thread.id))
        messages = app.controller.chat.messages
        await wait_until(lambda: messages.rowCount() == 40, "the newest page")
        bar = app.window.chat_view.verticalScrollBar()
        for expected in (60, 80, 90):  # the newest 20 exchanges, then 10 at a time
            await wait_until(lambda: not app.controller.tasks.running("history"), "idle")
            bar.setValue(1)
            bar.setValue(0)
            await wait_until(lambda n=expected: messages.rowCount() == n, f"{expected} messages")
        assert not app.controller.chat.history_has_more

    app.aloop.run(scenario())
    texts = [m.text for m in app.controller.chat.messages.messages]
    assert texts[0] == "question 0"
    assert texts[-2] == "question 44"

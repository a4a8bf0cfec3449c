"""A finished answer is announced to screen readers once, not once per streamed chunk."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible, QAccessibleEvent
import pytest

from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.demo.dify_turn import ChatScript
from tests.e2e.harness import Harness
from tests.fixtures.qt import wait_until


@pytest.fixture
def accessibility_events(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[object, str]]]:
    """Every announcement handed to Qt's accessibility layer: (event type, message)."""
    seen: list[tuple[object, str]] = []
    original = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        message = event.message() if hasattr(event, "message") else ""
        seen.append((event.type(), message))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    yield seen


def announcements(events: list[tuple[object, str]]) -> list[str]:
    return [m for kind, m in events if kind == QAccessible.Event.Announcement]


def test_each_finished_answer_is_announced_exactly_once(
    signed_in: Harness, accessibility_events: list[tuple[object, str]]
) -> None:
    app = signed_in
    emitted: list[str] = []
    app.window.essentials.announcer.announced.connect(emitted.append)
    updates: list[object] = []
    app.controller.chat.messages.dataChanged.connect(lambda *args: updates.append(args))

    async def scenario() -> None:
        await app.ask("Is walking good exercise?")
        await app.answer_settled()
        await app.ask("How much water should I drink?")
        await app.answer_settled()

    app.aloop.run(scenario())
    answers = [m for m in app.controller.chat.messages.messages if m.role == "assistant"]
    assert len(updates) > 4  # the answers arrived in several updates each
    assert len(emitted) == 2
    assert announcements(accessibility_events) == emitted
    first_words = answers[0].text.replace("*", "").split()[0]
    assert emitted[0].startswith("Answer: ") and first_words in emitted[0]


def test_history_is_not_announced_and_a_stopped_answer_is(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in
    emitted: list[str] = []
    app.window.essentials.announcer.announced.connect(emitted.append)

    async def scenario() -> None:
        await app.ask("Is walking good exercise?")
        await app.answer_settled()
        await wait_until(lambda: app.controller.threads.view.rowCount() == 1, "the thread")
        thread = app.controller.threads.model.thread_at(0)
        assert thread is not None
        app.controller.chat.new_chat()
        app.controller.chat.select_thread(str(thread.id))
        await wait_until(lambda: len(app.controller.chat.messages.messages) == 2, "history")
        assert len(emitted) == 1  # reopening the thread says nothing new
        app.controller.chat.new_chat()
        dify_server.script_next(ChatScript(hold_after=3))
        await app.ask("Tell me a long story")
        await wait_until(
            lambda: app.controller.chat.messages.messages[-1].state == "streaming", "chunks"
        )
        app.window.composer.stop_button.click()
        await app.answer_settled()

    app.aloop.run(scenario())
    assert emitted[1:] == ["The answer was stopped."]

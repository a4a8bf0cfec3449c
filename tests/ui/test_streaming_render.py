"""A streamed answer grows paragraph by paragraph and ends exactly as a whole render."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hc_desktop.controller.message_model import ChatMessage, MessageListModel, MessageState, Role
from hc_desktop.ui.chat_view import _MARKDOWN, ChatView, stable_markdown_prefix

ANSWER = (
    "Blood pressure is **two numbers**.\n\n"
    "| reading | meaning |\n|---|---|\n| 120/80 | normal |\n\n"
    "```\nsystolic / diastolic\n\nstill code\n```\n\n"
    "1. Rest five minutes.\n2. Sit with your back supported.\n\n"
    "Ask your clinician about *your* targets."
)


def rendered(markdown: str) -> str:
    document = QTextDocument()
    document.setMarkdown(markdown, _MARKDOWN)
    return document.toPlainText()


def answer_text(view: ChatView) -> str:
    """The answer's frame as plain text, without the footer line."""
    frame = view._frames[-1]
    cursor = view.textCursor()
    cursor.setPosition(frame.firstPosition())
    cursor.setPosition(frame.lastPosition(), cursor.MoveMode.KeepAnchor)
    return cursor.selection().toPlainText()


def streamed_view(qtbot: QtBot) -> tuple[ChatView, MessageListModel, ChatMessage]:
    model = MessageListModel()
    view = ChatView()
    qtbot.addWidget(view)
    view.set_model(model)
    answer = ChatMessage.new(Role.ASSISTANT, "", state=MessageState.STREAMING)
    model.reset([ChatMessage.new(Role.USER, "What do the numbers mean?"), answer])
    return view, model, answer


def test_stable_prefix_ends_at_the_last_blank_line_outside_code() -> None:
    assert stable_markdown_prefix("one\n\ntwo") == len("one\n\n")
    assert stable_markdown_prefix("one\n\n```\na\n\nb") == len("one\n\n")
    assert stable_markdown_prefix("```\na\n\nb\n```\n\nc") == len("```\na\n\nb\n```\n\n")
    assert stable_markdown_prefix("no break yet") == 0


def test_streamed_answer_shows_every_chunk_and_ends_as_a_whole_render(qtbot: QtBot) -> None:
    view, model, answer = streamed_view(qtbot)
    for end in range(7, len(ANSWER), 7):
        model.update(answer.local_id, text=ANSWER[:end])
        shown = answer_text(view)
        # Everything received so far is on screen, formatted (no markdown syntax left over
        # from finished paragraphs) and in order.
        assert shown.replace("▍", "").strip().startswith(rendered(ANSWER[:end])[:20].strip())
        if end > ANSWER.index("\n\n"):
            assert shown.split("\n")[0] == "Blood pressure is two numbers."
    model.update(answer.local_id, text=ANSWER, state=MessageState.COMPLETE)
    assert answer_text(view).strip().startswith(rendered(ANSWER))
    first = view.document().findBlock(view._frames[-1].firstPosition())
    assert first.textList() is None, "the opening paragraph must not turn into a list item"


def test_a_replaced_answer_is_rendered_again_from_the_start(qtbot: QtBot) -> None:
    view, model, answer = streamed_view(qtbot)
    model.update(answer.local_id, text="First draft paragraph.\n\nMore")
    model.update(answer.local_id, text="Replaced text.\n\nDone")
    shown = answer_text(view)
    assert "First draft" not in shown
    assert shown.strip().startswith("Replaced text.")


def test_any_chunking_of_a_stream_shows_the_same_words_as_a_whole_render(qtbot: QtBot) -> None:
    whole = rendered(ANSWER).split()

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.integers(1, 40), min_size=1, max_size=40))
    def stream(sizes: list[int]) -> None:
        view, model, answer = streamed_view(qtbot)
        end = 0
        for size in sizes:
            end = min(len(ANSWER), end + size)
            model.update(answer.local_id, text=ANSWER[:end])
        model.update(answer.local_id, text=ANSWER)
        streamed = answer_text(view).replace("▍", "").split()
        # Finished paragraphs are rendered on their own while streaming, so list numbers may
        # differ until the end; the words and their order may not.
        assert [w for w in streamed if not w.rstrip(".").isdigit()] == [
            w for w in whole if not w.rstrip(".").isdigit()
        ]
        model.update(answer.local_id, state=MessageState.COMPLETE)
        assert answer_text(view).strip().startswith(rendered(ANSWER))
        view.close()

    stream()


def test_an_answer_completed_inside_a_list_keeps_its_opening_paragraph(qtbot: QtBot) -> None:
    view, model, answer = streamed_view(qtbot)
    text = "Here are a few ideas.\n\n- Rest five minutes.\n- Sit with your back supported."
    model.update(answer.local_id, text=text)  # the stream's last content is a list
    model.update(answer.local_id, text=text, state=MessageState.COMPLETE)
    first = view.document().findBlock(view._frames[-1].firstPosition())
    assert first.text() == "Here are a few ideas."
    assert first.textList() is None


class PaintLog(QObject):
    """The heights of the areas a widget paints."""

    def __init__(self) -> None:
        super().__init__()
        self.heights: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.heights.append(event.rect().height())  # type: ignore[attr-defined]
        return False


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def shown_view(qtbot: QtBot, earlier: int) -> tuple[ChatView, MessageListModel, ChatMessage]:
    """A view on screen with ``earlier`` messages above an answer that starts streaming."""
    model = MessageListModel()
    view = ChatView()
    qtbot.addWidget(view)
    view.set_model(model)
    history = [
        ChatMessage.new(Role.USER if n % 2 == 0 else Role.ASSISTANT, f"message {n} " * 30)
        for n in range(earlier)
    ]
    answer = ChatMessage.new(Role.ASSISTANT, "", state=MessageState.STREAMING)
    model.reset([*history, answer])
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    for _ in range(10):  # the layout may still be growing the document
        bar.setValue(bar.maximum())
        settle()
        if bar.value() == bar.maximum():
            break
    return view, model, answer


def on_screen_matches_a_fresh_render(view: ChatView) -> bool:
    """What the window shows (Qt's backing store) equals the view painted anew: nothing
    on screen was left stale by a partial repaint."""
    shown = view.screen().grabWindow(view.winId()).toImage()
    return bool(shown == view.grab().toImage())


def test_a_stream_repaints_what_changed_and_leaves_nothing_stale(qtbot: QtBot) -> None:
    view, model, answer = shown_view(qtbot, earlier=30)
    paints = PaintLog()
    view.viewport().installEventFilter(paints)
    for end in range(40, len(ANSWER), 40):
        model.update(answer.local_id, text=ANSWER[:end])
        settle()
    assert paints.heights, "the answer is followed on screen"
    assert max(paints.heights) < view.viewport().height(), "never the whole view"
    assert on_screen_matches_a_fresh_render(view)
    model.update(answer.local_id, text=ANSWER, state=MessageState.COMPLETE)
    settle()
    assert on_screen_matches_a_fresh_render(view)


def test_a_stream_out_of_sight_repaints_nothing(qtbot: QtBot) -> None:
    view, model, answer = shown_view(qtbot, earlier=30)
    model.update(answer.local_id, text=ANSWER[:60])
    view.verticalScrollBar().setValue(0)  # the reader went up into the history
    settle()
    paints = PaintLog()
    view.viewport().installEventFilter(paints)
    for end in range(80, 200, 20):
        model.update(answer.local_id, text=ANSWER[:end])
        settle()
    assert paints.heights == []


def test_a_short_conversation_shows_each_update_in_place(qtbot: QtBot) -> None:
    view, model, answer = shown_view(qtbot, earlier=2)  # no scrolling: updates in place
    for end in range(10, 120, 10):
        model.update(answer.local_id, text=ANSWER[:end])
        settle()
        assert on_screen_matches_a_fresh_render(view)

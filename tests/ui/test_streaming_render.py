"""A streamed answer grows paragraph by paragraph and ends exactly as a whole render."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
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

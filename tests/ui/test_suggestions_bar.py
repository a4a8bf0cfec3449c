"""Long suggested questions shorten to the room they get instead of widening the window."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hc_desktop.ui.suggestions_bar import SuggestionsBar

QUESTIONS = [
    "What everyday habits can help me remember to drink enough water at work?",
    "When should I see a professional about waking up tired every morning?",
    "How can I keep track of my blood pressure readings at home over a month?",
    "Which foods are good sources of iron for someone who does not eat meat?",
]


def test_a_row_of_long_questions_fits_a_narrow_window(qtbot: QtBot) -> None:
    window = QWidget()
    bar = SuggestionsBar(window)
    QVBoxLayout(window).addWidget(bar)
    qtbot.addWidget(window)
    bar.set_questions(QUESTIONS)
    assert window.minimumSizeHint().width() < 700, "the row can shrink"
    window.resize(640, 80)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 640
    for button, question in zip(bar.buttons, QUESTIONS, strict=True):
        assert button.toolTip() == question and question in button.accessibleName()
        assert button.text().endswith("…"), "shortened on screen, whole in tooltip and name"
        assert button.geometry().right() <= bar.width()


def test_questions_show_whole_when_there_is_room(qtbot: QtBot) -> None:
    bar = SuggestionsBar()
    qtbot.addWidget(bar)
    bar.set_questions(["Is coffee bad for me?", "How much sleep do I need?"])
    bar.resize(1200, 40)
    bar.show()
    qtbot.waitExposed(bar)
    assert [b.text() for b in bar.buttons] == ["Is coffee bad for me?", "How much sleep do I need?"]

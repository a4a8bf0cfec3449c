"""Suggested questions as buttons: starters on a new chat, follow-ups after an answer."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

MAX_SHOWN = 4
_MAX_BUTTON_CHARS = 60
_MIN_VISIBLE_CHARS = 8


class QuestionButton(QPushButton):
    """A button that shortens its question with "…" to the width it gets, so a row of
    long questions never makes the window wider than a small screen."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        shown = question if len(question) <= _MAX_BUTTON_CHARS else question[:57] + "…"
        super().__init__(shown, parent)
        self._full = shown
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        room = self.fontMetrics().horizontalAdvance("M" * _MIN_VISIBLE_CHARS)
        return QSize(min(hint.width(), room), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(
            self.fontMetrics().horizontalAdvance(self._full) + self._padding(), hint.height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = max(0, self.width() - self._padding())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))

    def _padding(self) -> int:
        """The button's frame and margins around its text, in pixels."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())


class SuggestionsBar(QWidget):
    """A row of question buttons; clicking one asks that question."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._label = QLabel(self.tr("Try asking:"), self)
        self._layout.addWidget(self._label)
        self._layout.addStretch(1)
        self.buttons: list[QPushButton] = []
        self.setAccessibleName(self.tr("Suggested questions"))
        self.hide()

    def set_questions(self, questions: list[str]) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for question in [q for q in questions if q.strip()][:MAX_SHOWN]:
            button = QuestionButton(question, self)
            button.setToolTip(question)
            button.setAccessibleName(self.tr("Ask: {0}").format(question))
            button.clicked.connect(lambda _checked=False, q=question: self.chosen.emit(q))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)
        self.setVisible(bool(self.buttons))

"""Suggested questions as buttons: starters on a new chat, follow-ups after an answer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

MAX_SHOWN = 4
_MAX_BUTTON_CHARS = 60


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
            shown = question if len(question) <= _MAX_BUTTON_CHARS else question[:57] + "…"
            button = QPushButton(shown, self)
            button.setToolTip(question)
            button.setAccessibleName(self.tr("Ask: {0}").format(question))
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, q=question: self.chosen.emit(q))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)
        self.setVisible(bool(self.buttons))

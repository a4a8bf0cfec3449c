"""A non-modal strip above the conversation for problems and offers (retry, undo, restore)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Shows one message at a time, with at most one action button and Dismiss."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label.setAccessibleName(self.tr("Notice"))
        self.action_button = QPushButton(self)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss the notice"))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.action_button)
        row.addWidget(self.close_button)
        self.action_button.clicked.connect(self._run_action)
        self.close_button.clicked.connect(self.clear)
        self._action: Callable[[], None] | None = None
        self.action_button.hide()
        self.hide()

    def show_message(
        self, text: str, action: str | None = None, run: Callable[[], None] | None = None
    ) -> None:
        """Show ``text``; with ``action``/``run``, offer one button (Retry, Undo, Restore…)."""
        self.label.setText(text)
        self._action = run if action else None
        self.action_button.setVisible(bool(action and run))
        if action:
            self.action_button.setText(action)
            self.action_button.setAccessibleName(action)
        self.show()

    def clear(self) -> None:
        self._action = None
        self.action_button.hide()
        self.hide()

    def _run_action(self) -> None:
        action, self._action = self._action, None
        self.clear()
        if action is not None:
            action()

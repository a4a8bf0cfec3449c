"""A non-modal strip above the conversation for problems the user should know about."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Shows one message at a time, with Retry when the failed action can be repeated."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label.setAccessibleName(self.tr("Notice"))
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setAccessibleName(self.tr("Retry the last message"))
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss the notice"))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        row.addWidget(self.close_button)
        self.retry_button.clicked.connect(self.retry_requested)
        self.close_button.clicked.connect(self.hide)
        self.retry_button.hide()
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def set_retry_available(self, available: bool) -> None:
        self.retry_button.setVisible(available)
        if available:
            self.show()

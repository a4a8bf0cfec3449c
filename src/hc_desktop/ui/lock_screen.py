"""The lock screen: covers the whole window until the user's password is entered again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LockScreen(QWidget):
    """An opaque overlay child of the window; it follows the window's size."""

    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setAccessibleName(self.tr("Locked"))
        self.heading = QLabel(self.tr("Health Companion is locked"), self)
        self.heading.setAccessibleName(self.tr("Locked"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.account = QLabel(self)
        self.account.setAccessibleName(self.tr("Signed-in account"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Unlock information"))
        self.note.hide()
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Unlock problem"))
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))

        panel = QWidget(self)
        panel.setMaximumWidth(420)
        column = QVBoxLayout(panel)
        column.addWidget(self.heading)
        column.addWidget(self.account)
        column.addWidget(self.note)
        column.addWidget(self.password)
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.password.textChanged.connect(self._update_button)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self._busy = False
        self._update_button()
        parent.installEventFilter(self)
        self.hide()

    def show_locked(self, email: str, note: str) -> None:
        """Cover the window, clear what was typed before, and wait for the password."""
        self.account.setText(self.tr("Signed in as {0}").format(email) if email else "")
        self.account.setVisible(bool(email))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.error.hide()
        self.password.clear()
        self._cover()
        self.show()
        self.raise_()
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.password.setEnabled(not busy)
        self.sign_out_button.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Checking…") if busy else self.tr("Unlock"))
        self._update_button()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover()
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def _update_button(self) -> None:
        self.unlock_button.setEnabled(bool(self.password.text()) and not self._busy)

    def _submit(self) -> None:
        if self.unlock_button.isEnabled():
            self.error.hide()
            password = self.password.text()
            self.password.clear()
            self.unlock_requested.emit(password)

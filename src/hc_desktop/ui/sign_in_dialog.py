"""The sign-in dialog: non-modal, so the event loop (and streaming) never stops for it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SignInDialog(QDialog):
    """Email and password; the controller reports busy, failure and success."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Health Companion"))
        self.setModal(False)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.hide()
        self.email = QLineEdit(self)
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setPlaceholderText("name@example.org")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.sign_in_button.clicked.connect(self._submit)
        self.email.textChanged.connect(self._update_button)
        self.password.textChanged.connect(self._update_button)
        self._busy = False
        self._update_button()

    def prompt(self, explanation: str) -> None:
        """Show (non-modally) with an optional reason, e.g. that the session expired."""
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.error.hide()
        self.password.clear()
        self.open()
        (self.password if self.email.text() else self.email).setFocus()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.email.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        self._update_button()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()

    def _update_button(self) -> None:
        ready = "@" in self.email.text() and bool(self.password.text())
        self.sign_in_button.setEnabled(ready and not self._busy)

    def _submit(self) -> None:
        if self.sign_in_button.isEnabled():
            self.error.hide()
            self.submitted.emit(self.email.text().strip(), self.password.text())

    def accept(self) -> None:
        """Enter in a field submits instead of closing the dialog."""
        self._submit()

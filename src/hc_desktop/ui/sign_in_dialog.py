"""The account dialog: sign in, create an account, reset a password, enter an MFA code.

Non-modal (``open()``), so the event loop and any streaming answer never stop for it. The
dialog only validates what it can see; the controller reports busy, failure and notices.
"""

from __future__ import annotations

from enum import Enum
import re

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
#: GoTrue's floor for a password length and its hard limit in bytes.
MIN_PASSWORD_CHARS = 6
MAX_PASSWORD_BYTES = 72
_RULES = ("length", "characters", "pwned")


class Mode(Enum):
    SIGN_IN = "sign_in"
    SIGN_UP = "sign_up"
    RESET = "reset"
    MFA = "mfa"


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


class SignInDialog(QDialog):
    """Email and password, plus the forms that lead to and from signing in."""

    submitted = Signal(str, str)
    """Sign in with (email, password)."""
    sign_up_requested = Signal(str, str)
    reset_requested = Signal(str)
    mfa_code_submitted = Signal(str)
    mfa_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.mode = Mode.SIGN_IN
        self._busy = False
        self._failed_rules: set[str] = set()
        self._build()
        self._bind()
        self.set_mode(Mode.SIGN_IN)

    # Layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setAccessibleName(self.tr("Form title"))
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("Explanation"))
        self.explanation.hide()
        self.email = QLineEdit(self)
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setPlaceholderText("name@example.org")
        self.email_hint = QLabel(self.tr("Enter an email address like name@example.org."), self)
        self.email_hint.setAccessibleName(self.tr("Email problem"))
        self.email_hint.hide()
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password_repeat = QLineEdit(self)
        self.password_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_repeat.setAccessibleName(self.tr("Repeat the password"))
        self.password_hint = QLabel(self)
        self.password_hint.setWordWrap(True)
        self.password_hint.setAccessibleName(self.tr("Password problem"))
        self.password_hint.hide()
        self.rules = QLabel(self)
        self.rules.setWordWrap(True)
        self.rules.setAccessibleName(self.tr("Password rules"))
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Verification code"))
        self.code.setPlaceholderText("123456")
        self.code.setMaxLength(8)
        self.code.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,8}$"), self.code)
        )
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setAccessibleName(self.tr("Notice"))
        self.info.hide()
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.error.hide()

        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setDefault(True)
        self.cancel_mfa_button = QPushButton(self.tr("Use another account"), self)
        self.cancel_mfa_button.setAccessibleName(self.tr("Use another account"))
        self.forgot_button = QPushButton(self.tr("Forgot password?"), self)
        self.forgot_button.setAccessibleName(self.tr("Forgot password?"))
        self.forgot_button.setFlat(True)
        self.create_button = QPushButton(self.tr("Create an account"), self)
        self.create_button.setAccessibleName(self.tr("Create an account"))
        self.create_button.setFlat(True)
        self.back_button = QPushButton(self.tr("Back to sign in"), self)
        self.back_button.setAccessibleName(self.tr("Back to sign in"))
        self.back_button.setFlat(True)
        for button in (self.forgot_button, self.create_button, self.back_button):
            button.setAutoDefault(False)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Email"), self.email)
        self.form.addRow("", self.email_hint)
        self.form.addRow(self.tr("&Password"), self.password)
        self.form.addRow(self.tr("&Repeat password"), self.password_repeat)
        self.form.addRow("", self.password_hint)
        self.form.addRow("", self.rules)
        self.form.addRow(self.tr("&Code"), self.code)
        links = QHBoxLayout()
        links.addWidget(self.forgot_button)
        links.addWidget(self.create_button)
        links.addWidget(self.back_button)
        links.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_mfa_button)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addLayout(links)
        layout.addLayout(buttons)

    def _bind(self) -> None:
        self.sign_in_button.clicked.connect(self._submit)
        self.forgot_button.clicked.connect(lambda: self.set_mode(Mode.RESET))
        self.create_button.clicked.connect(lambda: self.set_mode(Mode.SIGN_UP))
        self.back_button.clicked.connect(lambda: self.set_mode(Mode.SIGN_IN))
        self.cancel_mfa_button.clicked.connect(self._cancel_mfa)
        for field in (self.email, self.password, self.password_repeat, self.code):
            field.textChanged.connect(self._update_button)
        self.password.textChanged.connect(self._forget_failed_rules)
        self.email.editingFinished.connect(self._check_email)

    # Modes -----------------------------------------------------------------------------------
    def set_mode(self, mode: Mode) -> None:
        """Show the fields of ``mode``; typed email addresses carry over."""
        self.mode = mode
        titles = {
            Mode.SIGN_IN: self.tr("Sign in to Health Companion"),
            Mode.SIGN_UP: self.tr("Create a Health Companion account"),
            Mode.RESET: self.tr("Reset your password"),
            Mode.MFA: self.tr("Enter your verification code"),
        }
        self.setWindowTitle(titles[mode])
        self.heading.setText(titles[mode])
        credentials = mode in (Mode.SIGN_IN, Mode.SIGN_UP)
        self._show_row(self.email, mode is not Mode.MFA)
        self._show_row(self.password, credentials)
        self._show_row(self.password_repeat, mode is Mode.SIGN_UP)
        self._show_row(self.rules, mode is Mode.SIGN_UP)
        self._show_row(self.code, mode is Mode.MFA)
        self.email_hint.hide()
        self.forgot_button.setVisible(mode is Mode.SIGN_IN)
        self.create_button.setVisible(mode is Mode.SIGN_IN)
        self.back_button.setVisible(mode in (Mode.SIGN_UP, Mode.RESET))
        self.cancel_mfa_button.setVisible(mode is Mode.MFA)
        self.password_repeat.clear()
        self.code.clear()
        self._failed_rules = set()
        self._render_rules()
        self.error.hide()
        if mode is not Mode.SIGN_IN:
            self.info.hide()
        if mode is Mode.MFA:
            self.explanation.setText(
                self.tr("Open your authenticator app and enter the code it shows for this account.")
            )
            self.explanation.show()
        elif mode is not Mode.SIGN_IN:
            self.explanation.hide()
        self._set_button_text()
        self._update_button()
        self._focus_first_empty()

    def _show_row(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    # Reactions to the controller ----------------------------------------------------------
    def prompt(self, explanation: str) -> None:
        """Show the sign-in form (non-modally) with an optional reason, e.g. session expired."""
        if self.mode is not Mode.SIGN_IN:
            self.set_mode(Mode.SIGN_IN)
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.error.hide()
        self.info.hide()
        self.password.clear()
        self.open()
        self._focus_first_empty()

    def ask_code(self) -> None:
        """The password was right; the account also needs its authenticator code."""
        self.set_mode(Mode.MFA)
        if not self.isVisible():
            self.open()
        self.code.setFocus()

    def show_notice(self, message: str) -> None:
        """Neutral news (check your email…): back to signing in, with the address kept."""
        self.set_mode(Mode.SIGN_IN)
        self.password.clear()
        self.info.setText(message)
        self.info.show()
        if not self.isVisible():
            self.open()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for field in (self.email, self.password, self.password_repeat, self.code):
            field.setEnabled(not busy)
        for button in (
            self.forgot_button,
            self.create_button,
            self.back_button,
            self.cancel_mfa_button,
        ):
            button.setEnabled(not busy)
        self._set_button_text()
        self._update_button()

    def show_error(self, message: str) -> None:
        self.info.hide()
        self.error.setText(message)
        self.error.show()
        field = self.code if self.mode is Mode.MFA else self.password
        if self.mode is Mode.RESET:
            field = self.email
        field.selectAll()
        field.setFocus()

    def show_weak_password(self, reasons: list[str]) -> None:
        """Mark the rules the server says the new password breaks."""
        self._failed_rules = {r for r in reasons if r in _RULES} or {"length"}
        self._render_rules()

    # Internals ---------------------------------------------------------------------------------
    def _set_button_text(self) -> None:
        idle = {
            Mode.SIGN_IN: self.tr("Sign in"),
            Mode.SIGN_UP: self.tr("Create account"),
            Mode.RESET: self.tr("Send reset link"),
            Mode.MFA: self.tr("Verify"),
        }
        working = {
            Mode.SIGN_IN: self.tr("Signing in…"),
            Mode.SIGN_UP: self.tr("Creating the account…"),
            Mode.RESET: self.tr("Sending…"),
            Mode.MFA: self.tr("Checking…"),
        }
        text = (working if self._busy else idle)[self.mode]
        self.sign_in_button.setText(text)
        self.sign_in_button.setAccessibleName(idle[self.mode])

    def _render_rules(self) -> None:
        texts = {
            "length": self.tr("At least {0} characters; longer is stronger.").format(
                MIN_PASSWORD_CHARS
            ),
            "characters": self.tr("A mix of lower- and upper-case letters, digits and symbols."),
            "pwned": self.tr("Not a password that has appeared in a known data breach."),
        }
        lines = []
        for rule in _RULES:
            mark = "✗" if rule in self._failed_rules else "•"
            lines.append(f"{mark} {texts[rule]}")
        self.rules.setText("\n".join(lines))

    def _forget_failed_rules(self) -> None:
        if self._failed_rules:
            self._failed_rules = set()
            self._render_rules()

    def _problem(self) -> str | None:
        """Why the form cannot be sent yet, or None when it can."""
        if self.mode is Mode.MFA:
            return None if len(self.code.text()) >= 6 else ""
        if not valid_email(self.email.text()):
            return ""
        if self.mode is Mode.RESET:
            return None
        password = self.password.text()
        if not password:
            return ""
        if self.mode is Mode.SIGN_IN:
            return None
        if len(password) < MIN_PASSWORD_CHARS:
            return self.tr("The password needs at least {0} characters.").format(MIN_PASSWORD_CHARS)
        if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
            return self.tr("The password is too long.")
        if self.password_repeat.text() != password:
            if not self.password_repeat.text():
                return ""
            return self.tr("The two passwords are not the same.")
        return None

    def _update_button(self) -> None:
        problem = self._problem()
        self.sign_in_button.setEnabled(problem is None and not self._busy)
        self.password_hint.setText(problem or "")
        self.password_hint.setVisible(self.mode is Mode.SIGN_UP and bool(problem))

    def _check_email(self) -> None:
        text = self.email.text().strip()
        self.email_hint.setVisible(bool(text) and not valid_email(text))

    def _focus_first_empty(self) -> None:
        if self.mode is Mode.MFA:
            self.code.setFocus()
        elif not self.email.text():
            self.email.setFocus()
        elif self.mode is not Mode.RESET:
            self.password.setFocus()

    def _submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            self._check_email()
            return
        self.error.hide()
        self.info.hide()
        email = self.email.text().strip()
        if self.mode is Mode.SIGN_IN:
            self.submitted.emit(email, self.password.text())
        elif self.mode is Mode.SIGN_UP:
            self.sign_up_requested.emit(email, self.password.text())
        elif self.mode is Mode.RESET:
            self.reset_requested.emit(email)
        else:
            self.mfa_code_submitted.emit(self.code.text())

    def _cancel_mfa(self) -> None:
        self.set_mode(Mode.SIGN_IN)
        self.mfa_cancelled.emit()

    def accept(self) -> None:
        """Enter in a field submits instead of closing the dialog."""
        self._submit()

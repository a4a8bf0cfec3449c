"""The message box: Enter sends, Shift+Enter starts a new line, with a live length counter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hc_desktop.core.rules import MESSAGE_MAX_CHARS, message_is_sendable


class MessageEdit(QPlainTextEdit):
    """A plain-text editor that turns Enter into a send request."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submit.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    """Editor, counter and the Send/Stop button; emits what the user asked for."""

    send_requested = Signal(str)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = MessageEdit(self)
        self.editor.setPlaceholderText(
            self.tr("Ask a health question…  (Enter sends, Shift+Enter: new line)")
        )
        self.editor.setAccessibleName(self.tr("Message"))
        self.editor.setAccessibleDescription(
            self.tr("Type your question. Enter sends it, Shift+Enter starts a new line.")
        )
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(140)
        self.counter = QLabel(self)
        self.counter.setAccessibleName(self.tr("Characters used"))
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setAccessibleName(self.tr("Send message"))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setAccessibleName(self.tr("Stop the answer"))
        self.stop_button.hide()

        buttons = QVBoxLayout()
        self._buttons = buttons
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.counter, alignment=Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.editor, 1)
        row.addLayout(buttons)

        self.editor.textChanged.connect(self._update_state)
        self.editor.submit.connect(self._submit)
        self.send_button.clicked.connect(self._submit)
        self.stop_button.clicked.connect(self.stop_requested)
        self._streaming = False
        self._update_state()

    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def insert_text(self, text: str) -> None:
        """Put ``text`` at the cursor (dictation), spaced from what is already there."""
        cursor = self.editor.textCursor()
        before = self.text[: cursor.position()]
        cursor.insertText((" " if before and not before[-1].isspace() else "") + text)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def add_tool(self, widget: QWidget) -> None:
        """Place a tool button (attach, dictate) above Send."""
        self._buttons.insertWidget(self._buttons.indexOf(self.send_button), widget)

    def set_streaming(self, streaming: bool) -> None:
        """While an answer streams, Send becomes Stop; typing the next question stays possible."""
        self._streaming = streaming
        self.send_button.setVisible(not streaming)
        self.stop_button.setVisible(streaming)
        self._update_state()

    def _submit(self) -> None:
        if self._streaming or not message_is_sendable(self.text):
            if len(self.text) > MESSAGE_MAX_CHARS:
                self.send_requested.emit(self.text)  # the controller explains the limit
            return
        self.send_requested.emit(self.text)

    def _update_state(self) -> None:
        length = len(self.text)
        over = length > MESSAGE_MAX_CHARS
        count = f"{length:,} / {MESSAGE_MAX_CHARS:,}"
        self.counter.setText(self.tr("{0} — too long").format(count) if over else count)
        font = self.counter.font()
        font.setBold(over)
        self.counter.setFont(font)
        self.counter.setForegroundRole(
            QPalette.ColorRole.Text if over else QPalette.ColorRole.PlaceholderText
        )
        self.send_button.setEnabled(not self._streaming and message_is_sendable(self.text))

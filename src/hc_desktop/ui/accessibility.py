"""Screen-reader support that is not a widget property: announcements and inner buttons."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QToolButton, QWidget

from hc_desktop.controller.message_model import MessageRoles, MessageState

_LIVE = frozenset({MessageState.SENDING.value, MessageState.STREAMING.value})
_ROLE = MessageRoles.Role
_STATE = MessageRoles.State
_LOCAL_ID = MessageRoles.LocalId


def announce(source: QWidget, message: str) -> None:
    """Ask assistive technology to read ``message`` out, politely (after current speech)."""
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """The clear button Qt adds to a line edit has no accessible name of its own."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)


def name_combo_popup(box: QComboBox) -> None:
    """The list a combo box pops up is announced with the combo box's own name."""
    box.view().setAccessibleName(box.accessibleName())


def name_inner_button(parent: QWidget, object_name: str, name: str) -> None:
    """Name a button Qt creates inside a widget (menu bar overflow, table corner)."""
    button = parent.findChild(QAbstractButton, object_name)
    if button is not None:
        button.setAccessibleName(name)


def plain_text(markdown: str) -> str:
    """What a listener should hear for a markdown answer: the text without its marks."""
    document = QTextDocument()
    document.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownNoHTML)
    return document.toPlainText().strip()


class AnswerAnnouncer(QObject):
    """Announces each answer once, when it is final: complete, stopped, interrupted, failed.

    Streaming updates the answer many times a second; a reader should hear it once, at
    the end, not every chunk. Answers loaded from history were never live and stay silent.
    """

    announced = Signal(str)

    def __init__(self, model: QAbstractItemModel, source: QWidget) -> None:
        super().__init__(source)
        self._model = model
        self._source = source
        self._live: set[int] = set()
        model.rowsInserted.connect(self._on_rows_inserted)
        model.dataChanged.connect(self._on_data_changed)
        model.modelReset.connect(self._live.clear)

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            index = self._model.index(row, 0)
            if index.data(_ROLE) != "user" and index.data(_STATE) in _LIVE:
                self._live.add(int(index.data(_LOCAL_ID)))

    def _on_data_changed(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: list[int] | None = None,
    ) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            index = self._model.index(row, 0)
            local_id = int(index.data(_LOCAL_ID))
            state = index.data(_STATE)
            if local_id in self._live and state not in _LIVE:
                self._live.discard(local_id)
                self._announce(str(state), str(index.data() or ""))

    def _announce(self, state: str, text: str) -> None:
        translate = QCoreApplication.translate
        if state == MessageState.COMPLETE.value:
            message = translate("Announcer", "Answer: {text}").format(text=plain_text(text))
        elif state == MessageState.STOPPED.value:
            message = translate("Announcer", "The answer was stopped.")
        elif state == MessageState.INTERRUPTED.value:
            message = translate("Announcer", "The answer was interrupted.")
        else:
            message = translate("Announcer", "The message could not be sent.")
        announce(self._source, message)
        self.announced.emit(message)

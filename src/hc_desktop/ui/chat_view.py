"""The conversation, rendered into one rich-text document bound to the message model.

Each message is a frame in the document. A streamed answer re-renders only its own frame,
older pages are inserted at the top, so long conversations stay cheap. Assistant text is
untrusted: raw HTML is not interpreted, no image or file is ever loaded, and links open in
the system browser only for http, https and mailto, and only when clicked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextFrameFormat,
    QTextLength,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from hc_desktop.controller.message_model import MessageRoles
from hc_desktop.ui.link_policy import ACTION_SCHEME, is_external_link_allowed

_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


def stable_markdown_prefix(text: str) -> int:
    """Length of the part of a growing markdown text that later chunks cannot change: up to
    the last blank line that is not inside a fenced code block."""
    stable = 0
    fenced = False
    position = 0
    for line in text.splitlines(keepends=True):
        position += len(line)
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
        elif not stripped and not fenced and line.endswith("\n"):
            stable = position
    return stable


def _clear_to_frame_end(frame: QTextFrame, cursor: QTextCursor, start: int) -> None:
    """Remove the frame's content from ``start`` and leave the cursor in a plain block: the
    block left behind must not keep a list or heading format from what was removed."""
    cursor.setPosition(start)
    cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    listed = cursor.currentList()
    if listed is not None:
        listed.remove(cursor.block())
    cursor.setBlockFormat(QTextBlockFormat())
    cursor.setCharFormat(QTextCharFormat())


class ChatView(QTextBrowser):
    """Shows the messages of :class:`MessageListModel` and reports link and scroll intents."""

    older_requested = Signal()
    action_requested = Signal(str, int)
    """(action, message local id) from the in-text action links (copy, retry)."""
    link_refused = Signal(str)
    """A link with a scheme that is never opened (only the scheme is reported)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.setAccessibleName(self.tr("Conversation"))
        self.setAccessibleDescription(self.tr("Questions and the assistant's answers"))
        self.anchorClicked.connect(self._on_anchor)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self._model: Any = None
        self._frames: list[QTextFrame] = []
        self._streaming: dict[int, tuple[str, int]] = {}
        self._answer_actions: list[tuple[str, str]] = []
        """Per streamed answer: the start of its text already rendered for good, and the
        length that takes in the frame."""

    # Model binding ---------------------------------------------------------------------------
    def set_model(self, model: Any) -> None:
        self._model = model
        model.modelReset.connect(self._rebuild)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._on_rows_removed)
        model.dataChanged.connect(self._on_data_changed)
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: draw the messages again in the new palette's colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_model", None):
            self._rebuild()

    def _rebuild(self) -> None:
        self.document().clear()
        self._frames = []
        self._streaming.clear()
        block = QTextCursor(self.document())
        block.beginEditBlock()
        for row in range(self._model.rowCount()):
            self._frames.append(self._insert_frame(self._end_cursor()))
            self._render(row)
        block.endEditBlock()
        self._scroll_to_bottom()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        at_bottom = self._at_bottom()
        bar = self.verticalScrollBar()
        old_max, old_value = bar.maximum(), bar.value()
        # One edit block: the document is laid out once for the page, not once per message.
        block = QTextCursor(self.document())
        block.beginEditBlock()
        for row in range(first, last + 1):
            if row < len(self._frames):
                cursor = QTextCursor(self._frames[row])
                cursor.setPosition(self._frames[row].firstPosition() - 1)
            else:
                cursor = self._end_cursor()
            self._frames.insert(row, self._insert_frame(cursor))
            self._render(row)
        block.endEditBlock()
        if first == 0 and last + 1 < len(self._frames):
            # History page above: keep the reader's place.
            bar.setValue(old_value + bar.maximum() - old_max)
        elif at_bottom:
            self._scroll_to_bottom()

    def _on_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(last, first - 1, -1):
            frame = self._frames.pop(row)
            cursor = QTextCursor(self.document())
            cursor.setPosition(frame.firstPosition() - 1)
            cursor.setPosition(frame.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()

    def _on_data_changed(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: list[int] | None = None,
    ) -> None:
        rows = range(top_left.row(), bottom_right.row() + 1)
        if not rows:
            return
        at_bottom = self._at_bottom()
        layout = self.document().documentLayout()
        block = QTextCursor(self.document())
        # Qt reports any change in a document of frames as a change to all of it, and
        # would repaint every visible line (ten times a second while an answer streams).
        # Only what was rendered again and what follows it can have changed: repaint that.
        layout.blockSignals(True)
        block.beginEditBlock()  # lay the document out once per update, not once per edit
        try:
            changed_from = min(self._render(row) for row in rows)
        finally:
            block.endEditBlock()
            layout.blockSignals(False)
        layout.documentSizeChanged.emit(layout.documentSize())
        self._repaint_from(changed_from)
        if at_bottom:
            self._scroll_to_bottom()

    def _repaint_from(self, position: int) -> None:
        """Repaint the view from the line holding document ``position`` down."""
        layout = self.document().documentLayout()
        line = layout.blockBoundingRect(self.document().findBlock(position))
        top = line.top() - self.verticalScrollBar().value()
        viewport = self.viewport()
        if top < viewport.height():
            viewport.update(0, max(0, int(top)), viewport.width(), viewport.height())

    # Rendering -------------------------------------------------------------------------------
    def _end_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _insert_frame(self, cursor: QTextCursor) -> QTextFrame:
        fmt = QTextFrameFormat()
        fmt.setPadding(8)
        fmt.setTopMargin(6)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        return cursor.insertFrame(fmt)

    def _render(self, row: int) -> int:
        """Render row's message into its frame; returns the first position it changed."""
        index = self._model.index(row, 0)
        frame = self._frames[row]
        role = index.data(MessageRoles.Role)
        state = index.data(MessageRoles.State)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        local_id = int(index.data(MessageRoles.LocalId))
        restyled = self._apply_frame_format(frame, role == "user")

        cursor = QTextCursor(frame)
        if role != "user" and state == "streaming":
            changed_from = self._render_streaming(frame, cursor, local_id, text)
            return self._frame_top(frame) if restyled else changed_from
        self._streaming.pop(local_id, None)
        _clear_to_frame_end(frame, cursor, frame.firstPosition())
        if role == "user":
            cursor.insertText(text)
            self._render_attachments(cursor, index.data(MessageRoles.Message).attachments)
        elif text:
            cursor.insertMarkdown(text, _MARKDOWN)
        if role != "user":
            sources = index.data(MessageRoles.Sources) or []
            if sources and state == "complete":
                self._render_sources(cursor, sources)
            feedback = index.data(MessageRoles.Feedback)
            rated = bool(index.data(MessageRoles.Message).message_id)
            self._render_footer(
                cursor, state, local_id, str(index.data(MessageRoles.Error) or ""), feedback, rated
            )
        return self._frame_top(frame) if restyled else frame.firstPosition()

    @staticmethod
    def _frame_top(frame: QTextFrame) -> int:
        """A position on the line just above ``frame``: a repaint from there includes the
        frame's own padding and background."""
        return max(0, frame.firstPosition() - 1)

    def _apply_frame_format(self, frame: QTextFrame, from_user: bool) -> bool:
        """Questions indented on a tinted background, answers full width; set only on change,
        because a new frame format lays the whole frame out again. True when it changed."""
        fmt = frame.frameFormat()
        palette = self.palette()
        background = (
            palette.color(QPalette.ColorRole.AlternateBase)
            if from_user
            else palette.color(QPalette.ColorRole.Base)
        )
        margins = (48.0, 0.0) if from_user else (0.0, 48.0)
        if (
            fmt.background().color() == background
            and (
                fmt.leftMargin(),
                fmt.rightMargin(),
            )
            == margins
        ):
            return False
        fmt.setBackground(background)
        fmt.setLeftMargin(margins[0])
        fmt.setRightMargin(margins[1])
        frame.setFrameFormat(fmt)
        return True

    def _render_streaming(
        self, frame: QTextFrame, cursor: QTextCursor, local_id: int, text: str
    ) -> int:
        """Grow a streamed answer without re-rendering all of it at every chunk.

        Paragraphs that are finished (followed by a blank line outside a code block) are
        rendered once and kept; only the paragraph still being written is rendered again.
        The finished answer is rendered whole once more, so constructs that span paragraphs
        (loose lists) come out exactly as markdown says.
        """
        kept_text, kept_length = self._streaming.get(local_id, ("", 0))
        if not text.startswith(kept_text):  # message_replace: start again
            kept_text, kept_length = "", 0
        kept_chars = len(kept_text)
        stable = stable_markdown_prefix(text)
        changed_from = frame.firstPosition() + kept_length
        _clear_to_frame_end(frame, cursor, changed_from)
        if stable > kept_chars:
            if kept_length:
                cursor.insertBlock()
            cursor.insertMarkdown(text[kept_chars:stable], _MARKDOWN)
            kept_chars, kept_length = stable, cursor.position() - frame.firstPosition()
            self._streaming[local_id] = (text[:stable], kept_length)
        tail = text[kept_chars:].strip("\n")
        if tail:
            if kept_length:
                cursor.insertBlock()
            cursor.insertMarkdown(tail, _MARKDOWN)
        self._render_footer(cursor, "streaming", local_id, "")
        return changed_from

    def _render_attachments(self, cursor: QTextCursor, names: tuple[str, ...]) -> None:
        """The files sent with a question, by name (never loaded or linked)."""
        if names:
            self._insert_note(cursor, self.tr("Attached: {0}").format(", ".join(names)))

    def _render_sources(self, cursor: QTextCursor, sources: list[str]) -> None:
        """The documents an answer cites, as plain text (never links: they are not URLs)."""
        self._insert_note(cursor, self.tr("Sources: {0}").format("; ".join(sources)))

    def _insert_note(self, cursor: QTextCursor, text: str) -> None:
        """A quiet line of its own under a message."""
        hint = QTextCharFormat()
        hint.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        cursor.insertBlock()
        cursor.insertText(text, hint)

    def _render_footer(
        self,
        cursor: QTextCursor,
        state: str,
        local_id: int,
        error: str,
        feedback: str | None = None,
        rateable: bool = False,
    ) -> None:
        """Status and action links under an answer: typing, stopped, interrupted, copy, retry,
        and the helpful / not helpful rating (the chosen one is marked)."""
        hint = QTextCharFormat()
        hint.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        hint.setFontItalic(True)
        notes = {
            "sending": self.tr("Thinking…"),
            "streaming": "▍",
            "stopped": self.tr("Stopped."),
            "interrupted": self.tr("The answer was interrupted.") + (" " + error if error else ""),
            "failed": error or self.tr("The message could not be sent."),
        }
        note = notes.get(state)
        actions: list[tuple[str, str]] = []
        if state in ("complete", "stopped", "interrupted") and cursor.position() > 0:
            actions.append(("copy", self.tr("Copy")))
        if state in ("interrupted", "failed"):
            actions.append(("retry", self.tr("Retry")))
        if state == "complete" and rateable:
            # Words, not emoji: emoji glyphs are missing from many systems' fonts.
            like, dislike = self.tr("Helpful"), self.tr("Not helpful")
            actions.append(("like", ("✓ " if feedback == "like" else "") + like))
            actions.append(("dislike", ("✓ " if feedback == "dislike" else "") + dislike))
        if state == "complete":
            actions.extend(self._answer_actions)
        if note is None and not actions:
            return
        if cursor.block().length() > 1:
            cursor.insertBlock()
        if note:
            cursor.insertText(note + ("  " if actions else ""), hint)
        for action, label in actions:
            link = QTextCharFormat(hint)
            link.setAnchor(True)
            link.setAnchorHref(f"{ACTION_SCHEME}:{action}/{local_id}")
            link.setFontUnderline(True)
            link.setForeground(self.palette().color(QPalette.ColorRole.Link))
            cursor.insertText(label, link)
            cursor.insertText("  ", hint)

    def set_answer_actions(self, actions: list[tuple[str, str]]) -> None:
        """Extra (action, label) links under every complete answer, e.g. read aloud."""
        if actions != self._answer_actions:
            self._answer_actions = list(actions)
            if self._model is not None:
                self._rebuild()

    # Links, resources, scrolling ------------------------------------------------------------
    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Never load anything named by the text: no local files, no remote images."""
        return None

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == ACTION_SCHEME:
            action, _, local_id = url.path().partition("/")
            if local_id.isdigit():
                self.action_requested.emit(action, int(local_id))
            return
        if is_external_link_allowed(url):
            QDesktopServices.openUrl(url)
        else:
            self.link_refused.emit(url.scheme())

    def copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _scroll_to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _on_scroll(self, value: int) -> None:
        if value == 0 and self.verticalScrollBar().maximum() > 0:
            self.older_requested.emit()

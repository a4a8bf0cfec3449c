"""Attaching files to a message: the Attach button, the file picker and the preview strip.

The strip sits above the message box and shows each attached file as a chip: a thumbnail
for images (decoded at thumbnail size, never at full size), the name and size for other
files, upload progress, the reason a file failed, and a remove button. Everything is shown
only when the Dify app takes files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QImageReader, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hc_desktop.controller.attachments import (
    Attachment,
    AttachmentsController,
    AttachmentState,
    format_size,
)

if TYPE_CHECKING:
    from hc_desktop.ui.main_window import MainWindow

THUMBNAIL = QSize(56, 56)


def thumbnail(path: str, size: QSize = THUMBNAIL) -> QPixmap:
    """The image at ``path`` scaled into ``size`` while decoding; null when unreadable."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap() if image.isNull() else QPixmap.fromImage(image)


class AttachmentChip(QFrame):
    """One attached file: preview, name, size or status, progress, remove."""

    def __init__(self, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.local_id = attachment.local_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Attachment {name}").format(name=attachment.name))
        self.preview = QLabel(self)
        self.preview.setFixedSize(THUMBNAIL)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = thumbnail(str(attachment.path)) if attachment.is_image else QPixmap()
        self.has_thumbnail = not pixmap.isNull()
        if self.has_thumbnail:
            self.preview.setPixmap(pixmap)
            self.preview.setAccessibleName(
                self.tr("Preview of {name}").format(name=attachment.name)
            )
        else:
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            self.preview.setPixmap(icon.pixmap(32, 32))
            self.preview.setAccessibleName(self.tr("File"))
        self.name_label = QLabel(self)
        metrics = self.name_label.fontMetrics()
        self.name_label.setText(
            metrics.elidedText(attachment.name, Qt.TextElideMode.ElideMiddle, 160)
        )
        self.name_label.setToolTip(attachment.name)
        self.status_label = QLabel(self)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(1, attachment.size))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName(
            self.tr("Upload progress of {name}").format(name=attachment.name)
        )
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove {name}").format(name=attachment.name))

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name_label)
        text.addWidget(self.status_label)
        text.addWidget(self.progress)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(self.preview)
        row.addLayout(text)
        row.addWidget(self.remove_button, alignment=Qt.AlignmentFlag.AlignTop)
        self.show_state(attachment)

    def show_state(self, attachment: Attachment) -> None:
        uploading = attachment.state is AttachmentState.UPLOADING
        failed = attachment.state is AttachmentState.FAILED
        size = format_size(attachment.size)
        if uploading:
            status = self.tr("Uploading… {size}").format(size=size)
        elif failed:
            status = self.tr("Not sent")
        elif attachment.state is AttachmentState.UPLOADED:
            status = self.tr("{size} · uploaded").format(size=size)
        else:
            status = size
        self.status_label.setText(status)
        self.status_label.setForegroundRole(
            QPalette.ColorRole.Text if failed else QPalette.ColorRole.PlaceholderText
        )
        font = self.status_label.font()
        font.setBold(failed)
        self.status_label.setFont(font)
        self.setToolTip(attachment.error)
        self.setAccessibleDescription(attachment.error or status)
        self.progress.setVisible(uploading)
        self.progress.setValue(attachment.sent)
        self.remove_button.setEnabled(not uploading)


class AttachmentStrip(QWidget):
    """The attachments of the next message, one chip each; hidden while there are none."""

    def __init__(self, controller: AttachmentsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName(self.tr("Attached files"))
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addStretch(1)
        self.chips: dict[int, AttachmentChip] = {}
        controller.changed.connect(self._sync)
        controller.progress.connect(self._on_progress)
        self._sync()

    def _sync(self) -> None:
        items = {item.local_id: item for item in self.controller.items}
        for local_id in [i for i in self.chips if i not in items]:
            gone = self.chips.pop(local_id)
            gone.hide()
            gone.deleteLater()
        for item in items.values():
            chip = self.chips.get(item.local_id)
            if chip is None:
                chip = AttachmentChip(item, self)
                chip.remove_button.clicked.connect(
                    lambda _=False, i=item.local_id: self.controller.remove(i)
                )
                self._row.insertWidget(self._row.count() - 1, chip)
                self.chips[item.local_id] = chip
            chip.show_state(item)
        self.setVisible(bool(items))

    def _on_progress(self, local_id: int, sent: int, total: int) -> None:
        chip = self.chips.get(local_id)
        if chip is not None:
            chip.progress.setRange(0, max(1, total))
            chip.progress.setValue(sent)


class AttachmentsUi(QObject):
    """Adds the Attach button, its shortcut and the strip to the window."""

    def __init__(self, window: MainWindow, controller: AttachmentsController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.strip = AttachmentStrip(controller, window.conversation_panel)
        layout = window.conversation_panel.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(layout.indexOf(window.composer), self.strip)
        self.button = QPushButton(self.tr("Attach…"), window.composer)
        self.button.setAccessibleName(self.tr("Attach a file"))
        self.button.setAccessibleDescription(
            self.tr("Add a photo or document to send with your next message.")
        )
        window.composer.add_tool(self.button)
        self.action = QAction(self.tr("Attach a file…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.action)
        self.button.clicked.connect(self.choose_files)
        self.action.triggered.connect(self.choose_files)
        controller.enabled_changed.connect(self._on_enabled)
        self.dialog: QFileDialog | None = None
        self._on_enabled(controller.enabled)

    def _on_enabled(self, enabled: bool) -> None:
        self.button.setVisible(enabled)
        self.action.setEnabled(enabled)
        if enabled:
            self.button.setToolTip(self._limits_text())

    def _limits_text(self) -> str:
        limit = self.controller.settings.number_limits
        if limit:
            return self.tr("Attach up to %n file(s) (Ctrl+Shift+A)", "", limit)
        return self.tr("Attach files (Ctrl+Shift+A)")

    def choose_files(self) -> None:
        """Open the file picker (without blocking); chosen files go to the controller."""
        if not self.controller.enabled:
            return
        if self.dialog is None:
            self.dialog = QFileDialog(self.window, self.tr("Attach files"))
            self.dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
            self.dialog.filesSelected.connect(self.controller.add_paths)
        extensions = self.controller.allowed_extensions()
        filters = []
        if extensions:
            patterns = " ".join(f"*.{e}" for e in extensions)
            filters.append(
                self.tr("Files the assistant accepts ({patterns})").format(patterns=patterns)
            )
        filters.append(self.tr("All files (*)"))
        self.dialog.setNameFilters(filters)
        self.dialog.open()

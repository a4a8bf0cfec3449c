"""A desktop notification when an answer finishes while the window is in the background.

Notifications show on the lock screen and over other people's shoulders, so the text is
generic unless the ``notification_content`` setting allows the conversation's title; never
the question or the answer, and never the title while the app is locked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

NOTIFICATION_MILLISECONDS = 8000


class AnswerNotifier(QObject):
    """Turns "answer finished" into a notification when nobody is looking at the window."""

    notified = Signal(str, str)
    """(heading, text) of every notification given."""

    def __init__(
        self,
        window: QWidget,
        *,
        show_title: bool = False,
        locked: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._show_title = show_title
        self._locked = locked
        self._tray: QSystemTrayIcon | None = None

    def on_answer_finished(self, _thread_id: str, title: str) -> None:
        if self._window.isActiveWindow() and not self._window.isMinimized():
            return
        heading = self.tr("Health Companion")
        if self._show_title and title and not self._locked():
            text = self.tr("Your answer is ready: {title}").format(title=title)
        else:
            text = self.tr("Your answer is ready")
        self._deliver(heading, text)
        self.notified.emit(heading, text)

    def _deliver(self, heading: str, text: str) -> None:
        """The system tray's message where there is a tray, else the taskbar's attention cue."""
        if not QSystemTrayIcon.isSystemTrayAvailable() or not QSystemTrayIcon.supportsMessages():
            QApplication.alert(self._window)
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._icon(), self)
            self._tray.setToolTip(heading)
            self._tray.messageClicked.connect(self._bring_to_front)
            self._tray.activated.connect(lambda _reason: self._bring_to_front())
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.focusWindowChanged.connect(self._on_focus_window)
        self._tray.show()
        self._tray.showMessage(
            heading, text, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MILLISECONDS
        )

    def _icon(self) -> QIcon:
        icon = self._window.windowIcon()
        if icon.isNull():
            icon = self._window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        return icon

    def _bring_to_front(self) -> None:
        if self._window.isMinimized():
            self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def _on_focus_window(self, focused: object) -> None:
        """The tray icon is only there to carry the message: gone once the user is back."""
        if self._tray is not None and focused is self._window.windowHandle():
            self._tray.hide()

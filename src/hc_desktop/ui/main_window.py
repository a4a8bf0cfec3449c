"""The main window: thread list on the left, the conversation and composer on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hc_desktop.controller.app_controller import AppController
from hc_desktop.ui.banner import Banner
from hc_desktop.ui.chat_view import ChatView
from hc_desktop.ui.composer import Composer
from hc_desktop.ui.sign_in_dialog import SignInDialog
from hc_desktop.ui.thread_list_view import ThreadListView


class MainWindow(QMainWindow):
    """Binds the widgets to the controller; holds no application state of its own."""

    close_requested = Signal()

    def __init__(self, controller: AppController, state_file: Path) -> None:
        super().__init__()
        self.controller = controller
        self._state = QSettings(str(state_file), QSettings.Format.IniFormat)
        self.setWindowTitle(self.tr("Health Companion"))

        self.new_chat_button = QPushButton(self.tr("New chat"), self)
        self.new_chat_button.setAccessibleName(self.tr("Start a new chat"))
        self.thread_list = ThreadListView(self)
        self.thread_list.setModel(controller.threads)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_chat_button)
        left_layout.addWidget(self.thread_list, 1)

        self.banner = Banner(self)
        self.chat_view = ChatView(self)
        self.chat_view.setPlaceholderText(
            self.tr("Ask a question to start a conversation, or pick one on the left.")
        )
        self.chat_view.set_model(controller.messages)
        self.composer = Composer(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.chat_view, 1)
        right_layout.addWidget(self.composer)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Connection status"))
        self.account_button = QToolButton(self)
        self.account_button.setText(self.tr("Account"))
        self.account_button.setAccessibleName(self.tr("Account"))
        self.account_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.account_menu = QMenu(self)
        self.account_email = self.account_menu.addAction("")
        self.account_email.setEnabled(False)
        self.sign_out_action = self.account_menu.addAction(self.tr("Sign out"))
        self.account_button.setMenu(self.account_menu)
        self.account_button.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.account_button)

        self.new_chat_action = QAction(self.tr("New chat"), self)
        self.new_chat_action.setShortcut(QKeySequence.StandardKey.New)
        self.addAction(self.new_chat_action)

        self.sign_in_dialog = SignInDialog(self)
        self._bind()
        self._restore_geometry()

    def _bind(self) -> None:
        c = self.controller
        self.new_chat_button.clicked.connect(c.new_chat)
        self.new_chat_action.triggered.connect(c.new_chat)
        self.thread_list.thread_activated.connect(c.select_thread)
        self.composer.send_requested.connect(self._send)
        self.composer.stop_requested.connect(c.stop)
        self.banner.retry_requested.connect(c.retry)
        self.chat_view.older_requested.connect(c.load_older)
        self.chat_view.action_requested.connect(self._on_message_action)
        self.chat_view.link_refused.connect(self._on_link_refused)
        self.sign_in_dialog.submitted.connect(c.sign_in)
        self.sign_out_action.triggered.connect(c.sign_out)

        c.notice.connect(self.banner.show_message)
        c.notice_cleared.connect(self.banner.hide)
        c.retry_available.connect(self.banner.set_retry_available)
        c.crashed.connect(self._show_crash)
        c.status_changed.connect(self.status_label.setText)
        c.streaming_changed.connect(self.composer.set_streaming)
        c.composer_restore.connect(self._restore_composer)
        c.current_thread_changed.connect(self._on_current_thread)
        c.sign_in_required.connect(self.sign_in_dialog.prompt)
        c.sign_in_busy.connect(self.sign_in_dialog.set_busy)
        c.sign_in_failed.connect(self.sign_in_dialog.show_error)
        c.session_changed.connect(self._on_session)
        c.history_loading.connect(self._on_history_loading)

    # Reactions ------------------------------------------------------------------------------
    def _send(self, text: str) -> None:
        if self.controller.send(text):
            self.composer.set_text("")

    def _restore_composer(self, text: str) -> None:
        """A send failed before any answer: give the text back unless new text was typed."""
        if not self.composer.text.strip():
            self.composer.set_text(text)

    def _on_current_thread(self, thread_id: str, title: str) -> None:
        self.thread_list.select_thread(thread_id)
        self.setWindowTitle(
            self.tr("{0} — Health Companion").format(title)
            if title
            else self.tr("Health Companion")
        )

    def _on_session(self, signed_in: bool, email: str) -> None:
        self.account_button.setVisible(signed_in)
        self.account_email.setText(email)
        if signed_in:
            self.sign_in_dialog.hide()

    def _on_history_loading(self, loading: bool) -> None:
        self.chat_view.setPlaceholderText(
            self.tr("Loading the conversation…")
            if loading
            else self.tr("Ask a question to start a conversation, or pick one on the left.")
        )

    def _on_message_action(self, action: str, local_id: int) -> None:
        if action == "retry":
            self.controller.retry()
        elif action == "copy":
            model = self.controller.messages
            row = model.row_of(local_id)
            if row >= 0:
                self.chat_view.copy_text(str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)))
                self.status_label.setText(self.tr("Copied."))

    def _on_link_refused(self, scheme: str) -> None:
        self.banner.show_message(self.tr("That link ({0}:) cannot be opened.").format(scheme))

    def _show_crash(self, summary: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Something went wrong"),
            self.tr("An unexpected error occurred: {0}").format(summary),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # Geometry ----------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._state.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        splitter = self._state.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([320, 780])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout and let the app shut down in order (tasks, clients, stores)."""
        self._state.setValue("window/geometry", self.saveGeometry())
        self._state.setValue("window/splitter", self.splitter.saveState())
        self._state.sync()
        self.sign_in_dialog.hide()
        self.close_requested.emit()
        event.accept()

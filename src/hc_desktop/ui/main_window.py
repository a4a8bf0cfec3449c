"""The main window: thread list on the left, the conversation and composer on the right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
import uuid

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from hc_desktop.config import Settings
from hc_desktop.controller.thread_filter_model import ThreadFilterModel
from hc_desktop.controller.thread_list_model import display_title
from hc_desktop.core.threads import Thread
from hc_desktop.ui.thread_list_view import ThreadListView

# Qt classes only the conversation side, the menus and dialogs use are imported where they
# are used: a Qt class loads with all its enums, which the first paint need not wait for.
if TYPE_CHECKING:  # the conversation side loads after the thread list has painted
    from PySide6.QtGui import QCloseEvent

    from hc_desktop.controller.app_controller import AppController
    from hc_desktop.ui.attachments_strip import AttachmentsUi
    from hc_desktop.ui.banner import Banner
    from hc_desktop.ui.chat_view import ChatView
    from hc_desktop.ui.composer import Composer
    from hc_desktop.ui.essentials import Essentials
    from hc_desktop.ui.export import ExportUi
    from hc_desktop.ui.notifier import AnswerNotifier
    from hc_desktop.ui.safety import SafetyUi
    from hc_desktop.ui.session_ui import SessionUi
    from hc_desktop.ui.suggestions_bar import SuggestionsBar
    from hc_desktop.ui.voice_controls import VoiceUi

_ACTIVE_TAB, _ARCHIVED_TAB = 0, 1


class MainWindow(QMainWindow):
    """Binds the widgets to the controller; holds no application state of its own."""

    close_requested = Signal()

    controller: AppController
    banner: Banner
    chat_view: ChatView
    suggestions: SuggestionsBar
    composer: Composer
    session_ui: SessionUi
    essentials: Essentials
    safety: SafetyUi
    exporter: ExportUi
    notifier: AnswerNotifier
    attachments_ui: AttachmentsUi
    voice_ui: VoiceUi

    def __init__(
        self,
        controller: AppController | None,
        state_file: Path,
        *,
        settings: Settings | None = None,
        thread_view: ThreadFilterModel | None = None,
    ) -> None:
        """The whole window for ``controller``; or, with ``controller`` None, only the
        thread list over ``thread_view`` (start-up paints that first) until :meth:`attach`
        adds the conversation, the menus and the bindings."""
        super().__init__()
        self._state = QSettings(str(state_file), QSettings.Format.IniFormat)
        self._settings = settings or Settings()
        self._opening = ""
        self.setWindowTitle(self.tr("Health Companion"))
        view = controller.threads.view if controller is not None else thread_view
        assert view is not None, "a controller or the thread list's model"
        self._build_thread_panel(view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.thread_panel)
        self.splitter.addWidget(QWidget(self))  # where the conversation goes
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._restore_geometry()
        if controller is not None:
            self.attach(controller)

    @property
    def attached(self) -> bool:
        return hasattr(self, "controller")

    def attach(self, controller: AppController) -> None:
        """Build the conversation side, the status bar and the menus, and bind them."""
        from hc_desktop.ui.attachments_strip import AttachmentsUi
        from hc_desktop.ui.essentials import install_essentials
        from hc_desktop.ui.export import ExportUi
        from hc_desktop.ui.notifier import AnswerNotifier
        from hc_desktop.ui.safety import SafetyUi, disclaimer_text
        from hc_desktop.ui.security_log_action import add_security_log_action
        from hc_desktop.ui.voice_controls import VoiceUi

        self.controller = controller
        self._build_conversation_panel()
        placeholder = self.splitter.replaceWidget(1, self.conversation_panel)
        if placeholder is not None:
            placeholder.deleteLater()
        self._build_status_bar()
        self._build_actions()
        self._bind()
        self.essentials = install_essentials(self, self._state)
        options = self._settings
        self.safety = SafetyUi(self, self._state, configured_number=options.emergency_number)
        self.exporter = ExportUi(self, controller, lambda: disclaimer_text(self.safety.number))
        self.notifier = AnswerNotifier(
            self,
            show_title=options.notification_content,
            locked=lambda: controller.session.idle_lock.locked,
        )
        controller.chat.answer_finished.connect(self.notifier.on_answer_finished)
        self.security_log_action = add_security_log_action(self, controller.audit)
        self.attachments_ui = AttachmentsUi(self, controller.chat.attachments)
        self.voice_ui = VoiceUi(self, controller.chat.voice)

    # Layout --------------------------------------------------------------------------------
    def _build_thread_panel(self, view: ThreadFilterModel) -> None:
        self.thread_panel = QWidget(self)
        self.new_chat_button = QPushButton(self.tr("New chat"), self.thread_panel)
        self.new_chat_button.setAccessibleName(self.tr("Start a new chat"))
        self.search_box = QLineEdit(self.thread_panel)
        self.search_box.setPlaceholderText(self.tr("Search conversations (Ctrl+F)"))
        self.search_box.setAccessibleName(self.tr("Search conversations"))
        self.search_box.setClearButtonEnabled(True)
        self.view_tabs = QTabBar(self.thread_panel)
        self.view_tabs.addTab(self.tr("Conversations"))
        self.view_tabs.addTab(self.tr("Archived"))
        self.view_tabs.setAccessibleName(self.tr("Show active or archived conversations"))
        self.thread_panel.setMinimumWidth(260)
        self.thread_list = ThreadListView(self.thread_panel)
        self.thread_list.setModel(view)
        layout = QVBoxLayout(self.thread_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.new_chat_button)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view_tabs)
        layout.addWidget(self.thread_list, 1)

    def _build_conversation_panel(self) -> None:
        from hc_desktop.ui.banner import Banner
        from hc_desktop.ui.chat_view import ChatView
        from hc_desktop.ui.composer import Composer
        from hc_desktop.ui.suggestions_bar import SuggestionsBar

        self.conversation_panel = QWidget(self)
        self.banner = Banner(self.conversation_panel)
        self.chat_view = ChatView(self.conversation_panel)
        self.chat_view.setPlaceholderText(self._empty_chat_text())
        self.chat_view.set_model(self.controller.chat.messages)
        self.suggestions = SuggestionsBar(self.conversation_panel)
        self.composer = Composer(self.conversation_panel)
        layout = QVBoxLayout(self.conversation_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.chat_view, 1)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.composer)

    def _build_status_bar(self) -> None:
        from PySide6.QtWidgets import QLabel

        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Connection status"))
        self.sync_label = QLabel(self)
        self.sync_label.setAccessibleName(self.tr("Changes waiting to be saved"))
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.sync_label)

    def _build_actions(self) -> None:
        """Every thread action: in the context menu, the window and a keyboard shortcut."""
        from PySide6.QtGui import QAction, QKeySequence
        from PySide6.QtWidgets import QMenu

        def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
            created = QAction(text, self)
            created.setShortcut(QKeySequence(shortcut))
            created.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(created)
            return created

        self.new_chat_action = action(self.tr("New chat"), QKeySequence.StandardKey.New)
        self.search_action = action(self.tr("Search conversations"), QKeySequence.StandardKey.Find)
        self.rename_action = action(self.tr("Rename"), "F2")
        self.archive_action = action(self.tr("Archive"), "Ctrl+E")
        self.delete_action = action(self.tr("Delete…"), QKeySequence.StandardKey.Delete)
        self.copy_title_action = action(self.tr("Copy title"), "Ctrl+Shift+C")
        # Delete and F2 belong to the list; elsewhere they edit text.
        for list_only in (self.rename_action, self.delete_action):
            list_only.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.removeAction(list_only)
            self.thread_list.addAction(list_only)
        self.thread_menu = QMenu(self)
        for item in (self.rename_action, self.archive_action, self.copy_title_action):
            self.thread_menu.addAction(item)
        self.thread_menu.addSeparator()
        self.thread_menu.addAction(self.delete_action)
        # The same actions in the menu bar, for mouse users and screen readers alike.
        self.conversations_menu = self.menuBar().addMenu(self.tr("&Conversations"))
        for item in (self.new_chat_action, self.search_action):
            self.conversations_menu.addAction(item)
        self.conversations_menu.addSeparator()
        for item in (self.rename_action, self.archive_action, self.copy_title_action):
            self.conversations_menu.addAction(item)
        self.conversations_menu.addSeparator()
        self.conversations_menu.addAction(self.delete_action)
        self.conversations_menu.aboutToShow.connect(self._update_archive_action)

    # Bindings ------------------------------------------------------------------------------
    def _bind(self) -> None:
        c = self.controller
        chat, threads = c.chat, c.threads
        self.new_chat_button.clicked.connect(chat.new_chat)
        self.new_chat_action.triggered.connect(self._new_chat)
        self.search_action.triggered.connect(self._focus_search)
        self.search_box.textChanged.connect(threads.set_search)
        self.view_tabs.currentChanged.connect(self._on_view_tab)
        self.thread_list.thread_activated.connect(chat.select_thread)
        self.thread_list.painted.connect(self._on_list_painted)
        self.thread_list.context_menu_requested.connect(self._show_thread_menu)
        self.rename_action.triggered.connect(self.thread_list.rename_current)
        self.archive_action.triggered.connect(self._toggle_archived)
        self.delete_action.triggered.connect(self._confirm_delete)
        self.copy_title_action.triggered.connect(self._copy_title)

        self.composer.send_requested.connect(self._send)
        self.composer.stop_requested.connect(chat.stop)
        self.chat_view.older_requested.connect(chat.load_older)
        self.chat_view.action_requested.connect(self._on_message_action)
        self.chat_view.link_refused.connect(self._on_link_refused)

        c.notice.connect(self.banner.show_message)
        c.crashed.connect(self._show_crash)
        chat.notice_cleared.connect(self.banner.clear)
        chat.retry_available.connect(self._offer_retry)
        chat.streaming_changed.connect(self.composer.set_streaming)
        chat.composer_restore.connect(self._restore_composer)
        chat.current_thread_changed.connect(self._on_current_thread)
        chat.history_loading.connect(self._on_history_loading)
        chat.suggestions_changed.connect(self.suggestions.set_questions)
        chat.opening_changed.connect(self._on_opening)
        self.suggestions.chosen.connect(self._ask_suggested)
        threads.sync_status_changed.connect(self._on_sync_status)
        threads.undo_available.connect(self._offer_undo)
        threads.refused_change.connect(self._offer_retry_refused)
        threads.conflict_found.connect(self._offer_restore)
        from hc_desktop.ui.session_ui import SessionUi

        self.session_ui = SessionUi(self, c)

    # Thread actions --------------------------------------------------------------------------
    def _on_list_painted(self, rows: int) -> None:
        if rows:
            self.controller.threads.list_painted()

    def _selected_thread_id(self) -> str | None:
        return self.thread_list.current_thread_id()

    def _show_thread_menu(self, thread_id: str, position: QPoint) -> None:
        self._update_archive_action()
        self.thread_menu.popup(position)

    def _update_archive_action(self) -> None:
        archived = self.controller.threads.view.archived_view
        self.archive_action.setText(self.tr("Unarchive") if archived else self.tr("Archive"))

    def _toggle_archived(self) -> None:
        thread_id = self._selected_thread_id()
        if thread_id:
            archive = not self.controller.threads.view.archived_view
            self.controller.threads.set_archived(thread_id, archive)

    def _confirm_delete(self) -> None:
        thread_id = self._selected_thread_id()
        thread = self._thread(thread_id)
        if thread_id is None or thread is None:
            return
        from PySide6.QtWidgets import QMessageBox

        title = display_title(thread, self.tr("New chat"))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete conversation"),
            self.tr(
                "Delete “{0}”? The conversation and its messages are removed from this "
                "computer, the web app and the assistant. This cannot be undone."
            ).format(title),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete_button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished() -> None:
            if box.clickedButton() is delete_button:
                self.controller.threads.delete(thread_id)

        box.finished.connect(finished)
        box.open()

    def _copy_title(self) -> None:
        thread = self._thread(self._selected_thread_id())
        if thread is not None:
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.clipboard().setText(display_title(thread, ""))
            self.status_label.setText(self.tr("Title copied."))

    def _thread(self, thread_id: str | None) -> Thread | None:
        if not thread_id:
            return None
        return self.controller.threads.thread_by_id(uuid.UUID(thread_id))

    def _on_view_tab(self, index: int) -> None:
        self.controller.threads.show_archived(index == _ARCHIVED_TAB)
        self._update_archive_action()

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _new_chat(self) -> None:
        self.controller.chat.new_chat()
        self.composer.editor.setFocus()

    # Reactions ------------------------------------------------------------------------------
    def _send(self, text: str) -> None:
        if self.controller.chat.send(text):
            self.composer.set_text("")

    def _ask_suggested(self, question: str) -> None:
        self.controller.chat.send(question)

    def _on_opening(self, statement: str) -> None:
        self._opening = statement
        self.chat_view.setPlaceholderText(self._empty_chat_text())

    def _restore_composer(self, text: str) -> None:
        """A send failed before any answer: give the text back unless new text was typed."""
        if not self.composer.text.strip():
            self.composer.set_text(text)

    def _offer_retry(self, available: bool) -> None:
        if available:
            self.banner.show_message(
                self.banner.label.text() or self.tr("The answer could not be completed."),
                self.tr("Retry"),
                self.controller.chat.retry,
            )

    def _offer_retry_refused(self, text: str) -> None:
        self.banner.show_message(text, self.tr("Try again"), self.controller.threads.retry_refused)

    def _offer_undo(self, text: str) -> None:
        if text:
            self.banner.show_message(text, self.tr("Undo"), self.controller.threads.undo)
        else:
            self.banner.clear()

    def _offer_restore(self, thread_id: str, field: str, local_value: str) -> None:
        if field == "title":
            text = self.tr(
                "This conversation was renamed elsewhere; your title “{0}” was not kept."
            )
        else:
            text = self.tr("This conversation was changed elsewhere; your change was not kept.")

        def restore() -> None:
            self.controller.tasks.start(self.controller.threads.restore_conflict(thread_id, field))

        self.banner.show_message(text.format(local_value), self.tr("Restore mine"), restore)

    def _on_current_thread(self, thread_id: str, title: str) -> None:
        self.thread_list.select_thread(thread_id)
        if title:
            self.setWindowTitle(self.tr("{0} — Health Companion").format(title))
        else:
            self.setWindowTitle(self.tr("Health Companion"))

    def _on_sync_status(self, state: str, pending: int) -> None:
        labels = {
            "online": self.tr("Synced"),
            "offline": self.tr("Offline"),
            "syncing": self.tr("Syncing…"),
            "local": self.tr("Conversations kept on this computer only"),
        }
        text = labels.get(state, state)
        if pending:
            text += " · " + self.tr("%n change(s) waiting", "", pending)
        self.sync_label.setText(text)

    def _on_history_loading(self, loading: bool) -> None:
        self.chat_view.setPlaceholderText(
            self.tr("Loading the conversation…") if loading else self._empty_chat_text()
        )

    def _empty_chat_text(self) -> str:
        """The app's opening statement on a new chat, else a hint."""
        return self._opening or self.tr(
            "Ask a question to start a conversation, or pick one on the left."
        )

    def _on_message_action(self, action: str, local_id: int) -> None:
        if action == "retry":
            self.controller.chat.retry()
        elif action in ("like", "dislike"):
            self.controller.chat.rate(local_id, action)
        elif action == "copy":
            model = self.controller.chat.messages
            row = model.row_of(local_id)
            if row >= 0:
                self.chat_view.copy_text(str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)))
                self.status_label.setText(self.tr("Copied."))

    def _on_link_refused(self, scheme: str) -> None:
        self.banner.show_message(self.tr("That link ({0}:) cannot be opened.").format(scheme))

    def _show_crash(self, summary: str) -> None:
        from PySide6.QtWidgets import QMessageBox

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
        if self.attached:
            self.session_ui.hide_dialogs()
        self.close_requested.emit()
        event.accept()

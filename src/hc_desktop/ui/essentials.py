"""The window's View, Settings and Help menus, conversation zoom and answer announcements.

Kept out of ``main_window`` so the window only calls :func:`install_essentials`. The
dialogs are imported and built the first time they are asked for, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hc_desktop.config import Settings, load_settings
from hc_desktop.ui.accessibility import AnswerAnnouncer, name_clear_button, name_inner_button
from hc_desktop.ui.menus import menu_named
from hc_desktop.ui.theme import ThemeController
from hc_desktop.ui.zoom import ConversationZoom

if TYPE_CHECKING:
    from hc_desktop.ui.help_dialog import ShortcutsDialog
    from hc_desktop.ui.main_window import MainWindow
    from hc_desktop.ui.preferences_dialog import PreferencesDialog, SaveSettings

FILE_MENU = "file_menu"
VIEW_MENU = "view_menu"
HELP_MENU = "help_menu"


class Essentials(QObject):
    """Owns the extra actions of the window and the dialogs they open."""

    def __init__(self, window: MainWindow, state: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self.load_settings: Callable[[], Settings] = load_settings
        """Replaced by the composition root with its own settings reader."""
        self.save_settings: SaveSettings | None = None
        """Set by the composition root; without it Preferences can be viewed, not saved."""
        self.preferences_dialog: PreferencesDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.zoom = ConversationZoom(window.chat_view, state)
        self.announcer = AnswerAnnouncer(window.controller.chat.messages, window.chat_view)
        name_clear_button(window.search_box, self.tr("Clear the search"))
        window.banner.action_button.setAccessibleName(self.tr("Notice action"))
        name_inner_button(window.menuBar(), "qt_menubar_ext_button", self.tr("More menus"))
        self._build_actions()

    # Actions and menus -----------------------------------------------------------------------
    def _action(self, text: str, *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self._window)
        unique = {QKeySequence(k).toString(): QKeySequence(k) for k in keys}  # no duplicates
        action.setShortcuts([s for s in unique.values() if not s.isEmpty()])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._window.addAction(action)
        return action

    def _build_actions(self) -> None:
        preferences_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self.preferences_action = self._action(
            self.tr("Preferences…"), *(preferences_keys or [QKeySequence("Ctrl+,")])
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.zoom_in_action = self._action(
            self.tr("Zoom in"), "Ctrl+=", QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom out"), "Ctrl+-", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self._action(self.tr("Actual size"), "Ctrl+0")
        self.next_pane_action = self._action(self.tr("Next area"), "F6")
        self.previous_pane_action = self._action(self.tr("Previous area"), "Shift+F6")
        self.message_box_action = self._action(self.tr("Go to the message box"), "Ctrl+L")
        self.shortcuts_action = self._action(
            self.tr("Keyboard shortcuts"), QKeySequence.StandardKey.HelpContents, "F1"
        )
        self.about_action = QAction(self.tr("About Health Companion"), self._window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        self.file_menu = file_menu = menu_named(
            self._window, FILE_MENU, self.tr("&File"), first=True
        )
        if file_menu.actions():
            file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        self.view_menu = view_menu = menu_named(self._window, VIEW_MENU, self.tr("&View"))
        for item in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(item)
        view_menu.addSeparator()
        for item in (self.next_pane_action, self.previous_pane_action, self.message_box_action):
            view_menu.addAction(item)
        self.help_menu = help_menu = menu_named(self._window, HELP_MENU, self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)
        bar = self._window.menuBar()
        bar.removeAction(help_menu.menuAction())  # Help stays the last menu
        bar.addAction(help_menu.menuAction())

        self.preferences_action.triggered.connect(self.show_preferences)
        self.zoom_in_action.triggered.connect(self.zoom.zoom_in)
        self.zoom_out_action.triggered.connect(self.zoom.zoom_out)
        self.zoom_reset_action.triggered.connect(self.zoom.reset)
        self.next_pane_action.triggered.connect(lambda: self._move_to_pane(1))
        self.previous_pane_action.triggered.connect(lambda: self._move_to_pane(-1))
        self.message_box_action.triggered.connect(self._window.composer.editor.setFocus)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action.triggered.connect(self.show_about)

    # Keyboard movement -----------------------------------------------------------------------
    def panes(self) -> list[QWidget]:
        """The areas F6 moves between, in reading order."""
        window = self._window
        return [window.thread_list, window.chat_view, window.composer.editor]

    def _move_to_pane(self, step: int) -> None:
        panes = [p for p in self.panes() if p.isVisible() and p.isEnabled()]
        if not panes:
            return
        focus = QApplication.focusWidget()
        current = next(
            (
                i
                for i, p in enumerate(panes)
                if focus is not None and (focus is p or p.isAncestorOf(focus))
            ),
            -1,
        )
        if current < 0:
            target = panes[0] if step > 0 else panes[-1]
        else:
            target = panes[(current + step) % len(panes)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Dialogs -----------------------------------------------------------------------------------
    def show_preferences(self) -> PreferencesDialog:
        if self.preferences_dialog is None:
            from hc_desktop.ui.preferences_dialog import PreferencesDialog

            app = QGuiApplication.instance()
            assert isinstance(app, QGuiApplication)
            self.preferences_dialog = PreferencesDialog(
                self._window, self.load_settings, self.save_settings, ThemeController.of(app)
            )
        self.preferences_dialog.open()
        self.preferences_dialog.raise_()
        return self.preferences_dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts_dialog is None:
            from hc_desktop.ui.help_dialog import ShortcutsDialog

            self.shortcuts_dialog = ShortcutsDialog(self._window)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        self.shortcuts_dialog.activateWindow()
        return self.shortcuts_dialog

    def show_about(self) -> QMessageBox:
        from hc_desktop.ui.help_dialog import about_box

        box = about_box(self._window)
        box.open()
        return box


def install_essentials(window: MainWindow, state: QSettings) -> Essentials:
    return Essentials(window, state)

"""Everything about the account in the window: sign-in dialog, account menu, sign-out, lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QClipboard, QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QToolButton

from hc_desktop.controller.app_controller import AppController
from hc_desktop.ui.lock_screen import LockScreen
from hc_desktop.ui.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    from hc_desktop.ui.main_window import MainWindow


class SessionUi(QObject):
    """Binds the session controller to the window's account widgets and lock screen."""

    def __init__(self, window: MainWindow, controller: AppController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        session = controller.session
        self.sign_in_dialog = SignInDialog(window)
        self.lock_screen = LockScreen(window)
        self.account_button = QToolButton(window)
        self.account_button.setText(self.tr("Account"))
        self.account_button.setAccessibleName(self.tr("Account"))
        self.account_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.account_menu = QMenu(window)
        self.account_email = self.account_menu.addAction("")
        self.account_email.setEnabled(False)
        self.not_remembered_action = self.account_menu.addAction("")
        self.not_remembered_action.setEnabled(False)
        self.not_remembered_action.setVisible(False)
        self.lock_action = self.account_menu.addAction(self.tr("Lock now"))
        self.sign_out_action = self.account_menu.addAction(self.tr("Sign out"))
        self.account_button.setMenu(self.account_menu)
        self.account_button.hide()
        window.statusBar().addPermanentWidget(self.account_button)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._locked_title = self.tr("Locked — Health Companion")
        self._title_to_restore = window.windowTitle()
        self._deferred_prompt: str | None = None
        self._reopen_after_unlock = False
        self._disabled_actions: list[QAction] = []

        dialog = self.sign_in_dialog
        dialog.submitted.connect(session.sign_in)
        dialog.sign_up_requested.connect(session.sign_up)
        dialog.reset_requested.connect(session.send_password_reset)
        dialog.mfa_code_submitted.connect(session.submit_mfa_code)
        dialog.mfa_cancelled.connect(session.cancel_mfa)
        self.sign_out_action.triggered.connect(lambda: controller.sign_out())
        self.lock_action.triggered.connect(session.idle_lock.lock)
        controller.sign_out_pending.connect(self._confirm_sign_out)
        session.status_changed.connect(window.status_label.setText)
        session.sign_in_required.connect(self._prompt)
        session.sign_in_busy.connect(dialog.set_busy)
        session.sign_in_failed.connect(dialog.show_error)
        session.weak_password.connect(dialog.show_weak_password)
        session.sign_in_notice.connect(dialog.show_notice)
        session.mfa_required.connect(dialog.ask_code)
        session.session_changed.connect(self._on_session)
        session.not_remembered.connect(self._on_not_remembered)

        self.lock_screen.unlock_requested.connect(session.unlock)
        self.lock_screen.sign_out_requested.connect(lambda: controller.sign_out())
        session.unlock_busy.connect(self.lock_screen.set_busy)
        session.unlock_failed.connect(self.lock_screen.show_error)
        session.idle_lock.locked_changed.connect(self._on_locked)
        session.idle_lock.set_clipboard(self._clipboard)
        window.windowTitleChanged.connect(self._keep_title_hidden)
        # Connected after the window's own handlers, so the copied text is already there.
        window.copy_title_action.triggered.connect(self._note_clipboard)
        window.chat_view.action_requested.connect(self._note_copy_action)
        self._clipboard.dataChanged.connect(self._on_clipboard_changed)

    def hide_dialogs(self) -> None:
        self.sign_in_dialog.hide()

    # Session ---------------------------------------------------------------------------------
    def _prompt(self, explanation: str) -> None:
        if self._controller.session.idle_lock.locked:
            self._deferred_prompt = explanation  # shown once the window is unlocked
            return
        self.sign_in_dialog.prompt(explanation)

    def _on_session(self, signed_in: bool, email: str) -> None:
        self.account_button.setVisible(signed_in)
        self.account_email.setText(email)
        if signed_in:
            self.sign_in_dialog.hide()

    def _on_not_remembered(self, text: str) -> None:
        self.not_remembered_action.setText(self.tr("Sign-in not remembered on this computer"))
        self.not_remembered_action.setToolTip(text)
        self.not_remembered_action.setVisible(True)
        self._window.banner.show_message(text)

    def _confirm_sign_out(self, pending: int) -> None:
        """Some changes are not on the server yet: say how many before signing out."""
        if pending > 0:
            text = self.tr(
                "%n change(s) could not be saved to the server yet and will be lost if you "
                "sign out now.",
                "",
                pending,
            )
        else:
            text = self.tr("Some changes may not have been saved to the server yet.")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Sign out"),
            text,
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        sign_out = box.addButton(self.tr("Sign out anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished() -> None:
            if box.clickedButton() is sign_out:
                self._controller.sign_out(force=True)

        box.finished.connect(finished)
        box.open()

    # Lock ------------------------------------------------------------------------------------
    def _on_locked(self, locked: bool) -> None:
        if locked:
            self._lock_window()
        else:
            self._unlock_window()

    def _lock_window(self) -> None:
        """Hide everything personal: content, dialogs, menus, shortcuts and the title."""
        window = self._window
        self._reopen_after_unlock = self.sign_in_dialog.isVisible()
        self.sign_in_dialog.hide()
        for dialog in window.findChildren(QDialog):
            if dialog is not self.sign_in_dialog and dialog.isVisible():
                dialog.reject()
        for menu in window.findChildren(QMenu):
            menu.hide()
        self._disabled_actions = [a for a in window.actions() if a.isEnabled()]
        for action in self._disabled_actions:
            action.setEnabled(False)
        self._set_content_visible(False)
        window.statusBar().hide()
        self._title_to_restore = window.windowTitle()
        window.setWindowTitle(self._locked_title)
        session = self._controller.session
        note = (
            ""
            if session.offline_unlock_possible
            else self.tr(
                "Unlocking needs an internet connection on this computer. You can always sign out."
            )
        )
        self.lock_screen.show_locked(session.locked_user_email, note)

    def _unlock_window(self) -> None:
        window = self._window
        self.lock_screen.hide()
        self.lock_screen.password.clear()
        self._set_content_visible(True)
        window.statusBar().show()
        for action in self._disabled_actions:
            action.setEnabled(True)
        self._disabled_actions = []
        window.setWindowTitle(self._title_to_restore)
        deferred, self._deferred_prompt = self._deferred_prompt, None
        if deferred is not None:
            self.sign_in_dialog.prompt(deferred)
        elif self._reopen_after_unlock:
            self.sign_in_dialog.open()
        self._reopen_after_unlock = False

    def _set_content_visible(self, visible: bool) -> None:
        content = self._window.centralWidget()
        if content is not None:
            content.setVisible(visible)

    def _keep_title_hidden(self, title: str) -> None:
        """While locked, a new thread title is kept for later instead of shown."""
        if self._controller.session.idle_lock.locked and title != self._locked_title:
            self._title_to_restore = title
            self._window.setWindowTitle(self._locked_title)

    # Clipboard -------------------------------------------------------------------------------
    def _note_clipboard(self) -> None:
        self._controller.session.idle_lock.note_copied(self._clipboard.text())

    def _note_copy_action(self, action: str, _local_id: int) -> None:
        if action == "copy":
            self._note_clipboard()

    def _on_clipboard_changed(self) -> None:
        """Copies made inside the app (e.g. Ctrl+C in the conversation) count as app text."""
        if self._clipboard.ownsClipboard():
            self._note_clipboard()

"""Everything about the account in the window: sign-in dialog, account menu, sign-out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton

from hc_desktop.controller.app_controller import AppController
from hc_desktop.ui.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    from hc_desktop.ui.main_window import MainWindow


class SessionUi(QObject):
    """Binds the session controller to the window's account widgets."""

    def __init__(self, window: MainWindow, controller: AppController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        session = controller.session
        self.sign_in_dialog = SignInDialog(window)
        self.account_button = QToolButton(window)
        self.account_button.setText(self.tr("Account"))
        self.account_button.setAccessibleName(self.tr("Account"))
        self.account_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.account_menu = QMenu(window)
        self.account_email = self.account_menu.addAction("")
        self.account_email.setEnabled(False)
        self.sign_out_action = self.account_menu.addAction(self.tr("Sign out"))
        self.account_button.setMenu(self.account_menu)
        self.account_button.hide()
        window.statusBar().addPermanentWidget(self.account_button)

        self.sign_in_dialog.submitted.connect(session.sign_in)
        self.sign_out_action.triggered.connect(lambda: controller.sign_out())
        controller.sign_out_pending.connect(self._confirm_sign_out)
        session.status_changed.connect(window.status_label.setText)
        session.sign_in_required.connect(self.sign_in_dialog.prompt)
        session.sign_in_busy.connect(self.sign_in_dialog.set_busy)
        session.sign_in_failed.connect(self.sign_in_dialog.show_error)
        session.session_changed.connect(self._on_session)

    def hide_dialogs(self) -> None:
        self.sign_in_dialog.hide()

    def _on_session(self, signed_in: bool, email: str) -> None:
        self.account_button.setVisible(signed_in)
        self.account_email.setText(email)
        if signed_in:
            self.sign_in_dialog.hide()

    def _confirm_sign_out(self, pending: int) -> None:
        """Some changes are not on the server yet: say how many before signing out."""
        if pending > 0:
            text = self.tr(
                "{0} change(s) could not be saved to the server yet and will be lost if you "
                "sign out now."
            ).format(pending)
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

"""The "Security log…" entry of the Help menu; the viewer itself is imported on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from hc_desktop.controller.audit_trail import AuditTrail

if TYPE_CHECKING:
    from hc_desktop.ui.audit_dialog import AuditDialog

HELP_MENU_NAME = "help_menu"


def add_security_log_action(window: QMainWindow, trail: AuditTrail) -> QAction:
    """Put "Security log…" in the window's Help menu; the dialog is built on first use.

    The action is also a window action, so locking the window disables it.
    """

    translate = QCoreApplication.translate  # literal contexts: lupdate reads them

    menu = window.findChild(QMenu, HELP_MENU_NAME)
    if menu is None:
        menu = window.menuBar().addMenu(translate("AuditDialog", "&Help"))
        menu.setObjectName(HELP_MENU_NAME)
    action = QAction(translate("AuditDialog", "Security log…"), window)
    action.setObjectName("security_log_action")
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(action)
    menu.addAction(action)
    dialog: list[AuditDialog] = []

    def show() -> None:
        if not dialog:
            from hc_desktop.ui.audit_dialog import AuditDialog

            dialog.append(AuditDialog(trail, window))
        dialog[0].open_and_refresh()

    action.triggered.connect(show)
    return action

"""Help: the keyboard shortcuts (read from the window's actions) and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hc_desktop import __version__
from hc_desktop.ui.accessibility import name_inner_button


def _fixed_keys() -> list[tuple[str, str]]:
    """Keys that belong to widgets rather than to actions."""
    translate = QCoreApplication.translate
    return [
        (translate("ShortcutsDialog", "Send the message"), translate("ShortcutsDialog", "Enter")),
        (
            translate("ShortcutsDialog", "New line in the message"),
            translate("ShortcutsDialog", "Shift+Enter"),
        ),
        (
            translate("ShortcutsDialog", "Next or previous control"),
            translate("ShortcutsDialog", "Tab / Shift+Tab"),
        ),
        (
            translate("ShortcutsDialog", "Open the selected conversation"),
            translate("ShortcutsDialog", "Enter"),
        ),
        (translate("ShortcutsDialog", "Close a dialog"), translate("ShortcutsDialog", "Esc")),
    ]


def action_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) for every action of the window that has a shortcut."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        keys = [k for k in keys if k]
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.rstrip("…").rstrip(".").strip()
        if keys and text:
            rows[text] = " / ".join(dict.fromkeys([*rows.get(text, "").split(" / "), *keys]))
    return sorted(((text, keys.strip(" /")) for text, keys in rows.items()), key=lambda r: r[0])


class ShortcutsDialog(QDialog):
    """A table of every shortcut, rebuilt each time it is shown so it is never stale."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setModal(False)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(self.tr("Each action and the keys that run it"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        name_inner_button(self.table, "qt_tableview_cornerbutton", self.tr("Select all"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 480)
        self.refresh()

    def refresh(self) -> None:
        rows = action_shortcuts(self._window) + _fixed_keys()
        self.table.setRowCount(len(rows))
        for row, (text, keys) in enumerate(rows):
            for column, value in enumerate((text, keys)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
        self.table.setFocus()


def about_box(parent: QWidget) -> QMessageBox:
    """The About box (non-modal): name, version and what the app is for."""
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("AboutBox", "About Health Companion"),
        translate("AboutBox", "Health Companion {version}").format(version=__version__),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        translate(
            "AboutBox",
            "A desktop companion for health questions. It does not replace a clinician; "
            "in an emergency call your local emergency number.",
        )
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("about_box")
    return box

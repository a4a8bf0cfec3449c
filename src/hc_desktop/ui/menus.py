"""Menu-bar menus that several parts of the window add actions to."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


def menu_named(window: QMainWindow, name: str, title: str, *, first: bool = False) -> QMenu:
    """The window's menu with object name ``name``, created (first or last) when missing."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == name:
            return menu
    menu = QMenu(title, bar)
    menu.setObjectName(name)
    existing = bar.actions()
    if first and existing:
        bar.insertMenu(existing[0], menu)
    else:
        bar.addMenu(menu)
    return menu


def put_first(menu: QMenu, actions: list[QAction]) -> None:
    """Place ``actions`` at the top of ``menu``, set apart from what was there."""
    existing = menu.actions()
    if not existing:
        menu.addActions(actions)
        return
    menu.insertActions(existing[0], actions)
    menu.insertSeparator(existing[0])

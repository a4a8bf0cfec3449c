"""Walks widget trees the way a screen reader meets them and lists unnamed controls."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QComboBox,
    QTabBar,
    QAbstractSpinBox,
)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads: set explicitly, or derived (text, buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QHeaderView):
        return False  # part of its table's accessible interface, not a control of its own
    return isinstance(widget, INTERACTIVE)


def unnamed_controls(roots: list[QWidget]) -> list[str]:
    """``Class(objectName) in Window`` for every interactive widget without a name."""
    seen: set[int] = set()
    missing = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if id(widget) in seen or not is_interactive(widget):
                continue
            seen.add(id(widget))
            if not accessible_name(widget):
                window = widget.window().windowTitle() or type(widget.window()).__name__
                missing.append(f"{type(widget).__name__}({widget.objectName()}) in {window}")
    return missing


def all_top_levels() -> list[QWidget]:
    return list(QApplication.topLevelWidgets())

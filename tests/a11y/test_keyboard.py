"""Keyboard-only use: focus order, pane movement, zoom keys, the shortcuts help."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hc_desktop import __version__
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.ui.help_dialog import action_shortcuts
from tests.e2e.harness import Harness, endpoints_for, running_app
from tests.fixtures.qt import AsyncRunner


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def tab_cycle(app: Harness, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back (at most 60 presses)."""
    start.setFocus()
    app.qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=5000)
    visited: list[QWidget] = []
    for _ in range(60):
        press(app.qtbot, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus is start:
            return visited
        if not visited or visited[-1] is not focus:
            visited.append(focus)
    raise AssertionError("Tab never came back to where it started")


def test_tab_reaches_composer_send_list_and_search_in_a_sensible_order(signed_in: Harness) -> None:
    window = signed_in.window
    window.composer.set_text("A question")  # Send is enabled only with text
    cycle = tab_cycle(signed_in, window.composer.editor)
    order = [
        window.composer.send_button,
        window.new_chat_button,
        window.search_box,
        window.view_tabs,
        window.thread_list,
        window.chat_view,
    ]
    positions = [cycle.index(widget) for widget in order]
    assert positions == sorted(positions)
    assert positions[0] == 0  # Send comes straight after the message box
    for widget in cycle:
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    backwards_from_send = window.composer.send_button
    backwards_from_send.setFocus()
    press(signed_in.qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.composer.editor


def test_f6_moves_between_list_conversation_and_message_box(signed_in: Harness) -> None:
    window = signed_in.window
    window.search_box.setFocus()
    seen = []
    for _ in range(4):
        press(signed_in.qtbot, Qt.Key.Key_F6)
        seen.append(QApplication.focusWidget())
    assert seen == [
        window.thread_list,
        window.chat_view,
        window.composer.editor,
        window.thread_list,
    ]
    press(signed_in.qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.composer.editor
    window.search_box.setFocus()
    press(signed_in.qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.composer.editor


def test_zoom_keys_change_the_conversation_font_and_are_remembered(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    dify_server: DemoDifyServer,
) -> None:
    endpoints = endpoints_for(auth_server, dify_server)
    ctrl = Qt.KeyboardModifier.ControlModifier
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:
        app.activate()
        view = app.window.chat_view
        base = view.font().pointSizeF()
        composer_size = app.window.composer.editor.font().pointSizeF()
        app.window.composer.editor.setFocus()
        press(qtbot, Qt.Key.Key_Equal, ctrl)
        press(qtbot, Qt.Key.Key_Equal, ctrl)
        assert view.font().pointSizeF() == base + 2
        press(qtbot, Qt.Key.Key_Minus, ctrl)
        assert view.font().pointSizeF() == base + 1
        press(qtbot, Qt.Key.Key_0, ctrl)
        assert view.font().pointSizeF() == base
        for _ in range(3):
            press(qtbot, Qt.Key.Key_Equal, ctrl)
        assert app.window.composer.editor.font().pointSizeF() == composer_size
    with running_app(qtbot, aloop, endpoints, tmp_path) as app:
        assert app.window.chat_view.font().pointSizeF() == base + 3
        assert app.window.essentials.zoom.steps == 3


def test_f1_lists_every_shortcut_of_the_window_and_never_goes_stale(signed_in: Harness) -> None:
    window = signed_in.window
    press(signed_in.qtbot, Qt.Key.Key_F1)
    dialog = window.essentials.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    new_chat = QKeySequence(QKeySequence.StandardKey.New).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["New chat"] == new_chat
    assert rows["Rename"] == "F2"
    assert "Ctrl+=" in rows["Zoom in"] and rows["Actual size"] == "Ctrl+0"
    assert "F1" in rows["Keyboard shortcuts"]
    assert "Preferences" in rows
    shortcut_actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(action_shortcuts(window)) == len({a.text() for a in shortcut_actions})
    dialog.close()

    added = QAction("Print the conversation", window)
    added.setShortcut(QKeySequence("Ctrl+Shift+P"))
    window.addAction(added)
    window.essentials.shortcuts_action.trigger()
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Print the conversation" in texts
    dialog.close()


def test_help_menu_offers_shortcuts_and_about_with_the_version(signed_in: Harness) -> None:
    window = signed_in.window
    help_menu = window.essentials.help_menu
    texts = [a.text() for a in help_menu.actions()]
    assert "Keyboard shortcuts" in texts and "About Health Companion" in texts
    assert window.menuBar().actions()[-1].menu() is help_menu
    box = window.essentials.show_about()
    assert __version__ in box.text()
    box.close()

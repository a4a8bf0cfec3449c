"""Every interactive widget of every window and dialog the app can open has a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from hc_desktop.config import Settings
from tests.a11y.walk import all_top_levels, unnamed_controls
from tests.e2e.harness import Harness
from tests.fixtures.qt import wait_until


def test_every_control_of_the_window_and_its_dialogs_has_an_accessible_name(
    signed_in: Harness,
) -> None:
    app = signed_in
    window = app.window
    essentials = window.essentials
    essentials.load_settings = lambda: Settings(locked=frozenset({"theme"}))

    async def scenario() -> None:
        await app.ask("Is walking good exercise?")
        await app.answer_settled()
        await wait_until(lambda: app.controller.threads.view.rowCount() == 1, "the thread")

    app.aloop.run(scenario())
    # Everything that can appear: notices with an action, suggestions, dialogs, boxes.
    window.banner.show_message("A notice", "Retry", lambda: None)
    window.suggestions.set_questions(["What about swimming?", "And cycling?"])
    window.thread_list.setCurrentIndex(window.controller.threads.view.index(0, 0))
    window.delete_action.trigger()
    app.controller.crashed.emit("summary")
    app.controller.sign_out_pending.emit(2)
    essentials.show_preferences()
    essentials.show_shortcuts()
    essentials.show_about()
    window.session_ui.sign_in_dialog.open()
    window.session_ui.lock_screen.show_locked("user@example.org", "")
    boxes = [w for w in all_top_levels() if isinstance(w, QDialog) and w.isVisible()]
    assert len([b for b in boxes if isinstance(b, QMessageBox)]) >= 4  # delete, crash, …
    assert window.session_ui.sign_in_dialog in boxes

    assert unnamed_controls([window, *all_top_levels()]) == []


def test_the_walk_finds_an_unnamed_control(signed_in: Harness) -> None:
    """The check itself can fail: an icon-only button without a name is reported."""
    button = QPushButton(signed_in.window.conversation_panel)
    button.setObjectName("nameless")
    try:
        assert unnamed_controls([signed_in.window]) == ["QPushButton(nameless) in Health Companion"]
        button.setAccessibleName("Named now")
        assert unnamed_controls([signed_in.window]) == []
    finally:
        button.deleteLater()


def test_sign_in_dialog_fields_are_named_before_sign_in(qtbot: object, signed_in: Harness) -> None:
    dialog = signed_in.window.session_ui.sign_in_dialog
    for mode_button in (dialog.create_button, dialog.forgot_button):
        dialog.open()
        mode_button.click()
        assert unnamed_controls([dialog]) == []
        dialog.back_button.click()
    assert dialog.windowModality() != Qt.WindowModality.ApplicationModal

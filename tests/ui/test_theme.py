"""Light and dark themes: the override, following the OS live, high contrast, no fixed colours."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.controller.message_model import ChatMessage, MessageListModel, Role
from hc_desktop.ui.chat_view import ChatView
from hc_desktop.ui.theme import ThemeController, is_dark

UI_DIR = Path(__file__).resolve().parents[2] / "src" / "hc_desktop" / "ui"


@pytest.fixture
def theme(qapp: QApplication) -> Iterator[ThemeController]:
    """The app's theme controller, back to following a scheme-less OS afterwards."""
    controller = ThemeController.of(qapp)
    yield controller
    controller.on_contrast_changed(Qt.ContrastPreference.NoPreference)
    controller.on_os_scheme_changed(Qt.ColorScheme.Unknown)
    controller.set_preference("system")


def window_is_dark(app: QApplication) -> bool:
    return is_dark(app.palette())


def test_override_switches_the_palette_between_dark_and_light(
    qapp: QApplication, theme: ThemeController
) -> None:
    applied: list[str] = []
    theme.applied.connect(applied.append)
    theme.set_preference("dark")
    assert window_is_dark(qapp)
    assert qapp.palette().color(QPalette.ColorRole.Text).lightness() > 128  # readable
    theme.set_preference("light")
    assert not window_is_dark(qapp)
    assert applied == ["dark", "light"]
    assert ThemeController.of(qapp) is theme  # one per application


def test_system_follows_a_change_of_the_os_scheme_live(
    qapp: QApplication, theme: ThemeController
) -> None:
    theme.set_preference("system")
    assert not window_is_dark(qapp)  # the offscreen platform reports no scheme
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_is_dark(qapp)
    assert theme.scheme() == "dark"
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not window_is_dark(qapp)


def test_an_override_ignores_the_os_and_high_contrast_wins(
    qapp: QApplication, theme: ThemeController
) -> None:
    theme.set_preference("light")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not window_is_dark(qapp)
    theme.set_preference("dark")
    assert window_is_dark(qapp)
    applied: list[str] = []
    theme.applied.connect(applied.append)
    theme.on_contrast_changed(Qt.ContrastPreference.HighContrast)
    assert applied == ["contrast"]
    assert not window_is_dark(qapp)  # the platform's own palette, untouched by ours


def test_the_conversation_redraws_in_the_new_palette(
    qtbot: QtBot, qapp: QApplication, theme: ThemeController
) -> None:
    model = MessageListModel()
    model.append(ChatMessage.new(Role.USER, "A question"))
    view = ChatView()
    qtbot.addWidget(view)
    view.set_model(model)
    view.show()

    def question_background() -> str:
        cursor = QTextCursor(view.document())
        cursor.setPosition(1)
        frame = cursor.currentFrame()
        return frame.frameFormat().background().color().name()

    theme.set_preference("light")
    light = question_background()
    assert light == qapp.palette().color(QPalette.ColorRole.AlternateBase).name()
    theme.set_preference("dark")
    dark = qapp.palette().color(QPalette.ColorRole.AlternateBase).name()
    assert dark != light
    qtbot.waitUntil(lambda: question_background() == dark, timeout=5000)


_HARD_CODED = re.compile(r"QColor\(|Qt\.GlobalColor|#[0-9A-Fa-f]{3,8}\b|setStyleSheet\(")


def test_widgets_take_their_colours_from_the_palette() -> None:
    """Only the theme module names colours; every other ui module uses palette roles."""
    offenders = []
    for path in sorted(UI_DIR.glob("*.py")):
        if path.name == "theme.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("  #")[0]
            if _HARD_CODED.search(code) and not code.lstrip().startswith("#"):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []

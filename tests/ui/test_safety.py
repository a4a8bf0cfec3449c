"""Safety texts: the emergency number's sources, the first-run notice, the Emergency action."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.app.graph import Endpoints
from hc_desktop.config import Settings, load_settings
from hc_desktop.core.emergency import (
    FALLBACK_NUMBER,
    country_from_locale,
    emergency_number,
    is_valid_number,
)
from hc_desktop.ui.safety import ACKNOWLEDGED_KEY, disclaimer_text, local_emergency_number
from tests.e2e.harness import Harness, running_app
from tests.fixtures.qt import AsyncRunner

pytestmark = pytest.mark.usefixtures("memory_keyring")

NOWHERE = Endpoints(
    supabase_url="http://127.0.0.1:9",  # the discard port: nothing answers there
    supabase_anon_key="anon",
    dify_base_url="http://127.0.0.1:9/v1",
    dify_api_key="app-none",
)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_US", "911"),
        ("fr_CA", "911"),
        ("en_GB", "999"),
        ("hi_IN", "112"),
        ("bn_BD", "999"),
        ("de_DE", FALLBACK_NUMBER),
        ("en-AU.UTF-8", "000"),
        ("C", FALLBACK_NUMBER),
        ("es_419", FALLBACK_NUMBER),
    ],
)
def test_the_country_of_the_locale_picks_the_number(locale: str, expected: str) -> None:
    assert emergency_number(None, country_from_locale(locale)) == expected


def test_a_configured_number_beats_the_locale_unless_it_is_not_a_number() -> None:
    assert emergency_number("+44 20 7946-0000", "US") == "+44 20 7946-0000"
    assert emergency_number(" 118 ", "GB") == "118"
    assert emergency_number("call the nurse", "GB") == "999"
    assert emergency_number("", None) == FALLBACK_NUMBER
    assert not is_valid_number("999; rm -rf")


def test_country_from_locale_reads_the_usual_spellings() -> None:
    assert country_from_locale("sr_Latn_RS") == "RS"
    assert country_from_locale("en-gb") == "GB"
    assert country_from_locale("en") is None
    assert country_from_locale(None) is None


def test_the_number_from_it_policy_beats_the_user_and_the_locale(tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('emergency_number = "000"\n', encoding="utf-8")
    user = tmp_path / "user.toml"
    user.write_text('emergency_number = "911"\n', encoding="utf-8")
    settings = load_settings(
        environ={},
        system_file=tmp_path / "none.toml",
        user_file=user,
        policy_file=policy,
        os_policy_values={},
    )
    assert settings.is_locked("emergency_number")
    assert local_emergency_number(settings.emergency_number) == "000"


@pytest.fixture
def offline_window(qtbot: QtBot, aloop: AsyncRunner, tmp_path: Path) -> Iterator[Harness]:
    """The window with its IT-set number and no server anywhere; the controller never starts."""
    settings = Settings(emergency_number="000")
    with running_app(qtbot, aloop, NOWHERE, tmp_path, settings=settings) as app:
        app.activate()
        yield app


def test_the_emergency_shortcut_shows_the_number_at_once_without_a_network(
    offline_window: Harness,
) -> None:
    app = offline_window
    safety = app.window.safety
    assert safety.emergency_dialog is None  # built on first use, not at start-up
    app.qtbot.keyClick(app.window, Qt.Key.Key_F9)
    dialog = safety.emergency_dialog
    assert dialog is not None and dialog.isVisible()  # no event loop turn, no request
    assert dialog.number_label.text() == "000"
    assert "000" in dialog.advice.text()
    dialog.close()
    app.qtbot.mouseClick(safety.emergency_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()


def test_the_disclaimer_and_the_button_are_always_on_screen(offline_window: Harness) -> None:
    safety = offline_window.window.safety
    assert safety.disclaimer.isVisible()
    assert safety.disclaimer.text() == disclaimer_text("000")
    assert "not a substitute for professional advice" in safety.disclaimer.text()
    assert safety.emergency_button.isVisible()
    assert safety.emergency_button.accessibleName()
    help_menu = offline_window.window.menuBar().findChild(
        type(offline_window.window.thread_menu), "help_menu"
    )
    assert help_menu is not None and help_menu.actions()[0] is safety.emergency_action
    titles = [a.text() for a in offline_window.window.menuBar().actions()]
    assert titles[-1] == help_menu.title()  # Help stays the last menu


def test_the_first_run_notice_shows_once_per_profile(
    qtbot: QtBot, aloop: AsyncRunner, tmp_path: Path
) -> None:
    with running_app(qtbot, aloop, NOWHERE, tmp_path) as app:
        assert app.window.safety.first_run_notice is None  # left out unless asked for
    with running_app(qtbot, aloop, NOWHERE, tmp_path, first_run_notice=True) as app:
        notice = app.window.safety.first_run_notice
        assert notice is not None and notice.isVisible() and notice.isModal()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is notice, timeout=5000)
        qtbot.keyClick(notice, Qt.Key.Key_Escape)  # closed without agreeing: asked again
        assert not notice.isVisible()
    with running_app(qtbot, aloop, NOWHERE, tmp_path, first_run_notice=True) as app:
        notice = app.window.safety.first_run_notice
        assert notice is not None and notice.isVisible()
        qtbot.waitUntil(
            lambda: QApplication.focusWidget() is notice.understand_button, timeout=5000
        )
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # keyboard only
        assert not notice.isVisible()
        assert app.window.safety.acknowledged
    with running_app(qtbot, aloop, NOWHERE, tmp_path, first_run_notice=True) as app:
        assert app.window.safety.first_run_notice is None
        assert not app.window.safety.show_first_run_notice()
        assert app.window.safety.show_first_run_notice(force=True)  # Help menu: read it again
        assert app.window.safety.first_run_notice is not None


def test_the_acknowledgement_is_kept_in_the_profile_state(
    qtbot: QtBot, aloop: AsyncRunner, tmp_path: Path
) -> None:
    with running_app(qtbot, aloop, NOWHERE, tmp_path, first_run_notice=True) as app:
        notice = app.window.safety.first_run_notice
        assert notice is not None
        notice.understand_button.click()
        state_file = app.graph.profile.settings_file
    assert ACKNOWLEDGED_KEY.split("/")[1] in state_file.read_text(encoding="utf-8")

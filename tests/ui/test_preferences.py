"""Preferences: the config file edit, the dialog, locked settings and the live theme."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
import stat
import sys
import tomllib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.app.user_settings import UserSettingsError, update_user_settings
from hc_desktop.config import Settings, load_settings
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.ui.preferences_dialog import PreferencesDialog
from hc_desktop.ui.theme import ThemeController, is_dark
from tests.e2e.harness import endpoints_for, running_app
from tests.fixtures.qt import AsyncRunner

EXISTING = """\
# My settings
supabase_url = "https://example.supabase.co"  # the project
keep-history = true
auto_lock_minutes = 5

[extra]
theme = "kept"
"""


# The file editor ------------------------------------------------------------------------------
def test_update_changes_only_the_keys_given_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(EXISTING, encoding="utf-8")
    update_user_settings(path, {"theme": "dark", "keep_history": False, "auto_lock_minutes": 7})
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["theme"] == "dark" and data["keep_history"] is False
    assert "keep-history" not in data  # the old spelling was replaced, not duplicated
    assert data["auto_lock_minutes"] == 7
    assert data["supabase_url"] == "https://example.supabase.co"
    assert data["extra"] == {"theme": "kept"}  # another table's key of the same name
    assert text.startswith("# My settings\n")
    assert text.index("theme = ") < text.index("[extra]")  # added to the top level


def test_update_writes_into_the_hc_desktop_section_and_removes_keys(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[other]\na = 1\n\n[hc-desktop]\nlanguage = "hi"\n', encoding="utf-8")
    update_user_settings(path, {"language": None, "notification_content": True})
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"other": {"a": 1}, "hc-desktop": {"notification_content": True}}
    settings = load_settings(
        environ={},
        user_file=path,
        system_file=tmp_path / "none.toml",
        policy_file=tmp_path / "none.toml",
        os_policy_values={},
    )
    assert settings.notification_content is True and settings.language is None


def test_a_new_file_is_private_and_strings_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "config.toml"
    tricky = 'quote " backslash \\ tab \t hindi हिन्दी'
    update_user_settings(path, {"emergency_number": tricky})
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"emergency_number": tricky}
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temporary left


def test_a_file_that_is_not_toml_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    with pytest.raises(UserSettingsError):
        update_user_settings(path, {"theme": "dark"})
    assert path.read_text(encoding="utf-8") == "theme = [unclosed\n"
    with pytest.raises(ValueError):
        update_user_settings(path, {"bad key": "x"})


def test_a_multi_line_value_that_cannot_be_edited_safely_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    original = 'language = """\nhi\n"""\n'
    path.write_text(original, encoding="utf-8")
    with pytest.raises(UserSettingsError):
        update_user_settings(path, {"language": "bn"})
    assert path.read_text(encoding="utf-8") == original


# The dialog -----------------------------------------------------------------------------------
@pytest.fixture
def theme(qapp: QApplication) -> Iterator[ThemeController]:
    controller = ThemeController.of(qapp)
    controller.set_preference("light")
    yield controller
    controller.set_preference("system")


def settings_loader(tmp_path: Path, policy: str = "") -> tuple[Path, Callable[[], Settings]]:
    user_file = tmp_path / "config.toml"
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(policy, encoding="utf-8")

    def load() -> Settings:
        return load_settings(
            environ={},
            user_file=user_file,
            system_file=tmp_path / "system.toml",
            policy_file=policy_file,
            os_policy_values={},
        )

    return user_file, load


def test_saving_writes_the_file_and_applies_the_theme_at_once(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, theme: ThemeController
) -> None:
    user_file, load = settings_loader(tmp_path)
    host = QWidget()
    qtbot.addWidget(host)
    dialog = PreferencesDialog(
        host, load, lambda changes: update_user_settings(user_file, changes), theme
    )
    dialog.open()
    assert dialog.theme_box.currentData() == "system" and dialog.keep_history_box.isChecked()
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("bn"))
    dialog.keep_history_box.setChecked(False)
    dialog.notification_box.setChecked(True)
    saved: list[bool] = []
    dialog.saved.connect(lambda: saved.append(True))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved == [True] and not dialog.isVisible()
    data = tomllib.loads(user_file.read_text(encoding="utf-8"))
    assert data == {
        "theme": "dark",
        "language": "bn",
        "keep_history": False,
        "notification_content": True,
    }
    assert is_dark(qapp.palette())
    dialog.open()  # shows what is now on disk
    assert dialog.language_box.currentData() == "bn" and not dialog.keep_history_box.isChecked()
    dialog.language_box.setCurrentIndex(0)  # back to the system language
    dialog.save_button.click()
    assert "language" not in tomllib.loads(user_file.read_text(encoding="utf-8"))


def test_locked_settings_are_read_only_and_never_written(
    qtbot: QtBot, tmp_path: Path, theme: ThemeController
) -> None:
    user_file, load = settings_loader(
        tmp_path, 'theme = "light"\nkeep_history = false\nthreads_backend = "postgres"\n'
    )
    host = QWidget()
    qtbot.addWidget(host)
    dialog = PreferencesDialog(
        host, load, lambda changes: update_user_settings(user_file, changes), theme
    )
    dialog.show()
    assert not dialog.theme_box.isEnabled() and not dialog.keep_history_box.isEnabled()
    assert dialog.locked_notes["theme"].isVisible()
    assert dialog.locked_notes["keep_history"].text() == "Set by your organisation"
    assert not dialog.locked_notes["language"].isVisible() and dialog.language_box.isEnabled()
    assert "Set by your organisation" in dialog.keep_history_box.accessibleDescription()
    assert "direct database" in dialog.backend_label.text()
    dialog.notification_box.setChecked(True)
    dialog.save_button.click()
    data = tomllib.loads(user_file.read_text(encoding="utf-8"))
    assert data == {"notification_content": True}  # language stays the system's: no key


def test_a_failed_save_keeps_the_dialog_open_with_an_explanation(
    qtbot: QtBot, tmp_path: Path, theme: ThemeController
) -> None:
    _, load = settings_loader(tmp_path)

    def refuse(changes: object) -> None:
        raise UserSettingsError("read-only file system")

    host = QWidget()
    qtbot.addWidget(host)
    dialog = PreferencesDialog(host, load, refuse, theme)
    dialog.show()
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert theme.preference == "light"  # nothing applied when nothing was saved


def test_the_menu_opens_preferences_from_the_window(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    dify_server: DemoDifyServer,
    theme: ThemeController,
) -> None:
    _, load = settings_loader(tmp_path)
    written: list[dict[str, object]] = []
    with running_app(qtbot, aloop, endpoints_for(auth_server, dify_server), tmp_path) as app:
        essentials = app.window.essentials
        assert essentials.preferences_dialog is None  # built on first use only
        essentials.load_settings = load
        essentials.save_settings = lambda changes: written.append(dict(changes))
        app.activate()
        shortcut = essentials.preferences_action.shortcut()
        assert not shortcut.isEmpty()
        essentials.preferences_action.trigger()
        dialog = essentials.preferences_dialog
        assert dialog is not None and dialog.isVisible()
        assert essentials.preferences_action in essentials.file_menu.actions()
        dialog.save_button.click()
        assert written and written[0]["theme"] == "system"

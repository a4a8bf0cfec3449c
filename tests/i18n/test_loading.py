"""Choosing and installing the language: the setting wins, then the OS, then English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from hc_desktop.app.i18n import Translations, choose_language, formatting_locale
from hc_desktop.auth.errors import AuthError
from hc_desktop.controller.tasks import service_text, user_message_of
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify.errors import NETWORK_ERROR, DifyError
from tests.e2e.harness import endpoints_for, running_app
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until

UseLanguage = Callable[..., Translations]


def test_the_setting_beats_the_os_language() -> None:
    assert choose_language("hi", ["bn-BD", "en-US"]) == "hi"
    assert choose_language("bn_IN", ["hi-IN"]) == "bn"


def test_without_a_setting_the_first_shipped_os_language_is_used() -> None:
    assert choose_language(None, ["fr-FR", "bn-IN", "hi-IN"]) == "bn"
    assert choose_language("", ["hi-IN"]) == "hi"
    assert choose_language("klingon", ["hi"]) == "hi"


def test_english_when_nothing_matches() -> None:
    assert choose_language(None, ["fr-FR", "de-DE"]) == "en"
    assert choose_language(None, []) == "en"


def test_the_os_locale_keeps_its_region_when_it_speaks_the_language() -> None:
    assert formatting_locale("bn", QLocale("bn_IN")).name() == "bn_IN"
    assert formatting_locale("hi", QLocale("bn_IN")).name() == "hi_IN"


def test_override_installs_hindi_over_a_bengali_os(use_language: UseLanguage) -> None:
    result = use_language("hi", system=QLocale("bn_BD"))
    assert result.language == "hi"
    assert QCoreApplication.translate("MainWindow", "New chat") == "नई चैट"
    assert QLocale().language() == QLocale.Language.Hindi


def test_the_os_language_applies_without_a_setting(use_language: UseLanguage) -> None:
    use_language(None, system=QLocale("bn_BD"))
    assert QCoreApplication.translate("MainWindow", "New chat") == "নতুন চ্যাট"
    assert QLocale().toString(25) == "২৫"  # numbers in the user's locale


def test_uninstall_restores_english_and_the_previous_locale(use_language: UseLanguage) -> None:
    before = QLocale().name()
    use_language("hi").uninstall()
    assert QCoreApplication.translate("MainWindow", "New chat") == "New chat"
    assert QLocale().name() == before


def test_plural_forms_follow_the_count(use_language: UseLanguage) -> None:
    use_language("en")
    text = QCoreApplication.translate
    assert text("MainWindow", "%n change(s) waiting", "", 1) == "1 change waiting"
    assert text("MainWindow", "%n change(s) waiting", "", 4) == "4 changes waiting"


def test_service_messages_are_translated_when_shown(use_language: UseLanguage) -> None:
    use_language("bn")
    error = AuthError(400, "invalid_credentials")
    assert error.user_message == "The email address or password is not correct."  # logs
    assert service_text(error.user_message) == "ইমেল ঠিকানা বা পাসওয়ার্ড সঠিক নয়।"
    assert user_message_of(DifyError(NETWORK_ERROR, "ConnectError")) == (
        "সহকারী পরিষেবার সঙ্গে যোগাযোগ করা যায়নি। আপনার ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।"
    )


def test_the_main_window_speaks_hindi(
    use_language: UseLanguage,
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> None:
    use_language("hi", system=QLocale("en_US"))
    with running_app(qtbot, aloop, endpoints_for(auth_server, dify_server), tmp_path) as app:
        window = app.window
        assert window.windowTitle() == "Health Companion"
        assert window.conversations_menu.title() == "बातचीत (&C)"
        assert window.new_chat_action.text() == "नई चैट"
        assert window.rename_action.text() == "नाम बदलें"
        assert window.composer.send_button.text() == "भेजें"
        assert window.search_box.placeholderText() == "बातचीत खोजें (Ctrl+F)"

        async def wrong_password() -> None:
            app.controller.start(None)
            await app.sign_in(auth_account.email, auth_account.password + "-wrong")
            dialog = window.session_ui.sign_in_dialog
            await wait_until(dialog.error.isVisible, "the sign-in error")

        aloop.run(wrong_password())
        error = window.session_ui.sign_in_dialog.error.text()
        assert error == "ईमेल पता या पासवर्ड सही नहीं है।"

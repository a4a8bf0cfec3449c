"""Install a language for one test and remove it afterwards (the QApplication is shared)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
import pytest

from hc_desktop.app.i18n import Translations, install


@pytest.fixture
def use_language(qapp: QApplication) -> Iterator[Callable[..., Translations]]:
    """``use_language("hi")`` or ``use_language(None, system=QLocale("bn_BD"))``."""
    installed: list[Translations] = []

    def apply(override: str | None, *, system: QLocale | None = None) -> Translations:
        result = install(override, system=system or QLocale("en_US"))
        installed.append(result)
        return result

    try:
        yield apply
    finally:
        for result in reversed(installed):
            result.uninstall()

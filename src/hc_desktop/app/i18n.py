"""The user's language: pick it, load its translations and make it the formatting locale.

The app ships English, Hindi and Bengali (as the web app does). The ``language`` setting
wins; otherwise the first of the OS's preferred UI languages that the app ships; otherwise
English. Loading is two small ``.qm`` files, cheap enough for start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hc_desktop.paths import resource_path

LANGUAGES = ("en", "hi", "bn")
"""Languages with a translation, as the web app names them."""
FALLBACK = "en"
CATALOG_PREFIX = "hc_desktop_"


def translations_dir() -> Path:
    """Where the compiled ``hc_desktop_<lang>.qm`` files are (source tree or bundle)."""
    return resource_path("i18n")


def _language_of(tag: str) -> str | None:
    """``"hi-IN"``, ``"bn_BD"`` or ``"HI"`` -> the shipped language, else None."""
    code = tag.strip().replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def choose_language(override: str | None, preferred: Iterable[str]) -> str:
    """The setting when it names a shipped language, else the OS's first shipped one."""
    if override:
        chosen = _language_of(override)
        if chosen is not None:
            return chosen
    for tag in preferred:
        chosen = _language_of(tag)
        if chosen is not None:
            return chosen
    return FALLBACK


def formatting_locale(language: str, system: QLocale) -> QLocale:
    """The OS locale when it speaks ``language`` (keeps the user's region), else its default."""
    if _language_of(system.name()) == language:
        return system
    return QLocale(language)


@dataclass
class Translations:
    """What :func:`install` changed, so a test (or a language switch) can undo it."""

    language: str
    locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)
    previous_locale: QLocale = field(default_factory=QLocale)

    def uninstall(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        QLocale.setDefault(self.previous_locale)


def install(
    override: str | None,
    *,
    system: QLocale | None = None,
    folder: Path | None = None,
) -> Translations:
    """Load the app's and Qt's translations for the chosen language; set the default locale.

    Call right after the ``QApplication`` exists and before any window is built: widgets
    translate their texts when they are created.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    system = system if system is not None else QLocale.system()
    language = choose_language(override, _preferred(system))
    locale = formatting_locale(language, system)
    result = Translations(language, locale, previous_locale=QLocale())
    QLocale.setDefault(locale)
    catalogs = [
        (folder or translations_dir(), CATALOG_PREFIX + language),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), "qtbase_" + language),
    ]
    for directory, name in catalogs:
        translator = QTranslator(app)
        if translator.load(name, str(directory)) and QCoreApplication.installTranslator(translator):
            result.translators.append(translator)
        else:
            translator.deleteLater()
    return result


def _preferred(system: QLocale) -> Sequence[str]:
    """The OS's UI languages in order of preference, then the locale's own name."""
    return [*system.uiLanguages(), system.name()]

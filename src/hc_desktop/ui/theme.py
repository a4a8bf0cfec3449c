"""Light and dark appearance: follow the OS colour scheme live, or a user's override.

Qt 6.8+ lets an app ask the platform for a scheme (``QStyleHints.setColorScheme``). Some
platforms ignore the request or report no scheme at all (offscreen, many X11 setups), so
after every change the resulting window colour is checked and, where it does not match,
an application palette for that scheme is installed instead. A high-contrast preference
of the OS always wins: its palette is left untouched. This module is the one place that
names colours; widgets take theirs from the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEMES = ("system", "light", "dark")

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

_DARK: dict[QPalette.ColorRole, tuple[int, int, int]] = {
    _Role.Window: (45, 45, 48),
    _Role.WindowText: (232, 232, 232),
    _Role.Base: (30, 30, 32),
    _Role.AlternateBase: (58, 58, 64),
    _Role.ToolTipBase: (62, 62, 68),
    _Role.ToolTipText: (232, 232, 232),
    _Role.PlaceholderText: (165, 165, 170),
    _Role.Text: (232, 232, 232),
    _Role.Button: (55, 55, 60),
    _Role.ButtonText: (232, 232, 232),
    _Role.BrightText: (255, 110, 110),
    _Role.Light: (82, 82, 88),
    _Role.Midlight: (68, 68, 74),
    _Role.Mid: (42, 42, 46),
    _Role.Dark: (24, 24, 26),
    _Role.Shadow: (0, 0, 0),
    _Role.Highlight: (52, 132, 228),
    _Role.HighlightedText: (255, 255, 255),
    _Role.Link: (110, 175, 255),
    _Role.LinkVisited: (185, 150, 255),
    _Role.Accent: (52, 132, 228),
}
_LIGHT: dict[QPalette.ColorRole, tuple[int, int, int]] = {
    _Role.Window: (239, 239, 239),
    _Role.WindowText: (20, 20, 20),
    _Role.Base: (255, 255, 255),
    _Role.AlternateBase: (233, 236, 242),
    _Role.ToolTipBase: (255, 248, 220),
    _Role.ToolTipText: (20, 20, 20),
    _Role.PlaceholderText: (100, 100, 105),
    _Role.Text: (20, 20, 20),
    _Role.Button: (239, 239, 239),
    _Role.ButtonText: (20, 20, 20),
    _Role.BrightText: (255, 255, 255),
    _Role.Light: (255, 255, 255),
    _Role.Midlight: (202, 202, 202),
    _Role.Mid: (184, 184, 184),
    _Role.Dark: (159, 159, 159),
    _Role.Shadow: (118, 118, 118),
    _Role.Highlight: (38, 110, 205),
    _Role.HighlightedText: (255, 255, 255),
    _Role.Link: (0, 86, 179),
    _Role.LinkVisited: (110, 60, 170),
    _Role.Accent: (38, 110, 205),
}
_DISABLED_TEXT = {"dark": (130, 130, 135), "light": (140, 140, 140)}


def fallback_palette(scheme: str) -> QPalette:
    """A complete palette for ``"light"`` or ``"dark"`` on platforms that ignore the hint."""
    palette = QPalette()
    for role, rgb in (_DARK if scheme == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(*rgb))
    disabled = QColor(*_DISABLED_TEXT["dark" if scheme == "dark" else "light"])
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(_Group.Disabled, role, disabled)
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(_Role.Window).lightness() < 128


class ThemeController(QObject):
    """Keeps the application's appearance in line with the preference and the OS."""

    applied = Signal(str)
    """``"light"``, ``"dark"`` or ``"contrast"`` after each change of appearance."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.setObjectName("theme_controller")
        self._app = app
        self._preference = "system"
        hints = app.styleHints()
        self._os_scheme = hints.colorScheme()
        self._high_contrast = (
            hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
        )
        self._custom_palette = False
        hints.colorSchemeChanged.connect(self.on_os_scheme_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self.on_contrast_changed)

    @classmethod
    def of(cls, app: QGuiApplication) -> ThemeController:
        """The application's controller, created on first use."""
        existing = app.findChild(ThemeController, "theme_controller")
        return existing if existing is not None else cls(app)

    @property
    def preference(self) -> str:
        return self._preference

    def set_preference(self, theme: str) -> None:
        """``"system"`` follows the OS; ``"light"``/``"dark"`` override it."""
        self._preference = theme if theme in THEMES else "system"
        self._apply()

    def scheme(self) -> str:
        """The scheme in effect: the override, else the OS's (light when it has none)."""
        if self._preference in ("light", "dark"):
            return self._preference
        return "dark" if self._os_scheme == Qt.ColorScheme.Dark else "light"

    def on_os_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self._os_scheme = scheme
        self._apply()

    def on_contrast_changed(self, preference: Qt.ContrastPreference) -> None:
        self._high_contrast = preference == Qt.ContrastPreference.HighContrast
        self._apply()

    def _apply(self) -> None:
        hints = self._app.styleHints()
        if self._high_contrast:
            hints.unsetColorScheme()
            self._reset_palette()
            self.applied.emit("contrast")
            return
        wanted = self.scheme()
        if self._preference == "system":
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if wanted == "dark" else Qt.ColorScheme.Light)
        self._reset_palette()
        platform_has_no_opinion = (
            self._preference == "system" and self._os_scheme == Qt.ColorScheme.Unknown
        )
        if not platform_has_no_opinion and is_dark(self._app.palette()) != (wanted == "dark"):
            self._app.setPalette(fallback_palette(wanted))
            self._custom_palette = True
        self.applied.emit(wanted)

    def _reset_palette(self) -> None:
        """Back to the platform's palette (an empty palette resolves to it)."""
        if self._custom_palette:
            self._app.setPalette(QPalette())
            self._custom_palette = False

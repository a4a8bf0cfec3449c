"""What the app says about safety: the disclaimer, the first-run notice and the emergency number.

None of it depends on the assistant or the network: the emergency number comes from IT
policy or the user's setting, else from the computer's country, and shows at once.
The Emergency action lives in the Help menu, not among the window's own actions, so the
idle lock (which disables those) never takes it away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy

from hc_desktop.core.emergency import country_from_locale, emergency_number
from hc_desktop.ui.menus import menu_named, put_first

if TYPE_CHECKING:
    from hc_desktop.ui.main_window import MainWindow
    from hc_desktop.ui.safety_dialogs import EmergencyDialog, FirstRunNotice

ACKNOWLEDGED_KEY = "safety/first_run_acknowledged"
EMERGENCY_SHORTCUT = "F9"


def local_emergency_number(configured: str | None) -> str:
    """The configured number, else the one for the country this computer is set to."""
    return emergency_number(configured, country_from_locale(QLocale.system().name()))


def disclaimer_text(number: str) -> str:
    return QCoreApplication.translate(
        "Safety",
        "General health information, not a substitute for professional advice. "
        "In an emergency, call your local emergency number ({number}).",
    ).format(number=number)


class SafetyUi(QObject):
    """Installs the disclaimer line, the Emergency button and action on the window."""

    def __init__(
        self, window: MainWindow, state: QSettings, *, configured_number: str | None = None
    ) -> None:
        super().__init__(window)
        self._window = window
        self._state = state
        self.number = local_emergency_number(configured_number)
        self._emergency_dialog: EmergencyDialog | None = None
        self._first_run_notice: FirstRunNotice | None = None

        self.disclaimer = QLabel(disclaimer_text(self.number), window.conversation_panel)
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.disclaimer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.disclaimer.setAccessibleName(self.tr("Health information disclaimer"))
        font = self.disclaimer.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.disclaimer.setFont(font)
        layout = window.conversation_panel.layout()
        if layout is not None:
            layout.addWidget(self.disclaimer)

        self.emergency_action = QAction(self.tr("Emergency?"), window)
        self.emergency_action.setShortcut(QKeySequence(EMERGENCY_SHORTCUT))
        self.emergency_action.setToolTip(self.tr("What to do in an emergency (F9)"))
        self.emergency_action.triggered.connect(self.show_emergency)
        self.notice_action = QAction(self.tr("About health information…"), window)
        self.notice_action.triggered.connect(lambda: self.show_first_run_notice(force=True))
        help_menu = menu_named(window, "help_menu", self.tr("&Help"))
        put_first(help_menu, [self.emergency_action, self.notice_action])

        self.emergency_button = QPushButton(self.tr("Emergency?"), window)
        self.emergency_button.setAccessibleName(self.tr("Emergency?"))
        self.emergency_button.setAccessibleDescription(
            self.tr("Shows the emergency number to call")
        )
        self.emergency_button.setToolTip(self.emergency_action.toolTip())
        self.emergency_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.emergency_button.clicked.connect(self.show_emergency)
        window.statusBar().addPermanentWidget(self.emergency_button)

    # Emergency -------------------------------------------------------------------------------
    @property
    def emergency_dialog(self) -> EmergencyDialog | None:
        return self._emergency_dialog

    def show_emergency(self) -> None:
        """Show the number now; no request, no model, no waiting."""
        if self._emergency_dialog is None:
            from hc_desktop.ui.safety_dialogs import EmergencyDialog

            self._emergency_dialog = EmergencyDialog(self.number, self._window)
        self._emergency_dialog.show()
        self._emergency_dialog.raise_()
        self._emergency_dialog.activateWindow()

    # First-run notice ------------------------------------------------------------------------
    @property
    def first_run_notice(self) -> FirstRunNotice | None:
        return self._first_run_notice

    @property
    def acknowledged(self) -> bool:
        value = self._state.value(ACKNOWLEDGED_KEY, False)
        return value is True or str(value).lower() in ("true", "1")

    def show_first_run_notice(self, *, force: bool = False) -> bool:
        """Show the notice unless this profile has acknowledged it; True when shown."""
        if self.acknowledged and not force:
            return False
        if self._first_run_notice is None:
            from hc_desktop.ui.safety_dialogs import FirstRunNotice

            self._first_run_notice = FirstRunNotice(self.number, self._window)
            self._first_run_notice.accepted.connect(self._acknowledge)
        self._first_run_notice.open()
        return True

    def _acknowledge(self) -> None:
        self._state.setValue(ACKNOWLEDGED_KEY, True)
        self._state.sync()

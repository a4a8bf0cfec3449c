"""Preferences: theme, language, history and notifications, plus how the app is connected.

Settings that IT policy fixes are shown disabled with a note, and are never written.
The dialog reads the settings each time it opens and hands the changed keys to a save
function from the composition root (which owns the config file); the theme applies at
once, the language and history choices when the app next starts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hc_desktop.config import Settings
from hc_desktop.ui.accessibility import name_combo_popup
from hc_desktop.ui.theme import ThemeController

SettingValue = bool | int | str | None
SaveSettings = Callable[[Mapping[str, SettingValue]], None]
EDITABLE = ("theme", "language", "keep_history", "notification_content")
LANGUAGES = (("en", "English"), ("hi", "हिन्दी"), ("bn", "বাংলা"))


class PreferencesDialog(QDialog):
    """Non-modal; ``saved`` is emitted after the file was written and the theme applied."""

    saved = Signal()

    def __init__(
        self,
        parent: QWidget,
        load: Callable[[], Settings],
        save: SaveSettings | None,
        theme: ThemeController,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._save = save
        self._theme = theme
        self._settings = Settings()
        self.setWindowTitle(self.tr("Preferences"))
        self.setModal(False)
        self._build()
        self.reload()

    # Layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.theme_box = QComboBox(self)
        for value, label in (
            ("system", self.tr("Same as the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme_box.addItem(label, value)
        self.theme_box.setAccessibleName(self.tr("Theme"))
        self.language_box = QComboBox(self)
        self.language_box.addItem(self.tr("Same as the system"), "")
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setAccessibleName(self.tr("Language"))
        self.language_box.setAccessibleDescription(
            self.tr("A new language applies the next time Health Companion starts.")
        )
        self.keep_history_box = QCheckBox(self.tr("Keep conversation history on this computer"))
        self.keep_history_box.setAccessibleName(self.tr("Keep history on this computer"))
        self.keep_history_box.setAccessibleDescription(
            self.tr("When off, conversations are kept in memory only and not written to disk.")
        )
        self.notification_box = QCheckBox(self.tr("Show conversation titles in notifications"))
        self.notification_box.setAccessibleName(self.tr("Show titles in notifications"))
        self.notification_box.setAccessibleDescription(
            self.tr("When off, notifications use a general text that reveals nothing.")
        )
        self.locked_notes: dict[str, QLabel] = {}
        self.controls: dict[str, QWidget] = {
            "theme": self.theme_box,
            "language": self.language_box,
            "keep_history": self.keep_history_box,
            "notification_content": self.notification_box,
        }
        for box in (self.theme_box, self.language_box):
            name_combo_popup(box)
        self._descriptions = {n: c.accessibleDescription() for n, c in self.controls.items()}

        general = QGroupBox(self.tr("General"), self)
        form = QFormLayout(general)
        form.addRow(self.tr("&Theme"), self._with_lock_note("theme"))
        form.addRow(self.tr("&Language"), self._with_lock_note("language"))
        restart = QLabel(self.tr("Language changes apply the next time the app starts."), self)
        restart.setWordWrap(True)
        form.addRow("", restart)
        privacy = QGroupBox(self.tr("Privacy"), self)
        privacy_layout = QVBoxLayout(privacy)
        privacy_layout.addWidget(self._with_lock_note("keep_history"))
        privacy_layout.addWidget(self._with_lock_note("notification_content"))
        history_note = QLabel(self.tr("History changes apply the next time the app starts."))
        history_note.setWordWrap(True)
        privacy_layout.addWidget(history_note)

        connection = QGroupBox(self.tr("Connection (set by your administrator)"), self)
        connection_form = QFormLayout(connection)
        self.backend_label = QLabel(self)
        self.backend_label.setAccessibleName(self.tr("Where conversations are shared"))
        self.dify_label = QLabel(self)
        self.dify_label.setAccessibleName(self.tr("How the assistant is reached"))
        connection_form.addRow(self.tr("Conversations:"), self.backend_label)
        connection_form.addRow(self.tr("Assistant:"), self.dify_label)
        direct_note = QLabel(self.tr("Direct database: managed on-premises deployments only."))
        direct_note.setWordWrap(True)
        connection_form.addRow("", direct_note)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Saving problem"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save preferences"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(privacy)
        layout.addWidget(connection)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _with_lock_note(self, name: str) -> QWidget:
        """The control with a "Set by your organisation" note beside it (shown when locked)."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.controls[name], 1)
        note = QLabel(self.tr("Set by your organisation"), row)
        note.hide()
        layout.addWidget(note)
        self.locked_notes[name] = note
        return row

    # State -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the settings as they are now, including which ones policy fixes."""
        settings = self._settings = self._load()
        self._select(self.theme_box, settings.theme)
        self._select(self.language_box, settings.language or "")
        self.keep_history_box.setChecked(settings.keep_history)
        self.notification_box.setChecked(settings.notification_content)
        for name, control in self.controls.items():
            locked = settings.is_locked(name)
            control.setEnabled(not locked)
            self.locked_notes[name].setVisible(locked)
            description = self._descriptions[name]
            if locked:
                note = self.tr("Set by your organisation.")
                description = f"{description} {note}".strip()
            control.setAccessibleDescription(description)
        self.backend_label.setText(self._backend_text(settings))
        self.dify_label.setText(self._dify_text(settings.dify_mode))
        self.save_button.setEnabled(self._save is not None)
        self.error_label.hide()

    def is_locked(self, name: str) -> bool:
        return self._settings.is_locked(name)

    def changes(self) -> dict[str, SettingValue]:
        """The editable values as chosen, for every setting policy does not fix."""
        chosen: dict[str, SettingValue] = {
            "theme": str(self.theme_box.currentData()),
            "language": str(self.language_box.currentData()) or None,
            "keep_history": self.keep_history_box.isChecked(),
            "notification_content": self.notification_box.isChecked(),
        }
        return {name: value for name, value in chosen.items() if not self.is_locked(name)}

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.reload()
        super().showEvent(event)

    def _on_save(self) -> None:
        if self._save is None:
            return
        changes = self.changes()
        try:
            self._save(changes)
        except OSError:
            self.error_label.setText(
                self.tr(
                    "The preferences could not be saved. "
                    "Check that the settings file can be written."
                )
            )
            self.error_label.show()
            return
        if "theme" in changes:
            self._theme.set_preference(str(changes["theme"]))
        self.saved.emit()
        self.accept()

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(0, index))

    def _backend_text(self, settings: Settings) -> str:
        backend = settings.threads_backend
        if backend == "auto":
            backend = "postgres" if settings.database_url else "data_api"
        texts = {
            "data_api": self.tr("Shared through the Supabase Data API"),
            "postgres": self.tr("Shared through a direct database connection"),
            "local": self.tr("Kept on this computer only"),
        }
        return texts.get(backend, backend)

    def _dify_text(self, mode: str) -> str:
        texts = {
            "app_key": self.tr("Directly, with this computer's app key"),
            "gateway": self.tr("Through your organisation's gateway"),
        }
        return texts.get(mode, mode)

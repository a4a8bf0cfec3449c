"""The voice controls: Speak (dictation into the message box) and Read aloud on answers.

They appear only when the Dify app switches the feature on and an audio backend exists;
without the optional voice component they stay hidden and the window says why. The audio
backend itself (QtMultimedia) is loaded only when the app turns a voice feature on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from hc_desktop.controller.message_model import MessageState, Role
from hc_desktop.controller.voice import VoiceController, VoiceState
from hc_desktop.ui import voice_qt

if TYPE_CHECKING:
    from hc_desktop.ui.main_window import MainWindow

READ_ACTION = "read"


class VoiceUi(QObject):
    """Binds the voice buttons, shortcuts and the read-aloud link to the controller."""

    def __init__(self, window: MainWindow, controller: VoiceController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        composer = window.composer
        self.mic_button = QPushButton(self.tr("Speak"), composer)
        self.mic_button.setAccessibleName(self.tr("Dictate a message"))
        self.mic_button.setAccessibleDescription(
            self.tr("Record your question; the text appears in the message box to check.")
        )
        self.mic_button.setToolTip(self.tr("Dictate (Ctrl+Shift+M)"))
        self.mic_button.hide()
        composer.add_tool(self.mic_button)
        self.stop_reading_button = QPushButton(self.tr("Stop reading"), composer)
        self.stop_reading_button.setAccessibleName(self.tr("Stop reading aloud"))
        self.stop_reading_button.hide()
        composer.add_tool(self.stop_reading_button)

        self.dictate_action = self._action(self.tr("Dictate a message"), "Ctrl+Shift+M")
        self.read_last_action = self._action(self.tr("Read the last answer aloud"), "Ctrl+Shift+R")
        self.dictate_action.triggered.connect(controller.toggle_recording)
        self.read_last_action.triggered.connect(self.read_last_answer)
        self.mic_button.clicked.connect(controller.toggle_recording)
        self.stop_reading_button.clicked.connect(controller.stop_reading)
        controller.availability_changed.connect(self._on_availability)
        controller.state_changed.connect(self._on_state)
        controller.transcript_ready.connect(composer.insert_text)
        window.chat_view.action_requested.connect(self._on_message_action)

        self.note = voice_qt.voice_support_note()
        """Why voice is missing (empty when the component is installed), for help texts."""
        if self.note:
            composer.setToolTip(self.note)
        else:
            controller.set_backend_loader(voice_qt.load_backend)
        self._on_availability(controller.dictation_available, controller.read_aloud_available)
        self._on_state(controller.state.value)

    def _action(self, text: str, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(False)
        self.window.addAction(action)
        return action

    def _on_availability(self, dictation: bool, read_aloud: bool) -> None:
        self.mic_button.setVisible(dictation)
        self.dictate_action.setEnabled(dictation)
        self.read_last_action.setEnabled(read_aloud)
        actions = [(READ_ACTION, self.tr("Read aloud"))] if read_aloud else []
        self.window.chat_view.set_answer_actions(actions)

    def _on_state(self, state: str) -> None:
        labels = {
            VoiceState.RECORDING.value: self.tr("Stop and transcribe"),
            VoiceState.TRANSCRIBING.value: self.tr("Transcribing…"),
        }
        self.mic_button.setText(labels.get(state, self.tr("Speak")))
        self.mic_button.setEnabled(state != VoiceState.TRANSCRIBING.value)
        self.mic_button.setAccessibleName(
            self.tr("Stop recording")
            if state == VoiceState.RECORDING.value
            else self.tr("Dictate a message")
        )
        reading = state in (VoiceState.PREPARING.value, VoiceState.SPEAKING.value)
        self.stop_reading_button.setVisible(reading)
        self.stop_reading_button.setText(
            self.tr("Preparing audio… (stop)")
            if state == VoiceState.PREPARING.value
            else self.tr("Stop reading")
        )

    def _on_message_action(self, action: str, local_id: int) -> None:
        if action == READ_ACTION:
            self.controller.read_aloud(local_id)

    def read_last_answer(self) -> None:
        for message in reversed(self.window.controller.chat.messages.messages):
            if message.role is Role.ASSISTANT and message.state is MessageState.COMPLETE:
                self.controller.read_aloud(message.local_id)
                return

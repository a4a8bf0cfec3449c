"""Dictation (speech-to-text into the composer) and reading answers aloud (text-to-speech).

Both need the app to switch them on in ``GET /parameters`` and an audio backend. The
backend is optional (QtMultimedia ships in a separate, large package), so the controller
talks to it only through the small protocols below; the window installs the Qt one when it
is present, and tests install one that needs no sound card. A transcript is put into the
composer for the user to check, never sent on their behalf.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
import logging
from typing import TYPE_CHECKING, Protocol
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.controller.message_model import MessageListModel, Role
from hc_desktop.controller.tasks import TaskRunner, user_message_of
from hc_desktop.core.errors import UserFacingError
from hc_desktop.dify.errors import DifyError

if TYPE_CHECKING:
    from hc_desktop.dify.client import DifyClient
    from hc_desktop.dify.models import AppParameters

_log = logging.getLogger("hc_desktop.voice")

_NO_AUDIO = "no_audio"
_VOICE_TASK = "voice"


@dataclass(frozen=True, slots=True)
class Recording:
    """What the microphone captured, in a format Dify's speech-to-text accepts."""

    data: bytes = field(repr=False)
    filename: str = "speech.wav"
    mime_type: str = "audio/wav"


class AudioRecorder(Protocol):
    """Records from the default microphone."""

    def start(self) -> None:
        """Begin recording; raises UserFacingError when no microphone can be used."""

    async def stop(self) -> Recording:
        """End recording and return what was captured."""
        ...

    def cancel(self) -> None:
        """End recording and throw it away."""


class AudioPlayer(Protocol):
    """Plays audio on the default output."""

    async def play(self, audio: bytes, mime_type: str) -> None:
        """Play ``audio``; returns when it has finished or was stopped."""

    def stop(self) -> None: ...


class VoiceBackend(Protocol):
    """Creates the recorder and the player (each on first use)."""

    def recorder(self) -> AudioRecorder: ...

    def player(self) -> AudioPlayer: ...


BackendLoader = Callable[[], "VoiceBackend | None"]
"""Loads the audio backend, or returns None when it is not installed."""


class VoiceState(StrEnum):
    IDLE = "idle"
    RECORDING = "recording"
    TRANSCRIBING = "transcribing"
    PREPARING = "preparing"
    """Waiting for the read-aloud audio."""
    SPEAKING = "speaking"


class VoiceController(QObject):
    """Microphone and read-aloud state, and the Dify calls behind them."""

    availability_changed = Signal(bool, bool)
    """(dictation available, read-aloud available)."""
    state_changed = Signal(str)
    """A :class:`VoiceState` value."""
    reading_changed = Signal(int)
    """Local id of the answer being read aloud (0 when none)."""
    transcript_ready = Signal(str)
    """Recognised speech for the composer."""
    notice = Signal(str)

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        dify: DifyClient,
        messages: MessageListModel,
        user: Callable[[], uuid.UUID | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._dify = dify
        self._messages = messages
        self._user = user
        self._backend: VoiceBackend | None = None
        self._loader: BackendLoader | None = None
        self._speech_to_text = False
        self._text_to_speech = False
        self._auto_play = False
        self._state = VoiceState.IDLE
        self._reading = 0
        self._round = 0
        """Counts read-aloud requests, so a superseded one cannot reset a newer one."""
        self._recorder: AudioRecorder | None = None
        self._player: AudioPlayer | None = None

    # Availability --------------------------------------------------------------------------
    @property
    def backend_installed(self) -> bool:
        """An audio backend is installed (or can be loaded)."""
        return self._backend is not None or self._loader is not None

    @property
    def dictation_available(self) -> bool:
        return self._speech_to_text and self._backend is not None

    @property
    def read_aloud_available(self) -> bool:
        return self._text_to_speech and self._backend is not None

    @property
    def state(self) -> VoiceState:
        return self._state

    @property
    def reading(self) -> int:
        return self._reading

    def set_backend(self, backend: VoiceBackend | None) -> None:
        """Use ``backend`` for recording and playback (None: no voice)."""
        self._backend = backend
        self._recorder = None
        self._player = None
        self._emit_availability()

    def set_backend_loader(self, loader: BackendLoader) -> None:
        """Load the backend only once the app turns a voice feature on."""
        self._loader = loader
        self._load_if_wanted()

    def apply_parameters(self, parameters: AppParameters) -> None:
        self._speech_to_text = parameters.speech_to_text_enabled
        self._text_to_speech = parameters.text_to_speech.enabled
        self._auto_play = parameters.text_to_speech.enabled and parameters.text_to_speech.auto_play
        if not self._load_if_wanted():
            self._emit_availability()

    def _load_if_wanted(self) -> bool:
        """Load the backend when a feature needs it; True when it emitted availability."""
        wanted = self._speech_to_text or self._text_to_speech
        if not wanted or self._backend is not None or self._loader is None:
            return False
        loader, self._loader = self._loader, None
        try:
            backend = loader()
        except Exception:
            _log.exception("the audio backend could not be loaded")
            backend = None
        self.set_backend(backend)
        return True

    def _emit_availability(self) -> None:
        self.availability_changed.emit(self.dictation_available, self.read_aloud_available)

    # Dictation -----------------------------------------------------------------------------
    def toggle_recording(self) -> None:
        """Start recording, or stop and transcribe when already recording."""
        if self._state is VoiceState.RECORDING:
            self._tasks.start(self._transcribe(), key=_VOICE_TASK)
            return
        if self._state in (VoiceState.PREPARING, VoiceState.SPEAKING):
            self.stop_reading()
        if self._state is not VoiceState.IDLE or not self.dictation_available:
            return
        try:
            self._recorder_instance().start()
        except UserFacingError as exc:
            self.notice.emit(user_message_of(exc) or self.tr("The microphone is not available."))
            return
        self._set_state(VoiceState.RECORDING)

    def cancel_recording(self) -> None:
        if self._state is VoiceState.RECORDING:
            self._recorder_instance().cancel()
            self._set_state(VoiceState.IDLE)

    async def _transcribe(self) -> None:
        self._set_state(VoiceState.TRANSCRIBING)
        text = ""
        try:
            recording = await self._recorder_instance().stop()
            if not recording.data:
                self.notice.emit(self.tr("Nothing was recorded."))
                return
            text = await self._dify.audio_to_text(
                recording.data,
                user=self._require_user(),
                filename=recording.filename,
                mime_type=recording.mime_type,
            )
        except DifyError as exc:
            _log.info("speech to text failed: %s", exc.code)
            self.notice.emit(self._transcription_error(exc))
            return
        except UserFacingError as exc:
            self.notice.emit(user_message_of(exc) or self.tr("The recording failed."))
            return
        finally:
            self._set_state(VoiceState.IDLE)
        if text.strip():
            self.transcript_ready.emit(text.strip())
        else:
            self.notice.emit(self.tr("No speech was recognised. Try again a little closer."))

    def _transcription_error(self, error: DifyError) -> str:
        code = error.code
        if code == "audio_too_large":
            return self.tr("The recording is too long. Keep it to a few minutes.")
        if code in ("unsupported_audio_type", "no_audio_uploaded"):
            return self.tr("The assistant could not use this recording.")
        if code == "provider_not_support_speech_to_text":
            return self.tr("The assistant's speech service cannot turn speech into text.")
        reason = user_message_of(error) or ""
        return self.tr("Your speech could not be turned into text. {reason}").format(reason=reason)

    # Reading aloud ---------------------------------------------------------------------------
    def answer_finished(self, local_id: int) -> None:
        """A new answer is complete: read it aloud when the app asks for that (autoPlay)."""
        if self._auto_play and self._state is VoiceState.IDLE:
            self.read_aloud(local_id)

    def read_aloud(self, local_id: int) -> None:
        """Read an answer aloud; asking again for the same answer stops it."""
        if self._state in (VoiceState.PREPARING, VoiceState.SPEAKING):
            same = self._reading == local_id
            self.stop_reading()
            if same:
                return
        if self._state is not VoiceState.IDLE or not self.read_aloud_available:
            return
        message = self._messages.message_at(self._messages.row_of(local_id))
        if message is None or message.role is not Role.ASSISTANT or not message.text.strip():
            return
        self._round += 1
        self._reading = local_id
        self.reading_changed.emit(local_id)
        self._set_state(VoiceState.PREPARING)
        speech = self._speak(self._round, message.message_id, message.text)
        self._tasks.start(speech, key=_VOICE_TASK)

    def stop_reading(self) -> None:
        if self._state not in (VoiceState.PREPARING, VoiceState.SPEAKING):
            return
        if self._player is not None:
            self._player.stop()
        self._tasks.cancel(_VOICE_TASK)
        self._finish_reading(self._round)

    async def _speak(self, round_: int, message_id: str | None, text: str) -> None:
        try:
            audio = await self._dify.text_to_audio(
                user=self._require_user(),
                message_id=message_id,
                text=None if message_id else text,
            )
            if round_ != self._round:
                return
            self._set_state(VoiceState.SPEAKING)
            await self._player_instance().play(audio.data, audio.mime_type)
        except DifyError as exc:
            _log.info("text to speech failed: %s", exc.code)
            if exc.code == _NO_AUDIO:
                self.notice.emit(self.tr("There is nothing to read aloud in this answer."))
            else:
                reason = user_message_of(exc) or ""
                self.notice.emit(
                    self.tr("The answer could not be read aloud. {reason}").format(reason=reason)
                )
        except UserFacingError as exc:
            self.notice.emit(user_message_of(exc) or self.tr("The audio could not be played."))
        finally:
            self._finish_reading(round_)

    def _finish_reading(self, round_: int) -> None:
        if round_ != self._round:
            return
        if self._state in (VoiceState.PREPARING, VoiceState.SPEAKING):
            self._set_state(VoiceState.IDLE)
        if self._reading:
            self._reading = 0
            self.reading_changed.emit(0)

    # Helpers -------------------------------------------------------------------------------
    def _recorder_instance(self) -> AudioRecorder:
        if self._recorder is None:
            assert self._backend is not None
            self._recorder = self._backend.recorder()
        return self._recorder

    def _player_instance(self) -> AudioPlayer:
        if self._player is None:
            assert self._backend is not None
            self._player = self._backend.player()
        return self._player

    def _set_state(self, state: VoiceState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def _require_user(self) -> str:
        user = self._user()
        if user is None:
            raise UserFacingError(self.tr("Sign in first."))
        return str(user)

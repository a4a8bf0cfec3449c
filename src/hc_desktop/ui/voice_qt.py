"""Microphone recording and audio playback with QtMultimedia, when it is installed.

QtMultimedia ships in PySide6-Addons, the optional ``voice`` component. Nothing here imports
it at module level: :func:`multimedia_installed` only asks whether it could be imported, and
:func:`load_backend` imports it the first time the assistant app turns a voice feature on,
so start-up never pays for it. Recordings are written as WAV (a type Dify's speech-to-text
accepts) into a private temporary folder that is removed as soon as the bytes are read.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import logging
from pathlib import Path
import shutil
import tempfile
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QUrl

from hc_desktop.controller.voice import Recording
from hc_desktop.core.errors import UserFacingError

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer, QMediaRecorder

_log = logging.getLogger("hc_desktop.voice")

MULTIMEDIA_MODULE = "PySide6.QtMultimedia"
_STOP_TIMEOUT = 10.0


def multimedia_installed() -> bool:
    """Whether QtMultimedia is present, without importing it."""
    try:
        return importlib.util.find_spec(MULTIMEDIA_MODULE) is not None
    except (ImportError, ValueError):
        return False


def voice_support_note() -> str:
    """What to tell the user when voice is missing because the component is not installed."""
    if multimedia_installed():
        return ""
    return QCoreApplication.translate(
        "VoiceSupport",
        "Voice input and reading answers aloud need the optional voice component, "
        "which is not installed.",
    )


def load_backend() -> QtVoiceBackend | None:
    """The QtMultimedia backend, or None when QtMultimedia cannot be loaded here."""
    if not multimedia_installed():
        return None
    try:
        importlib.import_module(MULTIMEDIA_MODULE)
    except ImportError:
        _log.info("QtMultimedia is present but could not be loaded")
        return None
    return QtVoiceBackend()


class QtVoiceBackend:
    """Creates the recorder and the player on first use."""

    def __init__(self) -> None:
        self._recorder: QtRecorder | None = None
        self._player: QtPlayer | None = None

    def recorder(self) -> QtRecorder:
        if self._recorder is None:
            self._recorder = QtRecorder()
        return self._recorder

    def player(self) -> QtPlayer:
        if self._player is None:
            self._player = QtPlayer()
        return self._player


class QtRecorder:
    """Records the default microphone to a WAV file."""

    def __init__(self) -> None:
        from PySide6.QtMultimedia import QAudioInput, QMediaCaptureSession, QMediaRecorder

        self._input = QAudioInput()
        self._session = QMediaCaptureSession()
        self._recorder = QMediaRecorder()
        self._session.setAudioInput(self._input)
        self._session.setRecorder(self._recorder)
        self._folder: Path | None = None
        self._error = ""
        self._stopped: asyncio.Future[None] | None = None
        self._recorder.errorOccurred.connect(self._on_error)
        self._recorder.recorderStateChanged.connect(self._on_state)

    def start(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

        if QMediaDevices.defaultAudioInput().isNull():
            raise UserFacingError(
                QCoreApplication.translate("VoiceSupport", "No microphone was found.")
            )
        self._discard_folder()
        self._error = ""
        self._folder = Path(tempfile.mkdtemp(prefix="hc-dictation-"))
        media_format = QMediaFormat(QMediaFormat.FileFormat.Wave)
        media_format.setAudioCodec(QMediaFormat.AudioCodec.Wave)
        self._recorder.setMediaFormat(media_format)
        self._recorder.setOutputLocation(QUrl.fromLocalFile(str(self._folder / "speech.wav")))
        self._recorder.record()

    async def stop(self) -> Recording:
        from PySide6.QtMultimedia import QMediaRecorder

        loop = asyncio.get_running_loop()
        self._stopped = loop.create_future()
        self._recorder.stop()
        if self._recorder.recorderState() is QMediaRecorder.RecorderState.StoppedState:
            self._resolve()
        try:
            await asyncio.wait_for(self._stopped, _STOP_TIMEOUT)
        except TimeoutError:
            raise UserFacingError(
                QCoreApplication.translate("VoiceSupport", "The recording did not finish.")
            ) from None
        finally:
            self._stopped = None
        try:
            if self._error:
                raise UserFacingError(
                    QCoreApplication.translate("VoiceSupport", "The recording failed.")
                )
            location = self._recorder.actualLocation().toLocalFile()
            path = Path(location) if location else None
            if path is None or not path.is_file():
                return Recording(b"")
            return Recording(await asyncio.to_thread(path.read_bytes))
        finally:
            self._discard_folder()

    def cancel(self) -> None:
        self._recorder.stop()
        self._discard_folder()

    def _on_state(self, state: QMediaRecorder.RecorderState) -> None:
        from PySide6.QtMultimedia import QMediaRecorder

        if state is QMediaRecorder.RecorderState.StoppedState:
            self._resolve()

    def _on_error(self, error: QMediaRecorder.Error, text: str) -> None:
        _log.info("recording error %s", getattr(error, "name", error))
        self._error = getattr(error, "name", "error")
        self._resolve()

    def _resolve(self) -> None:
        if self._stopped is not None and not self._stopped.done():
            self._stopped.set_result(None)

    def _discard_folder(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


class QtPlayer:
    """Plays audio bytes from memory on the default output."""

    def __init__(self) -> None:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._output = QAudioOutput()
        self._player = QMediaPlayer()
        self._player.setAudioOutput(self._output)
        self._buffer: QBuffer | None = None
        self._data = QByteArray()
        self._done: asyncio.Future[None] | None = None
        self._failed = False
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)

    async def play(self, audio: bytes, mime_type: str) -> None:
        self.stop()
        self._failed = False
        self._data = QByteArray(audio)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        # The name only tells the decoder which format to expect.
        name = "speech.wav" if "wav" in mime_type else "speech.mp3"
        self._done = asyncio.get_running_loop().create_future()
        self._player.setSourceDevice(self._buffer, QUrl(name))
        self._player.play()
        try:
            await self._done
        finally:
            self._release()
        if self._failed:
            raise UserFacingError(
                QCoreApplication.translate("VoiceSupport", "The audio could not be played.")
            )

    def stop(self) -> None:
        self._player.stop()
        self._finish()

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status is QMediaPlayer.MediaStatus.EndOfMedia:
            self._finish()
        elif status is QMediaPlayer.MediaStatus.InvalidMedia:
            self._failed = True
            self._finish()

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        _log.info("playback error %s", getattr(error, "name", error))
        self._failed = True
        self._finish()

    def _finish(self) -> None:
        if self._done is not None and not self._done.done():
            self._done.set_result(None)

    def _release(self) -> None:
        self._player.stop()
        self._player.setSource(QUrl())  # let go of the buffer before it is closed
        self._done = None
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None

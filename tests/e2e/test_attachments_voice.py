"""Attachments and voice through the real window against the loopback Dify server.

Only the sound card is replaced: a fake recorder and player stand in for QtMultimedia, so
the Dify calls (upload, speech-to-text, text-to-speech) and every UI state are real.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
import pytest

from hc_desktop.controller.attachments import AttachmentState
from hc_desktop.controller.voice import Recording, VoiceState
from hc_desktop.demo.dify_media import MediaSettings, tone_wav
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.demo.dify_turn import ChatScript
from hc_desktop.ui import voice_qt
from tests.e2e.harness import Harness
from tests.e2e.test_chat_features import click_action
from tests.fixtures.qt import wait_until


@pytest.fixture
def media_settings() -> MediaSettings:
    """What the Dify app enables; tests parametrize this to switch features off."""
    return MediaSettings.everything()


@pytest.fixture
def dify_server(media_settings: MediaSettings) -> Iterator[DemoDifyServer]:
    with DemoDifyServer(media=media_settings) as server:
        yield server


@pytest.fixture
def without_voice_component(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window is built as if PySide6-Addons were not installed (it is not in CI)."""
    monkeypatch.setattr(voice_qt, "multimedia_installed", lambda: False)


class FakeRecorder:
    """A microphone that "hears" a short tone."""

    def __init__(self) -> None:
        self.recording = False
        self.starts = 0

    def start(self) -> None:
        self.recording = True
        self.starts += 1

    async def stop(self) -> Recording:
        self.recording = False
        return Recording(tone_wav(0.2))

    def cancel(self) -> None:
        self.recording = False


class FakePlayer:
    """Records what it was asked to play; with ``hold`` it plays until stopped."""

    def __init__(self, *, hold: bool = False) -> None:
        self.played: list[tuple[bytes, str]] = []
        self.stops = 0
        self._hold = hold
        self._stopped: asyncio.Event | None = None

    async def play(self, audio: bytes, mime_type: str) -> None:
        self.played.append((audio, mime_type))
        if self._hold:
            self._stopped = asyncio.Event()
            await self._stopped.wait()

    def stop(self) -> None:
        self.stops += 1
        if self._stopped is not None:
            self._stopped.set()


class FakeBackend:
    def __init__(self, player: FakePlayer | None = None) -> None:
        self.fake_recorder = FakeRecorder()
        self.fake_player = player or FakePlayer()

    def recorder(self) -> FakeRecorder:
        return self.fake_recorder

    def player(self) -> FakePlayer:
        return self.fake_player


def write_png(path: Path) -> Path:
    image = QImage(300, 150, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 80, 60))
    assert image.save(str(path), "PNG")
    return path


async def features_loaded(app: Harness) -> None:
    """The app's parameters have arrived: the starter questions show once they have."""
    await wait_until(lambda: app.window.suggestions.isVisible(), "the app's parameters")


async def attach_through_the_dialog(app: Harness, path: Path) -> None:
    app.qtbot.mouseClick(app.window.attachments_ui.button, Qt.MouseButton.LeftButton)
    dialog = app.window.attachments_ui.dialog
    assert dialog is not None
    await wait_until(dialog.isVisible, "the file picker")
    dialog.selectFile(str(path))
    dialog.accept()
    await wait_until(lambda: bool(app.controller.chat.attachments.items), "the attachment")


def chat_requests(server: DemoDifyServer) -> list[dict[str, object]]:
    return [r.json for r in server.requests if r.path.endswith("/chat-messages")]


def test_an_attached_image_is_previewed_sent_and_acknowledged(
    signed_in: Harness, dify_server: DemoDifyServer, tmp_path: Path
) -> None:
    app = signed_in
    photo = write_png(tmp_path / "photo.png")

    async def scenario() -> None:
        await features_loaded(app)
        await attach_through_the_dialog(app, photo)
        strip = app.window.attachments_ui.strip
        assert strip.isVisible()
        (chip,) = strip.chips.values()
        assert chip.has_thumbnail and chip.isVisible()
        await app.ask("What is this rash?")
        await app.answer_settled()

    app.aloop.run(scenario())
    question, answer = app.controller.chat.messages.messages[-2:]
    assert answer.text.startswith("I received your file: “photo.png”.")
    assert question.attachments == ("photo.png",)
    assert "Attached: photo.png" in app.window.chat_view.toPlainText()
    (upload,) = dify_server.media.uploads
    assert upload.data == photo.read_bytes()
    (request,) = chat_requests(dify_server)
    assert request["files"] == [
        {"type": "image", "transfer_method": "local_file", "upload_file_id": upload.id}
    ]
    assert app.controller.chat.attachments.items == ()
    assert not app.window.attachments_ui.strip.isVisible()
    assert app.window.composer.text == ""


def test_a_failed_upload_keeps_the_text_and_the_attachment(
    signed_in: Harness, dify_server: DemoDifyServer, tmp_path: Path
) -> None:
    app = signed_in
    question = "Can you read my lab report?"

    async def scenario() -> None:
        await features_loaded(app)
        app.controller.chat.attachments.add_paths([write_png(tmp_path / "labs.png")])
        dify_server.media.fail_next(413, "file_too_large", "File size exceeded.")
        await app.ask(question)
        await wait_until(lambda: app.window.composer.text == question, "the text back")
        await wait_until(lambda: not app.controller.tasks.running("upload"), "the upload")

    app.aloop.run(scenario())
    (item,) = app.controller.chat.attachments.items
    assert item.state is AttachmentState.FAILED
    assert app.window.banner.isVisible()
    assert app.window.banner.label.text() == "“labs.png” is larger than the assistant accepts."
    (chip,) = app.window.attachments_ui.strip.chips.values()
    assert chip.status_label.text() == "Not sent"
    assert chip.toolTip() == app.window.banner.label.text()
    assert chat_requests(dify_server) == []  # nothing was asked without the file
    assert app.window.composer.send_button.isVisible()

    async def again() -> None:
        app.qtbot.mouseClick(app.window.composer.send_button, Qt.MouseButton.LeftButton)
        await app.answer_settled()

    app.aloop.run(again())
    assert app.controller.chat.messages.messages[-1].text.startswith("I received your file")
    assert app.controller.chat.attachments.items == ()


@pytest.mark.parametrize("media_settings", [MediaSettings()])
def test_attach_is_hidden_when_the_app_takes_no_files(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in
    app.aloop.run(features_loaded(app))
    assert not app.window.attachments_ui.button.isVisible()
    assert not app.window.attachments_ui.action.isEnabled()


def test_voice_is_hidden_without_the_voice_component(
    without_voice_component: None, signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in

    async def scenario() -> None:
        await features_loaded(app)
        await app.ask("Is coffee bad for me?")
        await app.answer_settled()

    app.aloop.run(scenario())
    voice = app.window.voice_ui
    assert not voice.mic_button.isVisible()
    assert not voice.dictate_action.isEnabled()
    assert "optional voice component" in voice.note
    assert app.window.composer.toolTip() == voice.note
    assert "Read aloud" not in app.window.chat_view.toPlainText()
    assert not app.controller.chat.voice.dictation_available


@pytest.mark.parametrize(
    "media_settings", [MediaSettings.everything(speech_to_text=False, text_to_speech=False)]
)
def test_voice_is_hidden_when_the_app_does_not_enable_it(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in

    async def scenario() -> None:
        await features_loaded(app)
        app.controller.chat.voice.set_backend(FakeBackend())
        await app.ask("Is tea good for me?")
        await app.answer_settled()

    app.aloop.run(scenario())
    assert not app.window.voice_ui.mic_button.isVisible()
    assert not app.window.voice_ui.read_last_action.isEnabled()
    assert "Read aloud" not in app.window.chat_view.toPlainText()


def test_dictation_puts_the_transcript_into_the_message_box_without_sending(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in
    backend = FakeBackend()
    mic = app.window.voice_ui.mic_button

    async def scenario() -> None:
        await features_loaded(app)
        app.controller.chat.voice.set_backend(backend)
        await wait_until(mic.isVisible, "the Speak button")
        app.qtbot.keyClicks(app.window.composer.editor, "Hello.")
        app.qtbot.mouseClick(mic, Qt.MouseButton.LeftButton)
        assert backend.fake_recorder.recording
        assert mic.text() == "Stop and transcribe"
        app.qtbot.mouseClick(mic, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: (
                app.controller.chat.voice.state is VoiceState.IDLE
                and app.window.composer.text != "Hello."
            ),
            "the transcript",
        )

    app.aloop.run(scenario())
    assert app.window.composer.text == f"Hello. {MediaSettings().transcript}"
    assert mic.text() == "Speak" and mic.isEnabled()
    assert chat_requests(dify_server) == []
    assert app.controller.chat.messages.messages == ()
    (request,) = [r for r in dify_server.requests if r.path.endswith("/audio-to-text")]
    assert request.headers["content-type"].startswith("multipart/form-data")


def test_read_aloud_fetches_speech_for_the_answer_and_plays_it(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in
    backend = FakeBackend()

    async def scenario() -> None:
        await features_loaded(app)
        app.controller.chat.voice.set_backend(backend)
        await app.ask("How long should I sleep?")
        await app.answer_settled()
        click_action(app, "Read aloud")
        await wait_until(lambda: bool(backend.fake_player.played), "playback")
        await wait_until(
            lambda: app.controller.chat.voice.state is VoiceState.IDLE, "the end of playback"
        )

    app.aloop.run(scenario())
    ((audio, mime_type),) = backend.fake_player.played
    assert audio.startswith(b"RIFF") and mime_type == "audio/wav"
    answer = app.controller.chat.messages.messages[-1]
    (request,) = [r.json for r in dify_server.requests if r.path.endswith("/text-to-audio")]
    assert request == {
        "user": str(app.controller.user_id),
        "streaming": False,
        "message_id": answer.message_id,
    }
    assert not app.window.voice_ui.stop_reading_button.isVisible()


@pytest.mark.parametrize("media_settings", [MediaSettings.everything(auto_play=True)])
def test_an_app_that_asks_for_it_reads_each_new_answer_aloud(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in
    backend = FakeBackend()

    async def scenario() -> None:
        await features_loaded(app)
        app.controller.chat.voice.set_backend(backend)
        await app.ask("How long should I sleep?")
        await app.answer_settled()
        await wait_until(lambda: bool(backend.fake_player.played), "playback without a click")

    app.aloop.run(scenario())
    (request,) = [r.json for r in dify_server.requests if r.path.endswith("/text-to-audio")]
    assert request["message_id"] == app.controller.chat.messages.messages[-1].message_id


def test_reading_aloud_can_be_stopped_and_failures_are_explained(
    signed_in: Harness, dify_server: DemoDifyServer
) -> None:
    app = signed_in
    backend = FakeBackend(FakePlayer(hold=True))
    voice = app.controller.chat.voice
    stop_button = app.window.voice_ui.stop_reading_button

    async def scenario() -> None:
        await features_loaded(app)
        voice.set_backend(backend)
        await app.ask("Any tips for stress?")
        await app.answer_settled()
        app.window.voice_ui.read_last_action.trigger()
        await wait_until(lambda: voice.state is VoiceState.SPEAKING, "speaking")
        assert stop_button.isVisible() and stop_button.text() == "Stop reading"
        app.qtbot.mouseClick(stop_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: voice.state is VoiceState.IDLE, "stopped")
        dify_server.media.fail_next(500, "internal_server_error", "boom")
        app.window.voice_ui.read_last_action.trigger()
        await wait_until(lambda: app.window.banner.isVisible(), "the explanation")
        await wait_until(lambda: voice.state is VoiceState.IDLE, "idle again")

    app.aloop.run(scenario())
    assert backend.fake_player.stops >= 1
    assert len(backend.fake_player.played) == 1
    assert app.window.banner.label.text().startswith("The answer could not be read aloud.")
    assert not stop_button.isVisible()


def test_retrying_a_failed_answer_sends_the_same_files_again(
    signed_in: Harness, dify_server: DemoDifyServer, tmp_path: Path
) -> None:
    app = signed_in
    dify_server.script_next(ChatScript(http_error=(500, "internal_server_error", "boom")))

    async def scenario() -> None:
        await features_loaded(app)
        app.controller.chat.attachments.add_paths([write_png(tmp_path / "ankle.png")])
        await app.ask("Is my ankle swollen?")
        await app.answer_settled()
        await wait_until(lambda: app.window.banner.action_button.isVisible(), "Retry")
        app.qtbot.mouseClick(app.window.banner.action_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: len(chat_requests(dify_server)) == 2, "the second request")
        await app.answer_settled()

    app.aloop.run(scenario())
    first, second = chat_requests(dify_server)
    (upload,) = dify_server.media.uploads  # uploaded once, referenced twice
    assert first["files"] == second["files"]
    assert first["files"][0]["upload_file_id"] == upload.id  # type: ignore[index]
    assert app.controller.chat.messages.messages[-1].text.startswith("I received your file")

"""The voice controller against the loopback Dify server, with a fake sound card."""

from __future__ import annotations

from collections.abc import Iterator
import importlib
import uuid

import pytest

from hc_desktop.controller.message_model import ChatMessage, MessageListModel, Role
from hc_desktop.controller.tasks import TaskRunner
from hc_desktop.controller.voice import Recording, VoiceController, VoiceState
from hc_desktop.core.errors import UserFacingError
from hc_desktop.demo.dify_media import MediaSettings, tone_wav
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import DifyClient
from hc_desktop.dify.models import parse_parameters
from hc_desktop.ui import voice_qt
from tests.fixtures.qt import AsyncRunner, wait_until

USER = uuid.uuid4()


class Recorder:
    def __init__(self, audio: bytes = b"", *, refuse: bool = False) -> None:
        self.audio = audio or tone_wav(0.1)
        self.refuse = refuse

    def start(self) -> None:
        if self.refuse:
            raise UserFacingError("No microphone was found.")

    async def stop(self) -> Recording:
        return Recording(self.audio)

    def cancel(self) -> None:
        pass


class Player:
    def __init__(self) -> None:
        self.played: list[bytes] = []

    async def play(self, audio: bytes, mime_type: str) -> None:
        self.played.append(audio)

    def stop(self) -> None:
        pass


class Backend:
    def __init__(self, recorder: Recorder | None = None) -> None:
        self._recorder = recorder or Recorder()
        self.fake_player = Player()

    def recorder(self) -> Recorder:
        return self._recorder

    def player(self) -> Player:
        return self.fake_player


@pytest.fixture
def messages() -> MessageListModel:
    return MessageListModel()


@pytest.fixture
def voice(
    dify_server: DemoDifyServer, aloop: AsyncRunner, messages: MessageListModel
) -> Iterator[VoiceController]:
    dify_server.media.settings = MediaSettings.everything()
    client = DifyClient(dify_server.base_url, dify_server.api_key)
    tasks = TaskRunner()
    controller = VoiceController(tasks=tasks, dify=client, messages=messages, user=lambda: USER)
    controller.apply_parameters(aloop.run(client.parameters()))
    yield controller
    aloop.run(tasks.shutdown())
    aloop.run(client.aclose())


def dictate(voice: VoiceController, aloop: AsyncRunner) -> tuple[list[str], list[str]]:
    transcripts: list[str] = []
    notices: list[str] = []
    voice.transcript_ready.connect(transcripts.append)
    voice.notice.connect(notices.append)

    async def go() -> None:
        voice.toggle_recording()
        if voice.state is VoiceState.RECORDING:
            voice.toggle_recording()
            await wait_until(lambda: voice.state is VoiceState.IDLE, "the transcription")

    aloop.run(go())
    return transcripts, notices


def test_the_backend_is_loaded_only_when_the_app_wants_voice() -> None:
    calls: list[int] = []

    def loader() -> Backend:
        calls.append(1)
        return Backend()

    controller = VoiceController(
        tasks=TaskRunner(),
        dify=None,
        messages=MessageListModel(),
        user=lambda: USER,  # type: ignore[arg-type]
    )
    availability: list[tuple[bool, bool]] = []
    controller.availability_changed.connect(lambda d, r: availability.append((d, r)))
    controller.set_backend_loader(loader)
    controller.apply_parameters(parse_parameters({"speech_to_text": {"enabled": False}}))
    assert calls == []
    controller.apply_parameters(parse_parameters({"text_to_speech": {"enabled": True}}))
    assert calls == [1]
    assert availability[-1] == (False, True)
    controller.apply_parameters(parse_parameters({"speech_to_text": {"enabled": True}}))
    assert calls == [1]  # loaded once
    assert availability[-1] == (True, False)


def test_a_backend_that_fails_to_load_means_no_voice() -> None:
    def broken() -> Backend:
        raise RuntimeError("no audio plugin")

    controller = VoiceController(
        tasks=TaskRunner(),
        dify=None,
        messages=MessageListModel(),
        user=lambda: USER,  # type: ignore[arg-type]
    )
    controller.set_backend_loader(broken)
    controller.apply_parameters(parse_parameters({"speech_to_text": {"enabled": True}}))
    assert not controller.dictation_available
    assert not controller.backend_installed


def test_qt_backend_is_none_when_qtmultimedia_cannot_be_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(voice_qt, "multimedia_installed", lambda: True)

    def refuse(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", refuse)
    assert voice_qt.load_backend() is None


def test_dictation_returns_the_transcript(voice: VoiceController, aloop: AsyncRunner) -> None:
    voice.set_backend(Backend())
    transcripts, notices = dictate(voice, aloop)
    assert transcripts == [MediaSettings().transcript]
    assert notices == []


def test_dictation_failures_are_explained(
    voice: VoiceController, dify_server: DemoDifyServer, aloop: AsyncRunner
) -> None:
    voice.set_backend(Backend())
    dify_server.media.fail_next(413, "audio_too_large", "Audio size larger than 30 mb")
    assert dictate(voice, aloop) == ([], ["The recording is too long. Keep it to a few minutes."])

    voice.set_backend(Backend(Recorder(refuse=True)))
    assert dictate(voice, aloop) == ([], ["No microphone was found."])
    assert voice.state is VoiceState.IDLE

    dify_server.media.settings = MediaSettings.everything(transcript="   ")
    voice.set_backend(Backend())
    _, notices = dictate(voice, aloop)
    assert notices == ["No speech was recognised. Try again a little closer."]


def test_read_aloud_uses_the_text_when_the_answer_has_no_id_yet(
    voice: VoiceController,
    messages: MessageListModel,
    dify_server: DemoDifyServer,
    aloop: AsyncRunner,
) -> None:
    backend = Backend()
    voice.set_backend(backend)
    answer = ChatMessage.new(Role.ASSISTANT, "Drink water regularly.")
    question = ChatMessage.new(Role.USER, "Water?")
    messages.reset([question, answer])
    reading: list[int] = []
    voice.reading_changed.connect(reading.append)

    async def go() -> None:
        voice.read_aloud(question.local_id)  # questions are not read
        assert voice.state is VoiceState.IDLE
        voice.read_aloud(answer.local_id)
        await wait_until(lambda: voice.state is VoiceState.IDLE, "playback")

    aloop.run(go())
    assert len(backend.fake_player.played) == 1
    (request,) = [r.json for r in dify_server.requests if r.path.endswith("/text-to-audio")]
    assert request == {"user": str(USER), "streaming": False, "text": "Drink water regularly."}
    assert reading == [answer.local_id, 0]

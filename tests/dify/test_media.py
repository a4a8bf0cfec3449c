"""Uploads, speech-to-text and text-to-speech against the loopback Dify server."""

from __future__ import annotations

import io
from pathlib import Path
import wave

import httpx
import pytest

from hc_desktop.demo.dify_media import MediaSettings
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import AnswerDelta, AnswerEnd, DifyError, SpeechAudio, UploadedFile
from hc_desktop.dify.features import MEBIBYTE, file_kind
from hc_desktop.dify.files import NO_AUDIO
from hc_desktop.dify.models import parse_parameters
from tests.dify.helpers import USER, collect, run
from tests.fixtures.dify import DifyClientFactory

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def media_server(dify_server: DemoDifyServer) -> DemoDifyServer:
    dify_server.media.settings = MediaSettings.everything()
    return dify_server


def upload(factory: DifyClientFactory, data: bytes | Path, **options: object) -> UploadedFile:
    async def go() -> UploadedFile:
        async with factory() as client:
            return await client.upload_file(data, user=USER, **options)  # type: ignore[arg-type]

    return run(go())


def failure(factory: DifyClientFactory, data: bytes, **options: object) -> DifyError:
    with pytest.raises(DifyError) as caught:
        upload(factory, data, **options)
    return caught.value


# -- uploads ---------------------------------------------------------------------------------


def test_upload_stores_the_file_for_the_user_and_reports_progress(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    data = PNG * 100  # several slices
    progress: list[tuple[int, int]] = []
    uploaded = upload(
        dify_client_factory,
        data,
        filename="rash.png",
        mime_type="image/png",
        on_progress=lambda sent, total: progress.append((sent, total)),
    )
    assert (uploaded.name, uploaded.size) == ("rash.png", len(data))
    assert uploaded.mime_type == "image/png"
    assert uploaded.extension == "png"
    (stored,) = media_server.media.uploads
    assert (stored.id, stored.user, stored.data) == (uploaded.id, USER, data)
    assert len(progress) > 1
    assert progress[-1] == (len(data), len(data))
    assert [sent for sent, _ in progress] == sorted(sent for sent, _ in progress)
    assert uploaded.chat_reference() == {
        "type": "image",
        "transfer_method": "local_file",
        "upload_file_id": uploaded.id,
    }


def test_upload_from_a_path_keeps_a_non_ascii_file_name(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory, tmp_path: Path
) -> None:
    path = tmp_path / "Blutdruck-Übersicht Mai.pdf"
    path.write_bytes(b"%PDF-1.4 demo")
    uploaded = upload(dify_client_factory, path, mime_type="application/pdf")
    assert uploaded.name == "Blutdruck-Übersicht Mai.pdf"
    assert media_server.media.uploads[0].data == b"%PDF-1.4 demo"


def test_too_large_files_get_413_with_the_limit_of_their_kind(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    media_server.media.settings = MediaSettings.everything(image_limit_mb=1, file_limit_mb=2)
    big = b"x" * (MEBIBYTE + 1)
    error = failure(dify_client_factory, big, filename="scan.png", mime_type="image/png")
    assert (error.status, error.code) == (413, "file_too_large")
    assert not error.retryable
    # The same size is fine for a document, whose limit is larger.
    assert upload(dify_client_factory, big, filename="scan.pdf", mime_type="application/pdf").id


def test_a_file_without_content_type_is_an_unsupported_type(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    error = failure(dify_client_factory, b"data", filename="notes.txt", mime_type="")
    assert (error.status, error.code) == (415, "unsupported_file_type")
    assert media_server.media.uploads == []


def test_bad_file_names_are_refused(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    error = failure(dify_client_factory, b"data", filename="a:b.txt", mime_type="text/plain")
    assert (error.status, error.code) == (400, "invalid_param")


def test_upload_requests_without_exactly_one_file_are_refused(
    media_server: DemoDifyServer,
) -> None:
    headers = {"Authorization": f"Bearer {media_server.api_key}"}
    url = f"{media_server.base_url}/files/upload"
    with httpx.Client(timeout=10) as http:
        none = http.post(url, headers=headers, data={"user": USER})
        two = http.post(
            url,
            headers=headers,
            data={"user": USER},
            files=[
                ("file", ("a.txt", b"a", "text/plain")),
                ("extra", ("b.txt", b"b", "text/plain")),
            ],
        )
    assert (none.status_code, none.json()["code"]) == (400, "no_file_uploaded")
    assert (two.status_code, two.json()["code"]) == (400, "too_many_files")


def test_storage_failures_keep_dify_codes(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    media_server.media.fail_next(503, "s3_connection_failed", "S3 connection failed.")
    error = failure(dify_client_factory, PNG, filename="a.png", mime_type="image/png")
    assert (error.status, error.code) == (503, "s3_connection_failed")
    assert error.retryable
    assert "S3" not in str(error)  # the server's text stays out of what is shown


def test_an_upload_needs_a_file_name_for_bytes(dify_client_factory: DifyClientFactory) -> None:
    with pytest.raises(ValueError, match="filename"):
        upload(dify_client_factory, b"data")


# -- attaching uploads to a message ----------------------------------------------------------


def test_a_message_with_files_reaches_the_assistant(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> str:
        async with dify_client_factory() as client:
            image = await client.upload_file(
                PNG, user=USER, filename="rash.png", mime_type="image/png"
            )
            report = await client.upload_file(
                b"%PDF", user=USER, filename="labs.pdf", mime_type="application/pdf"
            )
            events = await collect(
                client,
                "What do you see?",
                files=[image.chat_reference(), report.chat_reference()],
            )
        assert isinstance(events[-1], AnswerEnd)
        return "".join(e.text for e in events if isinstance(e, AnswerDelta))

    answer = run(go())
    assert answer.startswith("I received your files: “rash.png”, “labs.pdf”.")
    chat = next(r for r in media_server.requests if r.path.endswith("/chat-messages"))
    assert [f["type"] for f in chat.json["files"]] == ["image", "document"]  # type: ignore[index]


def test_messages_may_not_exceed_the_file_count_or_borrow_uploads(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    media_server.media.settings = MediaSettings.everything(number_limits=1)

    async def go() -> tuple[DifyError, DifyError]:
        async with dify_client_factory() as client:
            mine = await client.upload_file(PNG, user=USER, filename="a.png", mime_type="image/png")
            theirs = await client.upload_file(
                PNG, user="someone-else", filename="b.png", mime_type="image/png"
            )
            errors = []
            for files in ([mine.chat_reference()] * 2, [theirs.chat_reference()]):
                try:
                    await collect(client, "Look", files=files)
                except DifyError as error:
                    errors.append(error)
            return errors[0], errors[1]

    too_many, borrowed = run(go())
    assert (too_many.status, too_many.code) == (400, "invalid_param")
    assert "maximum limit 1" in too_many.message
    assert (borrowed.status, borrowed.code) == (400, "invalid_param")


def test_files_are_ignored_when_the_app_takes_no_uploads(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> str:
        async with dify_client_factory() as client:
            files = [{"type": "image", "transfer_method": "local_file", "upload_file_id": "x"}]
            events = await collect(client, "Hello", files=files)
        return "".join(e.text for e in events if isinstance(e, AnswerDelta))

    assert not run(go()).startswith("I received")


# -- voice -----------------------------------------------------------------------------------


def test_audio_to_text_returns_the_transcript(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> str:
        async with dify_client_factory() as client:
            return await client.audio_to_text(b"RIFF....WAVE", user=USER)

    assert run(go()) == MediaSettings().transcript
    request = next(r for r in media_server.requests if r.path.endswith("/audio-to-text"))
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")


def test_audio_to_text_refuses_mpeg_and_a_disabled_feature(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go(mime: str) -> DifyError:
        async with dify_client_factory() as client:
            with pytest.raises(DifyError) as caught:
                await client.audio_to_text(b"ID3", user=USER, filename="a.mp3", mime_type=mime)
            return caught.value

    wrong_type = run(go("audio/mpeg"))
    assert (wrong_type.status, wrong_type.code) == (415, "unsupported_audio_type")
    media_server.media.fail_next(400, "provider_not_support_speech_to_text", "Not supported.")
    unsupported = run(go("audio/mp3"))
    assert unsupported.code == "provider_not_support_speech_to_text"
    media_server.media.settings = MediaSettings.everything(speech_to_text=False)
    disabled = run(go("audio/wav"))
    assert (disabled.status, disabled.code) == (400, "invalid_param")


def _duration(audio: SpeechAudio) -> float:
    with wave.open(io.BytesIO(audio.data)) as reader:
        return reader.getnframes() / reader.getframerate()


def test_text_to_audio_reads_text_and_stored_answers(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> tuple[SpeechAudio, SpeechAudio]:
        async with dify_client_factory() as client:
            events = await collect(client, "How much water should I drink?")
            end = events[-1]
            assert isinstance(end, AnswerEnd)
            spoken = await client.text_to_audio(user=USER, text="Drink water.")
            answer = await client.text_to_audio(user=USER, message_id=end.message_id)
            return spoken, answer

    spoken, answer = run(go())
    assert spoken.mime_type == "audio/wav"
    assert spoken.data.startswith(b"RIFF") and _duration(spoken) > 0
    assert _duration(answer) > _duration(spoken)  # the stored answer is longer
    request = next(r for r in media_server.requests if r.path.endswith("/text-to-audio"))
    assert request.json == {"user": USER, "streaming": False, "text": "Drink water."}


def test_text_to_audio_failures(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go(**options: str) -> DifyError:
        async with dify_client_factory() as client:
            with pytest.raises(DifyError) as caught:
                await client.text_to_audio(user=USER, **options)
            return caught.value

    unknown = run(go(message_id="9d9fd7c5-7e83-4b43-9a3e-0f5ed2b4a0c1"))
    assert (unknown.status, unknown.code) == (None, NO_AUDIO)
    assert not unknown.retryable
    media_server.media.settings = MediaSettings.everything(text_to_speech=False)
    disabled = run(go(text="Hello"))
    assert (disabled.status, disabled.code) == (400, "invalid_param")

    async def nothing() -> None:
        async with dify_client_factory() as client:
            await client.text_to_audio(user=USER)

    with pytest.raises(ValueError, match="message_id or text"):
        run(nothing())


# -- what the app enables --------------------------------------------------------------------


def test_parameters_expose_the_media_features(
    media_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    media_server.media.settings = MediaSettings.everything(
        allowed_file_types=("image", "custom"),
        allowed_file_extensions=("PDF", ".Txt"),
        number_limits=2,
        image_limit_mb=4,
        auto_play=True,
    )

    async def go():  # type: ignore[no-untyped-def]
        async with dify_client_factory() as client:
            return await client.parameters()

    parameters = run(go())
    upload_settings = parameters.file_upload
    assert upload_settings.enabled and upload_settings.accepts_local_files
    assert upload_settings.allowed_file_types == ("image", "custom")
    assert upload_settings.allowed_file_extensions == (".pdf", ".txt")
    assert upload_settings.number_limits == 2
    assert parameters.upload_limits.for_kind("image") == 4 * MEBIBYTE
    assert parameters.upload_limits.for_kind("document") == 15 * MEBIBYTE
    assert parameters.speech_to_text_enabled
    tts = parameters.text_to_speech
    assert (tts.enabled, tts.voice, tts.auto_play) == (True, "demo-voice", True)


def test_the_default_demo_app_enables_no_media(dify_client_factory: DifyClientFactory) -> None:
    async def go():  # type: ignore[no-untyped-def]
        async with dify_client_factory() as client:
            return await client.parameters()

    parameters = run(go())
    assert not parameters.file_upload.enabled
    assert not parameters.speech_to_text_enabled
    assert not parameters.text_to_speech.enabled


def test_legacy_image_only_settings_and_junk_are_understood() -> None:
    legacy = parse_parameters(
        {
            "file_upload": {
                "image": {"enabled": True, "number_limits": 2, "transfer_methods": ["remote_url"]}
            },
            "system_parameters": {"image_file_size_limit": "big"},
            "speech_to_text": {"enabled": "yes"},
            "text_to_speech": [],
        }
    )
    assert legacy.file_upload.enabled
    assert legacy.file_upload.allowed_file_types == ("image",)
    assert not legacy.file_upload.accepts_local_files  # only links allowed
    assert legacy.upload_limits.for_kind("image") == 10 * MEBIBYTE
    assert not legacy.speech_to_text_enabled
    assert not legacy.text_to_speech.enabled


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("A.JPG", "image"),
        ("notes.md", "document"),
        ("voice.m4a", "audio"),
        ("clip.mov", "video"),
        ("data.bin", "custom"),
        ("README", "custom"),
    ],
)
def test_file_kinds_follow_dify_extensions(name: str, kind: str) -> None:
    assert file_kind(name) == kind

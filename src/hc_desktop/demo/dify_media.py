"""Attachments and voice for the demo Dify app: uploads, speech-to-text, text-to-speech.

Follows Dify where clients can trip: one multipart ``file`` part per upload, a part without
a content type is an unsupported type (415), sizes are limited per kind of file (413),
speech-to-text takes only Dify's audio types, text-to-speech answers ``null`` for an unknown
message, and chat messages may reference only the same user's uploads, within the app's
types and count. The answer to a message with files names them, so tests see they arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import io
import math
from pathlib import PurePath
import re
import struct
import threading
import time
from typing import Any
import uuid
import wave

from hc_desktop.demo.dify_http import ApiError, ApiHandler, ApiRequest

_MEBIBYTE = 1024 * 1024
_AUDIO_LIMIT = 30 * _MEBIBYTE
_SPEECH_TYPES = frozenset({"audio/mp3", "audio/m4a", "audio/wav", "audio/amr", "audio/mpga"})
_BAD_FILENAME = re.compile(r'[\\/:*?"<>|]')
_DEFAULT_USER = "DEFAULT-USER"

_KINDS = {
    "image": frozenset({"jpg", "jpeg", "png", "webp", "gif", "svg"}),
    "document": frozenset(
        {"txt", "md", "markdown", "mdx", "pdf", "html", "htm", "csv", "doc", "docx", "xls"}
        | {"xlsx", "ppt", "pptx", "xml", "epub", "eml", "msg", "vtt", "properties"}
    ),
    "audio": frozenset({"mp3", "m4a", "wav", "amr", "mpga"}),
    "video": frozenset({"mp4", "mov", "mpeg", "webm"}),
}

AnswerLookup = Callable[[str, str], "str | None"]
"""(message id, user) -> the stored answer, or None when that user has no such message."""


def kind_of(filename: str) -> str:
    extension = PurePath(filename).suffix.lower().lstrip(".")
    for kind, extensions in _KINDS.items():
        if extension in extensions:
            return kind
    return "custom"


@dataclass(frozen=True)
class MediaSettings:
    """What the demo app advertises in ``GET /parameters`` and enforces.

    The defaults keep every feature off, like a freshly created Dify chat app;
    :meth:`everything` turns them all on.
    """

    file_upload: bool = False
    allowed_file_types: tuple[str, ...] = ("image", "document")
    allowed_file_extensions: tuple[str, ...] = ()
    transfer_methods: tuple[str, ...] = ("local_file", "remote_url")
    number_limits: int = 3
    image_limit_mb: int = 10
    file_limit_mb: int = 15
    audio_limit_mb: int = 50
    video_limit_mb: int = 100
    speech_to_text: bool = False
    text_to_speech: bool = False
    voice: str = "demo-voice"
    auto_play: bool = False
    transcript: str = "I have had a mild headache since this morning."

    @classmethod
    def everything(cls, **changes: Any) -> MediaSettings:
        """Uploads, dictation and read-aloud all on (``changes`` override single fields)."""
        base: dict[str, Any] = {"file_upload": True, "speech_to_text": True, "text_to_speech": True}
        base.update(changes)
        return cls(**base)

    def limit_for(self, kind: str) -> int:
        megabytes = {
            "image": self.image_limit_mb,
            "audio": self.audio_limit_mb,
            "video": self.video_limit_mb,
        }.get(kind, self.file_limit_mb)
        return megabytes * _MEBIBYTE


@dataclass(frozen=True)
class StoredUpload:
    id: str
    user: str
    name: str
    size: int
    mime_type: str
    created_at: int
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class FormPart:
    name: str
    filename: str | None
    content_type: str
    data: bytes = field(repr=False)


def _header_params(value: str) -> dict[str, str]:
    """Parameters of a header like ``form-data; name="file"; filename="a.png"``."""
    params: dict[str, str] = {}
    for match in re.finditer(r';\s*([\w*-]+)="((?:[^"\\]|\\.)*)"|;\s*([\w*-]+)=([^;]*)', value):
        key = (match.group(1) or match.group(3) or "").lower()
        raw = match.group(2) if match.group(1) else (match.group(4) or "").strip()
        params[key] = raw.replace("%22", '"').replace("%0D", "\r").replace("%0A", "\n")
    return params


def parse_form_data(content_type: str, body: bytes) -> list[FormPart]:
    """The parts of a ``multipart/form-data`` body; [] for anything else."""
    if not content_type.lower().startswith("multipart/form-data"):
        return []
    boundary = _header_params(content_type).get("boundary")
    if not boundary:
        return []
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    parts: list[FormPart] = []
    for section in (b"\r\n" + body).split(delimiter)[1:]:
        if section.startswith(b"--"):
            break
        head, separator, data = section.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not separator:
            continue
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        disposition = _header_params(headers.get("content-disposition", ""))
        parts.append(
            FormPart(
                name=disposition.get("name", ""),
                filename=disposition.get("filename"),
                content_type=headers.get("content-type", ""),
                data=data,
            )
        )
    return parts


def tone_wav(seconds: float, *, rate: int = 16_000, pitch: float = 440.0) -> bytes:
    """A short mono 16-bit sine tone as a WAV file: real audio any player can open."""
    frames = max(1, int(seconds * rate))
    samples = (int(8000 * math.sin(2 * math.pi * pitch * n / rate)) for n in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


def _user_field(parts: list[FormPart]) -> str:
    for part in parts:
        if part.name == "user" and part.filename is None:
            return part.data.decode("utf-8", "replace") or _DEFAULT_USER
    return _DEFAULT_USER


class DemoMedia:
    """The media endpoints of the demo server and the uploads they hold (in memory)."""

    def __init__(self, settings: MediaSettings, answer_of: AnswerLookup) -> None:
        self.settings = settings
        """Replace to change what the app advertises; takes effect on the next request."""
        self._answer_of = answer_of
        self._lock = threading.Lock()
        self._uploads: dict[str, StoredUpload] = {}
        self._failures: list[tuple[int, str, str]] = []

    # -- test hooks ----------------------------------------------------------------------

    def fail_next(self, status: int, code: str, message: str) -> None:
        """The next media request (upload, audio) answers with this Dify error."""
        with self._lock:
            self._failures.append((status, code, message))

    @property
    def uploads(self) -> list[StoredUpload]:
        with self._lock:
            return list(self._uploads.values())

    def _scripted_failure(self) -> None:
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
        if failure is not None:
            raise ApiError(*failure)

    # -- wiring --------------------------------------------------------------------------

    def routes(self) -> list[tuple[str, re.Pattern[str], Callable[..., None]]]:
        return [
            ("POST", re.compile(r"/files/upload"), self.upload),
            ("POST", re.compile(r"/audio-to-text"), self.speech_to_text),
            ("POST", re.compile(r"/text-to-audio"), self.text_to_speech),
        ]

    def parameters(self, base: dict[str, Any]) -> dict[str, Any]:
        """``base`` (the app's other parameters) with the media switches filled in."""
        s = self.settings
        methods = list(s.transfer_methods)
        return {
            **base,
            "speech_to_text": {"enabled": s.speech_to_text},
            "text_to_speech": {
                "enabled": s.text_to_speech,
                "voice": s.voice,
                "language": "en-US",
                "autoPlay": "enabled" if s.auto_play else "disabled",
            },
            "file_upload": {
                "enabled": s.file_upload,
                "allowed_file_types": list(s.allowed_file_types),
                "allowed_file_extensions": list(s.allowed_file_extensions),
                "allowed_file_upload_methods": methods,
                "number_limits": s.number_limits,
                "image": {
                    "enabled": s.file_upload and "image" in s.allowed_file_types,
                    "number_limits": s.number_limits,
                    "detail": "high",
                    "transfer_methods": methods,
                },
            },
            "system_parameters": {
                **base.get("system_parameters", {}),
                "image_file_size_limit": s.image_limit_mb,
                "video_file_size_limit": s.video_limit_mb,
                "audio_file_size_limit": s.audio_limit_mb,
                "file_size_limit": s.file_limit_mb,
            },
        }

    # -- chat ----------------------------------------------------------------------------

    def acknowledge(self, files: Any, user: str, answer: str) -> str:
        """Check a chat message's ``files`` and name them at the top of the answer.

        Like Dify, files are ignored when the app does not take uploads.
        """
        if not self.settings.file_upload or not files:
            return answer
        if not isinstance(files, list):
            raise ApiError(400, "invalid_param", "files must be a list")
        if self.settings.number_limits and len(files) > self.settings.number_limits:
            raise ApiError(
                400,
                "invalid_param",
                f"Number of files exceeds the maximum limit {self.settings.number_limits}",
            )
        names = [self._attached(item, user) for item in files]
        listed = ", ".join(f"“{name}”" for name in names)
        noun = "file" if len(names) == 1 else "files"
        return f"I received your {noun}: {listed}.\n\n{answer}"

    def _attached(self, item: Any, user: str) -> str:
        if not isinstance(item, dict) or item.get("transfer_method") != "local_file":
            raise ApiError(400, "invalid_param", "Only local_file uploads are supported here")
        with self._lock:
            upload = self._uploads.get(str(item.get("upload_file_id")))
        if upload is None or upload.user != user:
            raise ApiError(400, "invalid_param", "Invalid upload file")
        kind = kind_of(upload.name)
        allowed = self.settings.allowed_file_types
        declared = item.get("type")
        extension = PurePath(upload.name).suffix.lower()
        if declared == "custom":
            if extension not in {e.lower() for e in self.settings.allowed_file_extensions}:
                raise ApiError(400, "invalid_param", f"File validation failed for {upload.name}")
        elif declared != kind or kind not in allowed:
            raise ApiError(400, "invalid_param", f"File validation failed for {upload.name}")
        return upload.name

    # -- endpoints -----------------------------------------------------------------------

    def upload(self, handler: ApiHandler, request: ApiRequest) -> None:
        self._scripted_failure()
        parts = parse_form_data(request.headers.get("content-type", ""), request.body)
        files = [p for p in parts if p.filename is not None]
        if not any(p.name == "file" for p in files):
            raise ApiError(400, "no_file_uploaded", "Please upload your file.")
        if len(files) > 1:
            raise ApiError(400, "too_many_files", "Only one file is allowed.")
        (part,) = files
        if not part.content_type:
            raise ApiError(415, "unsupported_file_type", "File type not allowed.")
        if not part.filename:
            raise ApiError(
                400, "filename_not_exists_error", "The specified filename does not exist."
            )
        if _BAD_FILENAME.search(part.filename):
            raise ApiError(400, "invalid_param", "Filename contains invalid characters")
        limit = self.settings.limit_for(kind_of(part.filename))
        if len(part.data) > limit:
            raise ApiError(413, "file_too_large", f"File size exceeded. {len(part.data)} > {limit}")
        stored = StoredUpload(
            id=str(uuid.uuid4()),
            user=_user_field(parts),
            name=part.filename,
            size=len(part.data),
            mime_type=part.content_type,
            created_at=int(time.time()),
            data=part.data,
        )
        with self._lock:
            self._uploads[stored.id] = stored
        extension = PurePath(stored.name).suffix.lstrip(".").lower()
        handler.send_json(
            201,
            {
                "id": stored.id,
                "name": stored.name,
                "size": stored.size,
                "extension": extension,
                "mime_type": stored.mime_type,
                "created_by": str(uuid.uuid5(uuid.NAMESPACE_URL, stored.user)),
                "created_at": stored.created_at,
                "preview_url": None,
                "source_url": "",
                "original_url": None,
                "user_id": None,
                "tenant_id": None,
                "conversation_id": None,
                "file_key": None,
            },
        )

    def speech_to_text(self, handler: ApiHandler, request: ApiRequest) -> None:
        if not self.settings.speech_to_text:
            raise ApiError(400, "invalid_param", "Speech to text is not enabled")
        self._scripted_failure()
        parts = parse_form_data(request.headers.get("content-type", ""), request.body)
        audio = next((p for p in parts if p.name == "file" and p.filename is not None), None)
        if audio is None:
            raise ApiError(400, "no_audio_uploaded", "Please upload your audio.")
        if audio.content_type not in _SPEECH_TYPES:
            raise ApiError(415, "unsupported_audio_type", "Audio type not allowed.")
        if len(audio.data) > _AUDIO_LIMIT:
            raise ApiError(413, "audio_too_large", "Audio size larger than 30 mb")
        handler.send_json(200, {"text": self.settings.transcript})

    def text_to_speech(self, handler: ApiHandler, request: ApiRequest) -> None:
        body = request.json_body()
        if not self.settings.text_to_speech:
            raise ApiError(400, "invalid_param", "TTS is not enabled")
        self._scripted_failure()
        user = body.get("user") if isinstance(body.get("user"), str) else None
        message_id = body.get("message_id")
        if message_id:
            answer = self._answer_of(str(message_id), user or _DEFAULT_USER)
            if not answer:
                handler.send_json(200, None)  # what Dify renders for "nothing to read"
                return
            spoken = answer
        else:
            text = body.get("text")
            if not isinstance(text, str) or not text:
                raise ApiError(400, "invalid_param", "Text is required")
            spoken = text
        audio = tone_wav(min(1.0, 0.1 + len(spoken) / 2000))
        handler.send_body(200, "audio/wav", audio)

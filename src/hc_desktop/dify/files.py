"""Uploads, speech-to-text and text-to-speech against Dify's Service API.

Uploads are multipart bodies that this module writes itself, in slices, so the caller can
show how much has been sent; ``Content-Length`` is always set because Dify's WSGI stack does
not read chunked request bodies. Text-to-speech answers with audio bytes, or with the JSON
body ``null`` when there is nothing to read (unknown message, empty answer).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
import json
import logging
import secrets
from typing import TYPE_CHECKING, Any

from hc_desktop.dify.errors import (
    UNEXPECTED_RESPONSE,
    DifyError,
    error_from_transport,
    raise_for_response,
)
from hc_desktop.dify.features import file_kind

if TYPE_CHECKING:  # httpx loads with the first request
    import httpx

log = logging.getLogger("hc_desktop.dify")

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes sent, bytes in total) while an upload is on its way."""

NO_AUDIO = "no_audio"
"""Text-to-speech produced nothing (Dify answers ``null``)."""
RESPONSE_TOO_LARGE = "response_too_large"

_SLICE = 64 * 1024
_MAX_AUDIO_BYTES = 64 * 1024 * 1024
_MAX_JSON_BYTES = 1024 * 1024

SPEECH_MIME_TYPES = frozenset({"audio/mp3", "audio/m4a", "audio/wav", "audio/amr", "audio/mpga"})
"""What ``POST /audio-to-text`` accepts (``audio/mpeg`` is refused)."""


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """A file stored by Dify for this user, to be referenced from a chat message."""

    id: str
    name: str
    size: int
    mime_type: str
    extension: str = ""

    def chat_reference(self) -> dict[str, str]:
        """The ``files`` item of ``POST /chat-messages`` that attaches this upload."""
        return {
            "type": file_kind(self.name),
            "transfer_method": "local_file",
            "upload_file_id": self.id,
        }


@dataclass(frozen=True, slots=True)
class SpeechAudio:
    """Audio read aloud by Dify, with its content type (``audio/mpeg`` or ``audio/wav``)."""

    data: bytes = field(repr=False)
    mime_type: str


@dataclass(frozen=True, slots=True)
class MediaTransport:
    """What every call here needs from the client: its HTTP client, URL and headers."""

    http: httpx.AsyncClient
    base_url: str
    headers: Mapping[str, str] = field(repr=False)
    timeouts: httpx.Timeout


def _quoted(value: str) -> str:
    """A form-data parameter value as browsers write it (quotes and line breaks escaped)."""
    return value.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


class MultipartBody:
    """A ``multipart/form-data`` body with text fields and one file, sent in slices."""

    def __init__(
        self,
        fields: Mapping[str, str],
        *,
        file_field: str,
        filename: str,
        mime_type: str,
        data: bytes,
    ) -> None:
        self.boundary = secrets.token_hex(16)
        head = bytearray()
        for name, value in fields.items():
            head += f"--{self.boundary}\r\n".encode("ascii")
            head += f'Content-Disposition: form-data; name="{_quoted(name)}"\r\n\r\n'.encode()
            head += value.encode("utf-8") + b"\r\n"
        head += f"--{self.boundary}\r\n".encode("ascii")
        head += (
            f'Content-Disposition: form-data; name="{_quoted(file_field)}"; '
            f'filename="{_quoted(filename)}"\r\n'
        ).encode()
        if mime_type:
            head += f"Content-Type: {mime_type}\r\n".encode()
        head += b"\r\n"
        self._head = bytes(head)
        self._data = data
        self._tail = f"\r\n--{self.boundary}--\r\n".encode("ascii")

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return len(self._head) + len(self._data) + len(self._tail)

    async def slices(self, on_progress: ProgressCallback | None) -> AsyncIterator[bytes]:
        """The body in pieces; progress counts file bytes only."""
        total = len(self._data)
        yield self._head
        view = memoryview(self._data)
        for start in range(0, total, _SLICE):
            yield bytes(view[start : start + _SLICE])
            if on_progress is not None:
                on_progress(min(start + _SLICE, total), total)
        if on_progress is not None and total == 0:
            on_progress(0, 0)
        yield self._tail


async def _send(
    transport: MediaTransport,
    route: str,
    *,
    limit: int,
    multipart: MultipartBody | None = None,
    json_body: dict[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
) -> tuple[str, bytes]:
    """POST to ``route``; return the response's content type and body (bounded)."""
    import httpx

    headers = dict(transport.headers)
    content: AsyncIterator[bytes] | bytes
    if multipart is not None:
        headers["Content-Type"] = multipart.content_type
        headers["Content-Length"] = str(len(multipart))
        content = multipart.slices(on_progress)
    else:
        headers["Content-Type"] = "application/json"
        content = json.dumps(json_body or {}).encode("utf-8")
    try:
        async with transport.http.stream(
            "POST",
            f"{transport.base_url}{route}",
            content=content,
            headers=headers,
            timeout=transport.timeouts,
        ) as response:
            await raise_for_response(response)
            body = bytearray()
            async for piece in response.aiter_bytes():
                body += piece
                if len(body) > limit:
                    raise DifyError(RESPONSE_TOO_LARGE, "the response is larger than expected")
            content_type = response.headers.get("content-type", "")
    except httpx.TransportError as exc:
        error = error_from_transport(exc)
        log.info("dify POST %s failed code=%s", route, error.code)
        raise error from None
    except DifyError as error:
        log.info("dify POST %s failed %s", route, error.log_text)
        raise
    return content_type, bytes(body)


def _json_object(content_type: str, body: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(body) if "json" in content_type.lower() else None
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise DifyError(UNEXPECTED_RESPONSE, "expected a JSON object")
    return parsed


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


async def upload_file(
    transport: MediaTransport,
    data: bytes,
    *,
    filename: str,
    mime_type: str,
    user: str,
    on_progress: ProgressCallback | None = None,
) -> UploadedFile:
    """``POST /files/upload``: store one file for ``user`` and return its id."""
    body = MultipartBody(
        {"user": user}, file_field="file", filename=filename, mime_type=mime_type, data=data
    )
    content_type, raw = await _send(
        transport, "/files/upload", limit=_MAX_JSON_BYTES, multipart=body, on_progress=on_progress
    )
    parsed = _json_object(content_type, raw)
    file_id = _str(parsed.get("id"))
    if not file_id:
        raise DifyError(UNEXPECTED_RESPONSE, "the upload response has no file id")
    size = parsed.get("size")
    log.info("dify upload stored file=%s", file_id)
    return UploadedFile(
        id=file_id,
        name=_str(parsed.get("name")) or filename,
        size=size if isinstance(size, int) and not isinstance(size, bool) else len(data),
        mime_type=_str(parsed.get("mime_type")) or mime_type,
        extension=_str(parsed.get("extension")),
    )


async def audio_to_text(
    transport: MediaTransport, audio: bytes, *, filename: str, mime_type: str, user: str
) -> str:
    """``POST /audio-to-text``: the transcript of a recording."""
    body = MultipartBody(
        {"user": user}, file_field="file", filename=filename, mime_type=mime_type, data=audio
    )
    content_type, raw = await _send(
        transport, "/audio-to-text", limit=_MAX_JSON_BYTES, multipart=body
    )
    text = _json_object(content_type, raw).get("text")
    if not isinstance(text, str):
        raise DifyError(UNEXPECTED_RESPONSE, "the transcript is missing")
    return text


async def text_to_audio(
    transport: MediaTransport,
    *,
    user: str,
    message_id: str | None = None,
    text: str | None = None,
    voice: str | None = None,
) -> SpeechAudio:
    """``POST /text-to-audio``: speech for a stored answer (``message_id``) or for ``text``."""
    if not message_id and not text:
        raise ValueError("give message_id or text")
    request: dict[str, Any] = {"user": user, "streaming": False}
    if message_id:
        request["message_id"] = message_id
    if text:
        request["text"] = text
    if voice:
        request["voice"] = voice
    content_type, raw = await _send(
        transport, "/text-to-audio", limit=_MAX_AUDIO_BYTES, json_body=request
    )
    kind = content_type.partition(";")[0].strip().lower()
    if "json" in kind:
        # Dify renders "nothing to read" as a 200 with the JSON body null.
        try:
            parsed = json.loads(raw) if raw.strip() else None
        except ValueError:
            parsed = ...
        if parsed is None:
            raise DifyError(NO_AUDIO, "the service returned no audio", retryable=False)
        raise DifyError(UNEXPECTED_RESPONSE, "expected audio, got JSON")
    if not raw:
        raise DifyError(NO_AUDIO, "the service returned no audio", retryable=False)
    return SpeechAudio(data=raw, mime_type=kind or "audio/mpeg")

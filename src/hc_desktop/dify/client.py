"""The Dify Service API client used by the desktop app (chat, history, feedback)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from contextlib import aclosing
import logging
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self

from hc_desktop.dify.errors import DifyError, error_from_transport, raise_for_response
from hc_desktop.dify.events import StreamEvent
from hc_desktop.dify.files import (
    MediaTransport,
    ProgressCallback,
    SpeechAudio,
    UploadedFile,
    audio_to_text,
    text_to_audio,
    upload_file,
)
from hc_desktop.dify.models import (
    AppParameters,
    Conversation,
    ConversationPage,
    MessagePage,
    parse_conversation,
    parse_conversation_page,
    parse_message_page,
    parse_parameters,
    parse_suggestions,
)
from hc_desktop.dify.streaming import stream_chat_events
from hc_desktop.transport import LazyHttpClient

if TYPE_CHECKING:  # httpx loads with the first request, after the window has painted
    import httpx

log = logging.getLogger("hc_desktop.dify")

# Dify pings every 10 s, so a read timeout well above that only fires on a dead connection.
DEFAULT_TIMEOUT_SECONDS = {"connect": 10.0, "read": 60.0, "write": 30.0, "pool": 10.0}
DEFAULT_STALL_TIMEOUT = 45.0
MAX_USER_LENGTH = 255

Rating = Literal["like", "dislike"]
BearerSource = Callable[[], Awaitable[str]]


def _check_user(user: str) -> None:
    """Dify silently falls back to a shared anonymous user when ``user`` is missing."""
    if not user or len(user) > MAX_USER_LENGTH:
        raise ValueError("user must be 1..255 characters")


class DifyClient:
    """Talks to one Dify app through its Service API.

    ``base_url`` ends in ``/v1``. Every method sends ``user`` (the signed-in user's id) so the
    conversations belong to that user, and raises :class:`DifyError` on failure. An injected
    ``http`` client is left open by :meth:`aclose`; otherwise the client owns one and closes
    it. ``timeouts`` are passed on every request, so they apply to an injected client too.
    ``stall_timeout`` is how long a stream may go without a non-ping event.

    Two ways to authenticate, exactly one of which is given:

    * ``api_key``: the Dify app key (from the keyring), sent as the bearer token. Whoever
      holds it can act as any ``user`` of the app.
    * ``bearer``: returns the signed-in user's Supabase access token, for a gateway that
      holds the app key, verifies the token and forces ``user`` to its subject. ``user`` is
      still sent (the gateway overrides it), so both modes speak the same API.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        bearer: BearerSource | None = None,
        http: httpx.AsyncClient | None = None,
        timeouts: httpx.Timeout | None = None,
        stall_timeout: float = DEFAULT_STALL_TIMEOUT,
    ) -> None:
        if (api_key is None) == (bearer is None):
            raise ValueError("give either api_key or bearer")
        self._base_url = base_url.rstrip("/")
        self._api_key = api_key
        self._bearer = bearer
        self._stall_timeout = stall_timeout
        self._lazy = LazyHttpClient(DEFAULT_TIMEOUT_SECONDS, http=http, timeouts=timeouts)

    @property
    def _timeouts(self) -> httpx.Timeout:
        return self._lazy.timeouts

    @property
    def _http(self) -> httpx.AsyncClient:
        return self._lazy.client

    def __repr__(self) -> str:
        mode = "api_key=<hidden>" if self._bearer is None else "gateway"
        return f"DifyClient(base_url={self._base_url!r}, {mode})"

    @property
    def gateway_mode(self) -> bool:
        """True when requests carry the user's access token instead of the app key."""
        return self._bearer is not None

    @property
    def base_url(self) -> str:
        return self._base_url

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client if this object created it."""
        await self._lazy.aclose()

    # -- chat ---------------------------------------------------------------------------

    def stream_chat(
        self,
        query: str,
        *,
        user: str,
        conversation_id: str | None = None,
        inputs: Mapping[str, Any] | None = None,
        files: list[dict[str, Any]] | None = None,
        auto_generate_name: bool = True,
    ) -> AsyncGenerator[StreamEvent, None]:
        """Send ``query`` and yield the answer as typed events until the turn ends.

        Ends normally after ``message_end`` (or a finished chatflow run). Raises DifyError for
        HTTP errors, an in-stream ``error`` event, a failed chatflow run, no progress within
        the stall timeout (``stream_stalled``) or a stream that ends early
        (``stream_incomplete``); events already yielded stay valid.
        """
        _check_user(user)
        body: dict[str, Any] = {
            "query": query,
            "inputs": dict(inputs or {}),
            "response_mode": "streaming",
            "user": user,
            "auto_generate_name": auto_generate_name,
        }
        if conversation_id:
            body["conversation_id"] = conversation_id
        if files:
            body["files"] = files
        log.info("chat stream start conversation=%s", conversation_id or "new")
        if self._api_key is not None:
            return stream_chat_events(
                self._http,
                self._url("/chat-messages"),
                body=body,
                headers=self._key_headers(self._api_key),
                http_timeouts=self._timeouts,
                stall_timeout=self._stall_timeout,
            )
        return self._stream_with_bearer(body)

    async def _stream_with_bearer(self, body: dict[str, Any]) -> AsyncGenerator[StreamEvent, None]:
        """The stream, once the current access token is known."""
        headers = await self._headers()
        events = stream_chat_events(
            self._http,
            self._url("/chat-messages"),
            body=body,
            headers=headers,
            http_timeouts=self._timeouts,
            stall_timeout=self._stall_timeout,
        )
        async with aclosing(events):
            async for event in events:
                yield event

    async def stop(self, task_id: str, *, user: str) -> None:
        """Ask Dify to stop a running generation (best effort; always succeeds on Dify)."""
        _check_user(user)
        await self._request("POST", f"/chat-messages/{task_id}/stop", json={"user": user})

    # -- history ------------------------------------------------------------------------

    async def messages(
        self,
        conversation_id: str,
        *,
        user: str,
        first_id: str | None = None,
        limit: int = 20,
    ) -> MessagePage:
        """One page of a conversation's turns, oldest first; pass ``first_id`` for older."""
        _check_user(user)
        params: dict[str, str | int] = {
            "conversation_id": conversation_id,
            "user": user,
            "limit": limit,
        }
        if first_id:
            params["first_id"] = first_id
        return parse_message_page(await self._request("GET", "/messages", params=params))

    async def conversations(
        self, *, user: str, last_id: str | None = None, limit: int = 20
    ) -> ConversationPage:
        """One page of the user's conversations, most recently active first."""
        _check_user(user)
        params: dict[str, str | int] = {"user": user, "limit": limit}
        if last_id:
            params["last_id"] = last_id
        return parse_conversation_page(await self._request("GET", "/conversations", params=params))

    async def rename_conversation(
        self,
        conversation_id: str,
        *,
        user: str,
        name: str | None = None,
        auto_generate: bool = False,
    ) -> Conversation:
        """Set a conversation's name, or let Dify generate one from its first question."""
        _check_user(user)
        body: dict[str, Any] = {"user": user, "auto_generate": auto_generate}
        if name is not None:
            body["name"] = name
        return parse_conversation(
            await self._request("POST", f"/conversations/{conversation_id}/name", json=body)
        )

    async def delete_conversation(self, conversation_id: str, *, user: str) -> None:
        """Delete a conversation (Dify needs the JSON body even for DELETE)."""
        _check_user(user)
        await self._request("DELETE", f"/conversations/{conversation_id}", json={"user": user})

    # -- feedback and extras ------------------------------------------------------------

    async def feedback(
        self,
        message_id: str,
        *,
        user: str,
        rating: Rating | None,
        content: str | None = None,
    ) -> None:
        """Rate an answer; ``rating=None`` withdraws an earlier rating."""
        _check_user(user)
        body: dict[str, Any] = {"rating": rating, "user": user}
        if content is not None:
            body["content"] = content
        await self._request("POST", f"/messages/{message_id}/feedbacks", json=body)

    async def suggested(self, message_id: str, *, user: str) -> list[str]:
        """Follow-up questions Dify suggests after an answer."""
        _check_user(user)
        return parse_suggestions(
            await self._request("GET", f"/messages/{message_id}/suggested", params={"user": user})
        )

    async def parameters(self) -> AppParameters:
        """The app's opening statement, starter questions and feature switches."""
        return parse_parameters(await self._request("GET", "/parameters"))

    # -- attachments and voice ----------------------------------------------------------

    async def upload_file(
        self,
        source: Path | bytes,
        *,
        user: str,
        filename: str | None = None,
        mime_type: str = "application/octet-stream",
        on_progress: ProgressCallback | None = None,
    ) -> UploadedFile:
        """Store a file (a path, or bytes with ``filename``) for the next message."""
        _check_user(user)
        if isinstance(source, Path):
            data = await asyncio.to_thread(source.read_bytes)
            filename = filename or source.name
        else:
            data = source
        if not filename:
            raise ValueError("filename is required for bytes")
        return await upload_file(
            await self._media(),
            data,
            filename=filename,
            mime_type=mime_type,
            user=user,
            on_progress=on_progress,
        )

    async def audio_to_text(
        self, audio: bytes, *, user: str, filename: str = "speech.wav", mime_type: str = "audio/wav"
    ) -> str:
        """The transcript of a recording (the app's speech-to-text must be on)."""
        _check_user(user)
        return await audio_to_text(
            await self._media(), audio, filename=filename, mime_type=mime_type, user=user
        )

    async def text_to_audio(
        self,
        *,
        user: str,
        message_id: str | None = None,
        text: str | None = None,
        voice: str | None = None,
    ) -> SpeechAudio:
        """Speech for a stored answer (``message_id``, preferred) or for ``text``."""
        _check_user(user)
        return await text_to_audio(
            await self._media(), user=user, message_id=message_id, text=text, voice=voice
        )

    async def _media(self) -> MediaTransport:
        return MediaTransport(self._http, self._base_url, await self._headers(), self._timeouts)

    # -- plumbing -----------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return f"{self._base_url}{path}"

    @staticmethod
    def _key_headers(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    async def _headers(self) -> dict[str, str]:
        if self._bearer is not None:
            return self._key_headers(await self._bearer())
        assert self._api_key is not None
        return self._key_headers(self._api_key)

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: dict[str, Any] | None = None,
    ) -> Any:
        """Send one request; return its decoded JSON body (None for an empty body)."""
        import httpx

        headers = await self._headers()
        try:
            async with self._http.stream(
                method,
                self._url(path),
                params=params,
                json=json,
                headers=headers,
                timeout=self._timeouts,
            ) as response:
                await raise_for_response(response)
                content = await response.aread()
        except httpx.TransportError as exc:
            error = error_from_transport(exc)
            log.info("dify %s %s failed code=%s", method, _route(path), error.code)
            raise error from None
        except DifyError as error:
            log.info("dify %s %s failed %s", method, _route(path), error.log_text)
            raise
        if response.status_code == 204 or not content.strip():
            return None
        try:
            return response.json()
        except ValueError:
            raise DifyError("unexpected_response", "the response body is not JSON") from None


def _route(path: str) -> str:
    """The path with ids removed, so logs show the endpoint and never identifiers twice."""
    return "/".join("{id}" if len(part) >= 32 else part for part in path.split("/"))

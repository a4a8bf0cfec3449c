"""A loopback server that speaks Dify's Service API for ``--demo`` and for tests.

It follows the protocol where clients can trip: bearer-key checks, JSON bodies where Dify
demands them, ``user`` scoping (another user's ids look like missing ones), UUID validation,
SSE framing byte for byte, and paging rules. Tests bend single chat requests with
:class:`ChatScript` and inspect what the client sent through :attr:`DemoDifyServer.requests`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
import json
import logging
from pathlib import Path
import re
import threading
import time
from typing import Any
import uuid

from hc_desktop.demo.dify_http import ApiError, ApiHandler, ApiHttpServer, ApiRequest
from hc_desktop.demo.dify_media import DemoMedia, MediaSettings
from hc_desktop.demo.dify_replies import (
    app_parameters,
    compose_reply,
    generated_name,
    initial_name,
    suggested_questions,
)
from hc_desktop.demo.dify_sse import SseWriter
from hc_desktop.demo.dify_state import DemoDifyState, StoredConversation, StoredMessage
from hc_desktop.demo.dify_turn import (
    ChatScript,
    StreamingTurn,
    TurnControl,
    TurnIds,
    TurnOutcome,
)
from hc_desktop.demo.loopback import LoopbackServer

__all__ = ["ChatScript", "DemoDifyServer", "RecordedRequest"]

log = logging.getLogger("hc_desktop.demo.dify")

SERVER_VERSION = "1.14.1"
_DEFAULT_USER = "DEFAULT-USER"


@dataclass(frozen=True)
class RecordedRequest:
    """What a client sent (the Authorization header is left out)."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    headers: dict[str, str] = field(repr=False)


def _bad_param(message: str) -> ApiError:
    return ApiError(400, "invalid_param", message)


def _not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def _uuid(value: Any, name: str) -> str:
    """The canonical lowercase form of a UUID argument, or Dify's 400."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise _bad_param(f"{name} must be a valid UUID") from None


def _limit(raw: str | None) -> int:
    if raw is None:
        return 20
    try:
        limit = int(raw)
    except ValueError:
        raise _bad_param("limit must be an integer") from None
    if not 1 <= limit <= 100:
        raise _bad_param("limit must be between 1 and 100")
    return limit


@dataclass
class _Task:
    user: str
    control: TurnControl


class DemoDifyServer(LoopbackServer[ApiHttpServer]):
    """Dify Service API on 127.0.0.1, in a background thread.

    Use as a context manager or call :meth:`start` / :meth:`stop`. With ``state_path`` the
    conversations persist in a SQLite file; otherwise they live in memory.
    """

    def __init__(
        self,
        api_key: str = "app-demo-key",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        chunk_delay: float = 0.0,
        state_path: Path | None = None,
        media: MediaSettings | None = None,
    ) -> None:
        self.api_key = api_key
        self.chunk_delay = chunk_delay
        self.ping_period = 10.0
        super().__init__(host, port)
        self._state_path = state_path
        self._state: DemoDifyState | None = None
        self._lock = threading.Lock()
        self._scripts: deque[ChatScript] = deque()
        self._requests: list[RecordedRequest] = []
        self._tasks: dict[str, _Task] = {}
        self._stopping = threading.Event()
        self.media = DemoMedia(media or MediaSettings(), self._answer_of)
        """Uploads and voice; replace ``media.settings`` to switch features."""

    def __repr__(self) -> str:
        return f"DemoDifyServer(address={self._address!r}, api_key=<hidden>)"

    # -- lifecycle -----------------------------------------------------------------------

    thread_name = "demo-dify-server"

    def _before_start(self) -> None:
        self._stopping.clear()
        self._state = DemoDifyState(self._state_path)

    def _make_server(self, address: tuple[str, int]) -> ApiHttpServer:
        return ApiHttpServer(address, self)

    def _release_connections(self, httpd: ApiHttpServer) -> None:
        """End open streams too: they would otherwise hold their threads."""
        self._stopping.set()
        httpd.close_connections()

    def _after_stop(self) -> None:
        if self._state is not None:
            self._state.close()
            self._state = None

    @property
    def base_url(self) -> str:
        return f"{self.origin}/v1"

    # -- test hooks ----------------------------------------------------------------------

    def script_next(self, *scripts: ChatScript) -> None:
        """Queue behaviours; each following chat request takes the next one."""
        with self._lock:
            self._scripts.extend(scripts)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    @staticmethod
    def scripted_answer(query: str) -> str:
        """The answer the demo assistant gives to ``query`` (for seeding matching history)."""
        return compose_reply(query)

    def seed_conversation(self, user: str, name: str, exchanges: list[tuple[str, str]]) -> str:
        """Create a finished conversation with these (query, answer) turns; return its id."""
        return self.seed_conversations(user, [(name, exchanges)])[0]

    def seed_conversations(
        self, user: str, conversations: Sequence[tuple[str, Sequence[tuple[str, str]]]]
    ) -> list[str]:
        """Bulk version of :meth:`seed_conversation`, in one transaction (the last is newest)."""
        return self._store().seed(user, conversations)

    def conversation_count(self, user: str) -> int:
        return self._store().count_conversations(user)

    # -- request handling (called from handler threads) ----------------------------------

    def _store(self) -> DemoDifyState:
        if self._state is None:
            raise RuntimeError("the demo Dify server is not running")
        return self._state

    def _record(self, request: ApiRequest) -> None:
        headers = {k: v for k, v in request.headers.items() if k != "authorization"}
        entry = RecordedRequest(
            request.method, request.path, dict(request.query), request.parsed_json(), headers
        )
        with self._lock:
            self._requests.append(entry)

    def _next_script(self) -> ChatScript:
        with self._lock:
            return self._scripts.popleft() if self._scripts else ChatScript()

    def _authorize(self, request: ApiRequest) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if not header or not token:
            raise ApiError(
                401,
                "unauthorized",
                "Authorization header must be provided and start with 'Bearer'",
            )
        if scheme.lower() != "bearer":
            raise ApiError(401, "unauthorized", "Authorization scheme must be 'Bearer'")
        if token.strip() != self.api_key:
            raise ApiError(401, "unauthorized", "Access token is invalid")

    def handle(self, handler: ApiHandler, request: ApiRequest) -> None:
        self._record(request)
        route = request.path.removeprefix("/v1")
        try:
            if route in ("", "/") and request.method == "GET":
                handler.send_json(
                    200,
                    {
                        "welcome": "Dify OpenAPI",
                        "api_version": "v1",
                        "server_version": SERVER_VERSION,
                    },
                )
                return
            if not request.path.startswith("/v1/"):
                raise _not_found("The requested URL was not found on the server.")
            action, args = self._route(request.method, route)
            self._authorize(request)
            action(handler, request, *args)
        except ApiError as error:
            handler.send_error_json(error)

    def _route(self, method: str, route: str) -> tuple[Callable[..., None], tuple[str, ...]]:
        allowed = False
        for verb, pattern, action in self._routes():
            match = pattern.fullmatch(route)
            if match:
                allowed = True
                if verb == method:
                    return action, match.groups()
        if allowed:
            raise ApiError(
                405, "method_not_allowed", "The method is not allowed for the requested URL."
            )
        raise _not_found("The requested URL was not found on the server.")

    def _routes(self) -> list[tuple[str, re.Pattern[str], Callable[..., None]]]:
        segment = r"([^/]+)"
        return [
            ("POST", re.compile(r"/chat-messages"), self._chat),
            ("POST", re.compile(rf"/chat-messages/{segment}/stop"), self._stop_task),
            ("GET", re.compile(r"/messages"), self._list_messages),
            ("POST", re.compile(rf"/messages/{segment}/feedbacks"), self._feedback),
            ("GET", re.compile(rf"/messages/{segment}/suggested"), self._suggested),
            ("GET", re.compile(r"/conversations"), self._list_conversations),
            ("DELETE", re.compile(rf"/conversations/{segment}"), self._delete_conversation),
            ("POST", re.compile(rf"/conversations/{segment}/name"), self._rename),
            ("GET", re.compile(r"/parameters"), self._parameters),
            ("GET", re.compile(r"/info"), self._info),
            *self.media.routes(),
        ]

    # -- endpoints -----------------------------------------------------------------------

    @staticmethod
    def _required_user(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise _bad_param("Arg user must be provided.")
        return value

    @staticmethod
    def _optional_user(value: Any) -> str:
        return value if isinstance(value, str) and value else _DEFAULT_USER

    def _owned_conversation(self, raw_id: str, user: str) -> StoredConversation:
        conversation = self._store().get_conversation(_uuid(raw_id, "conversation_id"), user)
        if conversation is None:
            raise _not_found("Conversation Not Exists.")
        return conversation

    def _answer_of(self, raw_id: str, user: str) -> str | None:
        """The stored answer of one of ``user``'s messages (None for anything else)."""
        try:
            message = self._store().get_message(str(uuid.UUID(raw_id)), user)
        except ValueError:
            return None
        return None if message is None else message.answer

    def _owned_message(self, raw_id: str, user: str) -> StoredMessage:
        message = self._store().get_message(_uuid(raw_id, "message_id"), user)
        if message is None:
            raise _not_found("Message Not Exists.")
        return message

    def _chat(self, handler: ApiHandler, request: ApiRequest) -> None:
        body = request.json_body()
        user = self._required_user(body.get("user"))
        script = self._next_script()
        if script.http_error is not None:
            raise ApiError(*script.http_error)
        if script.html_status is not None:
            handler.send_html(script.html_status)
            return
        if not isinstance(body.get("inputs"), dict):
            raise _bad_param("1 validation error for ChatRequestPayload\ninputs\n  Field required")
        query = body.get("query")
        if not isinstance(query, str) or not query.replace("\x00", ""):
            raise _bad_param("query is required")
        query = query.replace("\x00", "")
        streaming = body.get("response_mode") == "streaming"
        if script.mode == "agent" and not streaming:
            raise _bad_param("Agent Chat App does not support blocking mode")
        raw_conversation = body.get("conversation_id")
        conversation: StoredConversation | None = None
        if isinstance(raw_conversation, str) and raw_conversation.strip():
            conversation = self._owned_conversation(raw_conversation.strip(), user)
        answer = script.answer if script.answer is not None else compose_reply(query)
        answer = self.media.acknowledge(body.get("files"), user, answer)
        if not streaming:
            self._blocking_chat(handler, user, query, conversation, answer)
            return
        if script.raw_body is not None or script.ping_only:
            ids = TurnIds("", "", str(uuid.uuid4()), int(time.time()))
            self._stream(handler, request, script, ids, query, answer, user, message=None)
            return
        store = self._store()
        if conversation is None:
            conversation = store.create_conversation(user, initial_name(query))
        message = store.add_message(conversation.id, user, query)
        ids = TurnIds(conversation.id, message.id, str(uuid.uuid4()), message.created_at)
        self._stream(handler, request, script, ids, query, answer, user, message=message)

    def _blocking_chat(
        self,
        handler: ApiHandler,
        user: str,
        query: str,
        conversation: StoredConversation | None,
        answer: str,
    ) -> None:
        store = self._store()
        if conversation is None:
            conversation = store.create_conversation(user, initial_name(query))
        message = store.add_message(conversation.id, user, query)
        store.finish_message(message.id, answer)
        body = {
            "event": "message",
            "task_id": str(uuid.uuid4()),
            "id": message.id,
            "message_id": message.id,
            "conversation_id": conversation.id,
            "mode": "chat",
            "answer": answer,
            "metadata": {"annotation_reply": None, "retriever_resources": [], "usage": {}},
            "created_at": message.created_at,
        }
        handler.send_body(200, "application/json", json.dumps(body).encode("utf-8"))

    def _stream(
        self,
        handler: ApiHandler,
        request: ApiRequest,
        script: ChatScript,
        ids: TurnIds,
        query: str,
        answer: str,
        user: str,
        *,
        message: StoredMessage | None,
    ) -> None:
        control = TurnControl(
            server_stopping=self._stopping,
            chunk_delay=self.chunk_delay,
            ping_period=self.ping_period,
        )
        with self._lock:
            self._tasks[ids.task_id] = _Task(user, control)
        handler.start_stream()
        writer = SseWriter(
            handler.send_raw,
            crlf=script.crlf,
            legacy_json=script.legacy_json,
            slice_sizes=script.slice_sizes,
        )
        turn = StreamingTurn(writer, script, ids, control, query=query, answer=answer)
        outcome = TurnOutcome("", store=False)
        try:
            outcome = turn.run()
            writer.close(clean=outcome.clean_close)
        except OSError:
            # The client left; like Dify, the server still finishes and stores the answer.
            outcome = TurnOutcome(answer, clean_close=False)
        finally:
            with self._lock:
                self._tasks.pop(ids.task_id, None)
            if message is not None and outcome.store:
                self._store().finish_message(
                    message.id, outcome.answer, status=outcome.status, error=outcome.error
                )
        if not outcome.clean_close:
            handler.close_connection = True
        log.debug("demo stream done task=%s", ids.task_id)

    def _stop_task(self, handler: ApiHandler, request: ApiRequest, task_id: str) -> None:
        user = self._required_user(request.json_body().get("user"))
        with self._lock:
            task = self._tasks.get(task_id)
        if task is not None and task.user == user:
            task.control.stopped.set()
        handler.send_json(200, {"result": "success"})

    def _list_messages(self, handler: ApiHandler, request: ApiRequest) -> None:
        user = self._optional_user(request.query.get("user"))
        raw_conversation = request.query.get("conversation_id", "")
        limit = _limit(request.query.get("limit"))
        if not raw_conversation:
            handler.send_json(200, {"limit": limit, "has_more": False, "data": []})
            return
        conversation = self._owned_conversation(raw_conversation, user)
        raw_first = request.query.get("first_id")
        first_id = _uuid(raw_first, "first_id") if raw_first else None
        page = self._store().list_messages(conversation.id, limit, first_id)
        if page is None:
            raise _not_found("First Message Not Exists.")
        items, has_more = page
        handler.send_json(
            200, {"limit": limit, "has_more": has_more, "data": [_message_json(m) for m in items]}
        )

    def _list_conversations(self, handler: ApiHandler, request: ApiRequest) -> None:
        user = self._optional_user(request.query.get("user"))
        limit = _limit(request.query.get("limit"))
        raw_last = request.query.get("last_id")
        last_id = _uuid(raw_last, "last_id") if raw_last else None
        page = self._store().list_conversations(user, limit, last_id)
        if page is None:
            raise _not_found("Last Conversation Not Exists.")
        items, has_more = page
        handler.send_json(
            200,
            {"limit": limit, "has_more": has_more, "data": [_conversation_json(c) for c in items]},
        )

    def _delete_conversation(self, handler: ApiHandler, request: ApiRequest, raw_id: str) -> None:
        user = self._optional_user(request.json_body().get("user"))
        conversation = self._owned_conversation(raw_id, user)
        self._store().delete_conversation(conversation.id)
        handler.send_body(204, None, b"")

    def _rename(self, handler: ApiHandler, request: ApiRequest, raw_id: str) -> None:
        body = request.json_body()
        user = self._optional_user(body.get("user"))
        conversation = self._owned_conversation(raw_id, user)
        store = self._store()
        if body.get("auto_generate") is True:
            first = store.first_message(conversation.id)
            if first is None:
                raise _bad_param("")
            name = generated_name(first.query)
        else:
            raw_name = body.get("name")
            if not isinstance(raw_name, str) or not raw_name.strip():
                raise _bad_param("name is required when auto_generate is false")
            name = raw_name.strip()
        store.rename_conversation(conversation.id, name)
        renamed = store.get_conversation(conversation.id, user)
        handler.send_json(200, _conversation_json(renamed or conversation))

    def _feedback(self, handler: ApiHandler, request: ApiRequest, raw_id: str) -> None:
        body = request.json_body()
        user = self._required_user(body.get("user"))
        message = self._owned_message(raw_id, user)
        rating = body.get("rating")
        if rating not in ("like", "dislike", None):
            raise _bad_param("rating must be like, dislike or null")
        if rating is None and message.rating is None:
            raise _bad_param("rating cannot be None when feedback not exists")
        content = body.get("content")
        self._store().set_rating(message.id, rating, content if isinstance(content, str) else None)
        handler.send_json(200, {"result": "success"})

    def _suggested(self, handler: ApiHandler, request: ApiRequest, raw_id: str) -> None:
        user = self._required_user(request.query.get("user"))
        message = self._owned_message(raw_id, user)
        handler.send_json(200, {"result": "success", "data": suggested_questions(message.query)})

    def _parameters(self, handler: ApiHandler, request: ApiRequest) -> None:
        handler.send_json(200, self.media.parameters(app_parameters()))

    def _info(self, handler: ApiHandler, request: ApiRequest) -> None:
        handler.send_json(
            200,
            {
                "name": "Health Companion (demo)",
                "description": "General wellness information for trying out the app.",
                "tags": [],
                "mode": "chat",
                "author_name": "Health Companion",
            },
        )


def _conversation_json(conversation: StoredConversation) -> dict[str, Any]:
    return {
        "id": conversation.id,
        "name": conversation.name,
        "inputs": {},
        "status": "normal",
        "introduction": "",
        "created_at": conversation.created_at,
        "updated_at": conversation.updated_at,
    }


def _message_json(message: StoredMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "conversation_id": message.conversation_id,
        "parent_message_id": "00000000-0000-0000-0000-000000000000",
        "inputs": {},
        "query": message.query,
        "answer": message.answer,
        "message_files": [],
        "feedback": None if message.rating is None else {"rating": message.rating},
        "retriever_resources": [],
        "created_at": message.created_at,
        "agent_thoughts": [],
        "status": message.status,
        "error": message.error,
        "extra_contents": [],
    }

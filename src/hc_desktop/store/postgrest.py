"""Threads over the Supabase Data API (PostgREST), with the user's own access token.

The server enforces row-level security with the caller's token, so no database password
lives on the desktop. Every request names the ``health_companion`` profile, the project's
``apikey`` and ``Authorization: Bearer <access token>``; every filter also names the bound
user (defence in depth next to RLS).

Two choices keep the Data API path free of extra database objects (see docs/database.md):

* ``updated_at`` on a change is sent as the string ``"now"``. PostgREST converts the JSON body
  to the column type inside the statement, and PostgreSQL reads the special input ``now`` as
  the transaction's start time, so the server's clock stamps the row as ``now()`` would.
* The sync probe is computed on the client from the user's ``(id, updated_at)`` pairs, because
  PostgREST has no aggregates by default. The server's time comes from the response's
  ``Date`` header (whole seconds, rounded down), which only ever moves the pull cursor earlier.

Besides :class:`~hc_desktop.store.repository.ThreadRepository` it offers the methods the sync
engine uses on a remote (``insert_with_id``, ``update_if_unchanged``,
``changed_since``, ``versions``, ``fetch_many``); ``sync`` adapts :meth:`window_summary`
into its probe.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
import logging
from typing import Any
import uuid

import httpx

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.core.threads import Thread, utc_from_text
from hc_desktop.store.dataapi_errors import AccessTokenRejected, error_for, is_token_rejection
from hc_desktop.store.repository import ConversationConflict, ThreadNotFound
from hc_desktop.transport import LazyHttpClient

log = logging.getLogger(__name__)

PROFILE = "health_companion"
TABLE_PATH = "/rest/v1/threads"
DEFAULT_TIMEOUT_SECONDS = {"connect": 10.0, "read": 30.0, "write": 30.0, "pool": 10.0}
#: Ids per ``id=in.(...)`` filter; keeps URLs far below common gateway limits (~8 KB).
FETCH_CHUNK = 100
#: Matches the sync fingerprint (kept here so the store does not import sync).
_MODULUS = 1_000_000_007
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

TokenSource = Callable[[], Awaitable[str]]
Params = list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class WindowSummary:
    """What the sync engine's probe compares (the fields of its fingerprint) and the time."""

    total: int
    window_count: int
    window_sum: int
    server_now: datetime


def parse_thread(row: Mapping[str, Any]) -> Thread:
    """A PostgREST JSON row as the domain value (timestamps normalised to UTC)."""
    return Thread(
        id=uuid.UUID(str(row["id"])),
        user_id=uuid.UUID(str(row["user_id"])),
        conversation_id=str(row["conversation_id"]),
        title=row.get("title"),
        last_message_preview=row.get("last_message_preview"),
        archived=bool(row.get("archived")),
        created_at=utc_from_text(row["created_at"]),
        updated_at=utc_from_text(row["updated_at"]),
    )


def _stamp_us(moment: datetime) -> int:
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _in_list(ids: Sequence[uuid.UUID]) -> str:
    return "in.(" + ",".join(str(i) for i in ids) + ")"


class DataApiThreads:
    """Threads of one user through ``/rest/v1/threads``.

    ``base_url`` is the project URL (``https://<ref>.supabase.co``); ``token`` returns a
    current access token and ``renew`` (optional) a freshly refreshed one. A request the
    server refuses for its token is retried once with a newer token; if that fails too,
    :class:`~hc_desktop.store.dataapi_errors.AccessTokenRejected` is raised. Network
    failures raise :class:`~hc_desktop.core.errors.StoreUnavailable`.
    """

    store_label = "the Supabase Data API"

    def __init__(
        self,
        base_url: str,
        anon_key: str,
        user_id: uuid.UUID,
        *,
        token: TokenSource,
        renew: TokenSource | None = None,
        http: httpx.AsyncClient | None = None,
        timeouts: httpx.Timeout | None = None,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._anon_key = anon_key
        self._user_id = user_id
        self._token = token
        self._renew = renew
        self._lazy = LazyHttpClient(DEFAULT_TIMEOUT_SECONDS, http=http, timeouts=timeouts)
        self._closed = False

    def __repr__(self) -> str:
        return f"DataApiThreads({self._base_url!r}, user={self._user_id}, anon_key=<hidden>)"

    @property
    def user_id(self) -> uuid.UUID:
        return self._user_id

    # -- plumbing -----------------------------------------------------------------------------

    def _headers(self, token: str, method: str, prefer: str | None) -> dict[str, str]:
        headers = {
            "apikey": self._anon_key,
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
        }
        headers["Accept-Profile" if method == "GET" else "Content-Profile"] = PROFILE
        if prefer:
            headers["Prefer"] = prefer
        return headers

    async def _send(
        self,
        method: str,
        params: Params,
        *,
        body: Any = None,
        prefer: str | None = None,
    ) -> httpx.Response:
        """One request with token renewal on rejection; returns a successful response."""
        if self._closed:
            raise StoreUnavailable(f"{self.store_label} client has been closed")
        used = await self._token()
        response = await self._once(method, params, used, body, prefer)
        if is_token_rejection(response):
            log.info("data api rejected the access token; renewing once")
            current = await self._token()
            if current == used and self._renew is not None:
                current = await self._renew()
            if current != used:
                response = await self._once(method, params, current, body, prefer)
            if is_token_rejection(response):
                raise AccessTokenRejected(str(response.json().get("code", "")))
        if response.is_success:
            return response
        error = error_for(response, self.store_label)
        log.info("data api %s threads failed status=%d", method, response.status_code)
        raise error

    async def _once(
        self, method: str, params: Params, token: str, body: Any, prefer: str | None
    ) -> httpx.Response:
        try:
            return await self._lazy.client.request(
                method,
                f"{self._base_url}{TABLE_PATH}",
                params=tuple(params),
                json=body,
                headers=self._headers(token, method, prefer),
                timeout=self._lazy.timeouts,
            )
        except httpx.TransportError as exc:
            log.info("data api %s threads unreachable: %s", method, type(exc).__name__)
            raise StoreUnavailable(
                f"{self.store_label} could not be reached", retryable=True
            ) from None

    def _mine(self, *filters: tuple[str, str]) -> list[tuple[str, str]]:
        return [("select", "*"), ("user_id", f"eq.{self._user_id}"), *filters]

    async def _rows(self, params: Params) -> list[Thread]:
        response = await self._send("GET", params)
        return [parse_thread(row) for row in response.json()]

    async def _one(self, *filters: tuple[str, str]) -> Thread | None:
        rows = await self._rows(self._mine(*filters))
        return rows[0] if rows else None

    async def _patch(
        self, filters: list[tuple[str, str]], values: Mapping[str, Any]
    ) -> Thread | None:
        body = {**values, "updated_at": "now"}
        response = await self._send(
            "PATCH",
            [("user_id", f"eq.{self._user_id}"), *filters],
            body=body,
            prefer="return=representation",
        )
        rows = response.json()
        return parse_thread(rows[0]) if rows else None

    async def _changed(self, thread_id: uuid.UUID, values: Mapping[str, Any]) -> Thread:
        row = await self._patch([("id", f"eq.{thread_id}")], values)
        if row is None:
            raise ThreadNotFound(str(thread_id))
        return row

    async def _insert(self, values: dict[str, Any]) -> Thread | None:
        """``INSERT ... ON CONFLICT (conversation_id) DO NOTHING`` then this user's row."""
        response = await self._send(
            "POST",
            [("on_conflict", "conversation_id")],
            body={**values, "user_id": str(self._user_id)},
            prefer="return=representation,resolution=ignore-duplicates",
        )
        rows = response.json()
        if rows:
            return parse_thread(rows[0])
        return await self.get_by_conversation(str(values["conversation_id"]))

    # -- ThreadRepository ---------------------------------------------------------------------

    async def list_threads(self, *, archived: bool = False) -> list[Thread]:
        params = self._mine(
            ("archived", f"is.{'true' if archived else 'false'}"),
            ("order", "updated_at.desc,id.desc"),
        )
        return await self._rows(params)

    async def get(self, thread_id: uuid.UUID) -> Thread | None:
        return await self._one(("id", f"eq.{thread_id}"))

    async def get_by_conversation(self, conversation_id: str) -> Thread | None:
        return await self._one(("conversation_id", f"eq.{conversation_id}"))

    async def create_if_absent(
        self, conversation_id: str, *, title: str | None, preview: str | None
    ) -> Thread:
        row = await self._insert(
            {"conversation_id": conversation_id, "title": title, "last_message_preview": preview}
        )
        if row is None:
            raise ConversationConflict("the conversation belongs to another user's thread")
        return row

    async def rename(self, thread_id: uuid.UUID, title: str | None) -> Thread:
        return await self._changed(thread_id, {"title": title})

    async def set_archived(self, thread_id: uuid.UUID, archived: bool) -> Thread:
        return await self._changed(thread_id, {"archived": archived})

    async def update_preview(self, thread_id: uuid.UUID, preview: str | None) -> Thread:
        return await self._changed(thread_id, {"last_message_preview": preview})

    async def delete(self, thread_id: uuid.UUID) -> bool:
        response = await self._send(
            "DELETE",
            [("select", "id"), ("user_id", f"eq.{self._user_id}"), ("id", f"eq.{thread_id}")],
            prefer="return=representation",
        )
        return bool(response.json())

    async def close(self) -> None:
        """Close the HTTP client if this object created it; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        await self._lazy.aclose()

    # -- what the sync engine needs -----------------------------------------------------------

    async def insert_with_id(
        self,
        thread_id: uuid.UUID,
        conversation_id: str,
        *,
        title: str | None,
        preview: str | None,
        archived: bool,
    ) -> Thread | None:
        """Insert with the client's id unless the conversation has a row (see RemoteThreads)."""
        return await self._insert(
            {
                "id": str(thread_id),
                "conversation_id": conversation_id,
                "title": title,
                "last_message_preview": preview,
                "archived": archived,
            }
        )

    async def update_if_unchanged(
        self, thread_id: uuid.UUID, base_updated_at: datetime, values: dict[str, Any]
    ) -> Thread | None:
        """Set ``values`` only if the row still has ``base_updated_at``; None otherwise."""
        filters = [
            ("id", f"eq.{thread_id}"),
            ("updated_at", f"eq.{base_updated_at.astimezone(UTC).isoformat()}"),
        ]
        return await self._patch(filters, values)

    async def window_summary(self, since: datetime | None) -> WindowSummary:
        """The fingerprint of rows at or after ``since``, computed from every row's stamp."""
        response = await self._send("GET", self._versions_params())
        stamps = [utc_from_text(row["updated_at"]) for row in response.json()]
        start = _EPOCH if since is None else since
        window = [_stamp_us(stamp) for stamp in stamps if stamp >= start]
        return WindowSummary(
            total=len(stamps),
            window_count=len(window),
            window_sum=sum(us % _MODULUS for us in window),
            server_now=_server_time(response),
        )

    async def changed_since(self, since: datetime | None) -> list[Thread]:
        """Rows with ``updated_at >= since`` (all rows when None), oldest change first."""
        params = self._mine(("order", "updated_at.asc,id.asc"))
        if since is not None:
            params.append(("updated_at", f"gte.{since.astimezone(UTC).isoformat()}"))
        return await self._rows(params)

    async def versions(self) -> dict[uuid.UUID, datetime]:
        """Every row's id and ``updated_at``."""
        response = await self._send("GET", self._versions_params())
        return {
            uuid.UUID(str(row["id"])): utc_from_text(row["updated_at"]) for row in response.json()
        }

    async def fetch_many(self, ids: Sequence[uuid.UUID]) -> list[Thread]:
        found: list[Thread] = []
        for start in range(0, len(ids), FETCH_CHUNK):
            chunk = ids[start : start + FETCH_CHUNK]
            found.extend(await self._rows(self._mine(("id", _in_list(chunk)))))
        return found

    def _versions_params(self) -> list[tuple[str, str]]:
        return [("select", "id,updated_at"), ("user_id", f"eq.{self._user_id}")]


def _server_time(response: httpx.Response) -> datetime:
    """The response's ``Date`` (the server's clock), or the local clock without one."""
    header = response.headers.get("date")
    if header:
        try:
            return parsedate_to_datetime(header).astimezone(UTC)
        except (TypeError, ValueError):
            pass
    return datetime.now(UTC)

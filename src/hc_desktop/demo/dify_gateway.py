"""A loopback Dify gateway: the user's Supabase token in, the app key out.

The desktop never holds the Dify app key in this mode. The gateway verifies the bearer JWT
(the shared HS256 secret of the Auth server), then rewrites every ``user`` it carries, in the
query string and in JSON bodies, to the token's ``sub`` before forwarding to Dify with the
real key. A client can therefore only ever reach its own conversations, whatever ``user`` it
sends. Streams are passed through as they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
import contextlib
import http.client
import json
import threading
import time
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from hc_desktop.demo.jwt_check import TokenRejected, TokenVerifier
from hc_desktop.demo.loopback import AppServer, LoopbackServer, QuietHandler

_HOP_HEADERS = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "te", "upgrade"}
)
_UPSTREAM_TIMEOUT = 120.0


class DemoDifyGateway(LoopbackServer["AppServer[DemoDifyGateway]"]):
    """Gateway on 127.0.0.1; ``base_url`` ends in ``/v1`` like Dify's.

    ``upstream`` is the Dify base URL (ending in ``/v1``) and ``app_key`` its key.
    """

    def __init__(
        self,
        upstream: str,
        app_key: str,
        jwt_secret: bytes,
        *,
        clock: Callable[[], float] = time.time,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        parts = urlsplit(upstream.rstrip("/"))
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError("the demo gateway forwards to a plain http upstream")
        self._upstream_host = parts.hostname
        self._upstream_port = parts.port or 80
        self._upstream_prefix = parts.path
        self._app_key = app_key
        self._verifier = TokenVerifier(jwt_secret, clock)
        super().__init__(host, port)
        self._open: set[http.client.HTTPConnection] = set()
        self._lock = threading.Lock()
        self.forwarded_users: list[str] = []

    def __repr__(self) -> str:
        return f"DemoDifyGateway(address={self._address!r}, app_key=<hidden>)"

    # -- lifecycle ------------------------------------------------------------------------

    thread_name = "demo-dify-gateway"

    def _make_server(self, address: tuple[str, int]) -> AppServer[DemoDifyGateway]:
        return AppServer(address, _Handler, self)

    def _release_connections(self, httpd: AppServer[DemoDifyGateway]) -> None:
        with self._lock:
            for connection in list(self._open):
                connection.close()

    @property
    def base_url(self) -> str:
        return f"{self.origin}/v1"

    # -- forwarding -----------------------------------------------------------------------

    def subject(self, authorization: str | None) -> str:
        """The verified ``sub``; raises :class:`TokenRejected` otherwise."""
        claims = self._verifier.bearer_claims(authorization)
        subject = claims.get("sub") if claims else None
        if not isinstance(subject, str) or not subject:
            raise TokenRejected("the token names no user")
        return subject

    def rewrite(self, path: str, body: bytes, user: str) -> tuple[str, bytes]:
        """The upstream path and body with every ``user`` forced to ``user``."""
        split = urlsplit(path)
        query = [(k, v) for k, v in parse_qsl(split.query, keep_blank_values=True) if k != "user"]
        if any(k == "user" for k, _ in parse_qsl(split.query)) or not body:
            query.append(("user", user))
        target = self._upstream_prefix + split.path[len("/v1") :]
        if query:
            target += "?" + urlencode(query)
        if body:
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
            if isinstance(payload, dict):
                payload["user"] = user
                body = json.dumps(payload).encode()
        return target, body

    def connect(self) -> http.client.HTTPConnection:
        connection = http.client.HTTPConnection(
            self._upstream_host, self._upstream_port, timeout=_UPSTREAM_TIMEOUT
        )
        with self._lock:
            self._open.add(connection)
        return connection

    def release(self, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            self._open.discard(connection)
        connection.close()

    @property
    def app_key(self) -> str:
        return self._app_key

    def note_user(self, user: str) -> None:
        with self._lock:
            self.forwarded_users.append(user)


class _Handler(QuietHandler):
    server: AppServer[DemoDifyGateway]

    def do_GET(self) -> None:
        self._forward()

    def do_POST(self) -> None:
        self._forward()

    def do_DELETE(self) -> None:
        self._forward()

    def do_PATCH(self) -> None:
        self._forward()

    def _forward(self) -> None:
        app = self.server.app
        body = self.request_body()
        if not urlsplit(self.path).path.startswith("/v1/"):
            self._json(404, {"code": "not_found", "message": "Not Found", "status": 404})
            return
        try:
            user = app.subject(self.headers.get("Authorization"))
        except TokenRejected as rejected:
            message = "Access token expired." if rejected.expired else "Access token is invalid."
            self._json(401, {"code": "unauthorized", "message": message, "status": 401})
            return
        app.note_user(user)
        target, body = app.rewrite(self.path, body, user)
        headers = {"Authorization": f"Bearer {app.app_key}", "Content-Length": str(len(body))}
        if body:
            headers["Content-Type"] = self.headers.get("Content-Type", "application/json")
        upstream = app.connect()
        try:
            upstream.request(self.command, target, body=body or None, headers=headers)
            response = upstream.getresponse()
            self._relay(response)
        except (OSError, http.client.HTTPException):
            self.close_connection = True
        finally:
            app.release(upstream)

    def _relay(self, response: http.client.HTTPResponse) -> None:
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in _HOP_HEADERS:
                self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(OSError):
            while chunk := response.read1(65536):
                self.wfile.write(chunk)
                self.wfile.flush()
        if not response.isclosed() and response.length not in (None, 0):
            # The upstream broke off mid-body: end this connection abruptly as well.
            self.close_connection = True

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

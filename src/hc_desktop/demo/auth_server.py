"""A loopback HTTP server that speaks Supabase Auth's REST API (routes under ``/auth/v1``).

Used by ``--demo`` and by the tests, so they exercise the real client over real HTTP.
Answers with the same error shapes GoTrue chooses from ``X-Supabase-Api-Version`` and lets
tests inject failures. The request log keeps methods, paths and codes, never secrets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import json
import re
import threading
import time
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from hc_desktop.demo.auth_backend import DemoAuthBackend, GoTrueError
from hc_desktop.demo.loopback import AppServer, LoopbackServer, QuietHandler

ErrorShape = Literal["auto", "legacy", "oauth"]

_PREFIX = "/auth/v1"
_GRANTS = frozenset({"password", "refresh_token", "pkce"})
_FACTOR_ROUTE = re.compile(r"^/factors/([^/]+)/(challenge|verify)$")
_NEW_SHAPE_SINCE = "2024-01-01"


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One request as the tests see it: no bodies, no headers, no tokens."""

    method: str
    path: str
    grant_type: str | None
    status: int
    code: str | None
    api_version: str | None = None
    client_info: str | None = None


@dataclass
class _Injection:
    status: int
    code: str
    message: str
    times: int
    raw_body: bytes | None = None
    content_type: str = "application/json"


class DemoAuthServer(LoopbackServer["AppServer[DemoAuthServer]"]):
    """Start with ``start()`` or ``with``; ``url`` is the project URL for ``SupabaseAuth``."""

    def __init__(
        self,
        anon_key: str = "demo-anon-key",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        access_token_ttl: int = 3600,
        reuse_interval: float = 0.0,
        error_shape: ErrorShape = "auto",
        autoconfirm: bool = False,
        disable_signup: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.anon_key = anon_key
        self.error_shape: ErrorShape = error_shape
        self.backend = DemoAuthBackend(
            access_token_ttl=access_token_ttl,
            reuse_interval=reuse_interval,
            autoconfirm=autoconfirm,
            disable_signup=disable_signup,
            clock=clock,
        )
        super().__init__(host, port)
        self._injections: dict[str, list[_Injection]] = {}
        self._log: list[LoggedRequest] = []
        self._log_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"DemoAuthServer(address={self._address!r})"

    # -- lifecycle ------------------------------------------------------------------------

    thread_name = "demo-auth-server"

    def _make_server(self, address: tuple[str, int]) -> AppServer[DemoAuthServer]:
        return AppServer(address, _Handler, self)

    @property
    def url(self) -> str:
        return self.origin

    # -- test hooks -----------------------------------------------------------------------

    def add_user(
        self,
        email: str,
        password: str,
        *,
        confirmed: bool = True,
        banned: bool = False,
        user_id: str | None = None,
    ) -> str:
        """Create an account and return its uuid (``user_id`` pins it)."""
        return self.backend.add_user(
            email, password, confirmed=confirmed, banned=banned, user_id=user_id
        )

    def ban(self, email: str) -> None:
        self.backend.ban(email)

    def revoke_session(self, email: str) -> None:
        self.backend.revoke_session(email)

    def expire_access_tokens(self) -> None:
        self.backend.expire_access_tokens()

    def advance(self, seconds: float) -> None:
        self.backend.advance(seconds)

    def active_sessions(self, email: str) -> int:
        return self.backend.active_sessions(email)

    def inject_error(
        self, path_or_grant: str, status: int, code: str, message: str = "", times: int = 1
    ) -> None:
        """Answer the next ``times`` matching requests with this error (in GoTrue's shape).

        ``path_or_grant`` is a grant type (``password``, ``refresh_token``) or a route
        such as ``/signup``.
        """
        self._add_injection(path_or_grant, _Injection(status, code, message or code, times))

    def inject_raw(
        self,
        path_or_grant: str,
        status: int,
        body: bytes,
        *,
        content_type: str = "text/html",
        times: int = 1,
    ) -> None:
        """Answer with an arbitrary body, like an edge proxy's HTML error page."""
        injection = _Injection(status, "", "", times, raw_body=body, content_type=content_type)
        self._add_injection(path_or_grant, injection)

    @property
    def requests(self) -> list[LoggedRequest]:
        with self._log_lock:
            return list(self._log)

    # -- request handling (called from handler threads) -----------------------------------

    def _add_injection(self, key: str, injection: _Injection) -> None:
        key = key if key in _GRANTS or key.startswith("/") else "/" + key
        with self._log_lock:
            self._injections.setdefault(key, []).append(injection)

    def _take_injection(self, path: str, grant: str | None) -> _Injection | None:
        with self._log_lock:
            for key in (grant, path):
                queue = self._injections.get(key) if key else None
                if queue:
                    injection = queue[0]
                    injection.times -= 1
                    if injection.times <= 0:
                        queue.pop(0)
                    return injection
        return None

    def _record(self, entry: LoggedRequest) -> None:
        with self._log_lock:
            self._log.append(entry)

    def handle(self, request: _Request) -> _Response:
        injection = self._take_injection(request.path, request.grant)
        if injection is not None and injection.raw_body is not None:
            return _Response(injection.status, injection.raw_body, injection.content_type, None)
        try:
            if not self._apikey_ok(request):
                return _gateway_401(request)
            if injection is not None:
                raise GoTrueError(
                    injection.status,
                    injection.code,
                    injection.message,
                    grant_error=request.grant is not None,
                )
            return _json_response(*self._route(request))
        except GoTrueError as error:
            return self._error_response(error, request)

    def _apikey_ok(self, request: _Request) -> bool:
        return (request.headers.get("apikey") or request.query.get("apikey")) == self.anon_key

    def _route(self, request: _Request) -> tuple[int, Any]:
        backend = self.backend
        auth = request.headers.get("authorization")
        key = (request.method, request.path)
        if key == ("POST", "/token"):
            if request.grant == "password":
                return 200, backend.password_grant(request.json())
            if request.grant == "refresh_token":
                return 200, backend.refresh_grant(request.json())
            raise GoTrueError(400, "invalid_credentials", "unsupported_grant_type")
        if key == ("POST", "/signup"):
            return 200, backend.signup(request.json())
        if key == ("POST", "/recover"):
            return 200, backend.recover(request.json())
        if key == ("GET", "/user"):
            return 200, backend.get_user(auth)
        if key == ("POST", "/logout"):
            backend.logout(auth, request.query.get("scope", "global"))
            return 204, None
        if key == ("GET", "/settings"):
            return 200, backend.settings()
        if key == ("GET", "/health"):
            return 200, {"version": "demo", "name": "GoTrue", "description": "demo auth"}
        factor = _FACTOR_ROUTE.match(request.path)
        if request.method == "POST" and factor is not None:
            if factor.group(2) == "challenge":
                return 200, backend.mfa_challenge(auth, factor.group(1))
            return 200, backend.mfa_verify(auth, factor.group(1), request.json())
        raise GoTrueError(404, "not_found", "Not found")

    def _error_response(self, error: GoTrueError, request: _Request) -> _Response:
        body: dict[str, Any]
        if error.oauth_error is not None:
            body = {"error": error.oauth_error, "error_description": error.message}
        elif self.error_shape == "oauth" and error.grant_error and error.status == 400:
            body = {"error": "invalid_grant", "error_description": error.message}
        elif self.error_shape != "legacy" and request.new_error_shape:
            body = {"code": error.code, "message": error.message}
        else:
            body = {"code": error.status, "error_code": error.code, "msg": error.message}
        if error.reasons is not None:
            body["weak_password"] = {"reasons": list(error.reasons)}
        encoded = json.dumps(body).encode()
        return _Response(error.status, encoded, "application/json", error.code)


@dataclass(frozen=True)
class _Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    @property
    def grant(self) -> str | None:
        return self.query.get("grant_type") if self.path == "/token" else None

    @property
    def new_error_shape(self) -> bool:
        version = self.headers.get("x-supabase-api-version", "")
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", version)) and version >= _NEW_SHAPE_SINCE

    def json(self) -> dict[str, Any]:
        try:
            payload = json.loads(self.body or b"{}")
        except ValueError:
            raise GoTrueError(400, "bad_json", "Could not parse request body as JSON") from None
        if not isinstance(payload, dict):
            raise GoTrueError(400, "bad_json", "Request body must be a JSON object")
        return payload


@dataclass(frozen=True)
class _Response:
    status: int
    body: bytes
    content_type: str
    error_code: str | None


def _json_response(status: int, payload: Any) -> _Response:
    body = b"" if payload is None else json.dumps(payload).encode()
    return _Response(status, body, "application/json", None)


def _gateway_401(request: _Request) -> _Response:
    """The API gateway's answer, which precedes GoTrue and has its own shape."""
    found = "apikey" in request.headers or "apikey" in request.query
    body = {
        "message": "Invalid API key" if found else "No API key found in request",
        "hint": "Double check your Supabase `anon` or `service_role` API key.",
    }
    return _Response(401, json.dumps(body).encode(), "application/json", None)


class _Handler(QuietHandler):
    server: AppServer[DemoAuthServer]

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        split = urlsplit(self.path)
        body = self.request_body()
        query = {k: v[-1] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        path = split.path
        app = self.server.app
        if not path.startswith(_PREFIX + "/"):
            response = _json_response(404, {"message": "no Route matched with those values"})
        else:
            request = _Request(
                method=self.command,
                path=path[len(_PREFIX) :],
                query=query,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )
            response = app.handle(request)
        app._record(
            LoggedRequest(
                self.command,
                path,
                query.get("grant_type"),
                response.status,
                response.error_code,
                self.headers.get("X-Supabase-Api-Version"),
                self.headers.get("X-Client-Info"),
            )
        )
        self._write(response)

    def _write(self, response: _Response) -> None:
        self.send_response(response.status)
        if response.body:
            self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        if response.error_code:
            self.send_header("x-sb-error-code", response.error_code)
        self.end_headers()
        if response.body:
            self.wfile.write(response.body)

"""HTTP/1.1 plumbing for the demo Dify server: request parsing, responses, connections.

Connections are kept alive like a real server's, so the server tracks their threads and
sockets to end them promptly on stop instead of leaving threads blocked on idle sockets.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
import json
import logging
import socket
import threading
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from hc_desktop.demo.loopback import QuietHandler

log = logging.getLogger("hc_desktop.demo.dify")

_HTML_ERROR = (
    "<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


class RequestSink(Protocol):
    """The application behind the server."""

    def handle(self, handler: ApiHandler, request: ApiRequest) -> None: ...


class ApiError(Exception):
    """A Dify-style JSON error response."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message


@dataclass
class ApiRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json_body(self) -> dict[str, Any]:
        """Dify reads these bodies with ``request.get_json()``: JSON type and content required."""
        if "application/json" not in self.headers.get("content-type", ""):
            raise ApiError(
                415,
                "unsupported_media_type",
                "Did not attempt to load JSON data because the request Content-Type was not "
                "'application/json'.",
            )
        try:
            parsed = json.loads(self.body) if self.body.strip() else None
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise ApiError(
                400, "bad_request", "Invalid JSON payload received or JSON payload is empty."
            )
        return parsed

    def parsed_json(self) -> Any:
        try:
            return json.loads(self.body) if self.body.strip() else None
        except ValueError:
            return None


class ApiHandler(QuietHandler):
    """Parses one HTTP/1.1 request and hands it to the app; keeps connections alive."""

    protocol_version = "HTTP/1.1"
    server: ApiHttpServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        body = self.request_body()
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        headers = {key.lower(): value for key, value in self.headers.items()}
        request = ApiRequest(self.command, parts.path, query, headers, body)
        self.server.app.handle(self, request)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    # -- responses -----------------------------------------------------------------------

    def send_body(self, status: int, content_type: str | None, body: bytes) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        if status != 204:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def send_json(self, status: int, payload: Any) -> None:
        self.send_body(status, "application/json", json.dumps(payload).encode("utf-8"))

    def send_error_json(self, error: ApiError) -> None:
        payload = {"code": error.code, "message": error.message, "status": error.status}
        body = (json.dumps(payload, separators=(",", ":")) + "\n").encode("utf-8")
        self.send_response(error.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if error.status == 401:
            self.send_header("WWW-Authenticate", 'Bearer realm="api"')
        self.end_headers()
        self.wfile.write(body)

    def send_html(self, status: int) -> None:
        body = _HTML_ERROR.format(status=status).encode("ascii")
        self.send_body(status, "text/html", body)

    def start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def send_raw(self, data: bytes) -> None:
        self.wfile.write(data)


class ApiHttpServer(ThreadingHTTPServer):
    """Tracks its connection threads so :meth:`close_connections` can end them on stop."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], app: RequestSink) -> None:
        self.app = app
        self._workers: dict[threading.Thread, socket.socket] = {}
        self._workers_lock = threading.Lock()
        super().__init__(address, ApiHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        worker = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name="demo-dify-connection",
            daemon=True,
        )
        with self._workers_lock:
            self._workers[worker] = request
        worker.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except OSError:
            pass  # the client went away
        except Exception:
            log.exception("demo Dify server request failed")
        finally:
            self.shutdown_request(request)
            with self._workers_lock:
                self._workers.pop(threading.current_thread(), None)

    def close_connections(self) -> None:
        """Unblock every connection thread and wait (bounded) for it to finish."""
        with self._workers_lock:
            workers = dict(self._workers)
        for connection in workers.values():
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for worker in workers:
            worker.join(timeout=5)

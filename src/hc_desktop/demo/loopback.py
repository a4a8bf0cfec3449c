"""One lifecycle for every loopback speaker: serve from a daemon thread, stop cleanly.

Each demo server (Supabase Auth, Dify, the Dify gateway, PostgREST) binds a free port on
127.0.0.1, serves from its own thread, and on stop releases the port and joins the thread,
so tests and ``--demo`` never leave a socket or a thread behind.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import socket
import threading
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

ServerT = TypeVar("ServerT", bound=ThreadingHTTPServer)
AppT = TypeVar("AppT")

_POLL_SECONDS = 0.05
_JOIN_SECONDS = 5.0


class LoopbackServer(Generic[ServerT]):
    """Start/stop and ``with`` around a ``ThreadingHTTPServer`` built by the subclass."""

    thread_name = "demo-server"

    def __init__(self, host: str, port: int) -> None:
        self._address = (host, port)
        self._httpd: ServerT | None = None
        self._thread: threading.Thread | None = None
        self._listening: socket.socket | None = None

    def adopt(self, listening: socket.socket) -> None:
        """Serve on an already listening socket (from ``demo.ports``) instead of binding a
        new one at :meth:`start`."""
        self._listening = listening
        self._address = listening.getsockname()[:2]

    def _make_server(self, address: tuple[str, int]) -> ServerT:
        """The HTTP server for this speaker, bound to ``address``."""
        raise NotImplementedError

    def _before_start(self) -> None:
        """Prepare what the handlers need (state, flags) before the first request."""

    def _release_connections(self, httpd: ServerT) -> None:
        """After serving stopped: end connections that are still open (streams)."""

    def _after_stop(self) -> None:
        """Release what :meth:`_before_start` prepared."""

    def start(self) -> Self:
        if self._httpd is not None:
            return self
        self._before_start()
        if self._listening is None:
            self._httpd = self._make_server(self._address)
        else:
            self._httpd = self._make_server((self._address[0], 0))
            self._httpd.socket.close()  # the throwaway bind; serve on the adopted socket
            self._httpd.socket, self._listening = self._listening, None
            self._httpd.server_address = self._httpd.socket.getsockname()[:2]
            self._httpd.server_port = self._httpd.server_address[1]
        self._address = (self._address[0], self._httpd.server_address[1])
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": _POLL_SECONDS},
            name=self.thread_name,
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, end open connections, release the port and join the thread."""
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            if self._listening is not None:  # adopted but never served on
                self._listening.close()
                self._listening = None
            return
        httpd.shutdown()
        self._release_connections(httpd)
        httpd.server_close()
        if thread is not None:
            thread.join(timeout=_JOIN_SECONDS)
        self._httpd = self._thread = None
        self._after_stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:<port>``; only while running."""
        if self._httpd is None:
            raise RuntimeError(f"{type(self).__name__} is not running")
        return f"http://{self._address[0]}:{self._address[1]}"


class AppServer(ThreadingHTTPServer, Generic[AppT]):
    """A threading HTTP server whose handlers reach the speaker they serve as ``server.app``."""

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], app: AppT
    ) -> None:
        super().__init__(address, handler)
        self.app = app


class QuietHandler(BaseHTTPRequestHandler):
    """One request per connection (HTTP/1.0), and no access log on stderr: it would show
    query strings."""

    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log."""

    def request_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

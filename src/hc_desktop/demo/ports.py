"""Loopback ports taken before their servers exist (kept apart from the HTTP machinery, which
the demo only imports once the window has painted)."""

from __future__ import annotations

import socket


def reserve_listening_socket(host: str = "127.0.0.1") -> socket.socket:
    """A socket bound to a free port and already listening.

    Its address is known at once, before the server behind it exists: clients that connect
    early wait in the backlog until :meth:`LoopbackServer.start` serves them.
    """
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listening.bind((host, 0))
        listening.listen(64)
    except OSError:
        listening.close()
        raise
    return listening

"""The HTTP client every backend client starts from.

HTTP/1.1 (Dify's streams and GoTrue are plain HTTP/1.1), the OS certificate store through
truststore so hospital CAs work, and proxy settings from the environment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


def make_http_client(timeouts: httpx.Timeout) -> httpx.AsyncClient:
    """A new client; the caller owns it and closes it.

    httpx and truststore are imported here, not at module level: the first request comes
    after the window has painted, and start-up should not wait for them.
    """
    import ssl

    import httpx
    import truststore

    return httpx.AsyncClient(
        timeout=timeouts,
        verify=truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT),
        http1=True,
        http2=False,
        trust_env=True,
    )

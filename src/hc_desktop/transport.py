"""The HTTP client every backend client starts from.

HTTP/1.1 (Dify's streams and GoTrue are plain HTTP/1.1), the OS certificate store through
truststore so hospital CAs work, and proxy settings from the environment.
"""

from __future__ import annotations

from collections.abc import Mapping
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


class LazyHttpClient:
    """A backend client's HTTP client and timeouts, made on first use: httpx is not loaded
    before the window has painted. An injected client is used as it is and left open."""

    def __init__(
        self,
        default_timeouts: Mapping[str, float],
        *,
        http: httpx.AsyncClient | None = None,
        timeouts: httpx.Timeout | None = None,
    ) -> None:
        self._default_timeouts = dict(default_timeouts)
        self._timeouts = timeouts
        self._client = http
        self._owned = http is None

    @property
    def timeouts(self) -> httpx.Timeout:
        if self._timeouts is None:
            import httpx

            self._timeouts = httpx.Timeout(**self._default_timeouts)
        return self._timeouts

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = make_http_client(self.timeouts)
        return self._client

    async def aclose(self) -> None:
        """Close the client if it was made here."""
        if self._owned and self._client is not None:
            await self._client.aclose()

"""Byte-exact SSE output in Dify's framing, over an HTTP/1.1 chunked body.

Dify writes ``data: <json>\\n\\n`` frames and ``event: ping\\n\\n`` keep-alives. The knobs here
reproduce what clients meet in the field: CRLF line endings from proxies, the escaped JSON
of old servers, and bodies that arrive in arbitrary small byte slices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import itertools
import json
from typing import Any


def encode_json(payload: Any, *, legacy: bool = False) -> str:
    """Current Dify (orjson): compact, raw UTF-8. Legacy (<= 1.8.0): ``json.dumps`` defaults."""
    if legacy:
        return json.dumps(payload)
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


class SseWriter:
    """Writes SSE frames as HTTP chunks through ``send`` (which raises OSError on a gone peer)."""

    def __init__(
        self,
        send: Callable[[bytes], None],
        *,
        crlf: bool = False,
        legacy_json: bool = False,
        slice_sizes: tuple[int, ...] | None = None,
    ) -> None:
        if slice_sizes is not None and (not slice_sizes or min(slice_sizes) < 1):
            raise ValueError("slice sizes must be positive")
        self._send = send
        self._eol = b"\r\n" if crlf else b"\n"
        self._legacy_json = legacy_json
        self._sizes: Iterator[int] | None = (
            itertools.cycle(slice_sizes) if slice_sizes is not None else None
        )
        self._pending = bytearray()
        self._next_size = next(self._sizes) if self._sizes is not None else 0

    def event(self, payload: dict[str, Any]) -> None:
        data = encode_json(payload, legacy=self._legacy_json).encode("utf-8")
        self.raw(b"data: " + data + self._eol + self._eol)

    def ping(self) -> None:
        self.raw(b"event: ping" + self._eol + self._eol)

    def raw(self, data: bytes) -> None:
        """Body bytes: one HTTP chunk, or cut into the configured slice sizes."""
        if self._sizes is None:
            self._chunk(data)
            return
        self._pending += data
        while len(self._pending) >= self._next_size:
            piece = bytes(self._pending[: self._next_size])
            del self._pending[: self._next_size]
            self._chunk(piece)
            self._next_size = next(self._sizes)

    def close(self, *, clean: bool = True) -> None:
        """Flush sliced leftovers; ``clean`` also sends the chunked terminator."""
        if self._pending:
            self._chunk(bytes(self._pending))
            self._pending.clear()
        if clean:
            self._send(b"0\r\n\r\n")

    def _chunk(self, data: bytes) -> None:
        if data:
            self._send(b"%X\r\n" % len(data) + data + b"\r\n")

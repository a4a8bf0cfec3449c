"""Checking a Supabase access token the way the Data API and a Dify gateway do.

Both loopback servers trust tokens signed by the demo Auth server: they share its HS256
secret and its clock (the Auth server's clock can be moved forward in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import time
from typing import Any

from hc_desktop.demo.auth_backend import verify_jwt


class TokenRejected(Exception):
    """The bearer token is missing, malformed, badly signed or expired."""

    def __init__(self, reason: str, *, expired: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.expired = expired


@dataclass(frozen=True)
class TokenVerifier:
    """HS256 signature and ``exp`` check against a shared secret."""

    secret: bytes = field(repr=False)
    clock: Callable[[], float] = time.time

    def claims(self, token: str) -> dict[str, Any]:
        """The verified claims; raises :class:`TokenRejected` otherwise."""
        claims = verify_jwt(token, self.secret)
        if claims is None:
            raise TokenRejected("JWSError JWSInvalidSignature")
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or isinstance(exp, bool):
            raise TokenRejected("JWT has no expiry")
        if exp <= self.clock():
            raise TokenRejected("JWT expired", expired=True)
        return claims

    def bearer_claims(self, authorization: str | None) -> dict[str, Any] | None:
        """Claims from an ``Authorization`` header; None when there is no bearer token."""
        if not authorization:
            return None
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenRejected("Authorization header is not a bearer token")
        return self.claims(token.strip())

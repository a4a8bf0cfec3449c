"""A small async client for the Supabase Auth (GoTrue) REST API.

Hand-written on httpx rather than the official package so the app controls what is stored
(only the refresh token), how refreshes are serialised and which errors end a session.
"""

from __future__ import annotations

import logging
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import hc_desktop
from hc_desktop.auth.errors import (
    NETWORK_ERROR,
    UNEXPECTED_FAILURE,
    AuthError,
    error_from_response,
    user_message_for,
)
from hc_desktop.auth.session import Session, SignUpResult, session_from_response
from hc_desktop.transport import LazyHttpClient

if TYPE_CHECKING:  # httpx loads with the first request, after the window has painted
    import httpx

log = logging.getLogger("hc_desktop.auth")

API_VERSION = "2024-01-01"
DEFAULT_TIMEOUT_SECONDS = {"connect": 10.0, "read": 20.0, "write": 20.0, "pool": 10.0}

#: Statuses from ``/logout`` that mean the session is already gone server-side.
_ALREADY_SIGNED_OUT = frozenset({401, 403, 404})


class SupabaseAuth:
    """GoTrue calls a desktop client needs; every failure raises :class:`AuthError`."""

    def __init__(
        self,
        url: str,
        anon_key: str,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        self._base = url.rstrip("/") + "/auth/v1"
        self._anon_key = anon_key
        self._lazy = LazyHttpClient(DEFAULT_TIMEOUT_SECONDS, http=http, timeouts=timeout)

    @property
    def _timeout(self) -> httpx.Timeout:
        return self._lazy.timeouts

    @property
    def _http(self) -> httpx.AsyncClient:
        return self._lazy.client

    def __repr__(self) -> str:
        return f"SupabaseAuth({self._base!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client if this object created it."""
        await self._lazy.aclose()

    async def sign_in_with_password(self, email: str, password: str) -> Session:
        body = await self._request(
            "POST",
            "/token",
            params={"grant_type": "password"},
            json={"email": email, "password": password},
            grant="password",
        )
        return _session_or_error(body)

    async def refresh(self, refresh_token: str) -> Session:
        body = await self._request(
            "POST",
            "/token",
            params={"grant_type": "refresh_token"},
            json={"refresh_token": refresh_token},
            grant="refresh_token",
        )
        return _session_or_error(body)

    async def sign_up(self, email: str, password: str) -> SignUpResult:
        body = await self._request("POST", "/signup", json={"email": email, "password": password})
        if "access_token" in body:
            session = _session_or_error(body)
            return SignUpResult(session, session.user_id, confirmation_sent=False)
        nested = body.get("user")
        user: dict[str, Any] = nested if isinstance(nested, dict) else body
        user_id = user.get("id")
        identities = user.get("identities")
        return SignUpResult(
            session=None,
            user_id=user_id if isinstance(user_id, str) else None,
            confirmation_sent=True,
            maybe_existing_account=isinstance(identities, list) and not identities,
        )

    async def send_password_reset(self, email: str) -> None:
        await self._request("POST", "/recover", json={"email": email})

    async def get_user(self, access_token: str) -> dict[str, Any]:
        return await self._request("GET", "/user", bearer=access_token)

    async def get_settings(self) -> dict[str, Any]:
        """Public settings: whether sign-up is open and whether emails need confirming."""
        return await self._request("GET", "/settings")

    async def sign_out(self, access_token: str, scope: str = "local") -> None:
        """Revoke the session; a session the server no longer knows counts as signed out."""
        try:
            await self._request("POST", "/logout", params={"scope": scope}, bearer=access_token)
        except AuthError as error:
            if error.status not in _ALREADY_SIGNED_OUT:
                raise
            log.info("sign-out: session already gone (code=%s)", error.code)

    async def verified_factors(self, access_token: str) -> list[dict[str, Any]]:
        """The user's MFA factors that are ready for use (a step-up is needed if any)."""
        user = await self.get_user(access_token)
        factors = user.get("factors")
        if not isinstance(factors, list):
            return []
        return [f for f in factors if isinstance(f, dict) and f.get("status") == "verified"]

    async def mfa_challenge_and_verify(
        self, access_token: str, factor_id: str, code: str
    ) -> Session:
        """Step an aal1 session up to aal2 with a one-time code from the user's factor."""
        challenge = await self._request(
            "POST", f"/factors/{factor_id}/challenge", json={}, bearer=access_token
        )
        challenge_id = challenge.get("id")
        if not isinstance(challenge_id, str):
            raise AuthError(None, UNEXPECTED_FAILURE, "challenge without id")
        body = await self._request(
            "POST",
            f"/factors/{factor_id}/verify",
            json={"challenge_id": challenge_id, "code": code},
            bearer=access_token,
        )
        return _session_or_error(body)

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
        bearer: str | None = None,
        grant: str | None = None,
    ) -> dict[str, Any]:
        headers = {
            "apikey": self._anon_key,
            "X-Supabase-Api-Version": API_VERSION,
            "X-Client-Info": f"hc-desktop/{hc_desktop.__version__}",
            "Accept": "application/json",
        }
        if bearer is not None:
            headers["Authorization"] = f"Bearer {bearer}"
        import httpx

        try:
            response = await self._http.request(
                method,
                self._base + path,
                params=params,
                json=json,
                headers=headers,
                timeout=self._timeout,
            )
        except httpx.HTTPError as exc:
            log.warning("auth %s %s: network error (%s)", method, path, type(exc).__name__)
            raise AuthError(None, NETWORK_ERROR, type(exc).__name__) from None
        if response.is_success:
            return _success_body(response)
        error = error_from_response(response.status_code, response.content, response.headers)
        error = _explain_oauth_grant_error(error, grant)
        log.info("auth %s %s: status=%s code=%s", method, path, error.status, error.code)
        raise error


def _success_body(response: httpx.Response) -> dict[str, Any]:
    if not response.content:
        return {}
    try:
        payload = response.json()
    except ValueError:
        raise AuthError(response.status_code, UNEXPECTED_FAILURE, "non-JSON success") from None
    return payload if isinstance(payload, dict) else {}


def _session_or_error(body: dict[str, Any]) -> Session:
    try:
        return session_from_response(body)
    except ValueError:
        raise AuthError(None, UNEXPECTED_FAILURE, "incomplete session") from None


def _explain_oauth_grant_error(error: AuthError, grant: str | None) -> AuthError:
    """Old servers answer grant failures with ``invalid_grant``; give it the grant's meaning."""
    if error.code != "invalid_grant" or grant is None:
        return error
    description = error.message.lower()
    if grant == "refresh_token":
        meaning = "refresh_token_already_used" if "already used" in description else None
        meaning = meaning or "refresh_token_not_found"
        terminal = True
    elif "not confirmed" in description:
        meaning, terminal = "email_not_confirmed", False
    else:
        meaning, terminal = "invalid_credentials", False
    return AuthError(
        error.status,
        error.code,
        error.message,
        terminal=terminal,
        user_message=user_message_for(meaning),
    )

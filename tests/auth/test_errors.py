"""Every GoTrue error shape maps to one string code and the right session consequence."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest

from hc_desktop.auth import TERMINAL_CODES, AuthError, SupabaseAuth
from hc_desktop.auth.errors import error_from_response
from hc_desktop.demo.auth_server import DemoAuthServer

# code -> (status GoTrue uses, terminal, transient)
CODES = {
    "invalid_credentials": (400, False, False),
    "email_not_confirmed": (400, False, False),
    "user_banned": (400, True, False),
    "over_request_rate_limit": (429, False, True),
    "over_email_send_rate_limit": (429, False, True),
    "weak_password": (422, False, False),
    "user_already_exists": (422, False, False),
    "signup_disabled": (422, False, False),
    "validation_failed": (400, False, False),
    "refresh_token_not_found": (400, True, False),
    "refresh_token_already_used": (400, True, False),
    "session_not_found": (400, True, False),
    "session_expired": (400, True, False),
    "user_not_found": (403, True, False),
    "bad_jwt": (403, False, False),
    "conflict": (409, False, True),
    "unexpected_failure": (500, False, True),
    "request_timeout": (504, False, True),
}


def _shapes(code: str, status: int) -> dict[str, dict[str, object]]:
    return {
        "new": {"code": code, "message": "server text"},
        "legacy": {"code": status, "error_code": code, "msg": "server text"},
        "oauth": {"error": code, "error_description": "server text"},
    }


@pytest.mark.parametrize("shape", ["new", "legacy", "oauth"])
@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_in_every_shape(code: str, shape: str) -> None:
    status, terminal, transient = CODES[code]
    body = json.dumps(_shapes(code, status)[shape]).encode()

    error = error_from_response(status, body, {})

    assert (error.code, error.status) == (code, status)
    assert error.message == "server text"
    assert error.terminal is terminal
    assert error.transient is transient
    assert error.user_message and "server text" not in error.user_message


def test_terminal_codes_are_exactly_the_session_killers() -> None:
    assert {c for c, (_, terminal, _) in CODES.items() if terminal} == TERMINAL_CODES


def test_string_code_wins_over_error_code_and_error() -> None:
    body = json.dumps({"code": "session_expired", "error_code": "x", "error": "y"}).encode()
    assert error_from_response(400, body, {}).code == "session_expired"
    body = json.dumps({"code": 400, "error_code": "user_banned", "error": "y"}).encode()
    assert error_from_response(400, body, {}).code == "user_banned"


def test_weak_password_reasons_are_explained() -> None:
    body = json.dumps(
        {"code": "weak_password", "message": "m", "weak_password": {"reasons": ["length", "pwned"]}}
    ).encode()
    error = error_from_response(422, body, {})
    assert error.reasons == ("length", "pwned")
    assert "too short" in error.user_message and "breach" in error.user_message


@pytest.mark.parametrize(
    ("status", "transient"), [(520, True), (502, True), (503, True), (404, False)]
)
def test_non_json_bodies(status: int, transient: bool) -> None:
    error = error_from_response(status, b"<html>cloudflare</html>", {})
    assert error.code == "unexpected_failure"
    assert error.transient is transient
    assert not error.terminal


def test_header_code_used_when_body_has_none() -> None:
    error = error_from_response(429, b"", {"x-sb-error-code": "over_request_rate_limit"})
    assert error.code == "over_request_rate_limit" and error.transient


def _run_refresh(server: DemoAuthServer, token: str = "abcdefghijkl") -> AuthError:
    async def go() -> AuthError:
        async with SupabaseAuth(server.url, server.anon_key) as auth:
            with pytest.raises(AuthError) as caught:
                await auth.refresh(token)
            return caught.value

    return asyncio.run(go())


@pytest.mark.parametrize("code", sorted(TERMINAL_CODES))
def test_injected_terminal_codes_over_http(auth_server: DemoAuthServer, code: str) -> None:
    auth_server.inject_error("refresh_token", 400, code, "text")
    error = _run_refresh(auth_server)
    assert (error.status, error.code, error.terminal, error.transient) == (400, code, True, False)


def test_legacy_shape_when_server_ignores_api_version(make_auth_server) -> None:
    server = make_auth_server(error_shape="legacy")
    error = _run_refresh(server)
    assert (error.status, error.code, error.terminal) == (400, "refresh_token_not_found", True)


def test_old_server_invalid_grant_on_refresh_is_terminal(make_auth_server) -> None:
    server = make_auth_server(error_shape="oauth")
    error = _run_refresh(server)
    assert error.code == "invalid_grant"
    assert error.terminal and not error.transient
    assert "signed out" in error.user_message


def test_old_server_invalid_grant_on_password_is_wrong_credentials(make_auth_server) -> None:
    server = make_auth_server(error_shape="oauth")
    server.add_user("a@example.test", "right-password")

    async def go() -> AuthError:
        async with SupabaseAuth(server.url, server.anon_key) as auth:
            with pytest.raises(AuthError) as caught:
                await auth.sign_in_with_password("a@example.test", "wrong-password")
            return caught.value

    error = asyncio.run(go())
    assert error.code == "invalid_grant" and not error.terminal
    assert error.user_message == "The email address or password is not correct."


def test_edge_html_page_over_http(auth_server: DemoAuthServer) -> None:
    auth_server.inject_raw("refresh_token", 520, b"<html><body>Web server is down</body></html>")
    error = _run_refresh(auth_server)
    assert (error.status, error.code, error.transient, error.terminal) == (
        520,
        "unexpected_failure",
        True,
        False,
    )


def test_network_error_has_no_status() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def go() -> AuthError:
        async with SupabaseAuth(f"http://127.0.0.1:{port}", "k") as auth:
            with pytest.raises(AuthError) as caught:
                await auth.sign_in_with_password("a@example.test", "secret-password")
            return caught.value

    error = asyncio.run(go())
    assert (error.status, error.code, error.transient) == (None, "network_error", True)
    assert "secret-password" not in str(error) + repr(error) + error.message


def test_wrong_api_key_is_the_gateway_answer(auth_server: DemoAuthServer) -> None:
    async def go() -> AuthError:
        async with SupabaseAuth(auth_server.url, "not-the-key") as auth:
            with pytest.raises(AuthError) as caught:
                await auth.refresh("abcdefghijkl")
            return caught.value

    error = asyncio.run(go())
    assert (error.status, error.code) == (401, "api_key_rejected")
    assert error.message == "Invalid API key"

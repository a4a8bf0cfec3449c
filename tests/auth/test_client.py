"""SupabaseAuth against the loopback GoTrue speaker: sign-in, sign-up, user, sign-out, MFA."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

import hc_desktop
from hc_desktop.auth import AuthError, Session, SupabaseAuth
from hc_desktop.auth.session import jwt_claims
from hc_desktop.demo.auth_backend import totp_code
from hc_desktop.demo.auth_server import DemoAuthServer
from tests.fixtures.auth import AuthAccount

T = TypeVar("T")


def call(server: DemoAuthServer, fn: Callable[[SupabaseAuth], Awaitable[T]]) -> T:
    async def go() -> T:
        async with SupabaseAuth(server.url, server.anon_key) as auth:
            return await fn(auth)

    return asyncio.run(go())


def failure(server: DemoAuthServer, fn: Callable[[SupabaseAuth], Awaitable[object]]) -> AuthError:
    async def go(auth: SupabaseAuth) -> AuthError:
        with pytest.raises(AuthError) as caught:
            await fn(auth)
        return caught.value

    return call(server, go)


def test_sign_in_returns_a_session(auth_server: DemoAuthServer, auth_account: AuthAccount) -> None:
    session = call(
        auth_server, lambda a: a.sign_in_with_password(auth_account.email, auth_account.password)
    )
    assert session.user_id == auth_account.user_id
    assert session.email == auth_account.email
    assert session.aal == "aal1"
    claims = jwt_claims(session.access_token)
    assert claims["sub"] == auth_account.user_id and claims["role"] == "authenticated"
    assert claims["exp"] == session.expires_at
    text = repr(session)
    assert session.access_token not in text and session.refresh_token not in text
    assert auth_account.email not in text


def test_sign_in_sends_the_headers_gotrue_expects(
    auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    call(auth_server, lambda a: a.sign_in_with_password(auth_account.email, auth_account.password))
    (entry,) = auth_server.requests
    assert (entry.path, entry.grant_type, entry.status) == ("/auth/v1/token", "password", 200)
    assert entry.api_version == "2024-01-01"
    assert entry.client_info == f"hc-desktop/{hc_desktop.__version__}"


def test_wrong_password(auth_server: DemoAuthServer, auth_account: AuthAccount) -> None:
    error = failure(auth_server, lambda a: a.sign_in_with_password(auth_account.email, "nope!!"))
    assert (error.status, error.code, error.terminal) == (400, "invalid_credentials", False)
    assert "nope!!" not in str(error) + repr(error) + error.log_text


def test_unknown_user_looks_like_wrong_password(auth_server: DemoAuthServer) -> None:
    error = failure(auth_server, lambda a: a.sign_in_with_password("x@example.test", "abcdef"))
    assert error.code == "invalid_credentials"


def test_unconfirmed_email_is_only_revealed_with_the_right_password(
    auth_server: DemoAuthServer,
) -> None:
    auth_server.add_user("new@example.test", "right-password", confirmed=False)
    wrong = failure(auth_server, lambda a: a.sign_in_with_password("new@example.test", "wrong!!"))
    right = failure(
        auth_server, lambda a: a.sign_in_with_password("new@example.test", "right-password")
    )
    assert wrong.code == "invalid_credentials"
    assert (right.status, right.code) == (400, "email_not_confirmed")
    assert "confirm" in right.user_message


def test_banned_user(auth_server: DemoAuthServer, auth_account: AuthAccount) -> None:
    auth_server.ban(auth_account.email)
    error = failure(
        auth_server, lambda a: a.sign_in_with_password(auth_account.email, auth_account.password)
    )
    assert (error.status, error.code, error.terminal) == (400, "user_banned", True)


def test_rate_limited(auth_server: DemoAuthServer, auth_account: AuthAccount) -> None:
    auth_server.inject_error("password", 429, "over_request_rate_limit", "Request rate limit")
    error = failure(
        auth_server, lambda a: a.sign_in_with_password(auth_account.email, auth_account.password)
    )
    assert (error.status, error.code, error.transient) == (429, "over_request_rate_limit", True)
    again = call(
        auth_server, lambda a: a.sign_in_with_password(auth_account.email, auth_account.password)
    )
    assert again.user_id == auth_account.user_id


def test_sign_up_needs_email_confirmation(auth_server: DemoAuthServer) -> None:
    result = call(auth_server, lambda a: a.sign_up("fresh@example.test", "long-enough"))
    assert result.session is None and result.confirmation_sent
    assert not result.maybe_existing_account
    assert result.user_id == auth_server.backend.user_id("fresh@example.test")
    assert auth_server.backend.sent_emails == [("signup", "fresh@example.test")]


def test_sign_up_with_autoconfirm_signs_in(make_auth_server) -> None:
    server = make_auth_server(autoconfirm=True)
    result = call(server, lambda a: a.sign_up("fresh@example.test", "long-enough"))
    assert isinstance(result.session, Session)
    assert result.session.email == "fresh@example.test"
    assert not result.confirmation_sent


def test_sign_up_for_a_confirmed_address_returns_a_made_up_user(
    auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    result = call(auth_server, lambda a: a.sign_up(auth_account.email, "another-password"))
    assert result.session is None and result.confirmation_sent
    assert result.maybe_existing_account
    assert result.user_id != auth_account.user_id
    assert auth_server.backend.sent_emails == []


def test_sign_up_for_a_confirmed_address_with_autoconfirm(make_auth_server) -> None:
    server = make_auth_server(autoconfirm=True)
    server.add_user("a@example.test", "password-1")
    error = failure(server, lambda a: a.sign_up("a@example.test", "password-2"))
    assert (error.status, error.code) == (422, "user_already_exists")


def test_sign_up_weak_password_and_disabled(make_auth_server) -> None:
    server = make_auth_server()
    weak = failure(server, lambda a: a.sign_up("a@example.test", "123"))
    assert (weak.status, weak.code, weak.reasons) == (422, "weak_password", ("length",))
    closed = make_auth_server(disable_signup=True)
    error = failure(closed, lambda a: a.sign_up("a@example.test", "long-enough"))
    assert error.code == "signup_disabled"


def test_password_reset_answers_the_same_for_unknown_addresses(
    auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    call(auth_server, lambda a: a.send_password_reset(auth_account.email))
    call(auth_server, lambda a: a.send_password_reset("nobody@example.test"))
    assert auth_server.backend.sent_emails == [("recovery", auth_account.email)]
    auth_server.inject_error("/recover", 429, "over_email_send_rate_limit")
    error = failure(auth_server, lambda a: a.send_password_reset(auth_account.email))
    assert error.code == "over_email_send_rate_limit"


def test_get_user_and_expired_token(auth_server: DemoAuthServer, auth_account: AuthAccount) -> None:
    async def go(auth: SupabaseAuth) -> tuple[dict[str, object], AuthError]:
        session = await auth.sign_in_with_password(auth_account.email, auth_account.password)
        user = await auth.get_user(session.access_token)
        auth_server.expire_access_tokens()
        with pytest.raises(AuthError) as caught:
            await auth.get_user(session.access_token)
        return user, caught.value

    user, expired = call(auth_server, go)
    assert user["id"] == auth_account.user_id
    assert (expired.status, expired.code, expired.terminal) == (403, "bad_jwt", False)


def test_sign_out_revokes_and_tolerates_repeats(
    auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    async def go(auth: SupabaseAuth) -> AuthError:
        session = await auth.sign_in_with_password(auth_account.email, auth_account.password)
        await auth.sign_out(session.access_token)
        await auth.sign_out(session.access_token)  # session gone: 403, still fine
        with pytest.raises(AuthError) as caught:
            await auth.refresh(session.refresh_token)
        return caught.value

    error = call(auth_server, go)
    assert error.code == "refresh_token_not_found"
    assert auth_server.active_sessions(auth_account.email) == 0
    logouts = [r for r in auth_server.requests if r.path == "/auth/v1/logout"]
    assert [r.status for r in logouts] == [204, 403]


def test_sign_out_reports_server_failures(
    auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    async def go(auth: SupabaseAuth) -> AuthError:
        session = await auth.sign_in_with_password(auth_account.email, auth_account.password)
        auth_server.inject_error("/logout", 503, "unexpected_failure")
        with pytest.raises(AuthError) as caught:
            await auth.sign_out(session.access_token)
        return caught.value

    assert call(auth_server, go).transient


def test_mfa_step_up(auth_server: DemoAuthServer, auth_account: AuthAccount) -> None:
    factor_id, secret = auth_server.backend.add_totp_factor(auth_account.email)

    async def go(auth: SupabaseAuth) -> tuple[Session, Session, list[dict[str, object]], str]:
        first = await auth.sign_in_with_password(auth_account.email, auth_account.password)
        factors = await auth.verified_factors(first.access_token)
        with pytest.raises(AuthError) as caught:
            await auth.mfa_challenge_and_verify(first.access_token, factor_id, "000000x")
        code = totp_code(secret, auth_server.backend.now())
        stepped = await auth.mfa_challenge_and_verify(first.access_token, factor_id, code)
        return first, stepped, factors, caught.value.code

    first, stepped, factors, bad_code = call(auth_server, go)
    assert first.aal == "aal1" and stepped.aal == "aal2"
    assert [f["id"] for f in factors] == [factor_id]
    assert bad_code == "mfa_verification_failed"
    assert stepped.refresh_token != first.refresh_token

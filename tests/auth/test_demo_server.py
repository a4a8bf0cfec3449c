"""The loopback GoTrue speaker follows GoTrue's rules that the client relies on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hc_desktop.auth.session import jwt_claims
from hc_desktop.demo.auth_backend import sign_jwt
from hc_desktop.demo.auth_server import DemoAuthServer
from tests.fixtures.auth import AuthAccount

NEW = {"X-Supabase-Api-Version": "2024-01-01"}


@pytest.fixture
def http(auth_server: DemoAuthServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=auth_server.url + "/auth/v1", headers={"apikey": auth_server.anon_key}
    ) as client:
        yield client


def sign_in(http: httpx.Client, account: AuthAccount) -> dict[str, Any]:
    response = http.post(
        "/token",
        params={"grant_type": "password"},
        json={"email": account.email, "password": account.password},
        headers=NEW,
    )
    assert response.status_code == 200
    return response.json()


def refresh(http: httpx.Client, token: str) -> httpx.Response:
    return http.post(
        "/token", params={"grant_type": "refresh_token"}, json={"refresh_token": token}, headers=NEW
    )


def test_session_body_and_claims(http: httpx.Client, auth_account: AuthAccount) -> None:
    body = sign_in(http, auth_account)
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600
    assert body["weak_password"] is None
    assert len(body["refresh_token"]) == 12
    claims = jwt_claims(body["access_token"])
    assert claims["sub"] == auth_account.user_id == body["user"]["id"]
    assert claims["aud"] == "authenticated" and claims["role"] == "authenticated"
    assert claims["exp"] == body["expires_at"] == claims["iat"] + 3600
    assert (claims["aal"], claims["is_anonymous"]) == ("aal1", False)
    assert claims["email"] == auth_account.email and claims["session_id"]


def test_rotation_forgives_the_parent_and_revokes_on_older_reuse(
    http: httpx.Client, auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    t0 = sign_in(http, auth_account)["refresh_token"]
    t1 = refresh(http, t0).json()["refresh_token"]
    assert t1 != t0
    assert refresh(http, t0).json()["refresh_token"] == t1  # parent of the active token
    t2 = refresh(http, t1).json()["refresh_token"]
    reused = refresh(http, t0)  # two rotations behind
    assert (reused.status_code, reused.json()["code"]) == (400, "refresh_token_already_used")
    assert reused.headers["x-sb-error-code"] == "refresh_token_already_used"
    assert auth_server.active_sessions(auth_account.email) == 0
    assert refresh(http, t2).json()["code"] == "refresh_token_not_found"


def test_reuse_interval_rotates_a_recently_revoked_token(make_auth_server) -> None:
    server = make_auth_server(reuse_interval=10.0)
    server.add_user("a@example.test", "password-1")
    with httpx.Client(
        base_url=server.url + "/auth/v1", headers={"apikey": server.anon_key}
    ) as http:
        t0 = sign_in(http, AuthAccount("a@example.test", "password-1", ""))["refresh_token"]
        t1 = refresh(http, t0).json()["refresh_token"]
        refresh(http, t1)
        within = refresh(http, t0)
        assert within.status_code == 200
        server.advance(11)
        after = refresh(http, t1)
        assert after.json()["code"] == "refresh_token_already_used"


def test_unknown_and_missing_refresh_tokens(http: httpx.Client) -> None:
    assert refresh(http, "zzzzzzzzzzzz").json() == {
        "code": "refresh_token_not_found",
        "message": "Invalid Refresh Token: Refresh Token Not Found",
    }
    missing = http.post("/token", params={"grant_type": "refresh_token"}, json={}, headers=NEW)
    assert missing.json() == {
        "error": "invalid_request",
        "error_description": "refresh_token required",
    }


def test_error_shapes_follow_the_api_version_header(
    http: httpx.Client, auth_account: AuthAccount
) -> None:
    wrong = {"email": auth_account.email, "password": "wrong"}
    params = {"grant_type": "password"}
    new = http.post("/token", params=params, json=wrong, headers=NEW).json()
    legacy = http.post("/token", params=params, json=wrong).json()
    old_date = http.post(
        "/token", params=params, json=wrong, headers={"X-Supabase-Api-Version": "2023-05-01"}
    ).json()
    assert new == {"code": "invalid_credentials", "message": "Invalid login credentials"}
    assert legacy == {
        "code": 400,
        "error_code": "invalid_credentials",
        "msg": "Invalid login credentials",
    }
    assert old_date == legacy


def test_oauth_shape_for_old_servers(make_auth_server) -> None:
    server = make_auth_server(error_shape="oauth")
    with httpx.Client(base_url=server.url + "/auth/v1", headers={"apikey": "demo-anon-key"}) as c:
        body = refresh(c, "zzzzzzzzzzzz").json()
    assert body == {
        "error": "invalid_grant",
        "error_description": "Invalid Refresh Token: Refresh Token Not Found",
    }


def test_api_key_is_required(auth_server: DemoAuthServer) -> None:
    with httpx.Client(base_url=auth_server.url + "/auth/v1") as bare:
        missing = bare.get("/health")
        wrong = bare.get("/health", headers={"apikey": "nope"})
        fine = bare.get("/health", params={"apikey": auth_server.anon_key})
    assert (missing.status_code, missing.json()["message"]) == (401, "No API key found in request")
    assert (wrong.status_code, wrong.json()["message"]) == (401, "Invalid API key")
    assert "hint" in wrong.json()
    assert fine.status_code == 200


def test_bearer_endpoints(
    http: httpx.Client, auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    token = sign_in(http, auth_account)["access_token"]
    assert http.get("/user").json()["code"] == 401
    forged = sign_jwt({**jwt_claims(token)}, b"some other secret")
    bad = http.get("/user", headers={"Authorization": f"Bearer {forged}", **NEW})
    assert (bad.status_code, bad.json()["code"]) == (403, "bad_jwt")
    ok = http.get("/user", headers={"Authorization": f"Bearer {token}", **NEW})
    assert ok.json()["id"] == auth_account.user_id
    auth_server.expire_access_tokens()
    expired = http.get("/user", headers={"Authorization": f"Bearer {token}", **NEW})
    assert (expired.status_code, expired.json()["code"]) == (403, "bad_jwt")


def test_logout_scopes(
    http: httpx.Client, auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    sessions = [sign_in(http, auth_account) for _ in range(3)]
    bearer = {"Authorization": f"Bearer {sessions[0]['access_token']}", **NEW}
    invalid = http.post("/logout", params={"scope": "everything"}, headers=bearer)
    assert invalid.json()["code"] == "validation_failed"
    assert http.post("/logout", params={"scope": "others"}, headers=bearer).status_code == 204
    assert auth_server.active_sessions(auth_account.email) == 1
    assert http.post("/logout", params={"scope": "local"}, headers=bearer).status_code == 204
    assert auth_server.active_sessions(auth_account.email) == 0
    again = http.post("/logout", params={"scope": "local"}, headers=bearer)
    assert (again.status_code, again.json()["code"]) == (403, "session_not_found")


def test_injected_errors_run_out(
    http: httpx.Client, auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    auth_server.inject_error("password", 429, "over_request_rate_limit", times=2)
    statuses = [
        http.post(
            "/token",
            params={"grant_type": "password"},
            json={"email": auth_account.email, "password": auth_account.password},
        ).status_code
        for _ in range(3)
    ]
    assert statuses == [429, 429, 200]


def test_request_log_holds_no_secrets(
    http: httpx.Client, auth_server: DemoAuthServer, auth_account: AuthAccount
) -> None:
    body = sign_in(http, auth_account)
    refresh(http, body["refresh_token"])
    text = repr(auth_server.requests)
    for secret in (auth_account.password, body["refresh_token"], body["access_token"]):
        assert secret not in text
    assert [r.grant_type for r in auth_server.requests] == ["password", "refresh_token"]


def test_bad_json_and_unknown_routes(http: httpx.Client) -> None:
    bad = http.post(
        "/signup", content=b"{nope", headers={"Content-Type": "application/json", **NEW}
    )
    assert (bad.status_code, bad.json()["code"]) == (400, "bad_json")
    assert http.get("/nowhere", headers=NEW).status_code == 404
    assert http.get("/settings").json()["disable_signup"] is False


def test_stop_releases_the_port(make_auth_server) -> None:
    server = make_auth_server()
    url = server.url
    server.stop()
    server.stop()  # idempotent
    with httpx.Client() as client, pytest.raises(httpx.ConnectError):
        client.get(url + "/auth/v1/health")


def test_pinned_user_id_and_unique_emails(make_auth_server) -> None:
    server = make_auth_server()
    fixed = "00000000-0000-4000-8000-000000000001"
    assert server.add_user("demo@example.test", "password-1", user_id=fixed) == fixed
    with pytest.raises(ValueError):
        server.add_user("DEMO@example.test", "password-2")

"""SessionManager: persistence, renewal, single flight, terminal and transient failures."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
import socket

import pytest

from hc_desktop.auth import (
    TERMINAL_CODES,
    AuthError,
    RefreshFailed,
    SessionEnded,
    SessionManager,
    SessionRefreshed,
    SessionStarted,
    SupabaseAuth,
    TokenExpired,
)
from hc_desktop.auth.token_store import KeyringTokenStore
from hc_desktop.demo.auth_server import DemoAuthServer
from tests.auth.helpers import FakeClock, wired_manager
from tests.auth.keyrings import FailingKeyring, MemoryKeyring
from tests.fixtures.auth import AuthAccount


def refresh_requests(server: DemoAuthServer) -> list[int]:
    return [r.status for r in server.requests if r.grant_type == "refresh_token"]


def test_sign_in_persists_the_refresh_token(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            assert w.manager.current == session
            assert w.manager.persistent
            assert memory_keyring.stored() == {
                "v": 1,
                "rt": session.refresh_token,
                "uid": auth_account.user_id,
                "email": auth_account.email,
            }
            assert [type(e) for e in w.events.events] == [SessionStarted]
            claims = await asyncio.to_thread(w.manager.jwt_claims)  # stores call it off-loop
            assert claims["sub"] == auth_account.user_id and claims["role"] == "authenticated"
            await w.manager.sign_out()
            assert w.manager.jwt_claims() == {}

    asyncio.run(go())


def test_silent_sign_in_after_restart(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as first:
            signed_in = await first.manager.sign_in(auth_account.email, auth_account.password)
        async with wired_manager(auth_server, tmp_path) as second:
            remembered = await second.manager.remembered_user()
            restored = await second.manager.restore()
            assert remembered is not None and remembered.user_id == auth_account.user_id
            assert restored is not None and restored.user_id == auth_account.user_id
            assert restored.refresh_token != signed_in.refresh_token
            assert memory_keyring.stored()["rt"] == restored.refresh_token
            assert [type(e) for e in second.events.events] == [SessionStarted]
            assert (await second.manager.access_token()) == restored.access_token

    asyncio.run(go())
    assert auth_server.active_sessions(auth_account.email) == 1


def test_restore_without_a_stored_token(
    auth_server: DemoAuthServer, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as w:
            assert await w.manager.restore() is None
            assert w.events.events == []
            with pytest.raises(AuthError) as caught:
                await w.manager.access_token()
            assert caught.value.code == "not_signed_in"

    asyncio.run(go())
    assert refresh_requests(auth_server) == []


def test_rotated_token_is_persisted_before_anyone_uses_it(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    persisted_when_announced: list[bool] = []

    def check(event: object) -> None:
        if isinstance(event, SessionStarted | SessionRefreshed):
            stored = memory_keyring.stored()
            persisted_when_announced.append(stored["rt"] == event.session.refresh_token)

    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as w:
            w.manager.add_listener(check)
            await w.manager.sign_in(auth_account.email, auth_account.password)
            refreshed = await w.manager.refresh()
            assert memory_keyring.stored()["rt"] == refreshed.refresh_token

    asyncio.run(go())
    assert persisted_when_announced == [True, True]


def test_access_token_renews_only_within_the_margin(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    clock = FakeClock()

    async def go() -> None:
        async with wired_manager(auth_server, tmp_path, clock=clock, refresh_margin=90) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            clock.now = session.expires_at - 91
            assert await w.manager.access_token() == session.access_token
            assert refresh_requests(auth_server) == []
            clock.now = session.expires_at - 89  # e.g. just woke up from sleep
            auth_server.advance(1)  # a new token must differ from the old one
            token = await w.manager.access_token()
            assert token != session.access_token
            assert w.manager.current is not None and w.manager.current.access_token == token
            assert refresh_requests(auth_server) == [200]

    asyncio.run(go())


def test_concurrent_callers_share_one_refresh(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    clock = FakeClock()

    async def go() -> None:
        async with wired_manager(auth_server, tmp_path, clock=clock) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            clock.now = session.expires_at
            auth_server.advance(1)
            tokens = await asyncio.gather(*(w.manager.access_token() for _ in range(5)))
            assert len(set(tokens)) == 1 and tokens[0] != session.access_token
            assert len(w.events.of(SessionRefreshed)) == 1

    asyncio.run(go())
    assert refresh_requests(auth_server) == [200]


def test_run_with_token_renews_once_and_retries_once(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as w:
            first = await w.manager.sign_in(auth_account.email, auth_account.password)
            auth_server.advance(1)
            seen: list[str] = []

            async def call(token: str) -> str:
                seen.append(token)
                if len(seen) == 1:
                    raise TokenExpired
                return "ok"

            assert await w.manager.run_with_token(call) == "ok"
            assert seen[0] == first.access_token and seen[1] != first.access_token

            async def always_rejected(token: str) -> str:
                raise TokenExpired

            with pytest.raises(TokenExpired):
                await w.manager.run_with_token(always_rejected)

    asyncio.run(go())
    assert refresh_requests(auth_server) == [200, 200]


@pytest.mark.parametrize("code", sorted(TERMINAL_CODES))
def test_terminal_codes_end_the_session(
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    memory_keyring: MemoryKeyring,
    tmp_path,
    code: str,
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as w:
            await w.manager.sign_in(auth_account.email, auth_account.password)
            auth_server.inject_error("refresh_token", 400, code, "server says no")
            with pytest.raises(AuthError) as caught:
                await w.manager.refresh()
            assert caught.value.terminal
            (ended,) = w.events.of(SessionEnded)
            assert ended == SessionEnded(code, caught.value.user_message)
            assert "sign in" in ended.user_message.lower() or "blocked" in ended.user_message
            assert w.manager.current is None
            assert memory_keyring.stored() is None

    asyncio.run(go())


def test_revoked_elsewhere_and_banned_end_the_session(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> list[str]:
        async with wired_manager(auth_server, tmp_path) as w:
            await w.manager.sign_in(auth_account.email, auth_account.password)
            auth_server.revoke_session(auth_account.email)  # e.g. password changed elsewhere
            with pytest.raises(AuthError):
                await w.manager.refresh()
            await w.manager.sign_in(auth_account.email, auth_account.password)
            auth_server.ban(auth_account.email)
            with pytest.raises(AuthError):
                await w.manager.refresh()
            assert memory_keyring.stored() is None
            return [e.reason_code for e in w.events.of(SessionEnded)]

    assert asyncio.run(go()) == ["refresh_token_not_found", "user_banned"]


def test_restore_of_an_ended_session_clears_the_keyring(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as first:
            await first.manager.sign_in(auth_account.email, auth_account.password)
        auth_server.revoke_session(auth_account.email)
        async with wired_manager(auth_server, tmp_path) as second:
            assert await second.manager.restore() is None
            assert [e.reason_code for e in second.events.of(SessionEnded)] == [
                "refresh_token_not_found"
            ]
            assert memory_keyring.stored() is None

    asyncio.run(go())


def _inject_transient(server: DemoAuthServer, kind: str) -> None:
    if kind == "html-520":
        server.inject_raw("refresh_token", 520, b"<html>origin down</html>")
    else:
        status, code = {
            "503": (503, "unexpected_failure"),
            "409": (409, "conflict"),
            "429": (429, "over_request_rate_limit"),
        }[kind]
        server.inject_error("refresh_token", status, code)


@pytest.mark.parametrize("kind", ["503", "409", "429", "html-520"])
def test_transient_errors_keep_the_session(
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    memory_keyring: MemoryKeyring,
    tmp_path,
    kind: str,
) -> None:
    clock = FakeClock()

    async def go() -> None:
        async with wired_manager(auth_server, tmp_path, clock=clock) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            clock.now = session.expires_at - 30  # inside the margin, still valid
            _inject_transient(auth_server, kind)
            assert await w.manager.access_token() == session.access_token
            (failed,) = w.events.of(RefreshFailed)
            assert failed.transient
            assert w.manager.current == session
            assert memory_keyring.stored()["rt"] == session.refresh_token
            assert w.events.of(SessionEnded) == []
            clock.now = session.expires_at + 1  # now expired: the caller must learn it
            _inject_transient(auth_server, kind)
            with pytest.raises(AuthError) as caught:
                await w.manager.access_token()
            assert caught.value.transient and w.manager.current == session
            renewed = await w.manager.refresh()
            assert renewed.refresh_token != session.refresh_token

    asyncio.run(go())


def test_network_loss_keeps_the_session(
    auth_account: AuthAccount, make_auth_server, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    server = make_auth_server()
    server.add_user(auth_account.email, auth_account.password)

    async def go() -> None:
        async with wired_manager(server, tmp_path) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            server.stop()
            with pytest.raises(AuthError) as caught:
                await w.manager.refresh()
            assert caught.value.code == "network_error"
            assert w.manager.current == session
            assert memory_keyring.stored()["rt"] == session.refresh_token

    asyncio.run(go())


def test_refresh_loop_renews_before_expiry_and_backs_off(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    clock = FakeClock()

    async def go() -> None:
        async with wired_manager(
            auth_server, tmp_path, clock=clock, backoff_base=0.01, check_interval=3600
        ) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            loop_task = asyncio.create_task(w.manager.run_refresh_loop())
            try:
                await asyncio.sleep(0)
                assert refresh_requests(auth_server) == []
                auth_server.inject_error("refresh_token", 503, "unexpected_failure", times=2)
                clock.now = session.expires_at - 60  # the machine slept through the timer
                w.manager.wake()  # what the controller does on resume
                (refreshed,) = await w.events.wait_for(SessionRefreshed)
                assert refreshed.session.refresh_token != session.refresh_token
                assert len(w.events.of(RefreshFailed)) == 2
                assert refresh_requests(auth_server) == [503, 503, 200]
            finally:
                loop_task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await loop_task

    asyncio.run(go())


def test_refresh_loop_notices_wall_clock_jumps_without_a_wake(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    clock = FakeClock()

    async def go() -> None:
        async with wired_manager(auth_server, tmp_path, clock=clock, check_interval=0.02) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            loop_task = asyncio.create_task(w.manager.run_refresh_loop())
            try:
                clock.now = session.expires_at + 600  # long suspend: token already expired
                await w.events.wait_for(SessionRefreshed)
            finally:
                loop_task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await loop_task

    asyncio.run(go())


def test_offline_start_restores_once_the_server_answers(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as first:
            await first.manager.sign_in(auth_account.email, auth_account.password)
        async with wired_manager(auth_server, tmp_path, backoff_base=0.01) as w:
            auth_server.inject_error("refresh_token", 503, "unexpected_failure")
            with pytest.raises(AuthError) as caught:
                await w.manager.restore()
            assert caught.value.transient
            remembered = await w.manager.remembered_user()
            assert remembered is not None and remembered.user_id == auth_account.user_id
            loop_task = asyncio.create_task(w.manager.run_refresh_loop())
            try:
                (started,) = await w.events.wait_for(SessionStarted)
                assert started.session.user_id == auth_account.user_id
            finally:
                loop_task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await loop_task

    asyncio.run(go())


def test_sign_out_revokes_and_clears(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            await w.manager.sign_out()
            assert w.manager.current is None
            assert memory_keyring.stored() is None
            assert [e.reason_code for e in w.events.of(SessionEnded)] == ["signed_out"]
            async with SupabaseAuth(auth_server.url, auth_server.anon_key) as raw:
                with pytest.raises(AuthError) as caught:
                    await raw.refresh(session.refresh_token)
            assert caught.value.code == "refresh_token_not_found"

    asyncio.run(go())
    assert auth_server.active_sessions(auth_account.email) == 0


def test_sign_out_clears_locally_when_the_server_fails(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with wired_manager(auth_server, tmp_path) as w:
            await w.manager.sign_in(auth_account.email, auth_account.password)
            auth_server.inject_error("/logout", 500, "unexpected_failure")
            await w.manager.sign_out()
            assert w.manager.current is None and memory_keyring.stored() is None

    asyncio.run(go())


def test_sign_out_with_an_expired_access_token_still_revokes(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    clock = FakeClock()

    async def go() -> None:
        async with wired_manager(auth_server, tmp_path, clock=clock) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            auth_server.expire_access_tokens()
            clock.now = session.expires_at + 1
            await w.manager.sign_out()

    asyncio.run(go())
    assert auth_server.active_sessions(auth_account.email) == 0


def test_stale_manager_adopts_the_newer_token_under_the_lock(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    async def go() -> None:
        async with (
            wired_manager(auth_server, tmp_path) as a,
            wired_manager(auth_server, tmp_path) as b,
        ):
            await a.manager.sign_in(auth_account.email, auth_account.password)
            await b.manager.restore()
            await b.manager.refresh()
            await b.manager.refresh()  # a's token is now three rotations behind
            renewed = await a.manager.refresh()
            assert memory_keyring.stored()["rt"] == renewed.refresh_token
            again = await b.manager.refresh()  # and b adopts a's token in turn
            assert memory_keyring.stored()["rt"] == again.refresh_token
            assert a.events.of(SessionEnded) == [] and b.events.of(SessionEnded) == []

    asyncio.run(go())
    assert auth_server.active_sessions(auth_account.email) == 1
    assert "refresh_token_already_used" not in {r.code for r in auth_server.requests}


def test_without_keyring_the_session_lives_in_memory_only(
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    failing_keyring: FailingKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "home"
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    profile_dir = tmp_path / "profile"
    tokens_seen: list[str] = []

    async def go() -> None:
        async with wired_manager(auth_server, profile_dir) as w:
            session = await w.manager.sign_in(auth_account.email, auth_account.password)
            assert not w.manager.persistent
            assert not await w.tokens.available()
            renewed = await w.manager.refresh()  # renewal works from memory
            tokens_seen.extend([session.refresh_token, renewed.refresh_token, renewed.access_token])
        async with wired_manager(auth_server, profile_dir) as later:
            assert await later.manager.restore() is None  # next run must sign in again

    asyncio.run(go())
    secrets = [*tokens_seen, auth_account.password]
    for root, _dirs, files in os.walk(tmp_path):
        for name in files:
            content = (Path(root) / name).read_bytes()
            assert not any(s.encode() in content for s in secrets), name


def test_lock_timeout_is_transient(
    auth_server: DemoAuthServer, auth_account: AuthAccount, memory_keyring: MemoryKeyring, tmp_path
) -> None:
    import filelock

    async def go() -> None:
        async with wired_manager(auth_server, tmp_path, lock_timeout=0.05) as w:
            await w.manager.sign_in(auth_account.email, auth_account.password)
            other_process = filelock.FileLock(tmp_path / "session.lock", thread_local=False)
            with other_process, pytest.raises(AuthError) as caught:
                await w.manager.refresh()
            assert caught.value.code == "lock_timeout" and caught.value.transient
            assert w.manager.current is not None
            await w.manager.refresh()

    asyncio.run(go())


def test_manager_logs_no_secrets(
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    memory_keyring: MemoryKeyring,
    tmp_path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG", logger="hc_desktop.auth")

    async def go() -> list[str]:
        async with wired_manager(auth_server, tmp_path) as w:
            s1 = await w.manager.sign_in(auth_account.email, auth_account.password)
            auth_server.inject_error("refresh_token", 503, "unexpected_failure")
            with pytest.raises(AuthError):
                await w.manager.refresh()
            s2 = await w.manager.refresh()
            await w.manager.sign_out()
            return [s1.access_token, s1.refresh_token, s2.access_token, s2.refresh_token]

    secrets = [*asyncio.run(go()), auth_account.password, auth_account.email]
    assert caplog.records
    assert not any(s in caplog.text for s in secrets)


def test_unused_manager_closes_cleanly(tmp_path) -> None:
    async def go() -> None:
        auth = SupabaseAuth("http://127.0.0.1:9", "k")
        tokens = KeyringTokenStore(profile="unused")
        manager = SessionManager(auth, tokens, lock_path=tmp_path / "x.lock")
        manager.close()
        tokens.close()
        await auth.aclose()

    asyncio.run(go())
    with socket.socket():
        pass

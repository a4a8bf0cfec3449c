"""Two app processes of one profile renewing at the same time keep the session alive."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
import select
import subprocess
import sys

import keyring

from hc_desktop.auth import SupabaseAuth
from hc_desktop.demo.auth_server import DemoAuthServer
from tests.auth.helpers import wired_manager
from tests.auth.keyrings import JsonFileKeyring
from tests.fixtures.auth import AuthAccount

REPO_ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 6


def _read_line(process: subprocess.Popen[str], timeout: float = 20.0) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "child process did not answer in time"
    return process.stdout.readline().strip()


def test_two_processes_refreshing_together_do_not_revoke_the_session(
    auth_server: DemoAuthServer, auth_account: AuthAccount, tmp_path: Path
) -> None:
    keyring_file = tmp_path / "keyring.json"
    lock_file = tmp_path / "profile" / "session.lock"
    backend = JsonFileKeyring(keyring_file)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:

        async def sign_in() -> None:
            async with wired_manager(auth_server, lock_file.parent) as w:
                await w.manager.sign_in(auth_account.email, auth_account.password)

        asyncio.run(sign_in())
        command = [
            sys.executable,
            "-m",
            "tests.auth.refresher_process",
            auth_server.url,
            auth_server.anon_key,
            str(keyring_file),
            str(lock_file),
            str(ROUNDS),
        ]
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        children = [
            subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        try:
            assert [_read_line(child) for child in children] == ["ready", "ready"]
            for child in children:
                assert child.stdin is not None
                child.stdin.write("go\n")
                child.stdin.flush()
            outcomes = [json.loads(_read_line(child)) for child in children]
            assert [child.wait(timeout=20) for child in children] == [0, 0]
        finally:
            for child in children:
                if child.poll() is None:
                    child.kill()
                    child.wait()
                for stream in (child.stdin, child.stdout):
                    if stream is not None:
                        stream.close()

        assert outcomes == [{"renewed": ROUNDS, "errors": [], "persistent": True}] * 2
        assert auth_server.active_sessions(auth_account.email) == 1
        assert "refresh_token_already_used" not in {r.code for r in auth_server.requests}
        stored = json.loads(backend.get_password("hc-desktop", "session:test") or "{}")

        async def still_valid() -> str:
            async with SupabaseAuth(auth_server.url, auth_server.anon_key) as auth:
                return (await auth.refresh(stored["rt"])).user_id

        assert asyncio.run(still_valid()) == auth_account.user_id
    finally:
        keyring.set_keyring(previous)

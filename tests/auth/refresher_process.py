"""Child process for the cross-process refresh test: restore, wait for "go", refresh N times.

Run as ``python -m tests.auth.refresher_process URL ANON_KEY KEYRING_FILE LOCK_FILE ROUNDS``;
prints ``ready`` then one JSON line with the outcome (codes only, no tokens).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
import sys

import keyring

from hc_desktop.auth import AuthError, KeyringTokenStore, SessionManager, SupabaseAuth
from tests.auth.keyrings import JsonFileKeyring


async def main(url: str, anon_key: str, lock_path: Path, rounds: int) -> dict[str, object]:
    auth = SupabaseAuth(url, anon_key)
    tokens = KeyringTokenStore(profile="test")
    manager = SessionManager(auth, tokens, lock_path=lock_path)
    errors: list[str] = []
    renewed = 0
    try:
        restored = await manager.restore()
        print("ready" if restored else "no-session", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        for _ in range(rounds):
            try:
                await manager.refresh()
                renewed += 1
            except AuthError as error:
                errors.append(error.code)
        return {"renewed": renewed, "errors": errors, "persistent": tokens.persistent}
    finally:
        manager.close()
        tokens.close()
        await auth.aclose()


if __name__ == "__main__":
    server_url, key, keyring_file, lock_file, count = sys.argv[1:6]
    keyring.set_keyring(JsonFileKeyring(Path(keyring_file)))
    outcome = asyncio.run(main(server_url, key, Path(lock_file), int(count)))
    print(json.dumps(outcome), flush=True)

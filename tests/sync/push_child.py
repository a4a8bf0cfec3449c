"""Run one sync round in a separate process (the kill -9 test kills it mid-push).

Usage: python -m tests.sync.push_child CACHE_PATH DATABASE_URL USER_ID
"""

from __future__ import annotations

import asyncio
from pathlib import Path
import sys
import uuid

from hc_desktop.sync import CachedThreadRepository, RemoteThreads, SyncEngine


async def main(cache: Path, url: str, user_id: uuid.UUID) -> None:
    local = await asyncio.to_thread(CachedThreadRepository.open, cache, user_id)
    remote = RemoteThreads(url, user_id)
    try:
        await SyncEngine(local, remote, None, user_id).sync_once()
    finally:
        await local.close()
        await remote.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2], uuid.UUID(sys.argv[3])))

"""The cached thread list for the first paint, read before the store and its libraries load.

The list is what a returning user looks for first. Reading its first page with
:mod:`sqlite3` (and opening encrypted titles with the user's cache key) takes a few
milliseconds; importing SQLAlchemy to do the same takes a third of a second. Anything
unexpected returns nothing, and the store shows the list a moment later instead.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING
import uuid

from hc_desktop.core.threads import Thread
from hc_desktop.paths import Profile
from hc_desktop.store.first_page import ENVELOPE_PREFIX, Opener, plain_only, read_first_page

if TYPE_CHECKING:
    from hc_desktop.app.cache_opening import CacheKeys

_log = logging.getLogger("hc_desktop.app")


async def peek_cached_threads(
    profile: Profile, user_id: uuid.UUID, limit: int, *, keys: CacheKeys | None
) -> list[Thread]:
    """Up to ``limit`` of the user's newest active threads from the local file, or []."""
    path = profile.thread_store_file(user_id)
    if not path.is_file():
        return []
    opener = await _opener(user_id, keys)
    return await asyncio.to_thread(read_first_page, path, user_id, limit, open_value=opener)


async def _opener(user_id: uuid.UUID, keys: CacheKeys | None) -> Opener:
    """Decrypts with the user's cache key; without a key, encrypted values make the read
    give up (see :func:`read_first_page`)."""
    from hc_desktop.app.cache_opening import KeyringCacheKeys

    key = await (keys or KeyringCacheKeys()).get(user_id)
    if key is None:
        return plain_only
    from hc_desktop.store.crypto import ContentCipher

    cipher = ContentCipher(key)

    def open_value(value: str | None, column: str, thread_id: uuid.UUID) -> str | None:
        if value is None or not value.startswith(ENVELOPE_PREFIX):
            return value
        return cipher.decrypt(value, table="threads", column=column, row_id=thread_id.hex)

    return open_value

"""The cached thread list for the first paint, read before the store and its libraries load.

The list is what a returning user looks for first. Reading its first page with
:mod:`sqlite3` (and opening encrypted titles with the user's cache key) takes a few
milliseconds; importing SQLAlchemy to do the same takes a third of a second. Anything
unexpected returns nothing, and the store shows the list a moment later instead.
"""

from __future__ import annotations

from dataclasses import dataclass
import logging
from pathlib import Path
import threading
from typing import TYPE_CHECKING
import uuid

from hc_desktop.core.threads import Thread
from hc_desktop.paths import Profile
from hc_desktop.store.first_page import FIRST_PAGE, Opener, plain_only, read_first_page

if TYPE_CHECKING:
    from hc_desktop.app.cache_opening import CacheKeys
    from hc_desktop.config import Settings
    from hc_desktop.controller.thread_filter_model import ThreadModels
    from hc_desktop.ui.main_window import MainWindow

_log = logging.getLogger("hc_desktop.app")


def read_cached_page(
    profile: Profile, user_id: uuid.UUID, keys: CacheKeys, limit: int = FIRST_PAGE
) -> list[Thread]:
    """Up to ``limit`` of the user's newest active threads from the local file, opened with
    the cache key the user already has (none is made here), or [] (blocking)."""
    path = profile.thread_store_file(user_id)
    if not path.is_file():
        return []
    return _read_page(path, user_id, keys.existing(user_id), limit)


def _read_page(path: Path, user_id: uuid.UUID, key: bytes | None, limit: int) -> list[Thread]:
    opener = plain_only if key is None else _opening_with(key)
    return read_first_page(path, user_id, limit, open_value=opener)


async def peek_cached_threads(
    profile: Profile, user_id: uuid.UUID, limit: int, *, keys: CacheKeys | None
) -> list[Thread]:
    """:func:`read_cached_page` off the event loop (the keyring may take a while)."""
    import asyncio

    from hc_desktop.app.cache_opening import KeyringCacheKeys

    return await asyncio.to_thread(
        read_cached_page, profile, user_id, keys or KeyringCacheKeys(), limit
    )


class CachedListPrefetch:
    """The last user's cached first page, for the window to show before anything else.

    A key from the OS keyring may keep start-up waiting (an unlock prompt, a slow D-Bus),
    so it is fetched on a thread while Qt loads, and the window waits for it only a glance.
    The file is read and its titles opened (``cryptography`` loads for that) on the main
    thread when the window asks: work for the processor on a second thread slows start-up
    instead of hiding it, since the main thread hands over the interpreter lock at every
    file read of its own imports and then waits for the other thread's turn.
    """

    def __init__(self, profile: Profile, keys: CacheKeys) -> None:
        from hc_desktop.app.last_user import read_last_user

        self.user_id = read_last_user(profile)
        self._profile = profile
        self._keys = keys
        self._key: bytes | None = None
        self._key_fetch: threading.Thread | None = None
        if self.user_id is not None and keys.may_wait:
            user_id = self.user_id
            self._key_fetch = threading.Thread(
                target=lambda: self._fetch_key(user_id), name="hc-cache-key", daemon=True
            )
            self._key_fetch.start()

    def _fetch_key(self, user_id: uuid.UUID) -> None:
        self._key = self._keys.existing(user_id)

    def threads(self, timeout: float) -> list[Thread]:
        """The first page, if a key that may keep us waiting came within ``timeout``
        seconds; else nothing (the store shows the list a moment later)."""
        if self.user_id is None:
            return []
        path = self._profile.thread_store_file(self.user_id)
        if not path.is_file():
            return []
        if self._key_fetch is None:
            key = self._keys.existing(self.user_id)
        else:
            self._key_fetch.join(timeout)
            if self._key_fetch.is_alive():
                return []
            key, self._key = self._key, None  # not kept past the first paint
        return _read_page(path, self.user_id, key, FIRST_PAGE)


def shows_cached_list(settings: Settings) -> bool:
    """Whether start-up shows a cached list first: not for a database the desktop reaches
    directly (its list comes from the server), nor when history is not kept on disk."""
    return not settings.database_url and settings.keep_history and not settings.shared_workstation


@dataclass
class FirstPaint:
    """The window as start-up first showed it: the cached thread list, nothing else yet."""

    window: MainWindow
    models: ThreadModels
    user_id: uuid.UUID
    threads: list[Thread]
    painted: bool


def paint_cached_list(
    profile: Profile, settings: Settings, prefetch: CachedListPrefetch
) -> FirstPaint | None:
    """Show the window with the last user's cached threads before anything else loads.

    A keyring slow to give the cache key (or a list that cannot be read) does not hold the
    window back: it shows with an empty list, which fills once the store opens. Returns
    None (and shows nothing) when there was no previous user or history is not kept; the
    caller then builds the whole window at once.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from hc_desktop.controller.thread_filter_model import new_thread_models
    from hc_desktop.ui.main_window import MainWindow

    if not shows_cached_list(settings):
        return None
    user_id = prefetch.user_id
    if user_id is None:
        return None
    threads = prefetch.threads(READ_WAIT_SECONDS)
    models = new_thread_models()
    models[0].reset(threads)
    window = MainWindow(None, profile.settings_file, settings=settings, thread_view=models[1])
    painted: list[int] = []
    wait = QEventLoop()

    def on_paint(rows: int) -> None:
        painted.append(rows)
        wait.quit()

    window.thread_list.painted.connect(on_paint)
    QTimer.singleShot(int(PAINT_WAIT_SECONDS * 1000), wait.quit)
    window.show()
    if not painted:
        wait.exec()
    window.thread_list.painted.disconnect(on_paint)
    return FirstPaint(window, models, user_id, threads, painted=bool(painted and painted[-1]))


READ_WAIT_SECONDS = 0.3
PAINT_WAIT_SECONDS = 0.5


def _opening_with(key: bytes) -> Opener:
    """Opens values the way the store does (its :class:`Sealer`); a value this key cannot
    open means the file is another key's, and the read gives up (the store erases it)."""
    from hc_desktop.store.crypto import ContentCipher
    from hc_desktop.store.sealing import Sealer

    sealer = Sealer(ContentCipher(key))

    def open_value(value: str | None, column: str, thread_id: uuid.UUID) -> str | None:
        opened = sealer.open(value, "threads", column, thread_id)
        if sealer.unreadable:
            raise ValueError("written with another key")
        return opened

    return open_value

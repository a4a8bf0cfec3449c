"""Start-up paints the cached thread list first; the rest of the window joins the same
window and the same list models, without resetting what is on screen."""

from __future__ import annotations

from pathlib import Path
import threading
import time
import uuid

from pytestqt.qtbot import QtBot

from hc_desktop.app import dispose_qt_objects
from hc_desktop.app.cache_opening import KeyringCacheKeys, open_local_cache
from hc_desktop.app.first_paint import CachedListPrefetch, paint_cached_list, shows_cached_list
from hc_desktop.app.graph import build_graph
from hc_desktop.app.last_user import write_last_user
from hc_desktop.config import Settings
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.paths import Profile
from tests.e2e.harness import endpoints_for
from tests.fixtures.auth import AuthAccount, MemoryKeyring
from tests.fixtures.qt import AsyncRunner, wait_until

TITLES = ["Knee pain after running", "Sleep and night shifts", "Iron-rich foods"]


def seed_cache(aloop: AsyncRunner, profile: Profile, user: uuid.UUID) -> None:
    async def seed() -> None:
        store = await open_local_cache(profile, user)  # sealed with the keyring's key
        try:
            for n, title in enumerate(TITLES):
                await store.create_if_absent(f"conversation-{n}", title=title, preview="…")
        finally:
            await store.close()

    aloop.run(seed())
    write_last_user(profile, user)


def test_cached_list_paints_before_the_services_and_the_window_completes_on_attach(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: MemoryKeyring,
) -> None:
    profile = Profile.named("test", tmp_path).ensure()
    user = uuid.UUID(auth_account.user_id)
    seed_cache(aloop, profile, user)
    assert b"Knee pain" not in profile.thread_store_file(user).read_bytes()

    first = paint_cached_list(profile, Settings(), CachedListPrefetch(profile, KeyringCacheKeys()))
    assert first is not None and first.painted
    window = first.window
    shown = [window.thread_list.model().index(row, 0).data() for row in range(3)]
    assert sorted(shown) == sorted(TITLES), "decrypted with the key from the keyring"
    assert not window.attached, "only the list so far"

    model, view = first.models
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    graph = build_graph(
        endpoints_for(auth_server, dify_server),
        profile,
        first_page=(first.user_id, first.threads),
        thread_models=first.models,
    )
    try:
        window.attach(graph.controller)
        assert window.attached and window.composer.isVisible()
        assert graph.controller.threads.model is model
        assert graph.controller.threads.view is view

        async def start() -> None:
            graph.controller.start(user)
            await wait_until(lambda: graph.controller.threads.data is not None, "the store")

        aloop.run(start())
        assert resets == [], "the list on screen was not reset by the store's identical page"
        assert model.rowCount() == 3
    finally:
        window.close()
        aloop.run(graph.aclose())
        dispose_qt_objects(window, graph.controller)


def test_no_previous_user_builds_nothing_early_and_an_unreadable_list_shows_empty(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    profile = Profile.named("test", tmp_path).ensure()
    no_user = CachedListPrefetch(profile, KeyringCacheKeys())
    assert paint_cached_list(profile, Settings(), no_user) is None
    write_last_user(profile, uuid.uuid4())  # a user whose cache is missing (or key is late)
    kept = CachedListPrefetch(profile, KeyringCacheKeys())
    assert paint_cached_list(profile, Settings(keep_history=False), kept) is None
    first = paint_cached_list(profile, Settings(), CachedListPrefetch(profile, KeyringCacheKeys()))
    assert first is not None, "the window does not wait for what it cannot read"
    qtbot.addWidget(first.window)
    assert first.threads == [] and not first.painted
    assert first.window.isVisible() and first.window.thread_list.model().rowCount() == 0


def seeded_profile(aloop: AsyncRunner, tmp_path: Path) -> tuple[Profile, uuid.UUID]:
    profile = Profile.named("test", tmp_path).ensure()
    user = uuid.uuid4()
    seed_cache(aloop, profile, user)
    return profile, user


class KeySource:
    """A cache key source that records where it was asked and, when it ``may_wait``, keeps
    the caller waiting until released (a keyring's unlock prompt)."""

    def __init__(self, key: bytes | None, *, may_wait: bool) -> None:
        self.key = key
        self.may_wait = may_wait
        self.released = threading.Event()
        self.asked = threading.Event()
        self.asked_on: list[threading.Thread] = []

    def existing(self, user_id: uuid.UUID) -> bytes | None:
        self.asked_on.append(threading.current_thread())
        self.asked.set()
        if self.may_wait:
            self.released.wait(10)
        return self.key


def test_a_keyring_that_keeps_start_up_waiting_does_not_hold_the_list_back(
    aloop: AsyncRunner, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    profile, user = seeded_profile(aloop, tmp_path)
    waiting = KeySource(KeyringCacheKeys().existing(user), may_wait=True)
    prefetch = CachedListPrefetch(profile, waiting)  # type: ignore[arg-type]
    started = time.monotonic()
    assert prefetch.threads(0.05) == [], "the window shows without waiting for the key"
    assert time.monotonic() - started < 1
    assert waiting.asked.wait(5)
    assert waiting.asked_on[0] is not threading.main_thread()
    waiting.released.set()
    assert sorted(t.title for t in prefetch.threads(5)) == sorted(TITLES)


def test_a_key_that_cannot_keep_start_up_waiting_is_read_with_the_list(
    aloop: AsyncRunner, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    profile, user = seeded_profile(aloop, tmp_path)
    at_hand = KeySource(KeyringCacheKeys().existing(user), may_wait=False)
    prefetch = CachedListPrefetch(profile, at_hand)  # type: ignore[arg-type]
    assert at_hand.asked_on == [], "nothing is read before the window asks"
    assert sorted(t.title for t in prefetch.threads(0.05)) == sorted(TITLES)
    assert at_hand.asked_on == [threading.main_thread()]


def test_only_a_list_kept_on_this_computer_is_shown_before_the_rest() -> None:
    assert shows_cached_list(Settings())
    assert not shows_cached_list(Settings(keep_history=False))
    assert not shows_cached_list(Settings(shared_workstation=True))
    assert not shows_cached_list(Settings(database_url="postgresql://db.example.org/app"))

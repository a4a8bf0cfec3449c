"""Composition root: settings, the Qt application, the qasync loop and orderly shutdown."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
import gc
import logging
import os
import sys
from typing import TYPE_CHECKING

from hc_desktop.app.options import Options
from hc_desktop.config import Settings, SettingsError, load_settings
from hc_desktop.paths import Profile

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtCore import QObject

    from hc_desktop.app.cache_opening import CacheKeys
    from hc_desktop.app.demo import DemoBackends
    from hc_desktop.app.first_paint import CachedListPrefetch, FirstPaint
    from hc_desktop.app.start_up_collection import StartUpCollection
    from hc_desktop.controller.gc_guard import MainThreadCollector
    from hc_desktop.ui.main_window import MainWindow

_log = logging.getLogger("hc_desktop.app")


def settings_from(options: Options) -> Settings:
    return load_settings(
        cli={
            "supabase_url": options.supabase_url,
            "dify_base_url": options.dify_base_url,
            "database_url": options.database_url,
            "log_level": options.log_level,
        }
    )


def profile_for(options: Options) -> Profile:
    """``--demo`` and normal runs never share data, locks or logs."""
    name = options.profile or ("demo" if options.demo else "default")
    return Profile.named(name).ensure()


def run_app(options: Options) -> int:
    """Open the main window and run until it closes; returns the exit code."""
    from hc_desktop.app.start_up_collection import StartUpCollection

    os.environ.setdefault("QT_API", "pyside6")
    with StartUpCollection() as start_up:
        return _start_and_run(options, start_up)


def _start_and_run(options: Options, start_up: StartUpCollection) -> int:
    try:
        settings = settings_from(options)
    except SettingsError as exc:
        print(f"hc-desktop: {exc}", file=sys.stderr)
        return 2
    profile = profile_for(options)
    from hc_desktop.app.logs import configure_logging

    configure_logging(profile.log_dir, settings.log_level)
    from hc_desktop.app.cache_opening import FileCacheKeys, KeyringCacheKeys
    from hc_desktop.app.first_paint import CachedListPrefetch, shows_cached_list

    # Public sample data keeps its key in the demo profile; everyone else's is in the keyring.
    keys = FileCacheKeys(profile.root) if options.demo else KeyringCacheKeys()
    # A keyring's key is fetched on a thread while Qt loads.
    prefetch = CachedListPrefetch(profile, keys) if shows_cached_list(settings) else None

    from PySide6.QtWidgets import QApplication

    from hc_desktop.app.i18n import install as install_translations
    from hc_desktop.app.instance import InstanceLock, ProfileInUse
    from hc_desktop.ui.theme import ThemeController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Health Companion")
    app.setDesktopFileName("org.healthcompanion.HealthCompanion")  # Wayland window matching
    app.setOrganizationName("hc-desktop")
    install_translations(settings.language)  # before any widget exists
    ThemeController.of(app).set_preference(settings.theme)  # follows the OS live
    app.setQuitOnLastWindowClosed(False)  # shutdown is ours: tasks, clients, stores
    lock = InstanceLock(profile.lock_file)
    try:
        lock.acquire()
    except ProfileInUse as exc:
        print(f"hc-desktop: {exc}", file=sys.stderr)
        return 3
    try:
        first = _paint_cached_list(options, settings, profile, prefetch)
        start_up.settle()
        if first is not None:
            _log.info("start-up: the cached list painted first (%d threads)", len(first.threads))
        if first is not None and first.painted and options.exit_after_startup:
            return 0  # the window has shown the list the profile holds: start-up is done
        return _run_loop(options, settings, profile, keys, first)
    finally:
        lock.release()


def _paint_cached_list(
    options: Options, settings: Settings, profile: Profile, prefetch: CachedListPrefetch | None
) -> FirstPaint | None:
    """The cached thread list on screen before asyncio, the services and the rest of the
    window load (they follow at once). Not for a demo that still has to be seeded, nor when
    the settings show no cached list (then there is no ``prefetch``)."""
    from hc_desktop.app.first_paint import paint_cached_list

    if prefetch is None:
        return None
    if options.demo and options.demo_threads is not None:
        from hc_desktop.app.demo_identity import DEMO_USER_ID
        from hc_desktop.store.first_page import count_threads

        path = profile.thread_store_file(DEMO_USER_ID)
        if count_threads(path, DEMO_USER_ID) != options.demo_threads:
            return None
    return paint_cached_list(profile, settings, prefetch)


def _run_loop(
    options: Options,
    settings: Settings,
    profile: Profile,
    keys: CacheKeys,
    first: FirstPaint | None,
) -> int:
    """The asyncio loop on Qt's, running the app until its window closes."""
    from PySide6.QtWidgets import QApplication

    from hc_desktop.controller.event_loop import close_event_loop, create_event_loop
    from hc_desktop.controller.gc_guard import MainThreadCollector

    collector = MainThreadCollector()
    collector.start()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    loop = create_event_loop(app)
    try:
        running = _run(options, settings, profile, keys, first, collector)
        exit_code: int = loop.run_until_complete(running)
        return exit_code
    finally:
        close_event_loop(loop)
        gc.collect()  # release what is left while still on the Qt thread
        collector.stop()


async def _run(
    options: Options,
    settings: Settings,
    profile: Profile,
    cache_keys: CacheKeys,
    first: FirstPaint | None,
    collector: MainThreadCollector,
) -> int:
    import asyncio

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from hc_desktop.app.graph import Endpoints, build_graph
    from hc_desktop.app.last_user import read_last_user
    from hc_desktop.app.secrets import resolve_endpoints
    from hc_desktop.app.user_settings import save_user_settings
    from hc_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with ExitStack() as stack:
        auto_sign_in: tuple[str, str] | None = None
        backends: DemoBackends | None = None
        if options.demo:
            from hc_desktop.app.demo import DemoBackends

            backends = stack.enter_context(DemoBackends(profile, start_later=True))
            if options.demo_threads is not None:
                await backends.seed_threads(profile, options.demo_threads)
            endpoints: Endpoints | None = backends.endpoints()
            auto_sign_in = (backends.account.email, backends.account.password)
        else:
            endpoints = await resolve_endpoints(settings)
        if endpoints is None:
            print(
                "hc-desktop: no servers configured. Set supabase_url, supabase_anon_key and "
                "dify_base_url (see 'Configuration' in the README), or try 'hc-desktop --demo'.",
                file=sys.stderr,
            )
            return 2

        graph = build_graph(
            endpoints,
            profile,
            retention_days=settings.history_retention_days,
            # A shared workstation keeps no history on disk, whatever the user setting says.
            keep_history=settings.keep_history and not settings.shared_workstation,
            cache_keys=cache_keys,
            first_page=(first.user_id, first.threads) if first is not None else None,
            thread_models=first.models if first is not None else None,
        )
        graph.controller.threads.user_data_opened.connect(collector.settle)
        graph.controller.session.configure(
            auth=graph.auth,
            profile=profile,
            auto_lock_minutes=settings.auto_lock_minutes,
            shared_workstation=settings.shared_workstation,
            remember_sessions=endpoints.persist_session or settings.shared_workstation,
        )
        if first is not None:
            window = first.window  # the list is on screen already; the rest joins it
            window.attach(graph.controller)
        else:
            window = MainWindow(graph.controller, profile.settings_file, settings=settings)
        window.essentials.load_settings = lambda: settings_from(options)
        window.essentials.save_settings = save_user_settings
        finished = asyncio.Event()
        exit_code = 0
        window.close_requested.connect(finished.set)
        app.applicationStateChanged.connect(
            lambda state: (
                graph.controller.app_activated()
                if state == Qt.ApplicationState.ApplicationActive
                else None
            )
        )
        if options.exit_after_startup:
            _quit_after_first_paint(window, graph.controller, finished.set)
        window.show()
        if not options.exit_after_startup:
            window.safety.show_first_run_notice()  # once per profile, until acknowledged
        cached_user = None if endpoints.database_url else read_last_user(profile)
        graph.controller.start(cached_user, auto_sign_in=auto_sign_in)
        try:
            if backends is not None:
                if cached_user is not None and first is None:
                    await _cached_list_shown_or(window, finished)
                if not finished.is_set():
                    await asyncio.to_thread(backends.start)  # sign-in waits for it
            await finished.wait()
        finally:
            window.hide()
            await graph.aclose()
            dispose_qt_objects(window, graph.controller)
        return exit_code


async def _cached_list_shown_or(window: MainWindow, finished: asyncio.Event) -> None:
    """Until the list has painted cached threads or found none (or the window closed, or a
    second passed): what the demo servers' start-up may wait for."""
    import asyncio

    shown = asyncio.Event()

    def on_paint(rows: int) -> None:
        if rows:
            shown.set()

    def on_ready(rows: int) -> None:
        if not rows:
            shown.set()

    window.thread_list.painted.connect(on_paint)
    window.controller.threads_ready.connect(on_ready)
    waiters = {asyncio.ensure_future(shown.wait()), asyncio.ensure_future(finished.wait())}
    try:
        await asyncio.wait(waiters, timeout=1.0, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
        window.thread_list.painted.disconnect(on_paint)
        window.controller.threads_ready.disconnect(on_ready)


def dispose_qt_objects(*objects: QObject) -> None:
    """Destroy Qt objects now, on the Qt thread, in the order given.

    The window goes before the controller so no view outlives its model. Left to Python's
    cyclic garbage collector, a QObject may be destroyed on whatever thread happens to run
    the collection (a database or keyring worker), where Qt cannot unregister its timers.
    """
    import shiboken6

    for obj in objects:
        if shiboken6.isValid(obj):
            shiboken6.delete(obj)


def _quit_after_first_paint(window: object, controller: object, quit_: Callable[[], None]) -> None:
    """Quit once the list has painted with the rows the local store holds."""
    from hc_desktop.controller.app_controller import AppController
    from hc_desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow) and isinstance(controller, AppController)
    expected: list[int] = []
    controller.threads_ready.connect(expected.append)

    def on_paint(rows: int) -> None:
        if expected and rows == expected[-1]:
            # The start-up work still queued behind the first paint (opening the store,
            # signing in) is what this mode leaves out: stop it before it resumes.
            controller.tasks.cancel("session")
            quit_()

    window.thread_list.painted.connect(on_paint)

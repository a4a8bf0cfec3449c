"""``--selftest``: the real graph against the demo servers, offscreen, with a JSON report.

It signs in, streams one answer, and checks the thread was written to the profile's store
by reading it back through a fresh store. Packaged builds run it to prove that the Qt
platform plugin, the keyring backends and psycopg's compiled implementation came along.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
import gc
import json
import os
from pathlib import Path
import sys
import tempfile
import time
import traceback
from typing import Any

from hc_desktop import __version__
from hc_desktop.app.bundle_probe import KEYRING_ROUNDTRIP_ENV, keyring_roundtrip
from hc_desktop.app.options import Options

_TIMEOUT = 20.0
_QUESTION = "What helps with a mild headache?"


class CheckFailed(AssertionError):
    """One self-test step did not reach its expected state."""


async def _wait_for(condition: Callable[[], bool], what: str, timeout: float = _TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise CheckFailed(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def _environment_report() -> dict[str, Any]:
    """What a frozen build may have lost: Qt plugin, keyring backends, psycopg's C code."""
    from PySide6.QtGui import QGuiApplication

    report: dict[str, Any] = {"qt_platform": QGuiApplication.platformName()}
    try:
        import keyring
        from keyring.backend import get_all_keyring

        report["keyring_backends"] = sorted(
            f"{type(b).__module__}.{type(b).__name__}" for b in get_all_keyring()
        )
        report["keyring_default"] = type(keyring.get_keyring()).__module__
        if sys.platform.startswith("linux"):
            import keyring.backends.SecretService

        report["keyring_os_backend_imports"] = True
    except Exception as exc:
        report["keyring_os_backend_imports"] = False
        report["keyring_error"] = type(exc).__name__
    try:
        import psycopg

        report["psycopg_impl"] = psycopg.pq.__impl__
    except Exception as exc:
        report["psycopg_impl"] = f"unavailable: {type(exc).__name__}"
    from hc_desktop.app.bundle_probe import keyring_report, qt_plugin_report

    report.update(qt_plugin_report(report["qt_platform"]))
    report.update(keyring_report())
    return report


async def _scenario(checks: list[dict[str, Any]]) -> None:
    from hc_desktop.app import dispose_qt_objects
    from hc_desktop.app.demo import DemoBackends
    from hc_desktop.app.graph import build_graph
    from hc_desktop.controller.message_model import MessageState
    from hc_desktop.paths import Profile
    from hc_desktop.ui.main_window import MainWindow

    async def check(name: str, step: Callable[[], Awaitable[dict[str, Any]]]) -> None:
        started = time.perf_counter()
        entry: dict[str, Any] = {"name": name}
        try:
            entry.update(await step())
            entry["ok"] = True
        except Exception as exc:
            entry["ok"] = False
            entry["error"] = f"{type(exc).__name__}: {exc}"
            entry["trace"] = traceback.format_exc(limit=5)
        entry["ms"] = round((time.perf_counter() - started) * 1000, 1)
        checks.append(entry)
        if not entry["ok"]:
            raise CheckFailed(name)

    with tempfile.TemporaryDirectory(prefix="hc-selftest-") as tmp:
        profile = Profile.named("selftest", Path(tmp)).ensure()
        with DemoBackends(profile, chunk_delay=0.0) as backends:
            graph = build_graph(backends.endpoints(), profile)
            window = MainWindow(graph.controller, profile.settings_file)
            controller = graph.controller
            window.show()
            try:

                async def sign_in() -> dict[str, Any]:
                    controller.start(
                        None, auto_sign_in=(backends.account.email, backends.account.password)
                    )
                    await _wait_for(lambda: controller.user_id is not None, "sign-in")
                    return {"user_id_matches": controller.user_id == backends.account.user_id}

                async def chat() -> dict[str, Any]:
                    updates: list[int] = []
                    chat = controller.chat
                    chat.messages.dataChanged.connect(lambda *_: updates.append(1))
                    if not chat.send(_QUESTION):
                        raise CheckFailed("the question was refused")
                    await _wait_for(lambda: not chat.streaming, "the answer")
                    answer = chat.messages.messages[-1]
                    if answer.state is not MessageState.COMPLETE or not answer.text:
                        raise CheckFailed(f"answer ended as {answer.state.value}")
                    return {"answer_chars": len(answer.text), "model_updates": len(updates)}

                async def thread_persisted() -> dict[str, Any]:
                    listed = controller.threads.model
                    await _wait_for(lambda: listed.rowCount() == 1, "the new thread")
                    shown = listed.thread_at(0)
                    # Read back through the app's own store: a second connection that
                    # opened the file itself would race the app's writes (and has no key).
                    data = controller.threads.data
                    if data is None:
                        raise CheckFailed("the thread store is not open")
                    stored = await data.local.list_threads()
                    if not profile.thread_store_file(backends.account.user_id).is_file():
                        raise CheckFailed("the thread store has no file")
                    if shown is None or len(stored) != 1:
                        raise CheckFailed("the thread was not stored")
                    if stored[0].conversation_id != shown.conversation_id or not stored[0].title:
                        raise CheckFailed("the stored thread differs from the one shown")
                    return {
                        "threads": len(stored),
                        "preview_chars": len(stored[0].last_message_preview or ""),
                    }

                await check("sign_in", sign_in)
                await check("streamed_chat", chat)
                await check("thread_persisted", thread_persisted)
                if os.environ.get(KEYRING_ROUNDTRIP_ENV) == "1":
                    await check("keyring_roundtrip", keyring_roundtrip)
            finally:
                window.close()
                await graph.aclose()
                dispose_qt_objects(window, controller)


def run_selftest(options: Options) -> int:
    """Run the checks and print (and optionally write) the JSON report; 0 only if all pass."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    report: dict[str, Any] = {"version": __version__, "checks": []}
    exit_code = 1
    try:
        from PySide6.QtWidgets import QApplication

        from hc_desktop.controller.event_loop import close_event_loop, create_event_loop
        from hc_desktop.controller.gc_guard import MainThreadCollector

        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        report.update(_environment_report())
        collector = MainThreadCollector()
        collector.start()
        loop = create_event_loop(app)
        try:
            loop.run_until_complete(asyncio.wait_for(_scenario(report["checks"]), 120))
        finally:
            close_event_loop(loop)
            gc.collect()
            collector.stop()
        exit_code = 0 if report["checks"] and all(c["ok"] for c in report["checks"]) else 1
    except CheckFailed:
        exit_code = 1
    except BaseException as exc:  # the report must always be written, even on a crash
        report["error"] = f"{type(exc).__name__}: {exc}"
        report["trace"] = traceback.format_exc(limit=8)
        exit_code = 1
    report["ok"] = exit_code == 0
    text = json.dumps(report, indent=2)
    print(text)
    if options.report is not None:
        options.report.write_text(text + "\n", encoding="utf-8")
    return exit_code

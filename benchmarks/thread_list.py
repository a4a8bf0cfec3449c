"""Thread list at scale: first paint after the window is shown, and filter keystrokes.

The app side is the real window and controller starting on a local store seeded with N
threads (cached start: no network before the list shows). The baseline is a bare
``QListView`` over a ``QStringListModel`` of the same N texts, and for keystrokes a
``QSortFilterProxyModel`` doing a fixed-string, case-insensitive filter: what Qt alone costs.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
import shutil
import sqlite3
import tempfile
import time

from benchmarks import app_seams
from benchmarks.common import median, percentile
from benchmarks.figures import Figure
from benchmarks.qt_support import QtSession, pump_until, wait_until
from benchmarks.qt_support import run as run_coro

FIRST_PAINT_GOAL_S = 0.3
KEYSTROKE_GOAL_MS = 30.0
WORD = "pressure"


def _keystrokes() -> list[str]:
    typed = [WORD[: n + 1] for n in range(len(WORD))]
    return [*typed, *reversed(typed[:-1]), ""]


def _texts(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT title, last_message_preview FROM threads WHERE NOT archived "
            "ORDER BY updated_at DESC"
        ).fetchall()
    return [f"{title}\n{preview}" for title, preview in rows]


def _baseline(texts: list[str]) -> tuple[float, list[float]]:
    """(first paint s, keystroke ms) for bare Qt."""
    from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
    from PySide6.QtWidgets import QListView, QMainWindow

    from benchmarks.qt_support import PaintCounter

    window = QMainWindow()
    window.resize(1100, 720)
    view = QListView(window)
    view.setUniformItemSizes(True)  # the one setting any 100k-row list needs
    window.setCentralWidget(view)
    painted = PaintCounter(view)
    started = time.perf_counter()
    source = QStringListModel(texts, view)
    proxy = QSortFilterProxyModel(view)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSourceModel(source)
    view.setModel(proxy)
    window.show()
    pump_until(lambda: painted.count > 0 and proxy.rowCount() > 0, "baseline paint")
    first_paint = time.perf_counter() - started
    keys: list[float] = []
    for text in _keystrokes():
        before = painted.count
        started = time.perf_counter()
        proxy.setFilterFixedString(text)
        view.viewport().update()  # a frame even when no visible row changed
        pump_until(lambda b=before: painted.count > b, "baseline keystroke paint")  # type: ignore[misc]
        keys.append((time.perf_counter() - started) * 1000)
    window.close()
    window.deleteLater()
    pump_until(lambda: True, "")
    return first_paint, keys


async def _app(
    servers: app_seams.DemoServers, data_dir: Path, store: Path, rows: int
) -> tuple[float, float, list[float]]:
    """(rows first shown s, all rows listed s, keystroke ms) for the real window starting on
    the seeded store."""
    prof = app_seams.profile(data_dir)
    target = prof.thread_store_file(servers.user_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(store, target)
    key_file = f"cache-key-{servers.user_id}"
    seeded = app_seams.profile(store.parent / "seed")
    shutil.copyfile(seeded.root / key_file, prof.root / key_file)
    app_seams.remember_user(prof, servers.user_id)
    app = app_seams.build_app(servers.endpoints(), prof)
    shown_rows: list[tuple[int, float]] = []
    app.thread_view.painted.connect(lambda n: shown_rows.append((n, time.perf_counter())))
    try:
        started = time.perf_counter()
        app.window.show()
        app.controller.start(servers.user_id)
        await wait_until(lambda: any(n == rows for n, _ in shown_rows), "the list painted")
        first_rows = next(t for n, t in shown_rows if n > 0) - started
        first_paint = next(t for n, t in shown_rows if n == rows) - started
        keys: list[float] = []
        proxy = app.thread_filter
        for text in _keystrokes():
            before = len(shown_rows)
            started = time.perf_counter()
            proxy.set_search(text)
            app.thread_view.viewport().update()  # a frame even when no visible row changed
            await wait_until(lambda b=before: len(shown_rows) > b, "keystroke paint")  # type: ignore[misc]
            keys.append((shown_rows[before][1] - started) * 1000)
        return first_rows, first_paint, keys
    finally:
        await app_seams.close_app(app)
        await asyncio.sleep(0)


def run(quick: bool) -> list[Figure]:
    count = 2_000 if quick else 100_000
    runs = 1 if quick else 5
    tmp = Path(tempfile.mkdtemp(prefix="hc-bench-threads-"))
    try:
        with QtSession() as loop, app_seams.demo_servers() as servers:
            store = tmp / "seed.sqlite3"
            app_seams.seed_threads(store, servers.user_id, count)
            texts = _texts(store)  # read before sealing: the baseline shows the same titles
            seeded = app_seams.profile(tmp / "seed")
            run_coro(loop, app_seams.seal_cache(seeded, servers.user_id, store))
            active = len(texts)
            results: dict[str, list[tuple[float, list[float]]]] = {"app": [], "base": []}
            shown: list[float] = []
            for n in range(runs + (0 if quick else 1)):
                steps = [
                    ("base", lambda: _baseline(texts)),
                    ("app", lambda n=n: _run_app(loop, servers, tmp / f"app{n}", store, active)),
                ]
                for key, step in steps if n % 2 else reversed(steps):
                    value = step()
                    if len(value) == 3:  # the app also reports when rows first showed
                        shown.append(value[0])
                        value = value[1:]
                    if quick or n > 0:  # the first round warms fonts and caches
                        results[key].append(value)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    note = f"{count:,} threads ({active:,} active), {runs} interleaved runs, medians"
    worst = {k: [max(keys) for _, keys in v] for k, v in results.items()}
    return [
        Figure(
            "thread_list", "list shows its newest rows after window shown", "s",
            median(shown[-len(results["app"]):]), median([p for p, _ in results["base"]]),
            FIRST_PAINT_GOAL_S, "measured", "bare QListView+QStringListModel, uniform rows", note,
        ),
        Figure(
            "thread_list", "every thread listed after window shown", "s",
            median([p for p, _ in results["app"]]), median([p for p, _ in results["base"]]),
            None, "measured", "bare QListView+QStringListModel, uniform rows", note,
        ),
        Figure(
            "thread_list", "filter keystroke to paint (worst of a word)", "ms",
            median(worst["app"]), median(worst["base"]), KEYSTROKE_GOAL_MS, "measured",
            "bare QSortFilterProxyModel",
            f"typing and erasing '{WORD}'; p50 keystroke app "
            f"{percentile([k for _, ks in results['app'] for k in ks], 50):.1f} ms",
        ),
    ]  # fmt: skip


def _run_app(
    loop: asyncio.AbstractEventLoop,
    servers: app_seams.DemoServers,
    data_dir: Path,
    store: Path,
    rows: int,
) -> tuple[float, float, list[float]]:
    return run_coro(loop, _app(servers, data_dir, store, rows))

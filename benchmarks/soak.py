"""Soak: a working day of chat compressed into about a minute; does memory keep growing?

Eight simulated hours of a busy user (a new chat every two minutes, a switch to an older
thread and a search in between, a follow-up question every few turns) run against the
demo servers in another process with no streaming delay. RSS is read after a full
collection, once after a warm-up (caches, fonts and pools filled) and once at the end.
The baseline is bare Qt doing the same number of document and list updates.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
import random
import shutil
import tempfile
import time

from benchmarks import app_seams
from benchmarks.common import settled_rss_mb
from benchmarks.figures import Figure
from benchmarks.qt_support import QtSession, pump_until, wait_until
from benchmarks.qt_support import run as run_coro

GROWTH_GOAL_MB = 20.0
SIMULATED_HOURS = 8
TURNS_PER_HOUR = 30
TIME_LIMIT_S = 90.0


def _bare(iterations: int) -> float:
    """RSS growth of bare Qt doing the same number of document and list changes."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView, QTextBrowser

    browser, view = QTextBrowser(), QListView()
    model = QStringListModel(view)
    view.setModel(model)
    browser.show()
    view.show()

    def step(n: int) -> None:
        browser.setMarkdown("\n\n".join(f"**Message {n}-{k}** some text" for k in range(40)))
        model.insertRows(0, 1)
        model.setData(model.index(0), f"Thread {n}")
        pump_until(lambda: True, "")

    warm = max(3, iterations // 10)
    for n in range(warm):
        step(n)
    start = settled_rss_mb()
    for n in range(warm, iterations):
        step(n)
    end = settled_rss_mb()
    browser.close()
    view.close()
    browser.deleteLater()
    view.deleteLater()
    pump_until(lambda: True, "")
    return end - start


async def _turn(app: app_seams.RunningApp, question: str) -> None:
    if not app.chat.send(question):
        raise RuntimeError("a question was not sent")
    await wait_until(lambda: not app.streaming(), "the answer", timeout=30)
    tasks = app.controller.tasks
    await wait_until(
        lambda: not any(k.startswith("stream") for k in tasks.active_keys()), "the turn", 30
    )


async def _day(
    app: app_seams.RunningApp, iterations: int, warm: int
) -> tuple[float, float, int, float]:
    """(RSS after warm-up, RSS at end, iterations done, seconds)."""
    rng = random.Random(7)
    start_rss = 0.0
    started = time.perf_counter()
    done = 0
    for n in range(iterations):
        if n == warm:
            start_rss = settled_rss_mb()
            started = time.perf_counter()
        app.chat.new_chat()
        await _turn(app, f"Question {n}: what helps with stress at work?")
        source = app.thread_source
        if source.rowCount() > 1:
            row = rng.randrange(source.rowCount())
            thread_id = source.index(row, 0).data(app_seams.thread_id_role())
            app.chat.select_thread(str(thread_id))
            await wait_until(lambda: not app.history_busy(), "history", timeout=30)
            if n % 4 == 0:
                await _turn(app, f"A follow-up to question {n}, please.")
        proxy = app.thread_filter
        proxy.set_search("stress")
        await asyncio.sleep(0)
        proxy.set_search("")
        done = n + 1
        if n > warm and time.perf_counter() - started > TIME_LIMIT_S:
            break
    await asyncio.sleep(0.1)
    return start_rss, settled_rss_mb(), done, time.perf_counter() - started


def run(quick: bool) -> list[Figure]:
    iterations = 12 if quick else SIMULATED_HOURS * TURNS_PER_HOUR
    warm = 3 if quick else 20
    tmp = Path(tempfile.mkdtemp(prefix="hc-bench-soak-"))
    try:
        with QtSession() as loop, app_seams.demo_servers() as servers:
            base_growth = _bare(iterations)
            prof = app_seams.profile(tmp)
            app = app_seams.build_app(servers.endpoints(), prof)
            try:
                app.window.show()
                app.controller.start(None, auto_sign_in=servers.credentials)
                run_coro(loop, wait_until(lambda: app.controller.user_id is not None, "sign-in"))
                start, end, done, seconds = run_coro(loop, _day(app, iterations, warm), 600)
            finally:
                run_coro(loop, app_seams.close_app(app))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    hours = done / TURNS_PER_HOUR
    return [
        Figure(
            "soak", f"RSS growth over {hours:.1f} simulated hours", "MB",
            end - start, base_growth, GROWTH_GOAL_MB, "measured",
            "bare Qt, same number of updates",
            f"{done} iterations (chat turn, thread switch, search; follow-up every 4th) in "
            f"{seconds:.0f} s after a {warm}-iteration warm-up; "
            f"RSS after warm-up {start:.0f} MB, at end {end:.0f} MB",
        ),
    ]  # fmt: skip

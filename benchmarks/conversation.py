"""Conversation: open a cached 2,000-message conversation, scroll its history, stream into one.

The app side is the real window and chat controller against the demo servers running in
another process (so the client's CPU share is the client's alone).

* open: select a thread whose 2,000 messages are in the local message cache, until the
  chat view has painted them; baseline: a bare ``QTextBrowser`` showing the same text.
* scroll: scroll to the top again and again, loading older pages from Dify, while a 16 ms
  timer measures how late the loop runs; baseline: the same timer while a bare
  ``QTextBrowser`` holding the same text is scrolled through.
* stream: 200 chunks/s into a 500-message conversation; the 16 ms timer's lateness (p99)
  and the process's CPU share; baseline: the same timer on an idle qasync loop.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
import shutil
import tempfile
import time
from typing import Any
import uuid

from benchmarks import app_seams
from benchmarks.common import median, percentile
from benchmarks.figures import Figure
from benchmarks.qt_support import LatenessProbe, PaintCounter, QtSession, pump_until, wait_until
from benchmarks.qt_support import run as run_coro

OPEN_GOAL_S = 0.3
LATENESS_GOAL_MS = 16.0
CPU_GOAL = 0.10
CHUNKS_PER_SECOND = 200


@dataclass
class _Seeded:
    open_thread: str
    stream_thread: str


@dataclass
class _Turn:
    id: str
    query: str
    answer: str
    created_at: int


async def _seed_store(prof: Any, servers: app_seams.DemoServers, cached_exchanges: int) -> _Seeded:
    """Threads for both conversations; the first one's history in the message cache."""
    from benchmarks.demo_process import long_answer
    from hc_desktop.store.local import LocalThreadStore
    from hc_desktop.sync.messages import MessageCache

    user = servers.user_id
    store = await asyncio.to_thread(LocalThreadStore.open, prof.thread_store_file(user), user)
    try:
        big, small = servers.conversations
        opened = await store.create_if_absent(big, title="Long history", preview="…")
        streamed = await store.create_if_absent(small, title="Streaming", preview="…")
        now = int(time.time()) - cached_exchanges
        turns = [
            _Turn(
                str(uuid.uuid4()), f"Question {n}: how can I keep well?", long_answer(60), now + n
            )
            for n in range(cached_exchanges)
        ]
        await MessageCache(store).save(big, turns)  # type: ignore[arg-type]
        return _Seeded(str(opened.id), str(streamed.id))
    finally:
        await store.close()


def _shown_text(app: app_seams.RunningApp) -> list[str]:
    model = app.messages
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


async def _open(
    app: app_seams.RunningApp, thread_id: str, painted: PaintCounter
) -> tuple[float, list[str]]:
    app.chat.new_chat()
    await wait_until(lambda: app.messages.rowCount() == 0, "an empty chat")
    await asyncio.sleep(0.05)
    before = painted.count
    started = time.perf_counter()
    app.chat.select_thread(thread_id)
    await wait_until(
        lambda: app.messages.rowCount() > 0 and painted.count > before, "the conversation"
    )
    return painted.last_at - started, _shown_text(app)


def _bare_browser() -> Any:
    from PySide6.QtWidgets import QTextBrowser

    browser = QTextBrowser()
    browser.resize(780, 600)
    browser.show()
    pump_until(lambda: True, "")
    return browser


def _bare_open(browser: Any, texts: list[str]) -> float:
    painted = PaintCounter(browser)
    browser.clear()
    pump_until(lambda: True, "")
    before = painted.count
    started = time.perf_counter()
    browser.setMarkdown("\n\n".join(texts))
    browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum())
    pump_until(lambda: painted.count > before, "bare paint")
    return painted.last_at - started


async def _scroll_history(app: app_seams.RunningApp, max_pages: int) -> tuple[list[float], int]:
    """Scroll to the top until the history is all loaded; the loop's lateness meanwhile."""
    probe = LatenessProbe()
    probe.start()
    pages = 0
    bar = app.chat_view.verticalScrollBar()
    while app.chat.history_has_more and pages < max_pages:
        rows = app.messages.rowCount()
        bar.setValue(1)
        bar.setValue(0)  # reaching the top asks for the older page
        await wait_until(lambda r=rows: app.messages.rowCount() > r, "an older page")  # type: ignore[misc]
        await wait_until(lambda: not app.history_busy(), "the page to settle")
        pages += 1
        await asyncio.sleep(0.02)
    probe.stop()
    return probe.late_ms, pages


def _bare_scroll(browser: Any, steps: int) -> list[float]:
    """Page up through a bare browser holding the whole text, measuring loop lateness."""
    probe = LatenessProbe()
    probe.start()
    bar = browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    for n in range(steps):
        bar.setValue(bar.maximum() - (n + 1) * bar.maximum() // steps)
        deadline = time.perf_counter() + 0.03
        pump_until(lambda d=deadline: time.perf_counter() > d, "")  # type: ignore[misc]
    probe.stop()
    return probe.late_ms


async def _idle(seconds: float) -> tuple[list[float], float]:
    probe = LatenessProbe()
    cpu, started = time.process_time(), time.perf_counter()
    probe.start()
    await asyncio.sleep(seconds)
    probe.stop()
    return probe.late_ms, (time.process_time() - cpu) / (time.perf_counter() - started)


async def _stream(app: app_seams.RunningApp) -> tuple[list[float], float, float]:
    """(lateness ms, CPU share, seconds) of one streamed answer."""
    probe = LatenessProbe()
    cpu, started = time.process_time(), time.perf_counter()
    probe.start()
    if not app.chat.send("Please explain in detail how to keep well."):
        raise RuntimeError("the question was not sent")
    await wait_until(app.streaming, "the stream to start", poll=0.02)
    await wait_until(lambda: not app.streaming(), "the stream to end", timeout=120, poll=0.05)
    probe.stop()
    elapsed = time.perf_counter() - started
    return probe.late_ms, (time.process_time() - cpu) / elapsed, elapsed


async def _load_all(app: app_seams.RunningApp, thread_id: str, rows: int) -> None:
    app.chat.select_thread(thread_id)
    await wait_until(lambda: app.messages.rowCount() > 0 and not app.history_busy(), "history")
    while app.messages.rowCount() < rows and app.chat.history_has_more:
        count = app.messages.rowCount()
        app.chat.load_older()
        await wait_until(lambda c=count: app.messages.rowCount() > c, "older history")  # type: ignore[misc]
        await wait_until(lambda: not app.history_busy(), "history")


def run(quick: bool) -> list[Figure]:
    from benchmarks.demo_process import long_answer
    from hc_desktop.demo.dify_replies import split_into_chunks

    cached = 50 if quick else 1000  # exchanges: two messages each
    streamed_rows = 40 if quick else 500
    words = 120 if quick else 1200
    runs = 1 if quick else 3
    max_pages = 2 if quick else 50
    chunks = len(split_into_chunks(long_answer(words)))
    delay = 1 / CHUNKS_PER_SECOND
    tmp = Path(tempfile.mkdtemp(prefix="hc-bench-chat-"))
    try:
        with (
            QtSession() as loop,
            app_seams.demo_servers(
                "--chunk-delay", str(delay * 0.9), "--answer-words", str(words),
                "--seed-exchanges", str(cached), "--seed-exchanges", str(streamed_rows // 2),
            ) as servers,
        ):  # fmt: skip
            prof = app_seams.profile(tmp)
            seeded = run_coro(loop, _seed_store(prof, servers, cached))
            app_seams.remember_user(prof, servers.user_id)
            browser = _bare_browser()
            app = app_seams.build_app(servers.endpoints(), prof)
            try:
                app.window.show()
                app.controller.start(servers.user_id)
                run_coro(loop, wait_until(lambda: app.thread_source.rowCount() == 2, "threads"))
                painted = PaintCounter(app.chat_view)
                opens: list[float] = []
                bare_opens: list[float] = []
                shown: list[str] = []
                for n in range(runs + (0 if quick else 1)):
                    seconds, shown = run_coro(loop, _open(app, seeded.open_thread, painted))
                    bare = _bare_open(browser, shown)
                    if quick or n > 0:
                        opens.append(seconds)
                        bare_opens.append(bare)
                run_coro(loop, wait_until(lambda: not app.history_busy(), "history"))
                # The cached page shows first; scrolling can page only once Dify has answered.
                run_coro(loop, wait_until(lambda: app.chat.history_has_more, "Dify's first page"))
                scroll_late, pages = run_coro(loop, _scroll_history(app, max_pages))
                full_text = _shown_text(app)
                browser.setMarkdown("\n\n".join(full_text))
                bare_scroll_late = _bare_scroll(browser, max(pages, 1) * 4)

                run_coro(loop, _load_all(app, seeded.stream_thread, streamed_rows))
                rows_before_stream = app.messages.rowCount()
                late: list[float] = []
                idle_late: list[float] = []
                cpu: list[float] = []
                idle_cpu: list[float] = []
                rates: list[float] = []
                for _ in range(runs):
                    lateness, share, seconds = run_coro(loop, _stream(app), timeout=180)
                    late += lateness
                    cpu.append(share)
                    rates.append(chunks / seconds)
                    lateness, share = run_coro(loop, _idle(min(seconds, 3.0)))
                    idle_late += lateness
                    idle_cpu.append(share)
            finally:
                run_coro(loop, app_seams.close_app(app))
                browser.close()
                browser.deleteLater()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rows_shown = len(shown)
    return [
        Figure(
            "conversation", f"open a cached {cached * 2:,}-message conversation", "s",
            median(opens), median(bare_opens), OPEN_GOAL_S, "measured",
            f"bare QTextBrowser, same {rows_shown} messages",
            f"time to first paint of the cached history; the app shows {rows_shown} of "
            f"{cached * 2:,} messages at first; {len(opens)} runs, medians",
        ),
        Figure(
            "conversation", "scroll up through history: loop lateness p99", "ms",
            percentile(scroll_late, 99), percentile(bare_scroll_late, 99), LATENESS_GOAL_MS,
            "measured", "bare QTextBrowser scrolled",
            f"{pages} older pages loaded ({len(full_text):,} messages); "
            f"worst {max(scroll_late):.0f} ms",
        ),
        Figure(
            "conversation", f"streaming into {rows_before_stream} messages: loop lateness p99",
            "ms", percentile(late, 99), percentile(idle_late, 99), LATENESS_GOAL_MS, "measured",
            "idle qasync loop",
            f"{median(rates):.0f} chunks/s achieved ({chunks} chunks per answer), "
            f"{runs} answers; worst {max(late):.0f} ms",
        ),
        Figure(
            "conversation", "streaming: client CPU share of one core", "%",
            median(cpu) * 100, median(idle_cpu) * 100, CPU_GOAL * 100, "measured",
            "idle qasync loop", f"process CPU time / wall time, {runs} answers, medians",
        ),
    ]  # fmt: skip

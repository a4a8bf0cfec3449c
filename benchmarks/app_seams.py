"""How the benchmarks reach into the real app: the graph, the window and their models.

Everything version-sensitive about the app's internals is here, so the benchmarks follow
the app when it is refactored by changing one file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
import json
from pathlib import Path
import subprocess
import sys
from typing import Any
import uuid

from benchmarks.common import child_env


@dataclass(frozen=True)
class DemoServers:
    """The demo backends running in their own process (see ``demo_process``)."""

    info: dict[str, Any]

    @property
    def user_id(self) -> uuid.UUID:
        return uuid.UUID(self.info["user_id"])

    @property
    def conversations(self) -> list[str]:
        return list(self.info["conversations"])

    def endpoints(self) -> Any:
        from hc_desktop.app.graph import Endpoints

        return Endpoints(
            supabase_url=self.info["auth_url"],
            supabase_anon_key=self.info["anon_key"],
            dify_base_url=self.info["dify_url"],
            dify_api_key=self.info["dify_key"],
            persist_session=False,
        )

    @property
    def credentials(self) -> tuple[str, str]:
        return self.info["email"], self.info["password"]


@contextmanager
def demo_servers(*args: str) -> Iterator[DemoServers]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.demo_process", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the demo servers did not start")
        yield DemoServers(json.loads(line))
    finally:
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


def profile(data_dir: Path, name: str = "bench") -> Any:
    from hc_desktop.paths import Profile

    return Profile.named(name, data_dir).ensure()


def remember_user(prof: Any, user_id: uuid.UUID) -> None:
    """Make ``user_id`` the profile's last user, so start-up shows their cached threads."""
    from hc_desktop.app.last_user import write_last_user

    write_last_user(prof, user_id)


@dataclass
class RunningApp:
    graph: Any
    window: Any
    collector: Any

    @property
    def controller(self) -> Any:
        return self.graph.controller

    @property
    def thread_view(self) -> Any:
        return self.window.thread_list

    @property
    def thread_filter(self) -> Any:
        """The proxy behind the list that takes the search text."""
        model = self.thread_view.model()
        if hasattr(model, "set_search"):
            return model
        return self.controller.threads.view

    @property
    def chat(self) -> Any:
        controller = self.controller
        return controller.chat if hasattr(controller, "chat") else controller

    @property
    def messages(self) -> Any:
        return self.chat.messages

    @property
    def chat_view(self) -> Any:
        return self.window.chat_view

    @property
    def thread_source(self) -> Any:
        """The unfiltered thread list model (ThreadListModel)."""
        threads = self.controller.threads
        for name in ("model", "threads"):
            model = getattr(threads, name, None)
            if model is not None and hasattr(model, "rowCount"):
                return model
        return threads

    def streaming(self) -> bool:
        return bool(self.chat.streaming)

    def history_busy(self) -> bool:
        return bool(self.controller.tasks.running("history"))


def cache_keys(prof: Any) -> Any:
    """Cache keys in the profile folder: the stand-in for the OS keyring, which these
    machines lack (without one the app would start every run on an empty cache)."""
    from hc_desktop.app.cache_opening import FileCacheKeys

    return FileCacheKeys(prof.root)


async def seal_cache(prof: Any, user_id: uuid.UUID, path: Path) -> None:
    """Encrypt a seeded store file with the key the app will find in ``prof`` (the same
    one-time upgrade the app runs on an old plaintext cache, done before measuring)."""
    from hc_desktop.store.crypto import ContentCipher
    from hc_desktop.store.local import LocalThreadStore

    key = await cache_keys(prof).get(user_id)
    store = LocalThreadStore.open(path, user_id, cipher=ContentCipher(key))
    await store.close()


def build_app(endpoints: Any, prof: Any) -> RunningApp:
    """The graph and window exactly as ``hc_desktop.app`` builds them (not shown yet),
    with the app's garbage collection: on the Qt thread, settled once the user's data is open."""
    from hc_desktop.app.graph import build_graph
    from hc_desktop.controller.gc_guard import MainThreadCollector
    from hc_desktop.ui.main_window import MainWindow

    collector = MainThreadCollector()
    collector.start()
    graph = build_graph(endpoints, prof, cache_keys=cache_keys(prof))
    graph.controller.threads.user_data_opened.connect(collector.settle)
    window = MainWindow(graph.controller, prof.settings_file)
    return RunningApp(graph, window, collector)


async def close_app(app: RunningApp) -> None:
    import gc

    from hc_desktop.app import dispose_qt_objects

    app.window.hide()
    await app.graph.aclose()
    dispose_qt_objects(app.window, app.graph.controller)
    app.collector.stop()
    gc.unfreeze()  # the next run in this process starts as a fresh app would


def seed_threads(path: Path, user_id: uuid.UUID, count: int) -> None:
    """Fill a local store file with ``count`` threads in one transaction (SQLAlchemy Core)."""
    from datetime import UTC, datetime, timedelta

    from hc_desktop.store import local_schema
    from hc_desktop.store.local import sqlite_engine
    from hc_desktop.store.schema import SQLITE_TRANSLATE_MAP, threads

    topics = ("water", "sleep", "back pain", "stress", "iron", "blood pressure", "exercise")
    now = datetime.now(UTC)
    rows = [
        {
            "id": uuid.uuid4(),
            "user_id": user_id,
            "conversation_id": str(uuid.uuid4()),
            "title": f"Question {n} about {topics[n % len(topics)]}",
            "last_message_preview": f"Here are a few general ideas about {topics[n % 5]} #{n}",
            "archived": n % 50 == 0,
            "created_at": now - timedelta(minutes=n),
            "updated_at": now - timedelta(minutes=n),
        }
        for n in range(count)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sqlite_engine(path)
    try:
        with engine.begin() as conn:
            local_schema.upgrade(conn)
            conn.execution_options(schema_translate_map=SQLITE_TRANSLATE_MAP).execute(
                threads.insert(), rows
            )
    finally:
        engine.dispose()


def thread_id_role() -> int:
    from hc_desktop.controller.thread_list_model import ThreadRoles

    return int(ThreadRoles.ThreadId)

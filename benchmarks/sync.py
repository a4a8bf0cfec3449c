"""Sync against a real PostgreSQL: a full pull, a no-change round, 200 clients via PgBouncer.

The app side is :class:`SyncEngine` over a fresh local cache file and :class:`RemoteThreads`;
the baseline is bare psycopg doing the least the same result needs (fetch the rows; one
round trip). The 200 clients each push a new thread and pull their own rows at the same
time through PgBouncer in transaction mode, with a server pool far smaller than 200.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
import shutil
import tempfile
import time
import uuid

import psycopg

from benchmarks.common import median, percentile
from benchmarks.figures import Figure
from benchmarks.pg import Cluster, PgBouncer, pgbouncer_binary

DATABASE = "bench"
PULL_GOAL_S = 1.0
NO_CHANGE_GOAL_S = 0.020
BOUNCER_POOL = 20

_SEED = """
INSERT INTO health_companion.threads
    (user_id, conversation_id, title, last_message_preview, archived, created_at, updated_at)
SELECT u.id, gen_random_uuid()::text, 'Question ' || g || ' about water',
       'Here are a few general ideas about staying well #' || g, g %% 50 = 0,
       now() - g * interval '1 minute', now() - g * interval '1 minute'
FROM unnest(%s::uuid[]) AS u(id), generate_series(1, %s) AS g
"""


def _seed(url: str, users: list[uuid.UUID], per_user: int) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(_SEED, (users, per_user))
        conn.execute("ANALYZE health_companion.threads")


async def _client(url: str, user: uuid.UUID, folder: Path, *, push: bool) -> tuple[float, object]:
    """One app client: fresh local cache, optional local change, one sync round."""
    from hc_desktop.sync import CachedThreadRepository, RemoteThreads, SyncEngine

    local = await asyncio.to_thread(CachedThreadRepository.open, folder / f"{user}.sqlite3", user)
    remote = RemoteThreads(url, user)
    try:
        if push:
            await local.create_if_absent(str(uuid.uuid4()), title="New", preview="Hello")
        engine = SyncEngine(local, remote, None, user)
        started = time.perf_counter()
        report = await engine.sync_once()
        return time.perf_counter() - started, (engine, report)
    finally:
        await remote.close()
        await local.close()


async def _pull_and_idle(
    url: str, user: uuid.UUID, folder: Path, idle_rounds: int
) -> tuple[float, list[float], int]:
    """(full pull s, no-change rounds s, rows pulled) through the real engine."""
    from hc_desktop.sync import CachedThreadRepository, RemoteThreads, SyncEngine

    local = await asyncio.to_thread(
        CachedThreadRepository.open, folder / f"pull-{uuid.uuid4()}.sqlite3", user
    )
    remote = RemoteThreads(url, user)
    try:
        engine = SyncEngine(local, remote, None, user)
        started = time.perf_counter()
        report = await engine.sync_once()
        pull = time.perf_counter() - started
        if not report.online:
            raise RuntimeError(f"sync was offline: {report.error}")
        idle: list[float] = []
        for _ in range(idle_rounds):
            started = time.perf_counter()
            again = await engine.sync_once()
            idle.append(time.perf_counter() - started)
            if again.upserted or again.removed:
                raise RuntimeError("a no-change round changed rows")
        pulled = len(await local.list_threads()) + len(await local.list_threads(archived=True))
        return pull, idle, pulled
    finally:
        await remote.close()
        await local.close()


def _bare_pull(url: str, user: uuid.UUID, idle_rounds: int) -> tuple[float, list[float]]:
    """Bare psycopg: connect and fetch the user's rows; then one-round-trip checks."""
    started = time.perf_counter()
    with psycopg.connect(url, prepare_threshold=None) as conn:
        rows = conn.execute(
            "SELECT * FROM health_companion.threads WHERE user_id = %s", (user,)
        ).fetchall()
        pull = time.perf_counter() - started
        assert rows
        idle = []
        for _ in range(idle_rounds):
            started = time.perf_counter()
            conn.execute(
                "SELECT count(*), max(updated_at) FROM health_companion.threads WHERE user_id = %s",
                (user,),
            ).fetchone()
            conn.commit()
            idle.append(time.perf_counter() - started)
    return pull, idle


async def _many_clients(
    url: str, users: list[uuid.UUID], folder: Path
) -> tuple[list[float], list[str], float]:
    """Every user syncs at once; (per-client seconds, errors, wall seconds)."""
    started = time.perf_counter()
    outcomes = await asyncio.gather(
        *(_client(url, user, folder, push=True) for user in users), return_exceptions=True
    )
    wall = time.perf_counter() - started
    times: list[float] = []
    errors: list[str] = []
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            errors.append(type(outcome).__name__)
            continue
        seconds, (_, report) = outcome  # type: ignore[misc]
        if not report.online or report.pushed != 1:
            errors.append(f"online={report.online} pushed={report.pushed} {report.error}")
        times.append(seconds)
    return times, errors, wall


def run(quick: bool) -> list[Figure]:
    rows = 300 if quick else 10_000
    runs = 1 if quick else 3
    idle_rounds = 5 if quick else 30
    clients = 20 if quick else 200
    per_client = 20 if quick else 50
    figures: list[Figure] = []
    cluster = Cluster().start()
    folder = Path(tempfile.mkdtemp(prefix="hc-bench-sync-"))
    try:
        from hc_desktop.store.migrate import upgrade

        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        direct = cluster.url(DATABASE)
        upgrade(direct)
        big_user = uuid.uuid4()
        _seed(direct, [big_user], rows)

        app_pull: list[float] = []
        app_idle: list[float] = []
        base_pull: list[float] = []
        base_idle: list[float] = []
        pulled = 0
        for n in range(runs):
            steps = ["app", "base"] if n % 2 == 0 else ["base", "app"]
            for step in steps:
                if step == "app":
                    pull, idle, pulled = asyncio.run(
                        _pull_and_idle(direct, big_user, folder, idle_rounds)
                    )
                    app_pull.append(pull)
                    app_idle.extend(idle)
                else:
                    pull, idle = _bare_pull(direct, big_user, idle_rounds)
                    base_pull.append(pull)
                    base_idle.extend(idle)
        if pulled != rows:
            raise RuntimeError(f"pulled {pulled} rows, expected {rows}")
        figures += [
            Figure(
                "sync", f"full pull of {rows:,} threads (first sync)", "s",
                median(app_pull), median(base_pull), PULL_GOAL_S, "measured",
                "psycopg connect + SELECT", f"{runs} interleaved runs, medians; "
                "includes the first round's id reconciliation",
            ),
            Figure(
                "sync", "no-change sync round", "ms",
                median(app_idle) * 1000, median(base_idle) * 1000, NO_CHANGE_GOAL_S * 1000,
                "measured", "psycopg one aggregate round trip",
                f"median of {len(app_idle)} rounds; p95 {percentile(app_idle, 95) * 1000:.1f} ms",
            ),
        ]  # fmt: skip
        figures += _bouncer_figures(cluster, clients, per_client, folder, install=not quick)
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def _bouncer_figures(
    cluster: Cluster, clients: int, per_client: int, folder: Path, *, install: bool
) -> list[Figure]:
    name = f"{clients} clients sync via PgBouncer (transaction mode)"
    binary, reason = pgbouncer_binary(install)
    if binary is None:
        return [
            Figure("sync", name + ": errors", "", None, None, 0, not_run=reason),
        ]
    users = [uuid.uuid4() for _ in range(clients)]
    _seed(cluster.url(DATABASE), users, per_client)
    bouncer = PgBouncer(binary, cluster, DATABASE, BOUNCER_POOL).start()
    try:
        url = cluster.url(DATABASE, port=bouncer.port)
        alone, _ = asyncio.run(_client(url, uuid.uuid4(), folder, push=True))
        times, errors, wall = asyncio.run(_many_clients(url, users, folder))
    finally:
        bouncer.stop()
    note = (
        f"{clients} concurrent SyncEngine.sync_once (push 1 + pull {per_client} rows each), "
        f"server pool {BOUNCER_POOL}; wall {wall:.2f} s"
    )
    p95 = percentile(times, 95) if times else None
    return [
        Figure(
            "sync", name + ": errors", "errors", float(len(errors)), None, 0, "measured",
            note=note + (f"; first errors: {errors[:3]}" if errors else ""),
        ),
        Figure(
            "sync", name + ": p95 client round", "s", p95, alone, None, "measured",
            "one client alone via PgBouncer", note,
        ),
    ]  # fmt: skip

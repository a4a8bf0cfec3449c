"""The command-line seams, run as a user (or CI, or a packaging smoke test) would."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
import subprocess
import sys

import pytest

from hc_desktop import __version__
from hc_desktop.app.demo_identity import DEMO_USER_ID
from hc_desktop.paths import Profile
from hc_desktop.store.local import LocalThreadStore


def _run(*args: str, data_dir: Path, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HC_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "hc_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_version(tmp_path: Path) -> None:
    result = _run("--version", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"hc-desktop {__version__}"


def test_selftest_reports_every_check_and_writes_the_report(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    result = _run("--selftest", "--report", str(report_file), data_dir=tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    printed = json.loads(result.stdout)
    written = json.loads(report_file.read_text(encoding="utf-8"))
    assert printed == written
    assert printed["ok"] is True
    assert [c["name"] for c in printed["checks"]] == [
        "sign_in",
        "streamed_chat",
        "thread_persisted",
    ]
    assert printed["qt_platform"] == "offscreen"
    assert printed["psycopg_impl"] in ("binary", "c")


def _demo_thread_count(data_dir: Path) -> int:
    path = Profile.named("demo", data_dir).thread_store_file(DEMO_USER_ID)

    async def count() -> int:
        store = LocalThreadStore.open(path, DEMO_USER_ID)
        try:
            active = await store.list_threads(archived=False)
            archived = await store.list_threads(archived=True)
        finally:
            await store.close()
        return len(active) + len(archived)

    return asyncio.run(count())


def test_demo_paints_and_exits_and_keeps_its_threads(tmp_path: Path) -> None:
    first = _run("--demo", "--demo-threads", "7", "--exit-after-startup", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    assert _demo_thread_count(tmp_path) == 7
    db_file = Profile.named("demo", tmp_path).thread_store_file(DEMO_USER_ID)
    seeded_at = db_file.stat().st_mtime_ns
    log_file = Profile.named("demo", tmp_path).log_dir / "hc-desktop.log"
    assert "cached list painted first" not in log_file.read_text(), "nothing cached yet"
    again = _run("--demo", "--demo-threads", "7", "--exit-after-startup", data_dir=tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "the cached list painted first (7 threads)" in log_file.read_text()
    assert _demo_thread_count(tmp_path) == 7
    assert db_file.stat().st_mtime_ns >= seeded_at
    fewer = _run("--demo", "--demo-threads", "3", "--exit-after-startup", data_dir=tmp_path)
    assert fewer.returncode == 0, fewer.stderr[-2000:]
    assert _demo_thread_count(tmp_path) == 3


_STARTUP_MODULES_SCRIPT = """
import atexit, json, sys
atexit.register(lambda: print("MODULES " + json.dumps(sorted(sys.modules))))
from hc_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""
WAIT_FOR_THE_FIRST_PAINT = (
    "asyncio",  # the event loop, the services and the rest of the window follow the paint
    "sqlalchemy",
    "httpx",
    "keyring",
    "socket",
    "logging.handlers",
    "tomllib",  # no settings file here
    "hc_desktop.app.demo",
    "hc_desktop.app.graph",
    "hc_desktop.ui.chat_view",
)


def test_the_cached_list_paints_before_the_rest_loads(tmp_path: Path) -> None:
    seeded = _run("--demo", "--demo-threads", "5", "--exit-after-startup", data_dir=tmp_path)
    assert seeded.returncode == 0, seeded.stderr[-2000:]
    env = {
        **os.environ,
        "HC_DATA_DIR": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    args = ["--demo", "--demo-threads", "5", "--exit-after-startup"]
    result = subprocess.run(
        [sys.executable, "-c", _STARTUP_MODULES_SCRIPT, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    log_file = Profile.named("demo", tmp_path).log_dir / "hc-desktop.log"
    assert "the cached list painted first (5 threads)" in log_file.read_text()
    printed = [line for line in result.stdout.splitlines() if line.startswith("MODULES ")]
    loaded = set(json.loads(printed[-1].removeprefix("MODULES ")))
    assert "hc_desktop.ui.thread_list_view" in loaded
    assert sorted(loaded.intersection(WAIT_FOR_THE_FIRST_PAINT)) == []


def test_demo_threads_needs_demo(tmp_path: Path) -> None:
    result = _run("--demo-threads", "3", data_dir=tmp_path)
    assert result.returncode == 2
    assert "--demo-threads needs --demo" in result.stderr


@pytest.mark.postgres
def test_db_commands_report_pending_then_up_to_date(tmp_path: Path, pg_blank_database: str) -> None:
    pending = _run("db", "status", "--url", pg_blank_database, data_dir=tmp_path)
    assert pending.returncode == 1, pending.stdout + pending.stderr
    upgraded = _run("db", "upgrade", "--url", pg_blank_database, data_dir=tmp_path)
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    current = _run("db", "status", "--url", pg_blank_database, data_dir=tmp_path)
    assert current.returncode == 0, current.stdout + current.stderr

"""Start-up: ``hc-desktop --demo --demo-threads N --exit-after-startup`` against the floor.

Runs alternate (app, floor, app, floor …) so drifting machine load hits both alike; each
run is a fresh process whose wall time and peak RSS come from ``wait4``. One unmeasured
warm-up of each comes first: it seeds the demo profile and fills the bytecode cache.
"""

from __future__ import annotations

import os
from pathlib import Path
import shutil
import subprocess
import sys
import tempfile
import time

from benchmarks.common import child_env, median
from benchmarks.figures import Figure

WALL_GOAL = 1.6
RSS_GOAL = 1.5


def _app_command(threads: int) -> list[str]:
    script = Path(sys.executable).with_name("hc-desktop")
    entry = [str(script)] if script.exists() else [sys.executable, "-m", "hc_desktop"]
    return [*entry, "--demo", "--demo-threads", str(threads), "--exit-after-startup"]


def _floor_command(rows: int) -> list[str]:
    return [sys.executable, "-m", "benchmarks.floor_window", str(rows)]


def measure(command: list[str], env: dict[str, str], timeout: float = 60.0) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one run of ``command``; raises if it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.002)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {proc.returncode}: {stderr[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def run(quick: bool) -> list[Figure]:
    threads = 50 if quick else 1000
    runs = 1 if quick else 7
    data_dir = Path(tempfile.mkdtemp(prefix="hc-bench-startup-"))
    try:
        env = child_env(data_dir)
        app, floor = _app_command(threads), _floor_command(threads)
        measure(app, env)  # seeds the demo profile, warms caches
        measure(floor, env)
        app_runs: list[tuple[float, float]] = []
        floor_runs: list[tuple[float, float]] = []
        for n in range(runs):
            # Alternate which goes first so neither always follows the other.
            order = [(app, app_runs), (floor, floor_runs)]
            for command, into in order if n % 2 == 0 else reversed(order):
                into.append(measure(command, env))
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    note = f"{runs} interleaved runs each, medians; {threads} threads / rows"
    walls = {"app": [w for w, _ in app_runs], "floor": [w for w, _ in floor_runs]}
    rss = {"app": [r for _, r in app_runs], "floor": [r for _, r in floor_runs]}
    return [
        Figure(
            "startup", "wall time to exit after first paint", "s",
            median(walls["app"]), median(walls["floor"]), WALL_GOAL, "ratio",
            "bare PySide6 window", note, extra={"runs": walls},
        ),
        Figure(
            "startup", "peak RSS", "MB",
            median(rss["app"]), median(rss["floor"]), RSS_GOAL, "ratio",
            "bare PySide6 window", note, extra={"runs": rss},
        ),
    ]  # fmt: skip

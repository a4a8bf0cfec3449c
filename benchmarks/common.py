"""Shared helpers: the children's environment, statistics, memory readings, the machine."""

from __future__ import annotations

from collections.abc import Sequence
import contextlib
import ctypes
import ctypes.util
import gc
import os
from pathlib import Path
import platform
import statistics
import subprocess
import sys

PACKAGE_DIR = Path(__file__).resolve().parent
RESULTS_DIR = PACKAGE_DIR / "results"
PYCACHE_DIR = RESULTS_DIR / "pycache"


def child_env(data_dir: Path | None = None) -> dict[str, str]:
    """Environment for every process a benchmark starts.

    Offscreen Qt; a throwaway ``HC_DATA_DIR`` so no real profile is touched; and bytecode
    cached in ``results/pycache``: an installed app (wheel or frozen build) runs from
    compiled bytecode, so timing a start that compiles every module would measure the
    compiler, not the app.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE_DIR)
    if data_dir is not None:
        env["HC_DATA_DIR"] = str(data_dir)
    root = str(PACKAGE_DIR.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100): a real observed value, never interpolated."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return float(ordered[rank - 1])


def rss_mb() -> float:
    """Resident set size of this process now, in MB (Linux ``/proc``)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def settled_rss_mb() -> float:
    """RSS after a full collection and returning freed heap to the OS where glibc can."""
    gc.collect()
    gc.collect()
    name = ctypes.util.find_library("c")
    if name and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(name).malloc_trim(0)
    return rss_mb()


def machine() -> dict[str, str | int | float]:
    """What the figures were taken on."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "missing"
    return {
        "cpu": cpu,
        "nproc": os.cpu_count() or 0,
        "ram_gb": round(ram_gb, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": pyside,
    }


def run_quiet(command: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)

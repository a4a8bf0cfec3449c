"""Wall-clock start-up of the frozen bundle against the venv, for docs/performance.md.

Each command runs ``--demo --exit-after-startup`` (quits once the main window has painted
the thread list from the local store) offscreen, in a throwaway data folder. The venv runs
from cached bytecode, as an installed app would (``PYTHONDONTWRITEBYTECODE`` is dropped and
the cache kept in the scratch folder). One warm-up run each is discarded; then the two are
run alternately, so machine noise hits both, and median and range of N runs are printed.

    python packaging/measure_startup.py [N]
"""

from __future__ import annotations

import os
from pathlib import Path
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "venv": [str(ROOT / ".venv" / "bin" / "hc-desktop")],
    "frozen onedir": [str(ROOT / "dist" / "hc-desktop" / "hc-desktop")],
}


def _time_once(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [*command, "--demo", "--exit-after-startup"], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - started


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory(prefix="hc-startup-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            HC_DATA_DIR=str(Path(tmp) / "data"),
            PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
        )
        times: dict[str, list[float]] = {label: [] for label in COMMANDS}
        for command in COMMANDS.values():
            _time_once(command, env)  # warm-up: bytecode, page cache, demo profile
        for _ in range(runs):
            for label, command in COMMANDS.items():
                times[label].append(_time_once(command, env))
    for label, samples in times.items():
        samples.sort()
        print(
            f"{label:14} median {statistics.median(samples):.3f} s "
            f"(min {samples[0]:.3f}, max {samples[-1]:.3f}, n={runs})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m benchmarks [--quick] [--only NAME]``: run, print a table, write JSON.

Exit status: non-zero only when a benchmark crashed or produced no figures. Goals that are
missed are reported, not failed on: benchmarks are measurements, not tests.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
import json
from pathlib import Path
import subprocess
import sys
import tempfile
import time

from benchmarks.common import RESULTS_DIR, child_env, machine
from benchmarks.figures import Figure, text_table
from benchmarks.worker import BENCHMARKS

FULL_TIMEOUT = 900.0
QUICK_TIMEOUT = 60.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="hc-desktop benchmarks with baselines"
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, one run each: only checks they execute"
    )
    parser.add_argument(
        "--only", action="append", choices=BENCHMARKS, metavar="NAME",
        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}",
    )  # fmt: skip
    parser.add_argument(
        "--json", type=Path, default=RESULTS_DIR / "latest.json", help="where to write JSON"
    )
    return parser


def _run_one(name: str, quick: bool) -> tuple[list[Figure], str | None, float]:
    """Figures of one benchmark from a fresh interpreter, or the reason it crashed."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"hc-bench-{name}-") as tmp:
        out = Path(tmp) / "figures.json"
        command = [sys.executable, "-m", "benchmarks.worker", name, "--out", str(out)]
        if quick:
            command.append("--quick")
        try:
            done = subprocess.run(
                command,
                env=child_env(Path(tmp) / "data"),
                timeout=QUICK_TIMEOUT if quick else FULL_TIMEOUT,
                capture_output=True,
                text=True,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return [], "timed out", time.perf_counter() - started
        elapsed = time.perf_counter() - started
        if done.returncode != 0 or not out.exists():
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            return [], f"exit {done.returncode}\n{tail}", elapsed
        figures = [Figure.from_dict(d) for d in json.loads(out.read_text(encoding="utf-8"))]
        if not figures:
            return [], "no figures", elapsed
        return figures, None, elapsed


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    names = args.only or list(BENCHMARKS)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    figures: list[Figure] = []
    crashed: dict[str, str] = {}
    durations: dict[str, float] = {}
    for name in names:
        print(f"… {name}", file=sys.stderr, flush=True)
        got, error, elapsed = _run_one(name, args.quick)
        durations[name] = round(elapsed, 1)
        figures.extend(got)
        if error is not None:
            crashed[name] = error
            print(f"!! {name} crashed: {error}", file=sys.stderr, flush=True)
    print(text_table(figures))
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "machine": machine(),
        "durations_s": durations,
        "crashed": crashed,
        "figures": [f.to_dict() for f in figures],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"(written to {args.json})", file=sys.stderr)
    return 1 if crashed else 0

"""Runs one benchmark in this interpreter and writes its figures as JSON (used by the cli)."""

from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path
import sys

BENCHMARKS = ("startup", "thread_list", "conversation", "sync", "soak")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.worker")
    parser.add_argument("name", choices=BENCHMARKS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    module = importlib.import_module(f"benchmarks.{args.name}")
    figures = module.run(quick=args.quick)
    args.out.write_text(json.dumps([f.to_dict() for f in figures], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

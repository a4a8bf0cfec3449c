"""``hc-desktop db upgrade|status --url URL``: the shared schema's admin commands.

Exit codes: ``upgrade`` 0 done, 2 failed or drift remains; ``status`` 0 up to date,
1 pending, 2 drift or error. URLs are always shown with the password masked.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from hc_desktop.store import migrate
from hc_desktop.store.dberrors import describe
from hc_desktop.store.journal import JournalError
from hc_desktop.store.urls import mask_url

EXIT_OK = 0
EXIT_PENDING = 1
EXIT_FAILED = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hc-desktop db", description="Shared schema admin.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("upgrade", "apply pending migrations and, on Supabase, the RLS policies"),
        ("status", "show applied and pending migrations and any drift"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--url", required=True, help="postgresql://user@host/dbname")
    return parser


def _print_list(out: TextIO, title: str, items: list[str]) -> None:
    if items:
        print(f"{title}:", file=out)
        for item in items:
            print(f"  - {item}", file=out)


def _upgrade(url: str, out: TextIO) -> int:
    report = migrate.upgrade(url)
    print(f"database: {mask_url(url)}", file=out)
    if report.applied:
        _print_list(out, "applied", report.applied)
    else:
        print("nothing to apply: all migrations were already applied", file=out)
    print(report.rls, file=out)
    _print_list(out, "notes", report.notes)
    _print_list(out, "drift", report.drift)
    return EXIT_OK if report.ok else EXIT_FAILED


def _status(url: str, out: TextIO) -> int:
    report = migrate.status(url)
    print(f"database: {mask_url(url)}", file=out)
    _print_list(out, "applied", report.applied)
    _print_list(out, "pending", report.pending)
    _print_list(out, "drift", report.drift)
    _print_list(out, "notes", report.notes)
    print(report.rls, file=out)
    verdict = {0: "up to date", 1: "upgrade needed", 2: "drift: the schema differs"}
    print(verdict[report.exit_code], file=out)
    return report.exit_code


def run(argv: list[str], *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``db`` with ``argv`` (the words after ``db``); returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_FAILED
    command = _upgrade if args.command == "upgrade" else _status
    try:
        return command(args.url, out)
    except migrate.MigrationError as exc:
        print(f"error: {exc}; nothing was changed", file=err)
    except (JournalError, ValueError) as exc:
        print(f"error: {exc}", file=err)
    except SQLAlchemyError as exc:
        print(f"error: {describe(exc)} ({mask_url(args.url)})", file=err)
    return EXIT_FAILED

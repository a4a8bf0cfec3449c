"""Command line: parse arguments and hand over; imports Qt only when a window is needed."""

from __future__ import annotations

import argparse
from pathlib import Path
import sys

from hc_desktop import __version__
from hc_desktop.app.options import Options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hc-desktop",
        description="Health Companion desktop client. "
        "Admin: 'hc-desktop db upgrade|status --url URL'.",
    )
    parser.add_argument("--version", action="version", version=f"hc-desktop {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="run against built-in demo servers (no accounts needed)"
    )
    parser.add_argument(
        "--demo-threads",
        type=int,
        metavar="N",
        help="with --demo: keep N threads in the demo profile (seeded when the count differs)",
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="quit once the window has painted the thread list (for start-up measurements)",
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="sign in, chat and persist a thread against the demo servers offscreen; print JSON",
    )
    parser.add_argument("--report", type=Path, help="with --selftest: also write the JSON here")
    parser.add_argument("--profile", help="profile name (separate data, lock and logs)")
    parser.add_argument("--supabase-url", help="Supabase project URL")
    parser.add_argument("--dify-url", dest="dify_base_url", help="Dify Service API base URL (…/v1)")
    parser.add_argument(
        "--database-url", help="shared PostgreSQL URL; without it threads stay in a local file"
    )
    parser.add_argument("--log-level", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return parser


def parse_args(argv: list[str]) -> Options:
    parser = _parser()
    args, _qt_args = parser.parse_known_args(argv)
    if args.demo_threads is not None:
        if not args.demo:
            parser.error("--demo-threads needs --demo")
        if args.demo_threads < 0:
            parser.error("--demo-threads must be 0 or more")
    return Options(
        demo=args.demo,
        demo_threads=args.demo_threads,
        exit_after_startup=args.exit_after_startup,
        selftest=args.selftest,
        report=args.report,
        profile=args.profile,
        supabase_url=args.supabase_url,
        dify_base_url=args.dify_base_url,
        database_url=args.database_url,
        log_level=args.log_level,
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["db"]:
        from hc_desktop.store.admin import run as run_db_command

        return run_db_command(argv[1:])
    options = parse_args(argv)
    if options.selftest:
        from hc_desktop.app.selftest import run_selftest

        return run_selftest(options)
    from hc_desktop.app import run_app

    return run_app(options)

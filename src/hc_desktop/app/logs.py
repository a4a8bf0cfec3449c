"""Logging to the profile's log folder; records carry codes and ids, never content."""

from __future__ import annotations

import logging
from pathlib import Path
import sys
import threading
from types import TracebackType

from hc_desktop.paths import make_private_dir, rotate_file

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_NAME = "hc-desktop.log"
ROTATE_AT_BYTES = 2_000_000
KEPT_OLD_FILES = 3


def configure_logging(log_dir: Path, level: str = "INFO") -> None:
    """A file in the profile (owner-only), rotated when start-up finds it full, plus
    warnings on stderr.

    Records are codes and ids, so a session writes kilobytes: rotating at start keeps the
    folder bounded without :mod:`logging.handlers`, whose imports (sockets, pickling) would
    hold up the first paint.
    """
    make_private_dir(log_dir)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    log_file = log_dir / LOG_FILE_NAME
    rotate_if_full(log_file)
    file_handler = logging.FileHandler(log_file, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    root.addHandler(console)
    root.setLevel(level)
    # Library loggers may echo request URLs with query strings, or (qasync's executor) the
    # arguments and results of worker calls: passwords, keys. Keep them quiet.
    for noisy in ("httpx", "httpcore", "sqlalchemy", "keyring", "asyncio", "qasync"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    log_file.chmod(0o600)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_thread_uncaught


def rotate_if_full(log_file: Path) -> None:
    """Past :data:`ROTATE_AT_BYTES` the file becomes ``.1`` (``.1`` becomes ``.2`` …) and
    the oldest beyond :data:`KEPT_OLD_FILES` goes."""
    try:
        if log_file.stat().st_size >= ROTATE_AT_BYTES:
            rotate_file(log_file, KEPT_OLD_FILES)
    except OSError:
        # Missing, or held open by a copy already running on this profile (Windows): it is
        # rotated next time; this start goes on to report the profile in use.
        return


def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    logging.getLogger("hc_desktop").critical("uncaught exception", exc_info=(kind, value, tb))


def _log_thread_uncaught(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    logging.getLogger("hc_desktop").critical(
        "uncaught exception in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )

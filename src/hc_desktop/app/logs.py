"""Logging to the profile's log folder; records carry codes and ids, never content."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
import sys
import threading
from types import TracebackType

from hc_desktop.paths import make_private_dir

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path, level: str = "INFO") -> None:
    """Rotating file in the profile (owner-only) plus warnings on stderr."""
    make_private_dir(log_dir)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / "hc-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
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
    (log_dir / "hc-desktop.log").chmod(0o600)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_thread_uncaught


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

"""The log file: owner-only, rotated when start-up finds it full, a bounded number kept."""

from __future__ import annotations

from collections.abc import Iterator
import logging
import os
from pathlib import Path
import stat
import sys
import threading

import pytest

from hc_desktop.app import logs


@pytest.fixture
def restored_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    quieted = ("httpx", "httpcore", "sqlalchemy", "keyring", "asyncio", "qasync")
    levels = {name: logging.getLogger(name).level for name in quieted}
    yield
    sys.excepthook, threading.excepthook = hooks
    for name, named_level in levels.items():
        logging.getLogger(name).setLevel(named_level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_small_log_is_kept(tmp_path: Path) -> None:
    log_file = tmp_path / logs.LOG_FILE_NAME
    log_file.write_text("earlier\n")
    logs.rotate_if_full(log_file)
    assert _names(tmp_path) == [logs.LOG_FILE_NAME]


def test_a_full_log_moves_aside_and_the_oldest_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "ROTATE_AT_BYTES", 10)
    log_file = tmp_path / logs.LOG_FILE_NAME
    for generation in ("first", "second", "third", "fourth", "fifth"):
        log_file.write_text(f"{generation} session, long enough\n")
        logs.rotate_if_full(log_file)
    name = logs.LOG_FILE_NAME
    assert _names(tmp_path) == [f"{name}.1", f"{name}.2", f"{name}.3"]
    assert (tmp_path / f"{name}.1").read_text().startswith("fifth")
    assert (tmp_path / f"{name}.3").read_text().startswith("third")


def test_a_log_held_open_elsewhere_is_left_for_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "ROTATE_AT_BYTES", 10)
    log_file = tmp_path / logs.LOG_FILE_NAME
    log_file.write_text("the running copy's records\n")

    def held_open(source: object, target: object) -> None:
        raise PermissionError("in use by another process")  # Windows, another copy running

    monkeypatch.setattr(os, "replace", held_open)
    logs.rotate_if_full(log_file)
    assert _names(tmp_path) == [logs.LOG_FILE_NAME]


@pytest.mark.usefixtures("restored_root_logger")
def test_configured_logging_writes_an_owner_only_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "ROTATE_AT_BYTES", 10)
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    (log_dir / logs.LOG_FILE_NAME).write_text("a previous session's records\n")
    logs.configure_logging(log_dir, "INFO")
    logging.getLogger("hc_desktop.test").info("start-up: code=ready")
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_file = log_dir / logs.LOG_FILE_NAME
    assert "code=ready" in log_file.read_text()
    assert (log_dir / f"{logs.LOG_FILE_NAME}.1").read_text().startswith("a previous")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600

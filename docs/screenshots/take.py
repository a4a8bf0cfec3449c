"""Regenerate the main-window screenshots in this folder (light/dark, English/Hindi).

Each picture comes from its own run of the real ``hc-desktop --demo`` start-up (demo servers,
demo account, seeded threads) in a throwaway data folder, on a real X11 window under Xvfb.
Once the thread list has loaded, the newest thread is opened with a mouse click, a follow-up
question is typed and sent, and when its answer has finished streaming the window is grabbed.

    .venv/bin/python docs/screenshots/take.py            # all four pictures
    .venv/bin/python docs/screenshots/take.py dark-hi    # just one

Needs ``xvfb-run`` (package ``xvfb``) and a Devanagari font (``fonts-noto-core``).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
import os
from pathlib import Path
import shutil
import subprocess
import sys
import tempfile
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hc_desktop.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
SHOTS = ("light-en", "dark-en", "light-hi", "dark-hi")
WINDOW_SIZE = (1200, 760)
SCREEN = "-screen 0 1280x800x24"
SEEDED_THREADS = 8
FOLLOW_UP = "How can I remember to drink enough during a busy day?"
TIMEOUT = 30.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("shots", nargs="*", metavar="SHOT", help=f"any of {', '.join(SHOTS)}")
    parser.add_argument("--one", metavar="SHOT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    unknown = set(args.shots) - set(SHOTS)
    if unknown:
        parser.error(f"unknown shot(s): {', '.join(sorted(unknown))}")
    if args.one:
        return take_one(args.one, HERE / f"main-{args.one}.png")
    failed = 0
    for shot in args.shots or SHOTS:
        failed |= run_isolated(shot)
    return failed


def run_isolated(shot: str) -> int:
    """One picture in a fresh process, data folder and X server: nothing leaks between them."""
    theme, language = shot.split("-")
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print("take.py: xvfb-run is needed (apt install xvfb)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="hc-shots-") as scratch:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("HC_", "QT_", "XDG_", "LC_")) and key != "LANGUAGE"
        }
        env.update(
            HC_DATA_DIR=str(Path(scratch, "data")),
            XDG_CONFIG_HOME=str(Path(scratch, "config")),  # no user config.toml
            XDG_RUNTIME_DIR=scratch,
            HOME=scratch,
            HC_LANGUAGE=language,
            HC_THEME=theme,
            LANG="C.UTF-8",
            QT_QPA_PLATFORM="xcb",
        )
        command = [xvfb_run, "-a", "-s", SCREEN, sys.executable, __file__, "--one", shot]
        code = subprocess.run(command, env=env, check=False).returncode
    print(f"main-{shot}.png: {'ok' if code == 0 else f'failed ({code})'}")
    return 0 if code == 0 else 1


def take_one(shot: str, out: Path) -> int:
    """Start the app as ``--demo`` does and let :func:`_drive` take the picture."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from hc_desktop.app import profile_for, run_app
    from hc_desktop.app.options import Options
    from hc_desktop.ui.safety import ACKNOWLEDGED_KEY

    options = Options(demo=True, demo_threads=SEEDED_THREADS)
    state = QSettings(str(profile_for(options).settings_file), QSettings.Format.IniFormat)
    state.setValue(ACKNOWLEDGED_KEY, True)  # the first-run notice was acknowledged before
    state.sync()

    app = QApplication(sys.argv[:1])
    outcome: list[BaseException | None] = []

    def start_driver() -> None:
        task = asyncio.ensure_future(_drive(out))
        task.add_done_callback(lambda t: outcome.append(t.exception()))

    QTimer.singleShot(0, start_driver)  # runs once run_app's loop is running
    code = run_app(options)
    del app
    if not outcome or outcome[0] is not None:
        print(f"take.py: {shot}: {outcome[0] if outcome else 'not taken'}", file=sys.stderr)
        return 1
    return code


async def _drive(out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hc_desktop.controller.message_model import MessageState
    from hc_desktop.ui.main_window import MainWindow

    def main_window() -> MainWindow | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                return widget
        return None

    await _until(lambda: main_window() is not None, "the main window")
    window = main_window()
    assert window is not None
    try:
        window.resize(*WINDOW_SIZE)
        window.activateWindow()
        chat = window.controller.chat
        threads = window.thread_list
        await _until(
            lambda: window.controller.user_id is not None and threads.model().rowCount() > 0,
            "the demo account's threads",
        )
        first = threads.visualRect(threads.model().index(0, 0)).center()
        QTest.mouseClick(threads.viewport(), Qt.MouseButton.LeftButton, pos=first)
        await _until(lambda: chat.messages.rowCount() >= 2, "the thread's history")

        editor = window.composer.editor
        editor.setFocus()
        QTest.keyClicks(editor, FOLLOW_UP)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        await _until(
            lambda: (
                chat.messages.rowCount() >= 4
                and not chat.streaming
                and chat.messages.messages[-1].state
                not in (MessageState.SENDING, MessageState.STREAMING)
                and not any(k.startswith("stream:") for k in window.controller.tasks.active_keys())
            ),
            "the answer to finish",
        )
        await _settled(window)
        picture = window.grab()
        if (picture.width(), picture.height()) != WINDOW_SIZE:
            print(
                f"take.py: the window is {picture.width()}x{picture.height()}, not "
                f"{WINDOW_SIZE[0]}x{WINDOW_SIZE[1]} (its minimum size does not fit)",
                file=sys.stderr,
            )
        if not picture.save(str(out)):
            raise RuntimeError(f"could not write {out}")
    finally:
        window.close()  # run_app then shuts down in order


async def _settled(window: MainWindow) -> None:
    """Let scroll-to-bottom, relayouts and repaints that follow the last chunk finish."""
    for _ in range(10):  # the loop runs Qt's events between these (no nested processEvents)
        await asyncio.sleep(0.05)


async def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())

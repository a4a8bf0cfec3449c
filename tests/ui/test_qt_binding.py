"""Guards against a Qt binding that corrupts reference counts on signal emission.

PySide6 6.12.0 releases a reference to ``True`` on every emit; on Python 3.11 the app then
aborts at exit after a few thousand signals (a long streamed answer emits that many).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_signal_emissions_leave_the_interpreter_healthy() -> None:
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        class Emitter(QObject):
            changed = Signal(int)

        app = QCoreApplication([])
        emitter = Emitter()
        for value in range(20_000):
            emitter.changed.emit(value)
        print("clean")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "clean"

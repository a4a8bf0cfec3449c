"""The start-up floor: bare PySide6, a main window with a list view of N rows, quit on paint.

It does what ``hc-desktop --exit-after-startup`` must do at the least: import Qt, create the
application, show a window whose list holds rows, paint, quit.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QListView, QMainWindow


class _ListView(QListView):
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model().rowCount():
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = _ListView(window)
    view.setModel(QStringListModel([f"Conversation {n}" for n in range(rows)], view))
    window.setCentralWidget(view)
    window.resize(1100, 720)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

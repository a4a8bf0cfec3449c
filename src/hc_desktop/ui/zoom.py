"""Zoom of the conversation text, in point steps above or below the system font size.

The zoom is kept as a number of steps rather than a point size, so a later change of the
system font size still shows through, and it is remembered in the window's state file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QTextEdit

MIN_STEPS = -4
MAX_STEPS = 16
MIN_POINT_SIZE = 6.0
_KEY = "view/conversation_zoom"


class ConversationZoom(QObject):
    """Zooms one text view in, out and back; restores the remembered step on creation."""

    def __init__(self, view: QTextEdit, state: QSettings) -> None:
        super().__init__(view)
        self._view = view
        self._state = state
        self._steps = 0
        saved = state.value(_KEY, 0)
        try:
            remembered = int(saved)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            remembered = 0
        self.set_steps(remembered)

    @property
    def steps(self) -> int:
        return self._steps

    def zoom_in(self) -> None:
        self.set_steps(self._steps + 1)

    def zoom_out(self) -> None:
        self.set_steps(self._steps - 1)

    def reset(self) -> None:
        self.set_steps(0)

    def set_steps(self, steps: int) -> None:
        """Move to ``steps`` (clamped); never below a readable point size."""
        steps = max(MIN_STEPS, min(MAX_STEPS, steps))
        base = self._view.font().pointSizeF() - self._steps
        if base + steps < MIN_POINT_SIZE:
            steps = max(self._steps, int(MIN_POINT_SIZE - base + 0.999))
        change = steps - self._steps
        if change > 0:
            self._view.zoomIn(change)
        elif change < 0:
            self._view.zoomOut(-change)
        self._steps = steps
        self._state.setValue(_KEY, steps)

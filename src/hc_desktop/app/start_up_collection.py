"""The cyclic garbage collector during start-up.

Start-up builds tens of thousands of objects that live as long as the app (modules,
classes, Qt's enum types) and next to no garbage, yet every burst of allocation sets the
collector scanning them again: about a tenth of the time to the first paint. So it is
paused until the window shows, and what exists then is frozen out of its way
(:func:`gc.freeze`): later collections, and the one at exit, scan only newer objects.
The few hundred objects start-up leaves in garbage cycles stay with them, once.
"""

from __future__ import annotations

import gc


class StartUpCollection:
    """Pauses collection on entry; :meth:`settle` freezes what start-up built and resumes."""

    def __enter__(self) -> StartUpCollection:
        self._was_enabled = gc.isenabled()
        gc.disable()
        return self

    def settle(self) -> None:
        """Start-up is done: what exists now is kept out of later collections."""
        gc.freeze()
        if self._was_enabled:
            gc.enable()

    def __exit__(self, *exc_info: object) -> None:
        if self._was_enabled:
            gc.enable()

"""Marks the sentences services show to users, so they can be translated without Qt.

Services stay free of Qt: they keep the English sentence as written, wrapped in
:func:`QT_TRANSLATE_NOOP` so ``lupdate`` lists it under :data:`SERVICE_CONTEXT`. The
controller translates it when it reaches the window, and logs keep the English text.
"""

from __future__ import annotations

SERVICE_CONTEXT = "ServiceMessages"
"""The translation context of every marked service sentence (lupdate needs the literal)."""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Return ``source`` unchanged; the call only marks it for extraction."""
    del context
    return source

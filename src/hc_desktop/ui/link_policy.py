"""Which links in assistant text may leave the app: web and mail only, on click only."""

from __future__ import annotations

from PySide6.QtCore import QUrl

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
ACTION_SCHEME = "hc-action"


def is_external_link_allowed(url: QUrl) -> bool:
    """True for http, https and mailto URLs with a target; everything else is refused."""
    scheme = url.scheme().lower()
    if scheme not in ALLOWED_SCHEMES or not url.isValid():
        return False
    if scheme == "mailto":
        return bool(url.path())
    return bool(url.host())

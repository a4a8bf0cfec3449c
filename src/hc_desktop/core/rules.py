"""The seed data model's rules for titles, previews and message length.

Both the web app and the desktop derive these values, so they live in one place and
count Unicode code points (what Postgres ``text`` and JavaScript's ``Array.from`` agree on).
"""

from __future__ import annotations

import re

TITLE_MAX_CHARS = 50
PREVIEW_MAX_CHARS = 100
MESSAGE_MAX_CHARS = 10_000

_WHITESPACE_RUN = re.compile(r"\s+")


class MessageRejected(ValueError):
    """A message the product refuses to send; ``reason`` is a stable code for the UI."""

    def __init__(self, reason: str, length: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.length = length


def collapse_whitespace(text: str) -> str:
    """Fold every run of whitespace to one space and trim the ends."""
    return _WHITESPACE_RUN.sub(" ", text).strip()


def default_title(first_message: str) -> str:
    """A new thread's title: the first 50 characters of the first message, no ellipsis."""
    return collapse_whitespace(first_message)[:TITLE_MAX_CHARS]


def message_preview(latest_message: str) -> str:
    """``last_message_preview``: the first 100 characters of the most recent message."""
    return latest_message[:PREVIEW_MAX_CHARS]


def check_message(text: str) -> str:
    """Return ``text`` if it may be sent; raise :class:`MessageRejected` otherwise."""
    if not text.strip():
        raise MessageRejected("empty", len(text))
    if len(text) > MESSAGE_MAX_CHARS:
        raise MessageRejected("too_long", len(text))
    return text


def message_is_sendable(text: str) -> bool:
    """True when :func:`check_message` would accept ``text``."""
    return bool(text.strip()) and len(text) <= MESSAGE_MAX_CHARS

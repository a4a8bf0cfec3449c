"""Errors the user is expected to see, as opposed to bugs.

Every service raises its own subclass; the controller shows ``user_message`` in a banner
and logs only ``log_text``, which never contains message text, tokens or keys.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected failure with a plain-language explanation for the window."""

    def __init__(self, user_message: str, *, retryable: bool = False) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.retryable = retryable

    @property
    def log_text(self) -> str:
        """What may go into the log: the class and the plain message, never content."""
        return f"{type(self).__name__}: {self.user_message}"


class StoreUnavailable(UserFacingError):
    """The thread store (local file or shared database) could not be reached."""

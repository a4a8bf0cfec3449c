"""Security events worth a trail, and the shape of one record: who, what, when, which thread.

A record never holds content (message text, titles, previews), tokens or keys: only the
event type, the time, the user id, an optional thread id and a short outcome code. The
trail answers "when was this account signed in, and what was exported?", not "what was said".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
import re
import uuid


class AuditEvent(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    SESSION_EXPIRED = "session_expired"
    LOCK = "lock"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    EXPORT = "export"
    PRINT = "print"
    DELETE = "delete"
    CACHE_ERASED = "cache_erased"
    AUDIT_EXPORTED = "audit_exported"


#: Outcome codes are short machine words, so free text cannot slip in through them.
_CODE = re.compile(r"[a-z0-9_.-]{1,40}")


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One security event, content-free by construction."""

    event: AuditEvent
    at: datetime
    user_id: uuid.UUID | None = None
    thread_id: uuid.UUID | None = None
    outcome: str = "ok"

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("audit times must be timezone-aware")
        if not _CODE.fullmatch(self.outcome):
            raise ValueError("outcome must be a short code, not text")

    @classmethod
    def now(
        cls,
        event: AuditEvent,
        *,
        user_id: uuid.UUID | None = None,
        thread_id: uuid.UUID | None = None,
        outcome: str = "ok",
    ) -> AuditRecord:
        return cls(event, datetime.now(UTC), user_id, thread_id, outcome)

    def to_json(self) -> dict[str, str | None]:
        return {
            "event": self.event.value,
            "at": self.at.astimezone(UTC).isoformat(),
            "user_id": None if self.user_id is None else str(self.user_id),
            "thread_id": None if self.thread_id is None else str(self.thread_id),
            "outcome": self.outcome,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> AuditRecord:
        user = data.get("user_id")
        thread = data.get("thread_id")
        return cls(
            AuditEvent(str(data["event"])),
            datetime.fromisoformat(str(data["at"])),
            None if user is None else uuid.UUID(str(user)),
            None if thread is None else uuid.UUID(str(thread)),
            str(data.get("outcome", "ok")),
        )

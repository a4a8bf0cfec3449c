"""The thread record shared with the web app, as an immutable value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
import uuid


@dataclass(frozen=True, slots=True)
class Thread:
    """One row of ``health_companion.threads``; crosses every layer unchanged."""

    id: uuid.UUID
    user_id: uuid.UUID
    conversation_id: str
    title: str | None
    last_message_preview: str | None
    archived: bool
    created_at: datetime
    updated_at: datetime


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive one is taken as UTC already (SQLite keeps times so)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def utc_from_text(value: object) -> datetime:
    """An ISO 8601 time as stored (SQLite) or sent (the Data API), as an aware UTC time."""
    return as_utc(datetime.fromisoformat(str(value)))

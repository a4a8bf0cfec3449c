"""The thread record shared with the web app, as an immutable value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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

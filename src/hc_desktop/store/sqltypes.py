"""Column types that behave the same on PostgreSQL and SQLite.

PostgreSQL has native ``uuid`` and ``timestamptz``; SQLite has neither. The local store must
give back exactly what the shared database would, so timestamps are normalised to UTC on the
way in and come back timezone-aware on every backend.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from hc_desktop.core.threads import as_utc


class UtcDateTime(TypeDecorator[datetime]):
    """``timestamp with time zone`` that only accepts aware values and returns UTC.

    On SQLite the value is stored as naive UTC text with microseconds (fixed width, so text
    order is time order); on PostgreSQL it is a real ``timestamptz``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("timestamps must be timezone-aware")
        as_utc = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return as_utc.replace(tzinfo=None)
        return as_utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)

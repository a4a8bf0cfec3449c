"""The shared table ``health_companion.threads``, exactly as the web app's Drizzle schema.

This is the one description of the table in Python: the stores build their statements from
it and the migration runner checks the live database against it. On SQLite the same table
is used without a schema prefix through :data:`SQLITE_TRANSLATE_MAP`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)

from hc_desktop.store.sqltypes import UtcDateTime

SCHEMA = "health_companion"
TABLE = "threads"

#: Execution option for SQLite connections: the table lives in the main database there.
SQLITE_TRANSLATE_MAP: dict[str | None, str | None] = {SCHEMA: None}

metadata = MetaData(schema=SCHEMA)

threads = Table(
    TABLE,
    metadata,
    Column("id", Uuid(as_uuid=True), nullable=False, server_default=text("gen_random_uuid()")),
    Column("user_id", Uuid(as_uuid=True), nullable=False),
    Column("conversation_id", Text(), nullable=False),
    Column("title", Text(), nullable=True),
    Column("last_message_preview", Text(), nullable=True),
    Column("archived", Boolean(), nullable=False, server_default=text("false")),
    Column("created_at", UtcDateTime(), nullable=False, server_default=text("now()")),
    Column("updated_at", UtcDateTime(), nullable=False, server_default=text("now()")),
    PrimaryKeyConstraint("id", name="threads_pkey"),
    UniqueConstraint("conversation_id", name="threads_conversation_id_unique"),
    Index("idx_threads_user_id", "user_id"),
    Index("idx_threads_conversation_id", "conversation_id"),
    Index("idx_threads_user_archived", "user_id", "archived"),
)

__all__ = ["SCHEMA", "SQLITE_TRANSLATE_MAP", "TABLE", "metadata", "threads"]

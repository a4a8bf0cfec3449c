"""SQLAlchemy descriptions of the sync tables in the local file (created by local_schema v2).

Column types match the threads table's storage (UUIDs as 32 hex characters, timestamps as
UTC text), so ids and times compare the same everywhere in the file.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, MetaData, Table, Text, Uuid

from hc_desktop.store.sqltypes import UtcDateTime

metadata = MetaData()

outbox = Table(
    "sync_outbox",
    metadata,
    Column("seq", Integer(), primary_key=True, autoincrement=True),
    Column("user_id", Uuid(as_uuid=True), nullable=False),
    Column("op", Text(), nullable=False),
    Column("thread_id", Uuid(as_uuid=True), nullable=False),
    Column("conversation_id", Text(), nullable=False),
    Column("payload", Text(), nullable=False),
    Column("base", Text(), nullable=False),
    Column("attempts", Integer(), nullable=False, default=0),
    Column("created_at", UtcDateTime(), nullable=False),
)

shadow = Table(
    "sync_shadow",
    metadata,
    Column("id", Uuid(as_uuid=True), primary_key=True),
    Column("conversation_id", Text(), nullable=False),
    Column("title", Text()),
    Column("last_message_preview", Text()),
    Column("archived", Boolean(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("stamp_us", Integer(), nullable=False),
)

tombstones = Table(
    "sync_tombstones",
    metadata,
    Column("conversation_id", Text(), primary_key=True),
    Column("thread_id", Uuid(as_uuid=True), nullable=False),
    Column("user_id", Uuid(as_uuid=True), nullable=False),
    Column("deleted_at", UtcDateTime(), nullable=False),
    Column("remote_done", Boolean(), nullable=False, default=False),
)

conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("thread_id", Uuid(as_uuid=True), primary_key=True),
    Column("field", Text(), primary_key=True),
    Column("local_value", Text(), nullable=False),
    Column("remote_value", Text(), nullable=False),
    Column("detected_at", UtcDateTime(), nullable=False),
)

state = Table(
    "sync_state",
    metadata,
    Column("key", Text(), primary_key=True),
    Column("value", Text(), nullable=False),
)

cached_messages = Table(
    "cached_messages",
    metadata,
    Column("id", Text(), primary_key=True),
    Column("conversation_id", Text(), nullable=False),
    Column("query", Text(), nullable=False),
    Column("answer", Text(), nullable=False),
    Column("created_at", Integer(), nullable=False),
)

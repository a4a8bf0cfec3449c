"""Which columns of the local file hold content, and how they are written and read.

A :class:`Sealer` stands between the statements and the file: with a cipher it turns each
content value into an envelope bound to its table, column and row, and back; without one it
passes values through (the shared database, the memory-only cache). Ids, timestamps and
flags are never sealed: sync and ordering need them and they reveal no content.

Row ids in the associated data are the text the file stores in the row's key column: UUIDs
as 32 lowercase hex characters, the outbox ``seq`` as decimal, a conflict as
``<thread id hex>:<field>``. A reader with only ``sqlite3`` can therefore pass the stored
value straight to :meth:`ContentCipher.decrypt`.
"""

from __future__ import annotations

from dataclasses import dataclass
import logging
from typing import TYPE_CHECKING
import uuid

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.store.crypto import ContentCipher, UndecryptableValue, is_envelope

if TYPE_CHECKING:
    from sqlalchemy import Connection

log = logging.getLogger("hc_desktop.store")

#: The execution option that carries a transaction's sealer to code that only has ``conn``.
SEALER_OPTION = "hc_content_sealer"

#: ``sync_state`` rows: a sealed known value (which key wrote this file), and a flag saying
#: every content value in the file is sealed.
KEY_CHECK_STATE = "cache_key_check"
SEALED_STATE = "cache_sealed"
KEY_CHECK_TEXT = "hc-desktop cache key check"


@dataclass(frozen=True, slots=True)
class SealedTable:
    """A table with content columns, and the SQL for the row id its values are bound to."""

    name: str
    columns: tuple[str, ...]
    row_id_sql: str


#: Every content column of the local file (the sealing upgrade walks this list).
SEALED_TABLES: tuple[SealedTable, ...] = (
    SealedTable("threads", ("title", "last_message_preview"), "id"),
    SealedTable("sync_shadow", ("title", "last_message_preview"), "id"),
    SealedTable("sync_outbox", ("payload", "base"), "CAST(seq AS TEXT)"),
    SealedTable("sync_conflicts", ("local_value", "remote_value"), "thread_id || ':' || field"),
    SealedTable("cached_messages", ("query", "answer"), "id"),
)


class CacheKeyMismatch(StoreUnavailable):
    """The file was sealed with another key (keyring reset, new machine, no keyring)."""

    def __init__(self) -> None:
        super().__init__("the local cache was written with another key and cannot be read")


def row_key(value: object) -> str:
    """The row id as the file stores it."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, str | int):
        return str(value)
    raise TypeError("row ids are UUIDs, strings or integers")


def conflict_key(thread_id: uuid.UUID, field: str) -> str:
    return f"{thread_id.hex}:{field}"


class Sealer:
    """Seals and opens content values; a damaged value reads as None and is counted."""

    def __init__(self, cipher: ContentCipher | None) -> None:
        self._cipher = cipher
        self.unreadable = 0

    def __repr__(self) -> str:
        return f"Sealer(encrypts={self.encrypts})"

    @property
    def encrypts(self) -> bool:
        return self._cipher is not None

    @property
    def cipher(self) -> ContentCipher | None:
        return self._cipher

    def seal(self, value: str | None, table: str, column: str, row_id: object) -> str | None:
        if self._cipher is None or value is None:
            return value
        return self._cipher.encrypt(value, table=table, column=column, row_id=row_key(row_id))

    def open(self, value: str | None, table: str, column: str, row_id: object) -> str | None:
        """The content; plaintext left by an older version is returned as it is (the
        sealing upgrade encrypts it at the next start)."""
        if self._cipher is None or value is None or not is_envelope(value):
            return value
        try:
            return self._cipher.decrypt(value, table=table, column=column, row_id=row_key(row_id))
        except UndecryptableValue:
            self.unreadable += 1
            log.warning("cache value unreadable (table=%s column=%s)", table, column)
            return None


PLAIN = Sealer(None)


def sealer_of(conn: Connection) -> Sealer:
    """The sealer of the store whose transaction ``conn`` belongs to (plain if none)."""
    sealer = conn.get_execution_options().get(SEALER_OPTION)
    return sealer if isinstance(sealer, Sealer) else PLAIN

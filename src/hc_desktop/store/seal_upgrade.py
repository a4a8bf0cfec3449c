"""Opening a local file with a key: check that the key is the file's, seal old plaintext.

Runs in the open transaction right after the schema upgrade. A file whose key check does not
open under this key was written with another key: the caller erases it and syncs again.
Plaintext left by an older version (or by a store opened without the key) is encrypted in
place, so pending outbox entries survive the change; afterwards the caller compacts the file
so the old text does not linger in free pages.
"""

from __future__ import annotations

from sqlalchemy import Connection

from hc_desktop.store.crypto import ContentCipher, UndecryptableValue, is_envelope
from hc_desktop.store.sealing import (
    KEY_CHECK_STATE,
    KEY_CHECK_TEXT,
    SEALED_STATE,
    SEALED_TABLES,
    CacheKeyMismatch,
    SealedTable,
    Sealer,
)

_STATE_TABLE = "sync_state"
_STATE_COLUMN = "value"


def _state(conn: Connection, key: str) -> str | None:
    value = conn.exec_driver_sql(
        "SELECT value FROM sync_state WHERE key = ?", (key,)
    ).scalar_one_or_none()
    return None if value is None else str(value)


def _set_state(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def key_check(cipher: ContentCipher) -> str:
    """The sealed value that tells whether a file was written with ``cipher``'s key."""
    sealed = cipher.encrypt(
        KEY_CHECK_TEXT, table=_STATE_TABLE, column=_STATE_COLUMN, row_id=KEY_CHECK_STATE
    )
    assert sealed is not None
    return sealed


def _key_matches(cipher: ContentCipher, check: str) -> bool:
    try:
        opened = cipher.decrypt(
            check, table=_STATE_TABLE, column=_STATE_COLUMN, row_id=KEY_CHECK_STATE
        )
    except UndecryptableValue:
        return False
    return opened == KEY_CHECK_TEXT


def _seal_table(conn: Connection, cipher: ContentCipher, table: SealedTable) -> int:
    columns = ", ".join(table.columns)
    rows = conn.exec_driver_sql(
        f"SELECT rowid, {table.row_id_sql}, {columns} FROM {table.name}"
    ).all()
    updates: list[tuple[object, ...]] = []
    for rowid, row_id, *values in rows:
        if all(value is None or is_envelope(value) for value in values):
            continue
        sealed = [
            cipher.upgrade(value, table=table.name, column=column, row_id=row_id)
            for column, value in zip(table.columns, values, strict=True)
        ]
        updates.append((*sealed, rowid))
    if updates:
        assignments = ", ".join(f"{column} = ?" for column in table.columns)
        conn.exec_driver_sql(
            f"UPDATE {table.name} SET {assignments} WHERE rowid = ?",
            updates,
        )
    return len(updates)


def prepare(conn: Connection, sealer: Sealer) -> int:
    """Check the key and seal any plaintext; returns how many rows were sealed now.

    Without a key nothing is checked, but the "all sealed" flag goes: this store may write
    plaintext, which the next keyed open must look for.
    """
    cipher = sealer.cipher
    if cipher is None:
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (SEALED_STATE,))
        return 0
    check = _state(conn, KEY_CHECK_STATE)
    if check is not None and not _key_matches(cipher, check):
        raise CacheKeyMismatch()
    if check is not None and _state(conn, SEALED_STATE) is not None:
        return 0
    sealed = sum(_seal_table(conn, cipher, table) for table in SEALED_TABLES)
    if check is None:
        _set_state(conn, KEY_CHECK_STATE, key_check(cipher))
    _set_state(conn, SEALED_STATE, "1")
    return sealed

"""Field encryption for the local cache: AES-256-GCM with a per-user key.

SQLCipher has no wheels for every platform, so the SQLite file stays a plain database and
its content columns (thread titles, previews, cached message text) hold envelopes instead
of text. Each value gets a fresh 96-bit nonce, and the associated data binds it to its
table, column and row id, so a value copied into another row or column fails to decrypt.

Envelope (a TEXT value): ``hcenc1:`` + base64url(nonce || ciphertext || tag). The prefix
tells encrypted values from plaintext left by an older version, which a schema upgrade
re-encrypts in place. Losing the key loses only the cache; the server still has every row.
"""

from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
PREFIX = "hcenc1:"


class UndecryptableValue(ValueError):
    """A value was not made with this key for this place (wrong key, moved, or damaged)."""


def generate_key() -> bytes:
    """A new random 256-bit key."""
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def is_envelope(value: str | None) -> bool:
    """True for a value written by :class:`ContentCipher` (as opposed to old plaintext)."""
    return value is not None and value.startswith(PREFIX)


def _associated(table: str, column: str, row_id: str) -> bytes:
    return "\x1f".join((PREFIX, table, column, row_id)).encode()


class ContentCipher:
    """Encrypts and decrypts content columns of one user's cache."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the cache key must be 32 bytes")
        self._aead = AESGCM(key)

    def __repr__(self) -> str:
        return "ContentCipher(key=<hidden>)"

    def encrypt(self, value: str | None, *, table: str, column: str, row_id: object) -> str | None:
        """The envelope for ``value``; None stays None (absence is not secret)."""
        if value is None:
            return None
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, value.encode(), _associated(table, column, str(row_id)))
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, value: str | None, *, table: str, column: str, row_id: object) -> str | None:
        """The text inside an envelope; raises :class:`UndecryptableValue` when it cannot."""
        if value is None:
            return None
        if not is_envelope(value):
            raise UndecryptableValue("the value is not encrypted")
        try:
            raw = base64.urlsafe_b64decode(value[len(PREFIX) :].encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raise UndecryptableValue("the envelope is damaged") from None
        if len(raw) < NONCE_BYTES + 16:
            raise UndecryptableValue("the envelope is too short")
        try:
            plain = self._aead.decrypt(
                raw[:NONCE_BYTES], raw[NONCE_BYTES:], _associated(table, column, str(row_id))
            )
        except InvalidTag:
            raise UndecryptableValue("wrong key, wrong row or damaged value") from None
        return plain.decode()

    def upgrade(self, value: str | None, *, table: str, column: str, row_id: object) -> str | None:
        """Encrypt old plaintext; leave envelopes as they are (for the schema upgrade step)."""
        if value is None or is_envelope(value):
            return value
        return self.encrypt(value, table=table, column=column, row_id=row_id)

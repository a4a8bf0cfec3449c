"""Field encryption of the local cache and its key in the keyring."""

from __future__ import annotations

import asyncio
import base64

from hypothesis import given
from hypothesis import strategies as st
import pytest

from hc_desktop.auth.cache_key import cache_key, entry_name, forget_cache_key
from hc_desktop.store.crypto import ContentCipher, UndecryptableValue, generate_key, is_envelope
from tests.auth.keyrings import FailingKeyring, MemoryKeyring

CIPHER = ContentCipher(generate_key())
PLACE = {"table": "threads", "column": "title", "row_id": "r1"}


@given(st.text())
def test_any_text_round_trips_and_never_appears_in_the_envelope(text: str) -> None:
    sealed = CIPHER.encrypt(text, **PLACE)
    assert sealed is not None and is_envelope(sealed)
    assert CIPHER.decrypt(sealed, **PLACE) == text
    if len(text) >= 4:
        assert text not in sealed


def test_the_same_text_encrypts_differently_each_time() -> None:
    assert CIPHER.encrypt("Knee pain", **PLACE) != CIPHER.encrypt("Knee pain", **PLACE)
    assert CIPHER.encrypt(None, **PLACE) is None


@pytest.mark.parametrize(
    "elsewhere",
    [
        {"table": "threads", "column": "title", "row_id": "r2"},
        {"table": "threads", "column": "last_message_preview", "row_id": "r1"},
        {"table": "cached_messages", "column": "title", "row_id": "r1"},
    ],
)
def test_a_value_moved_to_another_row_or_column_does_not_decrypt(elsewhere: dict) -> None:
    sealed = CIPHER.encrypt("Knee pain", **PLACE)
    with pytest.raises(UndecryptableValue):
        CIPHER.decrypt(sealed, **elsewhere)


def test_wrong_key_damaged_values_and_plaintext_are_refused() -> None:
    sealed = CIPHER.encrypt("Knee pain", **PLACE)
    assert sealed is not None
    with pytest.raises(UndecryptableValue):
        ContentCipher(generate_key()).decrypt(sealed, **PLACE)
    flipped = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
    for bad in (flipped, "hcenc1:%%%", "hcenc1:", "plain title"):
        with pytest.raises(UndecryptableValue):
            CIPHER.decrypt(bad, **PLACE)
    assert "key" not in repr(CIPHER).replace("key=<hidden>", "")


def test_upgrade_encrypts_plaintext_once() -> None:
    once = CIPHER.upgrade("old title", **PLACE)
    assert is_envelope(once)
    assert CIPHER.upgrade(once, **PLACE) == once
    assert CIPHER.decrypt(once, **PLACE) == "old title"


def test_the_key_is_created_once_and_kept_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    first = asyncio.run(cache_key("user-1"))
    second = asyncio.run(cache_key("user-1"))
    other = asyncio.run(cache_key("user-2"))
    assert first is not None and len(first) == 32
    assert first == second and other != first
    stored = memory_keyring.entries[("hc-desktop", entry_name("user-1"))]
    assert base64.b64decode(stored) == first

    asyncio.run(forget_cache_key("user-1"))
    assert ("hc-desktop", entry_name("user-1")) not in memory_keyring.entries
    assert asyncio.run(cache_key("user-1")) not in (None, first)


def test_a_damaged_entry_is_replaced(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.entries[("hc-desktop", entry_name("u"))] = "not base64 !!"
    key = asyncio.run(cache_key("u"))
    assert key is not None and len(key) == 32


def test_no_keyring_means_no_key(failing_keyring: FailingKeyring) -> None:
    assert asyncio.run(cache_key("user-1")) is None
    asyncio.run(forget_cache_key("user-1"))
    assert failing_keyring.calls >= 1

from __future__ import annotations

import pytest

from hc_desktop.core.rules import (
    MESSAGE_MAX_CHARS,
    MessageRejected,
    check_message,
    default_title,
    message_is_sendable,
    message_preview,
)


def test_title_is_first_50_code_points_with_whitespace_collapsed() -> None:
    text = "  How   much\n\nwater\tshould I drink " + "x" * 80
    title = default_title(text)
    assert title.startswith("How much water should I drink x")
    assert len(title) == 50
    assert not title.endswith("…")


def test_title_counts_code_points_not_bytes() -> None:
    text = "दवा " * 30  # Devanagari, several UTF-8 bytes per character
    assert default_title(text) == ("दवा " * 30).strip()[:50]
    assert len(default_title("🙂" * 60)) == 50


def test_short_title_is_kept_whole_and_trimmed() -> None:
    assert default_title("  Hi there  ") == "Hi there"


def test_preview_is_first_100_characters_of_the_latest_message() -> None:
    assert message_preview("a" * 150) == "a" * 100
    assert message_preview("short") == "short"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_messages_are_rejected(text: str) -> None:
    with pytest.raises(MessageRejected) as caught:
        check_message(text)
    assert caught.value.reason == "empty"
    assert not message_is_sendable(text)


def test_length_limit_is_inclusive() -> None:
    assert check_message("x" * MESSAGE_MAX_CHARS)
    with pytest.raises(MessageRejected) as caught:
        check_message("x" * (MESSAGE_MAX_CHARS + 1))
    assert caught.value.reason == "too_long"
    assert caught.value.length == MESSAGE_MAX_CHARS + 1

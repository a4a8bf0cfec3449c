"""The transcript document: what it contains and what it refuses to carry."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hc_desktop.core.transcript import (
    Exchange,
    Transcript,
    TranscriptWords,
    default_filename,
    disarm_markdown,
    escape_plain,
    format_moment,
    render_markdown,
)

WORDS = TranscriptWords(disclaimer="General health information only. Call 999.")
STARTED = datetime(2026, 3, 1, 9, 15, tzinfo=UTC)
UPDATED = datetime(2026, 3, 2, 18, 40, tzinfo=UTC)


def _transcript(*exchanges: Exchange, complete: bool = True) -> Transcript:
    return Transcript("Sleep and *naps*", STARTED, UPDATED, exchanges, complete)


def test_the_document_has_title_dates_speakers_in_order_and_the_disclaimer() -> None:
    first = Exchange("Is a nap good?", "Short naps **can** help.", STARTED)
    second = Exchange("How long?", "About 20 minutes.", UPDATED)
    exported = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    text = render_markdown(_transcript(first, second), WORDS, exported)

    assert text.startswith("# Sleep and \\*naps\\*\n")
    for label, moment in (("Started", STARTED), ("Last updated", UPDATED), ("Exported", exported)):
        assert f"- {label}: {format_moment(moment)}" in text
    order = [
        text.index("Is a nap good?"),
        text.index("Short naps **can** help."),
        text.index("How long?"),
        text.index("About 20 minutes."),
    ]
    assert order == sorted(order)
    assert text.count("**You**") == 2
    assert text.count("**Health Companion**") == 2
    assert f"**You** · {format_moment(UPDATED)}" in text
    assert text.count(WORDS.disclaimer) == 2  # at the top and at the end
    assert WORDS.incomplete not in text


def test_an_offline_copy_says_it_may_be_incomplete() -> None:
    text = render_markdown(_transcript(complete=False), WORDS, UPDATED)
    assert WORDS.incomplete.rstrip(".") in text.replace("\\", "")


def test_an_untitled_conversation_gets_the_neutral_heading() -> None:
    transcript = Transcript(None, STARTED, UPDATED, ())
    assert render_markdown(transcript, WORDS, UPDATED).startswith("# Conversation\n")


def test_format_moment_is_iso_in_local_time_with_the_offset() -> None:
    shown = format_moment(STARTED)
    assert datetime.fromisoformat(shown) == STARTED


def test_user_text_is_escaped_to_read_back_literally() -> None:
    escaped = escape_plain("# not a heading\n1. not a list\n<b>bold?</b> & *stars*")
    assert escaped.splitlines() == [
        "\\# not a heading\\",
        "1\\. not a list\\",
        "\\<b\\>bold?\\</b\\> \\& \\*stars\\*",
    ]


def test_assistant_markdown_is_kept_but_html_images_and_odd_links_are_disarmed() -> None:
    answer = (
        "**Drink** water. <img src=x onerror=alert(1)> ![pixel](https://tracker.example/p.png)\n"
        "[NHS](https://www.nhs.uk) [run](javascript:alert(1)) [file](file:///etc/passwd)\n"
        "Inline `a <b> c` stays.\n"
        "```\n<script>kept as code</script>\n```"
    )
    disarmed = disarm_markdown(answer)
    assert disarmed.splitlines() == [
        "**Drink** water. \\<img src=x onerror=alert(1)> \\![pixel](https://tracker.example/p.png)",
        "[NHS](https://www.nhs.uk) run file",
        "Inline `a <b> c` stays.",
        "```",
        "<script>kept as code</script>",
        "```",
    ]


def test_repr_never_shows_health_content() -> None:
    exchange = Exchange("my private question", "a private answer", STARTED)
    transcript = _transcript(exchange)
    assert "private" not in repr(transcript)
    assert "private" not in repr(exchange)
    assert "naps" not in repr(transcript)


def test_the_suggested_file_name_carries_the_date_only() -> None:
    assert default_filename(date(2026, 12, 4), "md") == "conversation-2026-12-04.md"
    assert default_filename(date(2026, 12, 4), ".pdf") == "conversation-2026-12-04.pdf"

"""A conversation as a document the user keeps: Markdown with title, dates, speakers, disclaimer.

The same Markdown feeds the PDF and the printout, so every copy says the same thing. The
user's questions are plain text and are escaped so they read back exactly as typed; the
assistant's answers keep their Markdown but are disarmed for any viewer the file is opened
in later: raw HTML is shown as text, images become links (nothing is fetched on opening)
and only http, https and mailto links stay clickable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
import re

_ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.*?[^`])?\1(?!`)", re.DOTALL)
_INLINE_LINK = re.compile(
    r"\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?([A-Za-z][A-Za-z0-9+.-]*):(?:[^()]|\([^()]*\))*\)"
)
_PLAIN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START_MARK = re.compile(r"^([#+=-])")
_LINE_START_NUMBER = re.compile(r"^(\d+)([.)])")


@dataclass(frozen=True, slots=True)
class Exchange:
    """One question and the answer it received (Dify stores them as one message)."""

    question: str
    answer: str
    asked_at: datetime | None

    def __repr__(self) -> str:
        return f"Exchange(<{len(self.question)}+{len(self.answer)} chars>)"


@dataclass(frozen=True, slots=True)
class Transcript:
    """A whole conversation, oldest exchange first; ``repr`` shows no health content."""

    title: str | None
    created_at: datetime
    updated_at: datetime
    exchanges: tuple[Exchange, ...]
    complete: bool = True
    """False when only the offline copy could be read (older parts may be missing)."""

    def __repr__(self) -> str:
        return f"Transcript(<{len(self.exchanges)} exchanges>, complete={self.complete})"


@dataclass(frozen=True, slots=True)
class TranscriptWords:
    """The words around the conversation; the caller passes them translated."""

    disclaimer: str
    user: str = "You"
    assistant: str = "Health Companion"
    untitled: str = "Conversation"
    started: str = "Started"
    updated: str = "Last updated"
    exported: str = "Exported"
    incomplete: str = "Only the copy saved on this computer could be read; parts may be missing."


def format_moment(moment: datetime) -> str:
    """ISO 8601 date and time to the minute in the computer's time zone, with its offset."""
    return moment.astimezone().isoformat(sep=" ", timespec="minutes")


def default_filename(day: date, extension: str) -> str:
    """A neutral file name: the date only, since a title may itself be health information."""
    return f"conversation-{day.isoformat()}.{extension.lstrip('.')}"


def escape_plain(text: str) -> str:
    """Markdown that shows ``text`` literally, line breaks included."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = [_escape_line(line.strip()) for line in lines]
    out: list[str] = []
    for index, line in enumerate(escaped):
        following = escaped[index + 1] if index + 1 < len(escaped) else ""
        out.append(line + "\\" if line and following else line)
    return "\n".join(out).strip("\n")


def _escape_line(line: str) -> str:
    line = _PLAIN_SPECIAL.sub(r"\\\1", line)
    line = _LINE_START_MARK.sub(r"\\\1", line)
    return _LINE_START_NUMBER.sub(r"\1\\\2", line)


def disarm_markdown(text: str) -> str:
    """The assistant's Markdown with raw HTML, images and unsafe link schemes neutralised.

    Fenced code blocks and inline code spans are left alone: they are shown as typed anyway.
    """
    out: list[str] = []
    fence: str | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        marker = _FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            out.append(line)
        elif marker:
            fence = marker.group(1)
            out.append(line)
        else:
            out.append(_disarm_line(line))
    return "\n".join(out)


def _disarm_line(line: str) -> str:
    parts: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_disarm_prose(line[position : span.start()]))
        parts.append(span.group(0))
        position = span.end()
    parts.append(_disarm_prose(line[position:]))
    return "".join(parts)


def _disarm_prose(prose: str) -> str:
    prose = _INLINE_LINK.sub(_keep_safe_link, prose)
    return prose.replace("![", "\\![").replace("<", "\\<")


def _keep_safe_link(match: re.Match[str]) -> str:
    if match.group(2).lower() in _ALLOWED_LINK_SCHEMES:
        return match.group(0)
    return match.group(1)


def render_markdown(transcript: Transcript, words: TranscriptWords, exported_at: datetime) -> str:
    """The document: heading, dates, disclaimer, then every exchange in order."""
    title = transcript.title.strip() if transcript.title else ""
    lines = [
        "# " + escape_plain(" ".join(title.split()) or words.untitled),
        "",
        f"- {escape_plain(words.started)}: {format_moment(transcript.created_at)}",
        f"- {escape_plain(words.updated)}: {format_moment(transcript.updated_at)}",
        f"- {escape_plain(words.exported)}: {format_moment(exported_at)}",
        "",
        "> " + escape_plain(words.disclaimer).replace("\n", "\n> "),
        "",
    ]
    if not transcript.complete:
        lines += ["_" + escape_plain(words.incomplete) + "_", ""]
    for exchange in transcript.exchanges:
        when = "" if exchange.asked_at is None else " · " + format_moment(exchange.asked_at)
        lines += [
            "---",
            "",
            f"**{escape_plain(words.user)}**{when}",
            "",
            escape_plain(exchange.question),
            "",
            f"**{escape_plain(words.assistant)}**",
            "",
            disarm_markdown(exchange.answer).strip("\n"),
            "",
        ]
    lines += ["---", "", "_" + escape_plain(words.disclaimer) + "_", ""]
    return "\n".join(lines)

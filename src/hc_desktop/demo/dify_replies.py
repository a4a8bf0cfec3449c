"""What the demo assistant says: deterministic, friendly, general wellness text.

The replies exist to exercise the desktop app (streaming, markdown, history), so they are
predictable functions of the question and always say they are not medical advice.
"""

from __future__ import annotations

import re
from typing import Any

OPENING_STATEMENT = (
    "Hello! I can share general health information and everyday wellness tips. "
    "I am a demo assistant, so please talk to a health professional about anything "
    "personal or urgent."
)
STARTER_QUESTIONS = (
    "How much water should I drink each day?",
    "What are some tips for better sleep?",
    "How can I start a gentle exercise routine?",
)

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CHUNK = re.compile(r"\S+\s*|\s+")
_STOP_WORDS = frozenset(
    re.findall(
        r"\S+",
        """
        a about am an and any are as at be can could do does for from get have how i i'm if in
        is it its me my of on or should so some tell than that the there this to was what when
        where which who why will with would you your please help know need want much many each
        day every tips start
        """,
    )
)
_NAME_PREFIX_CHARS = 20


def topic_of(query: str) -> str:
    """A short topic phrase: the first few meaningful words of the question."""
    words = [w for w in _WORD.findall(query) if w.lower() not in _STOP_WORDS]
    if not words:
        return "your question"
    return " ".join(words[:3]).lower()


def compose_reply(query: str) -> str:
    """The full scripted answer to ``query`` (a few hundred characters of markdown)."""
    topic = topic_of(query)
    return (
        f"Thanks for asking about **{topic}**. Here are a few general ideas that many "
        "people find helpful:\n\n"
        "- **Keep a steady routine:** regular sleep, meals and movement help your body cope.\n"
        "- **Drink water through the day** and notice how you feel.\n"
        f"- **Keep short notes** about {topic}: what helped, and when things changed.\n\n"
        "I am a demo assistant sharing general wellness information, not medical advice. "
        f"If anything about {topic} worries you, please speak with a doctor, nurse or "
        "pharmacist."
    )


def split_into_chunks(text: str, words_per_chunk: int = 2) -> list[str]:
    """Small streaming pieces (a word or two each) that join back to ``text`` exactly."""
    pieces = _CHUNK.findall(text)
    return [
        "".join(pieces[i : i + words_per_chunk]) for i in range(0, len(pieces), words_per_chunk)
    ]


def suggested_questions(query: str) -> list[str]:
    """Three follow-up questions about the topic of ``query``."""
    topic = topic_of(query)
    return [
        f"What everyday habits can help with {topic}?",
        f"When should I see a professional about {topic}?",
        f"How can I keep track of {topic} at home?",
    ]


def initial_name(query: str) -> str:
    """Dify's provisional conversation name: 20 characters, then an ellipsis if cut."""
    if len(query) > _NAME_PREFIX_CHARS:
        return query[:_NAME_PREFIX_CHARS] + "…"
    return query


def generated_name(first_query: str) -> str:
    """The demo's stand-in for Dify's LLM-generated conversation name."""
    topic = topic_of(first_query)
    return f"About {topic}"[:50]


def app_parameters() -> dict[str, Any]:
    """The ``GET /parameters`` body of the demo app."""
    return {
        "opening_statement": OPENING_STATEMENT,
        "suggested_questions": list(STARTER_QUESTIONS),
        "suggested_questions_after_answer": {"enabled": True},
        "speech_to_text": {"enabled": False},
        "text_to_speech": {"enabled": False, "voice": "", "language": "", "autoPlay": "disabled"},
        "retriever_resource": {"enabled": False},
        "annotation_reply": {"enabled": False},
        "more_like_this": {"enabled": False},
        "user_input_form": [],
        "sensitive_word_avoidance": {"enabled": False},
        "file_upload": {
            "enabled": False,
            "image": {"enabled": False, "number_limits": 3, "transfer_methods": []},
        },
        "system_parameters": {
            "image_file_size_limit": 10,
            "video_file_size_limit": 100,
            "audio_file_size_limit": 50,
            "file_size_limit": 15,
            "workflow_file_upload_limit": 10,
        },
    }

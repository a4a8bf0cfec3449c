"""The demo Supabase Auth and Dify servers in a process of their own.

Streaming benchmarks measure the client's CPU share, so the server's work must not be
counted in the client's process. Prints one JSON line (urls, keys, account, seeded
conversation ids) and serves until its stdin closes.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid

from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import ChatScript, DemoDifyServer

EMAIL = "bench@example.org"
PASSWORD = "bench-password"  # loopback-only benchmark account
USER_ID = uuid.UUID("2b1f0e55-6c1d-4d8e-9f33-5a7c1e0b4d21")
ANON_KEY = "bench-anon-key"
DIFY_KEY = "app-bench-key"


def long_answer(words: int) -> str:
    """Markdown of about ``words`` words, in paragraphs and bullets like a real answer."""
    parts: list[str] = []
    for n in range(max(1, words // 12)):
        if n % 5 == 4:
            parts.append(f"\n\n- **Point {n}:** keep a steady routine and note changes.\n")
        else:
            parts.append(f"Sentence {n} explains one more general idea about staying well. ")
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunk-delay", type=float, default=0.0)
    parser.add_argument("--answer-words", type=int, default=0, help="0: the demo's own replies")
    parser.add_argument("--scripted-chats", type=int, default=50)
    parser.add_argument("--seed-exchanges", type=int, action="append", default=[])
    args = parser.parse_args()

    auth = DemoAuthServer(ANON_KEY).start()
    auth.add_user(EMAIL, PASSWORD, user_id=str(USER_ID))
    dify = DemoDifyServer(DIFY_KEY, chunk_delay=args.chunk_delay).start()
    try:
        if args.answer_words:
            text = long_answer(args.answer_words)
            dify.script_next(*[ChatScript(answer=text) for _ in range(args.scripted_chats)])
        conversations = []
        for count in args.seed_exchanges:
            exchanges = [
                (f"Question {n}: how can I keep well?", long_answer(60)) for n in range(count)
            ]
            conversations.append(dify.seed_conversation(str(USER_ID), f"Seeded {count}", exchanges))
        print(
            json.dumps(
                {
                    "auth_url": auth.url,
                    "anon_key": ANON_KEY,
                    "dify_url": dify.base_url,
                    "dify_key": DIFY_KEY,
                    "email": EMAIL,
                    "password": PASSWORD,
                    "user_id": str(USER_ID),
                    "conversations": conversations,
                }
            ),
            flush=True,
        )
        sys.stdin.read()
    finally:
        dify.stop()
        auth.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

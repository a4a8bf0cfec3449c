"""``--demo``: loopback Supabase Auth and Dify speakers, a demo account and seeded threads."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from types import TracebackType
import uuid

from hc_desktop.app.graph import Endpoints
from hc_desktop.core.rules import default_title, message_preview
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.paths import Profile
from hc_desktop.store.local import LocalThreadStore

DEMO_EMAIL = "demo@example.org"
DEMO_PASSWORD = "demo-password"  # a loopback-only demo account, not a secret
DEMO_USER_ID = uuid.UUID("6f1c2a5e-0d8b-4e4f-9a51-3c2d7b9e8a10")
_ANON_KEY = "demo-anon-key"
_DIFY_KEY = "app-demo-key"

_SAMPLE_QUESTIONS = (
    "How much water should I drink each day?",
    "What are good stretches for lower back pain?",
    "How can I sleep better when I work night shifts?",
    "What should I know before starting a new exercise routine?",
    "How do I read a nutrition label?",
    "What are common signs of dehydration?",
    "How can I lower my stress at work?",
    "What is a healthy resting heart rate?",
    "How often should I get my blood pressure checked?",
    "What foods are high in iron?",
)


@dataclass(frozen=True, slots=True)
class DemoAccount:
    email: str
    password: str
    user_id: uuid.UUID


class DemoBackends:
    """Both demo servers on free loopback ports, for the lifetime of a ``with`` block."""

    account = DemoAccount(DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID)

    def __init__(self, profile: Profile, *, chunk_delay: float = 0.02) -> None:
        self.auth = DemoAuthServer(_ANON_KEY)
        self.dify = DemoDifyServer(
            _DIFY_KEY, chunk_delay=chunk_delay, state_path=profile.root / "demo-dify.sqlite3"
        )

    def __enter__(self) -> DemoBackends:
        self.auth.start()
        self.auth.add_user(DEMO_EMAIL, DEMO_PASSWORD, user_id=str(DEMO_USER_ID))
        try:
            self.dify.start()
        except BaseException:
            self.auth.stop()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.dify.stop()
        self.auth.stop()

    def endpoints(self) -> Endpoints:
        return Endpoints(
            supabase_url=self.auth.url,
            supabase_anon_key=_ANON_KEY,
            dify_base_url=self.dify.base_url,
            dify_api_key=_DIFY_KEY,
            persist_session=False,
        )

    async def seed_threads(self, profile: Profile, count: int) -> bool:
        """Make the demo profile hold exactly ``count`` threads; False when it already did."""
        user = DEMO_USER_ID
        path = profile.thread_store_file(user)
        store = await asyncio.to_thread(LocalThreadStore.open, path, user)
        try:
            existing = [
                *await store.list_threads(archived=False),
                *await store.list_threads(archived=True),
            ]
            if len(existing) == count:
                return False
            for thread in existing:
                await store.delete(thread.id)
            questions = [_SAMPLE_QUESTIONS[n % len(_SAMPLE_QUESTIONS)] for n in range(count)]
            conversations = await asyncio.to_thread(
                self.dify.seed_conversations,
                str(user),
                [(q[:20], [(q, self.dify.scripted_answer(q))]) for q in questions],
            )
            for question, conversation_id in zip(questions, conversations, strict=True):
                answer = self.dify.scripted_answer(question)
                await store.create_if_absent(
                    conversation_id, title=default_title(question), preview=message_preview(answer)
                )
            return True
        finally:
            await store.close()

"""``--demo``: loopback Supabase Auth and Dify speakers, a demo account and seeded threads."""

from __future__ import annotations

from dataclasses import dataclass
import threading
from types import TracebackType
from typing import TYPE_CHECKING
import uuid

from hc_desktop.app.demo_identity import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID
from hc_desktop.app.graph import Endpoints
from hc_desktop.core.rules import default_title, message_preview
from hc_desktop.demo.ports import reserve_listening_socket
from hc_desktop.paths import Profile
from hc_desktop.store.first_page import count_threads

if TYPE_CHECKING:
    from hc_desktop.demo.auth_server import DemoAuthServer
    from hc_desktop.demo.dify_server import DemoDifyServer

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
    """Both demo servers on free loopback ports, for the lifetime of a ``with`` block.

    The ports are taken (bound and listening) at once, so the endpoints are known; with
    ``start_later`` the servers themselves start on :meth:`start`, after the window has
    painted. A request sent before then waits in the socket's backlog.
    """

    account = DemoAccount(DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID)

    def __init__(
        self, profile: Profile, *, chunk_delay: float = 0.02, start_later: bool = False
    ) -> None:
        self._state_path = profile.root / "demo-dify.sqlite3"
        self._chunk_delay = chunk_delay
        self._start_later = start_later
        self._auth_socket = reserve_listening_socket()
        try:
            self._dify_socket = reserve_listening_socket()
        except OSError:
            self._auth_socket.close()
            raise
        self._lock = threading.Lock()
        self._auth: DemoAuthServer | None = None
        self._dify: DemoDifyServer | None = None

    def __enter__(self) -> DemoBackends:
        if not self._start_later:
            self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:
            if self._dify is not None:
                self._dify.stop()
            if self._auth is not None:
                self._auth.stop()
            self._auth_socket.close()  # no-ops once a server has adopted them
            self._dify_socket.close()

    def start(self) -> None:
        """Start both servers (once; safe from any thread)."""
        from hc_desktop.demo.auth_server import DemoAuthServer
        from hc_desktop.demo.dify_server import DemoDifyServer

        with self._lock:
            if self._auth is not None:
                return
            auth = DemoAuthServer(_ANON_KEY)
            auth.adopt(self._auth_socket)
            auth.start()
            auth.add_user(DEMO_EMAIL, DEMO_PASSWORD, user_id=str(DEMO_USER_ID))
            dify = DemoDifyServer(
                _DIFY_KEY, chunk_delay=self._chunk_delay, state_path=self._state_path
            )
            dify.adopt(self._dify_socket)
            try:
                dify.start()
            except BaseException:
                auth.stop()
                raise
            self._auth, self._dify = auth, dify

    @property
    def dify(self) -> DemoDifyServer:
        """The Dify server (starting both servers if they have not started yet)."""
        self.start()
        assert self._dify is not None
        return self._dify

    def endpoints(self) -> Endpoints:
        auth_port = self._auth_socket.getsockname()[1]
        dify_port = self._dify_socket.getsockname()[1]
        return Endpoints(
            supabase_url=f"http://127.0.0.1:{auth_port}",
            supabase_anon_key=_ANON_KEY,
            dify_base_url=f"http://127.0.0.1:{dify_port}/v1",
            dify_api_key=_DIFY_KEY,
            persist_session=False,
        )

    async def seed_threads(self, profile: Profile, count: int) -> bool:
        """Make the demo profile hold exactly ``count`` threads; False when it already did."""
        import asyncio

        user = DEMO_USER_ID
        path = profile.thread_store_file(user)
        if await asyncio.to_thread(count_threads, path, user) == count:
            return False  # decided without loading the store (and SQLAlchemy)
        from hc_desktop.app.cache_opening import FileCacheKeys, open_local_cache

        # Sealed with the same key the app will use, as any cache is.
        store = await open_local_cache(profile, user, keys=FileCacheKeys(profile.root))
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

"""End-to-end: a whole chat through the real window leaves no content or secret behind.

The scenario signs in (after a wrong password), asks a question, gets an answer, renames,
archives and deletes the thread, meets a server error that echoes the question, locks and
unlocks, and signs out, with logging at DEBUG as a support engineer would switch it on.
Unique markers sit in every piece of content; then every file the app could have written
(profile with logs and audit trail, the data folder, the temporary folder) and every log
record and every message the controller sent to the screen are searched for them, and for
the password, the email address and both tokens.
"""

from __future__ import annotations

from collections.abc import Iterator
import logging
from pathlib import Path
import sys
import tempfile
import threading
import uuid

from PySide6.QtCore import Qt
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.app.logs import configure_logging
from hc_desktop.auth.session import Session
from hc_desktop.controller.message_model import MessageState
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.demo.dify_turn import ChatScript
from hc_desktop.paths import Profile
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until
from tests.session.harness import PROFILE, SessionApp, session_app

_RUN = uuid.uuid4().hex[:12]
QUESTION_MARKER = f"qmarker{_RUN}"
ANSWER_MARKER = f"amarker{_RUN}"
TITLE_MARKER = f"tmarker{_RUN}"
WRONG_PASSWORD = f"pwmarker{_RUN}"

_NOISY_LOGGERS = ("httpx", "httpcore", "sqlalchemy", "keyring", "asyncio", "qasync")


class _Collector(logging.Handler):
    """Keeps the formatted text of every record (tracebacks included)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(self.format(record))


@pytest.fixture
def debug_logging(tmp_path: Path) -> Iterator[_Collector]:
    """The app's own logging setup at DEBUG in the test profile, undone afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    saved_noisy = {name: logging.getLogger(name).level for name in _NOISY_LOGGERS}
    saved_hooks = (sys.excepthook, threading.excepthook)
    for handler in saved_handlers:
        root.removeHandler(handler)  # configure_logging closes what it finds
    profile = Profile.named(PROFILE, tmp_path / "data")
    configure_logging(profile.log_dir, "DEBUG")
    collector = _Collector()
    root.addHandler(collector)
    try:
        yield collector
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
            handler.close()
        for handler in saved_handlers:
            root.addHandler(handler)
        root.setLevel(saved_level)
        for name, level in saved_noisy.items():
            logging.getLogger(name).setLevel(level)
        sys.excepthook, threading.excepthook = saved_hooks


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point TMPDIR (and Python's cached choice) at a folder the scan can read whole."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def _surfaced_texts(app: SessionApp) -> list[str]:
    """Every message the controller sends to the screen about problems and state."""
    texts: list[str] = []
    controller = app.graph.controller
    session = controller.session
    for signal in (
        controller.notice,
        controller.crashed,
        controller.tasks.failed,
        controller.tasks.crashed,
        controller.threads.notice,
        controller.chat.notice,
        session.sign_in_failed,
        session.sign_in_required,
        session.sign_in_notice,
        session.session_ended,
        session.status_changed,
        session.unlock_failed,
        session.not_remembered,
    ):
        signal.connect(texts.append)
    return texts


def _files_under(*roots: Path) -> list[Path]:
    return sorted({p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()})


def _findings(files: list[Path], needles: dict[str, str], allowed: frozenset[str]) -> list[str]:
    found = []
    for path in files:
        if path.name in allowed:
            continue
        data = path.read_bytes()
        for name, needle in needles.items():
            if needle.encode() in data or needle.encode("utf-16-le") in data:
                found.append(f"{name} in {path}")
    return found


def _texts_with(texts: list[str], needles: dict[str, str]) -> list[str]:
    return [f"{name}: {text[:200]!r}" for text in texts for name, n in needles.items() if n in text]


def test_a_whole_chat_leaves_no_content_or_secret_on_disk_or_in_logs(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    temp_dir: Path,
    debug_logging: _Collector,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> None:
    data_dir = tmp_path / "data"
    sessions_seen: list[Session] = []
    question = f"What helps with {QUESTION_MARKER} headaches at night?"
    answer = f"Rest in a dark room; {ANSWER_MARKER} is a common trigger to avoid."

    with session_app(qtbot, aloop, auth_server, dify_server, data_dir) as app:
        surfaced = _surfaced_texts(app)
        controller = app.graph.controller
        threads = controller.threads
        composer = app.window.composer.editor

        def remember_session() -> None:
            current = app.session.current
            if current is not None and current not in sessions_seen:
                sessions_seen.append(current)

        async def ask(text: str) -> None:
            app.window.composer.set_text("")  # a failed send gives its text back
            composer.setFocus()
            app.qtbot.keyClicks(composer, text)
            app.qtbot.keyClick(composer, Qt.Key.Key_Return)
            await wait_until(lambda: not controller.chat.streaming, "the answer", timeout=15)
            await wait_until(
                lambda: (
                    controller.chat.messages.messages[-1].state
                    not in (MessageState.SENDING, MessageState.STREAMING)
                ),
                "the turn to settle",
            )

        async def chat_and_manage() -> None:
            controller.start(None)
            await app.type_sign_in(auth_account.email, WRONG_PASSWORD)
            await wait_until(app.window.session_ui.sign_in_dialog.error.isVisible, "refusal")
            await app.type_sign_in(auth_account.email, auth_account.password)
            await wait_until(lambda: controller.user_id is not None, "sign-in")
            remember_session()

            dify_server.script_next(ChatScript(answer=answer))
            await ask(question)
            await wait_until(lambda: threads.model.rowCount() == 1, "the new thread")
            thread = threads.model.thread_at(0)
            assert thread is not None
            # Dify's generated name replaces the default title once; let it land first.
            await wait_until(
                lambda: ((threads.thread_by_id(thread.id) or thread).title or "").startswith(
                    "About"
                ),
                "the generated name",
            )

            threads.rename(str(thread.id), f"Notes {TITLE_MARKER}")
            await wait_until(
                lambda: TITLE_MARKER in ((threads.thread_by_id(thread.id) or thread).title or ""),
                "the rename",
            )
            # A server error that echoes the question back must not reach logs or the screen.
            dify_server.script_next(
                ChatScript(http_error=(400, "invalid_param", f"bad query: {question}"))
            )
            await ask(f"And {QUESTION_MARKER} in the morning?")
            dify_server.script_next(
                ChatScript(
                    answer=answer,
                    error_after=1,
                    error_message=f"model failed on {QUESTION_MARKER}",
                )
            )
            await ask(f"Once more about {QUESTION_MARKER}?")

            threads.set_archived(str(thread.id), True)
            await wait_until(
                lambda: (threads.thread_by_id(thread.id) or thread).archived, "the archive"
            )
            remember_session()

        app.run(chat_and_manage())
        assert app.idle_for(15)

        async def unlock_and_delete() -> None:
            await app.type_unlock(WRONG_PASSWORD)
            screen = app.window.session_ui.lock_screen
            await wait_until(screen.error.isVisible, "the unlock refusal")
            await app.type_unlock(auth_account.password)
            await wait_until(lambda: not screen.isVisible(), "the unlock")
            thread = threads.model.thread_at(0)
            assert thread is not None
            threads.delete(str(thread.id))
            await wait_until(lambda: threads.model.rowCount() == 0, "the delete")
            await wait_until(lambda: not controller.tasks.running(f"delete:{thread.id}"), "gone")
            remember_session()

        app.run(unlock_and_delete())
        assert controller.audit.flush()

        assert sessions_seen, "the tokens to look for are known"
        asked = [r.json.get("query", "") for r in dify_server.requests if isinstance(r.json, dict)]
        assert any(QUESTION_MARKER in str(query) for query in asked), "the content was real"
        secrets = {
            "password": auth_account.password,
            "wrong password": WRONG_PASSWORD,
            "email": auth_account.email,  # the audit trail names users by id only
        }
        for number, seen in enumerate(sessions_seen):
            secrets[f"access token {number}"] = seen.access_token
            secrets[f"refresh token {number}"] = seen.refresh_token
        content = {
            "question marker": QUESTION_MARKER,
            "answer marker": ANSWER_MARKER,
            "title marker": TITLE_MARKER,
        }
        every = {**content, **secrets}

        # While signed in: no exception either; the cache file holds only envelopes.
        while_signed_in = _files_under(data_dir, temp_dir)
        assert any(p.name == "threads.sqlite3" for p in while_signed_in), "the scan sees the cache"
        assert _findings(while_signed_in, every, frozenset()) == []

        async def sign_out() -> None:
            controller.sign_out()
            await wait_until(app.window.session_ui.sign_in_dialog.isVisible, "the sign-in form")
            await wait_until(lambda: not controller.tasks.running("session"), "the sign-out")

        app.run(sign_out())

    # After sign-out and quit: nothing at all, no exception.
    profile = Profile.named(PROFILE, data_dir)
    after = _files_under(data_dir, temp_dir)
    assert profile.audit_file in after and any(p.parent == profile.log_dir for p in after)
    assert _findings(after, every, frozenset()) == []

    # What was said, not just what was written: every record and every on-screen message.
    assert len(debug_logging.texts) > 20, "DEBUG logging was on"
    assert any("DEBUG" in text for text in debug_logging.texts)
    assert _texts_with(debug_logging.texts, every) == []
    assert surfaced, "the scenario produced on-screen messages"
    assert _texts_with(surfaced, every) == []

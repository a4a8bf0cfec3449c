"""The controller: application state as Qt signals and models, async work behind them.

Widgets call the intent methods (``sign_in``, ``send``, ``select_thread`` …) and listen to
signals; they never await anything themselves. Every coroutine runs through the
:class:`TaskRunner`, so a failure always reaches the banner or the error dialog.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
import itertools
import logging
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.auth import (
    AuthError,
    RefreshFailed,
    Session,
    SessionEnded,
    SessionEvent,
    SessionManager,
    SessionStarted,
)
from hc_desktop.controller.chat_turn import ChatTurn
from hc_desktop.controller.message_model import (
    ChatMessage,
    MessageListModel,
    MessageState,
    Role,
)
from hc_desktop.controller.tasks import TaskRunner, user_message_of
from hc_desktop.controller.thread_list_model import ThreadListModel
from hc_desktop.core.errors import UserFacingError
from hc_desktop.core.rules import MessageRejected, check_message, default_title, message_preview
from hc_desktop.core.threads import Thread
from hc_desktop.dify import (
    AnswerDelta,
    AnswerEnd,
    AnswerReplaced,
    DifyClient,
    DifyError,
    HistoryMessage,
)
from hc_desktop.store.repository import ThreadRepository

_log = logging.getLogger("hc_desktop.controller")

StoreOpener = Callable[[uuid.UUID], Awaitable[ThreadRepository]]
"""Opens the thread repository of a user (local cache or shared database)."""

HISTORY_PAGE = 20
_STREAM_FLUSH_SECONDS = 1 / 30
_new_chat_keys = itertools.count(1)


class AppController(QObject):
    """State of the signed-in user's threads and the open conversation."""

    session_changed = Signal(bool, str)
    """(signed in, email) — email is shown in the account menu only."""
    sign_in_required = Signal(str)
    """Show the sign-in dialog, with an explanation (may be empty)."""
    sign_in_busy = Signal(bool)
    sign_in_failed = Signal(str)
    notice = Signal(str)
    """A plain-language problem for the banner."""
    notice_cleared = Signal()
    crashed = Signal(str)
    status_changed = Signal(str)
    threads_ready = Signal(int)
    """The thread list has been filled from the store (row count)."""
    current_thread_changed = Signal(str, str)
    """(thread id or "", title) of the conversation on screen."""
    streaming_changed = Signal(bool)
    composer_restore = Signal(str)
    """Text that could not be sent, handed back to the composer."""
    retry_available = Signal(bool)
    history_loading = Signal(bool)

    def __init__(
        self,
        *,
        sessions: SessionManager,
        dify: DifyClient,
        open_store: StoreOpener,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._dify = dify
        self._open_store = open_store
        self.tasks = TaskRunner(self)
        self.threads = ThreadListModel(self, untitled=self.tr("New chat"))
        self.messages = MessageListModel(self)
        self._store: ThreadRepository | None = None
        self._user_id: uuid.UUID | None = None
        self._view_key = self._fresh_chat_key()
        self._turns: dict[str, ChatTurn] = {}
        self._retry_turn: ChatTurn | None = None
        self._history_first_id: str | None = None
        self._history_has_more = False
        self._flush_pending: set[str] = set()
        self.tasks.failed.connect(self.notice)
        self.tasks.crashed.connect(self.crashed)
        sessions.add_listener(self._on_session_event)

    # Read-only state -------------------------------------------------------------------
    @property
    def user_id(self) -> uuid.UUID | None:
        return self._user_id

    @property
    def current_thread(self) -> Thread | None:
        """The thread on screen, or None for a new chat."""
        try:
            return self.threads.thread_by_id(uuid.UUID(self._view_key))
        except ValueError:
            return None

    @property
    def streaming(self) -> bool:
        return self._view_key in self._turns

    @property
    def history_has_more(self) -> bool:
        return self._history_has_more

    # Start-up and session ------------------------------------------------------------
    def start(
        self, cached_user: uuid.UUID | None, *, auto_sign_in: tuple[str, str] | None = None
    ) -> None:
        """Show the cached threads at once, then restore the session in the background.

        ``auto_sign_in`` (email, password) is for the demo account only.
        """
        self.tasks.start(self._start(cached_user, auto_sign_in), key="session")

    async def _start(
        self, cached_user: uuid.UUID | None, auto_sign_in: tuple[str, str] | None
    ) -> None:
        if cached_user is not None:
            await self._use_store(cached_user)
        if auto_sign_in is not None:
            await self._sign_in(*auto_sign_in)
            return
        self.status_changed.emit(self.tr("Signing in…"))
        try:
            session = await self._sessions.restore()
        except AuthError as exc:
            session = None
            if not exc.terminal:
                self.status_changed.emit(self.tr("Offline"))
                self.notice.emit(exc.user_message)
                return
        if session is None:
            self.status_changed.emit(self.tr("Signed out"))
            self.sign_in_required.emit("")
            return
        await self._signed_in(session)

    def sign_in(self, email: str, password: str) -> None:
        self.tasks.start(self._sign_in(email.strip(), password), key="session", report=False)

    async def _sign_in(self, email: str, password: str) -> None:
        self.sign_in_busy.emit(True)
        try:
            session = await self._sessions.sign_in(email, password)
        except AuthError as exc:
            self.sign_in_failed.emit(exc.user_message)
            return
        except Exception as exc:
            _log.error("sign-in failed unexpectedly", exc_info=exc)
            self.sign_in_failed.emit(self.tr("Signing in failed unexpectedly."))
            return
        finally:
            self.sign_in_busy.emit(False)
        await self._signed_in(session)

    async def _signed_in(self, session: Session) -> None:
        user_id = uuid.UUID(session.user_id)
        if user_id != self._user_id:
            self._clear_conversation()
            await self._use_store(user_id)
        self.session_changed.emit(True, session.email or "")
        self.status_changed.emit(self.tr("Online"))
        self.tasks.start(self._sessions.run_refresh_loop(), key="refresh")

    async def _use_store(self, user_id: uuid.UUID) -> None:
        """Switch to a user's store and show their threads.

        The user and the store become visible together: nothing can be sent (and then lost)
        for a user whose store is still opening.
        """
        if self._store is not None:
            old, self._store, self._user_id = self._store, None, None
            await old.close()
        store = await self._open_store(user_id)
        threads = await store.list_threads()
        self._store, self._user_id = store, user_id
        self.threads.reset(threads)
        self.threads_ready.emit(len(threads))

    def sign_out(self) -> None:
        self.tasks.start(self._sign_out(), key="session")

    async def _sign_out(self) -> None:
        self.tasks.cancel("refresh")
        await self._sessions.sign_out()
        await self._forget_user()
        self.session_changed.emit(False, "")
        self.status_changed.emit(self.tr("Signed out"))
        self.sign_in_required.emit("")

    async def _forget_user(self) -> None:
        for turn in list(self._turns.values()):
            turn.stop_requested = True
        self.tasks.cancel("stream")
        self._clear_conversation()
        self.threads.reset([])
        if self._store is not None:
            await self._store.close()
        self._store = None
        self._user_id = None

    def _on_session_event(self, event: SessionEvent) -> None:
        """Bridge the session manager's plain events to the window."""
        if isinstance(event, SessionEnded):
            # Revoked or expired elsewhere: ask to sign in again, keep local data.
            self.tasks.cancel("refresh")
            self.session_changed.emit(False, "")
            self.status_changed.emit(self.tr("Signed out"))
            self.sign_in_required.emit(event.user_message)
        elif isinstance(event, RefreshFailed):
            self.status_changed.emit(self.tr("Offline") if event.transient else "")
        elif isinstance(event, SessionStarted) and self._user_id is not None:
            # A restore that waited for the network has come through.
            self.session_changed.emit(True, event.session.email or "")
            self.status_changed.emit(self.tr("Online"))

    # Threads -----------------------------------------------------------------------------
    def new_chat(self) -> None:
        self._show(self._fresh_chat_key(), [])

    def select_thread(self, thread_id: str) -> None:
        if thread_id == self._view_key:
            return
        thread = self.threads.thread_by_id(uuid.UUID(thread_id))
        if thread is None:
            return
        self._show(thread_id, [])
        self.tasks.start(self._load_history(thread), key="history")

    async def _load_history(self, thread: Thread) -> None:
        key = str(thread.id)
        user = self._require_user()
        self.history_loading.emit(True)
        try:
            page = await self._dify.messages(
                thread.conversation_id, user=str(user), limit=HISTORY_PAGE
            )
        finally:
            self.history_loading.emit(False)
        if self._view_key != key:
            return
        live = self._turns.get(key)
        history = self._history_messages(page.items)
        if live is not None:
            # The live turn is already stored by Dify; show our copy, which is current.
            history = [m for m in history if m.message_id != live.answer.message_id]
            history += [live.question, live.answer]
        self.messages.reset(history)
        self._history_first_id = page.items[0].id if page.items else None
        self._history_has_more = page.has_more

    def load_older(self) -> None:
        """Fetch the page of history before what is shown (scrolling up)."""
        thread = self.current_thread
        if thread is None or not self._history_has_more or self.tasks.running("history"):
            return
        self.tasks.start(self._load_older(thread), key="history")

    async def _load_older(self, thread: Thread) -> None:
        key = str(thread.id)
        self.history_loading.emit(True)
        try:
            page = await self._dify.messages(
                thread.conversation_id,
                user=str(self._require_user()),
                first_id=self._history_first_id,
                limit=HISTORY_PAGE,
            )
        finally:
            self.history_loading.emit(False)
        if self._view_key != key:
            return
        self.messages.prepend(self._history_messages(page.items))
        if page.items:
            self._history_first_id = page.items[0].id
        self._history_has_more = page.has_more

    @staticmethod
    def _history_messages(items: list[HistoryMessage]) -> list[ChatMessage]:
        """Each Dify message is one exchange: the question and its answer."""
        messages: list[ChatMessage] = []
        for item in items:
            messages.append(ChatMessage.new(Role.USER, item.query, message_id=item.id))
            messages.append(ChatMessage.new(Role.ASSISTANT, item.answer, message_id=item.id))
        return messages

    # Chat ------------------------------------------------------------------------------------
    def send(self, text: str) -> bool:
        """Send a question; False (with a notice) when it cannot be sent as typed."""
        try:
            check_message(text)
        except MessageRejected as exc:
            self.notice.emit(self._rejection_text(exc))
            return False
        if self._user_id is None:
            self.notice.emit(self.tr("Sign in to send messages."))
            return False
        if self.streaming:
            self.notice.emit(self.tr("Wait for the answer to finish, or stop it first."))
            return False
        thread = self.current_thread
        self._begin_turn(text, thread.conversation_id if thread else None)
        return True

    def retry(self) -> None:
        """Ask the last failed or interrupted question again."""
        turn = self._retry_turn
        if turn is None or self.streaming or turn.view_key != self._view_key:
            return
        self._retry_turn = None
        self.retry_available.emit(False)
        if turn.answer.state in (MessageState.FAILED, MessageState.SENDING):
            self.messages.remove(turn.answer.local_id)
            self.messages.remove(turn.question.local_id)
        thread = self.current_thread
        self._begin_turn(turn.question.text, thread.conversation_id if thread else None)

    def stop(self) -> None:
        """Stop the answer being written; what arrived so far stays, marked stopped."""
        turn = self._turns.get(self._view_key)
        if turn is None:
            return
        turn.stop_requested = True
        self.tasks.cancel(f"stream:{turn.view_key}")

    def _begin_turn(self, text: str, conversation_id: str | None) -> None:
        turn = ChatTurn.begin(self._view_key, text, conversation_id)
        self._turns[turn.view_key] = turn
        self._retry_turn = None
        self.retry_available.emit(False)
        self.notice_cleared.emit()
        self.messages.append(turn.question)
        self.messages.append(turn.answer)
        self.streaming_changed.emit(True)
        self.tasks.start(self._stream(turn), key=f"stream:{turn.view_key}")

    async def _stream(self, turn: ChatTurn) -> None:
        try:
            await self._consume_stream(turn)
        except asyncio.CancelledError:
            self._end_turn(turn)
            if not turn.stop_requested:
                self._set_answer(turn, state=MessageState.INTERRUPTED, text=turn.answer_text)
                raise
            await self._finish_stopped(turn)
            return
        except (DifyError, UserFacingError) as exc:
            self._end_turn(turn)
            await self._finish_failed(turn, exc)
            return
        except BaseException:
            self._end_turn(turn)
            self._set_answer(turn, state=MessageState.INTERRUPTED, text=turn.answer_text)
            raise
        self._end_turn(turn)
        self._set_answer(turn, state=MessageState.COMPLETE, text=turn.answer_text)
        await self._persist_thread(turn, turn.answer_text)

    async def _consume_stream(self, turn: ChatTurn) -> None:
        """Apply the stream's events to the turn as they arrive."""
        user = str(self._require_user())
        async for event in self._dify.stream_chat(
            turn.question.text, user=user, conversation_id=turn.conversation_id
        ):
            if isinstance(event, AnswerDelta | AnswerReplaced):
                turn.conversation_id = event.conversation_id or turn.conversation_id
                turn.task_id = event.task_id or turn.task_id
                if isinstance(event, AnswerDelta):
                    turn.append(event.text)
                else:
                    turn.replace(event.text)
                if turn.answer.state is not MessageState.STREAMING:
                    self._set_answer(
                        turn, state=MessageState.STREAMING, message_id=event.message_id
                    )
                self._schedule_flush(turn)
            elif isinstance(event, AnswerEnd):
                turn.conversation_id = event.conversation_id or turn.conversation_id
                self._set_answer(turn, message_id=event.message_id)

    def _end_turn(self, turn: ChatTurn) -> None:
        self._turns.pop(turn.view_key, None)
        if turn.view_key == self._view_key:
            self.streaming_changed.emit(False)

    async def _finish_stopped(self, turn: ChatTurn) -> None:
        self._set_answer(turn, state=MessageState.STOPPED, text=turn.answer_text)
        if turn.task_id is not None:
            self.tasks.start(self._dify.stop(turn.task_id, user=str(self._require_user())))
        await self._persist_thread(turn, turn.answer_text or turn.question.text)

    async def _finish_failed(self, turn: ChatTurn, error: BaseException) -> None:
        message = user_message_of(error) or self.tr("The answer could not be completed.")
        _log.info("chat turn failed: %s", getattr(error, "code", type(error).__name__))
        partial = turn.answer_text
        if partial:
            self._set_answer(turn, state=MessageState.INTERRUPTED, text=partial, error=message)
        else:
            self._set_answer(turn, state=MessageState.FAILED, error=message)
        self._retry_turn = turn
        if turn.view_key == self._view_key:
            self.retry_available.emit(True)
            self.notice.emit(message)
            if not partial:
                self.composer_restore.emit(turn.question.text)
        if turn.conversation_id is not None:
            # Dify has stored the question; keep the thread so it can be found again.
            await self._persist_thread(turn, partial or turn.question.text)

    def _set_answer(self, turn: ChatTurn, **changes: object) -> None:
        """Update the turn's answer, and the model row when that turn is on screen."""
        turn.answer = replace(turn.answer, **changes)  # type: ignore[arg-type]
        if turn.view_key == self._view_key:
            self.messages.update(turn.answer.local_id, **changes)

    def _schedule_flush(self, turn: ChatTurn) -> None:
        """Show streamed text at most ~30 times a second, whatever the chunk rate."""
        if turn.view_key in self._flush_pending:
            return
        self._flush_pending.add(turn.view_key)
        asyncio.get_running_loop().call_later(_STREAM_FLUSH_SECONDS, self._flush, turn)

    def _flush(self, turn: ChatTurn) -> None:
        self._flush_pending.discard(turn.view_key)
        if turn.answer.state is MessageState.STREAMING:
            self._set_answer(turn, text=turn.answer_text)

    async def _persist_thread(self, turn: ChatTurn, latest: str) -> None:
        """Create the thread on the first answer; later answers update its preview."""
        if turn.conversation_id is None or self._store is None:
            return
        store = self._store
        preview = message_preview(latest)
        existing = (
            self.threads.thread_by_id(uuid.UUID(turn.view_key)) if _is_uuid(turn.view_key) else None
        )
        if existing is not None:
            thread = await store.update_preview(existing.id, preview)
        else:
            thread = await store.create_if_absent(
                turn.conversation_id, title=default_title(turn.question.text), preview=preview
            )
            if thread.last_message_preview != preview:
                thread = await store.update_preview(thread.id, preview)
        if store is not self._store:
            return
        self.threads.upsert(thread)
        if turn.view_key != str(thread.id):
            # A new chat just became a thread: it keeps its place on screen under its id.
            on_screen = turn.view_key == self._view_key
            turn.view_key = str(thread.id)
            if on_screen:
                self._view_key = turn.view_key
                self.current_thread_changed.emit(turn.view_key, thread.title or "")

    # Helpers ------------------------------------------------------------------------------
    def _show(self, key: str, messages: list[ChatMessage]) -> None:
        self._view_key = key
        self._retry_turn = None
        self._history_first_id = None
        self._history_has_more = False
        self.retry_available.emit(False)
        self.notice_cleared.emit()
        live = self._turns.get(key)
        if live is not None:
            messages = [*messages, live.question, live.answer]
        self.messages.reset(messages)
        thread = self.current_thread
        self.current_thread_changed.emit(
            key if thread else "", thread.title or "" if thread else ""
        )
        self.streaming_changed.emit(live is not None)

    def _clear_conversation(self) -> None:
        self._show(self._fresh_chat_key(), [])

    @staticmethod
    def _fresh_chat_key() -> str:
        return f"new:{next(_new_chat_keys)}"

    def _require_user(self) -> uuid.UUID:
        if self._user_id is None:
            raise UserFacingError("Sign in first.")
        return self._user_id

    def _rejection_text(self, exc: MessageRejected) -> str:
        if exc.reason == "empty":
            return self.tr("Type a message first.")
        return self.tr("Messages can be at most 10,000 characters; this one has {0}.").format(
            f"{exc.length:,}"
        )

    async def shutdown(self) -> None:
        """Stop background work and close the store; the app closes the clients."""
        await self.tasks.shutdown()
        if self._store is not None:
            await self._store.close()
            self._store = None


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True

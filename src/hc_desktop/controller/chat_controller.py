"""The open conversation: history, sending, the streamed answer, stop and retry.

An answer that is still streaming when the user switches threads keeps growing in its own
turn (``chat_turn.py``) and reappears intact when they come back; the model only ever shows
the conversation on screen, updated one row at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from contextlib import aclosing
from dataclasses import replace
import itertools
import logging
from typing import TYPE_CHECKING
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.controller.attachments import AttachmentsController, AttachmentUploadFailed
from hc_desktop.controller.chat_turn import ChatTurn
from hc_desktop.controller.message_model import (
    ChatMessage,
    MessageListModel,
    MessageState,
    Role,
)
from hc_desktop.controller.tasks import TaskRunner, user_message_of
from hc_desktop.controller.threads_controller import ThreadsController
from hc_desktop.controller.transcript_reader import read_transcript
from hc_desktop.controller.voice import VoiceController
from hc_desktop.core.errors import UserFacingError
from hc_desktop.core.rules import MessageRejected, check_message
from hc_desktop.core.threads import Thread
from hc_desktop.core.transcript import Transcript
from hc_desktop.dify.errors import DifyError
from hc_desktop.dify.events import AnswerDelta, AnswerEnd, AnswerReplaced, StreamEvent
from hc_desktop.dify.models import AppParameters, HistoryMessage

if TYPE_CHECKING:
    from hc_desktop.dify.client import DifyClient
    from hc_desktop.sync.messages import CachedMessage

_log = logging.getLogger("hc_desktop.chat")

HISTORY_PAGE = 20
OLDER_PAGE = 10
"""Scrolling up fetches older history in pages of this many exchanges: each page is laid
out above the reader in one go, and at 20 that kept the window from painting for longer
than a frame."""
_NETWORK_WAIT_SECONDS = 0.002
_READ_PACE_SECONDS = 0.05
"""After an answer chunk that came off the network, wait this long before reading on: at
200 chunks a second, several then arrive in one read, and each wake-up costs more than the
chunk itself."""
_STREAM_FLUSH_SECONDS = 1 / 10
"""A streamed answer reaches the view at most 10 times a second: it still reads as a smooth
flow, for a third of the layout and paint work of following every screen refresh."""
_new_chat_keys = itertools.count(1)


class ChatController(QObject):
    """The conversation on screen and every answer being written."""

    notice = Signal(str)
    notice_cleared = Signal()
    current_thread_changed = Signal(str, str)
    """(thread id or "", title) of the conversation on screen."""
    streaming_changed = Signal(bool)
    composer_restore = Signal(str)
    """Text that could not be sent, handed back to the composer."""
    retry_available = Signal(bool)
    history_loading = Signal(bool)
    suggestions_changed = Signal(list)
    """Questions to offer as buttons: starters on a new chat, follow-ups after an answer."""
    opening_changed = Signal(str)
    """The app's opening statement for an empty new chat ("" otherwise)."""
    answer_finished = Signal(str, str)
    """(thread id, title) once per answer that arrived in full (desktop notifications)."""

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        dify: DifyClient,
        threads: ThreadsController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._dify = dify
        self._threads = threads
        self.messages = MessageListModel(self)
        self._view_key = self._fresh_chat_key()
        self._turns: dict[str, ChatTurn] = {}
        self._retry_turn: ChatTurn | None = None
        self._history_first_id: str | None = None
        self._history_has_more = False
        self._flush_pending: set[str] = set()
        self._parameters: AppParameters | None = None
        self.attachments = AttachmentsController(dify=dify, parent=self)
        self.voice = VoiceController(
            tasks=tasks,
            dify=dify,
            messages=self.messages,
            user=lambda: threads.user_id,
            parent=self,
        )
        self.attachments.notice.connect(self.notice)
        self.voice.notice.connect(self.notice)
        threads.thread_removed.connect(self._on_thread_removed)

    # Read-only state -------------------------------------------------------------------------
    @property
    def current_thread(self) -> Thread | None:
        """The thread on screen, or None for a new chat."""
        try:
            return self._threads.thread_by_id(uuid.UUID(self._view_key))
        except ValueError:
            return None

    @property
    def streaming(self) -> bool:
        return self._view_key in self._turns

    @property
    def history_has_more(self) -> bool:
        return self._history_has_more

    # Choosing what is on screen --------------------------------------------------------------
    def new_chat(self) -> None:
        self._show(self._fresh_chat_key(), [])
        self._tasks.start(self._offer_starters(self._view_key), key="starters")

    async def _app_parameters(self) -> AppParameters | None:
        """The Dify app's opening statement and features, fetched once per run."""
        if self._parameters is None:
            try:
                self._parameters = await self._dify.parameters()
            except DifyError as exc:
                _log.info("app parameters unavailable: %s", exc.code)
                return None
            self.attachments.apply_parameters(self._parameters)
            self.voice.apply_parameters(self._parameters)
        return self._parameters

    async def _offer_starters(self, key: str) -> None:
        parameters = await self._app_parameters()
        if parameters is None or self._view_key != key or self.messages.rowCount():
            return
        self.opening_changed.emit(parameters.opening_statement)
        self.suggestions_changed.emit(list(parameters.suggested_questions))

    async def _offer_follow_ups(self, turn: ChatTurn) -> None:
        """Dify's suggested next questions, when the app has them switched on."""
        parameters = await self._app_parameters()
        message_id = turn.answer.message_id
        if parameters is None or not parameters.suggested_questions_after_answer_enabled:
            return
        if message_id is None:
            return
        try:
            questions = await self._dify.suggested(message_id, user=str(self._require_user()))
        except DifyError as exc:
            _log.info("no suggestions: %s", exc.code)
            return
        if turn.view_key == self._view_key and not self.streaming:
            self.suggestions_changed.emit(questions)

    def rate(self, local_id: int, rating: str | None) -> None:
        """Like or dislike an answer; the same rating again withdraws it."""
        row = self.messages.row_of(local_id)
        message = self.messages.message_at(row)
        if message is None or message.message_id is None or message.role is not Role.ASSISTANT:
            return
        wanted = None if message.feedback == rating else rating
        self._tasks.start(self._rate(message, wanted))

    async def _rate(self, message: ChatMessage, rating: str | None) -> None:
        assert message.message_id is not None
        previous = message.feedback
        self.messages.update(message.local_id, feedback=rating)
        try:
            await self._dify.feedback(
                message.message_id,
                user=str(self._require_user()),
                rating=rating,  # type: ignore[arg-type]
            )
        except BaseException:
            self.messages.update(message.local_id, feedback=previous)
            raise

    def select_thread(self, thread_id: str) -> None:
        if thread_id == self._view_key:
            return
        thread = self._threads.thread_by_id(uuid.UUID(thread_id))
        if thread is None:
            return
        self._show(thread_id, [])
        self._threads.remember_open_thread(thread.id)
        self._tasks.start(self._load_history(thread), key="history")
        if self._parameters is None:  # attachments and voice depend on them
            self._tasks.start(self._app_parameters(), key="parameters")

    def reset(self) -> None:
        """Forget every conversation (sign-out, another user)."""
        for turn in self._turns.values():
            turn.stop_requested = True
        for key in [k for k in self._tasks.active_keys() if k.startswith("stream:")]:
            self._tasks.cancel(key)
        self._turns.clear()
        self._tasks.cancel("upload")
        self.attachments.clear()
        self.voice.cancel_recording()
        self.voice.stop_reading()
        self.new_chat()

    def _on_thread_removed(self, thread_id: str) -> None:
        if thread_id == self._view_key:
            self.new_chat()

    async def _load_history(self, thread: Thread) -> None:
        """Cached history first (offline reading), then the latest page from Dify."""
        key = str(thread.id)
        cache = self._threads.messages
        if cache is not None:
            cached = await cache.load(thread.conversation_id)
            if cached and self._view_key == key and not self.messages.rowCount():
                self._show_history(key, self._history_messages(cached[-HISTORY_PAGE:]))
        self.history_loading.emit(True)
        try:
            page = await self._dify.messages(
                thread.conversation_id, user=str(thread.user_id), limit=HISTORY_PAGE
            )
        finally:
            self.history_loading.emit(False)
        if cache is not None:
            await cache.save(thread.conversation_id, page.items)
        if self._view_key != key:
            return
        self._show_history(key, self._history_messages(page.items))
        self._history_first_id = page.items[0].id if page.items else None
        self._history_has_more = page.has_more

    def _show_history(self, key: str, history: list[ChatMessage]) -> None:
        live = self._turns.get(key)
        if live is not None:
            # Dify already stores the live turn; our copy is the current one.
            history = [m for m in history if m.message_id != live.answer.message_id]
            history += [live.question, live.answer]
        self.messages.reset(history)

    def load_older(self) -> None:
        """Fetch the page of history before what is shown (scrolling up)."""
        thread = self.current_thread
        if thread is None or not self._history_has_more or self._tasks.running("history"):
            return
        self._tasks.start(self._load_older(thread), key="history")

    async def _load_older(self, thread: Thread) -> None:
        key = str(thread.id)
        self.history_loading.emit(True)
        try:
            page = await self._dify.messages(
                thread.conversation_id,
                user=str(thread.user_id),
                first_id=self._history_first_id,
                limit=OLDER_PAGE,
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
    def _history_messages(items: Sequence[HistoryMessage | CachedMessage]) -> list[ChatMessage]:
        """Each Dify message is one exchange: the question and its answer."""
        messages: list[ChatMessage] = []
        for item in items:
            rating = getattr(item, "feedback_rating", None)
            messages.append(ChatMessage.new(Role.USER, item.query, message_id=item.id))
            messages.append(
                ChatMessage.new(Role.ASSISTANT, item.answer, message_id=item.id, feedback=rating)
            )
        return messages

    # Sending -----------------------------------------------------------------------------------
    def send(self, text: str) -> bool:
        """Send a question; False (with a notice) when it cannot be sent as typed."""
        try:
            check_message(text)
        except MessageRejected as exc:
            self.notice.emit(self._rejection_text(exc))
            return False
        if self._threads.user_id is None:
            self.notice.emit(self.tr("Sign in to send messages."))
            return False
        if self.streaming or self._tasks.running("upload"):
            self.notice.emit(self.tr("Wait for the answer to finish, or stop it first."))
            return False
        if self.attachments.items:
            self._tasks.start(self._send_with_attachments(text, self._view_key), key="upload")
            return True
        thread = self.current_thread
        self._begin_turn(text, thread.conversation_id if thread else None)
        return True

    async def _send_with_attachments(self, text: str, key: str) -> None:
        """Upload the attachments, then send; on failure the text and files stay."""
        self.notice_cleared.emit()
        self.streaming_changed.emit(True)
        try:
            files = await self.attachments.upload_all(str(self._require_user()))
        except AttachmentUploadFailed as exc:
            self.notice.emit(exc.user_message)
            self.composer_restore.emit(text)
            return
        except BaseException:
            if key == self._view_key:  # stopped by the user, not by a sign-out
                self.composer_restore.emit(text)
            raise
        finally:
            self.streaming_changed.emit(False)
        if key != self._view_key:
            self.composer_restore.emit(text)  # the user moved on; keep everything for later
            return
        names = tuple(item.name for item in self.attachments.items)
        self.attachments.clear()
        thread = self.current_thread
        self._begin_turn(text, thread.conversation_id if thread else None, files, names)

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
        conversation = thread.conversation_id if thread else None
        self._begin_turn(turn.question.text, conversation, turn.files, turn.question.attachments)

    def stop(self) -> None:
        """Stop the answer being written; what arrived so far stays, marked stopped."""
        if self._tasks.running("upload"):
            self._tasks.cancel("upload")
            return
        turn = self._turns.get(self._view_key)
        if turn is None:
            return
        turn.stop_requested = True
        self._tasks.cancel(f"stream:{turn.view_key}")

    def _begin_turn(
        self,
        text: str,
        conversation_id: str | None,
        files: list[dict[str, str]] | None = None,
        file_names: tuple[str, ...] = (),
    ) -> None:
        turn = ChatTurn.begin(self._view_key, text, conversation_id)
        turn.files = list(files or [])
        turn.question = replace(turn.question, attachments=file_names)
        self._turns[turn.view_key] = turn
        self._retry_turn = None
        self.retry_available.emit(False)
        self.notice_cleared.emit()
        self.suggestions_changed.emit([])
        self.opening_changed.emit("")
        self.messages.append(turn.question)
        self.messages.append(turn.answer)
        self.streaming_changed.emit(True)
        self._tasks.start(self._stream(turn), key=f"stream:{turn.view_key}")

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
        self._announce_finished(turn)
        self._tasks.start(self._offer_follow_ups(turn), key="suggestions")

    async def _consume_stream(self, turn: ChatTurn) -> None:
        """Apply the stream's events to the turn as they arrive."""
        user = str(self._require_user())
        loop = asyncio.get_running_loop()
        events = self._dify.stream_chat(
            turn.question.text,
            user=user,
            conversation_id=turn.conversation_id,
            files=list(turn.files) or None,
        )
        async with aclosing(events):
            while True:
                waited_since = loop.time()
                try:
                    event = await anext(events)
                except StopAsyncIteration:
                    return
                self._apply_event(turn, event)
                if loop.time() - waited_since > _NETWORK_WAIT_SECONDS:
                    # That event had to wait for the network: let the next few chunks
                    # gather and read them together instead of waking for each one.
                    await asyncio.sleep(_READ_PACE_SECONDS)

    def _apply_event(self, turn: ChatTurn, event: StreamEvent) -> None:
        """One stream event onto the turn (the view follows at most 10 times a second)."""
        if isinstance(event, AnswerDelta | AnswerReplaced):
            turn.conversation_id = event.conversation_id or turn.conversation_id
            turn.task_id = event.task_id or turn.task_id
            if isinstance(event, AnswerDelta):
                turn.append(event.text)
            else:
                turn.replace(event.text)
            if turn.answer.state is not MessageState.STREAMING:
                self._set_answer(turn, state=MessageState.STREAMING, message_id=event.message_id)
            self._schedule_flush(turn)
        elif isinstance(event, AnswerEnd):
            turn.conversation_id = event.conversation_id or turn.conversation_id
            sources = tuple(
                str(resource.get("document_name") or resource.get("dataset_name") or "")
                for resource in event.retriever_resources
            )
            self._set_answer(
                turn, message_id=event.message_id, sources=tuple(s for s in sources if s)
            )

    def _end_turn(self, turn: ChatTurn) -> None:
        self._turns.pop(turn.view_key, None)
        if turn.view_key == self._view_key:
            self.streaming_changed.emit(False)

    async def _finish_stopped(self, turn: ChatTurn) -> None:
        self._set_answer(turn, state=MessageState.STOPPED, text=turn.answer_text)
        if turn.task_id is not None:
            self._tasks.start(self._dify.stop(turn.task_id, user=str(self._require_user())))
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
            self.notice.emit(message)
            self.retry_available.emit(True)
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
        if turn.conversation_id is None or self._threads.user_id is None:
            return
        known = (
            self._threads.thread_by_id(uuid.UUID(turn.view_key))
            if _is_uuid(turn.view_key)
            else None
        )
        thread = await self._threads.record_answer(
            turn.conversation_id, turn.question.text, latest, known=known
        )
        if turn.view_key != str(thread.id):
            # A new chat just became a thread: it keeps its place on screen under its id.
            on_screen = turn.view_key == self._view_key
            turn.view_key = str(thread.id)
            if on_screen:
                self._view_key = turn.view_key
                self.current_thread_changed.emit(turn.view_key, thread.title or "")
                self._threads.remember_open_thread(thread.id)
            if known is None:
                self._tasks.start(self._name_conversation(thread, turn.question.text))

    async def _name_conversation(self, thread: Thread, first_question: str) -> None:
        """Ask Dify for a short name; it replaces the title only if nobody renamed it."""
        try:
            conversation = await self._dify.rename_conversation(
                thread.conversation_id, user=str(thread.user_id), auto_generate=True
            )
        except DifyError as exc:
            _log.info("conversation name not generated: %s", exc.code)
            return
        await self._threads.adopt_generated_title(thread, first_question, conversation.name)
        current = self._threads.thread_by_id(thread.id)
        if current is not None and str(current.id) == self._view_key:
            self.current_thread_changed.emit(self._view_key, current.title or "")

    async def transcript(self, thread_id: str) -> Transcript:
        """Every exchange of a thread, for export and printing."""
        thread = self._threads.thread_by_id(uuid.UUID(thread_id))
        if thread is None:
            raise UserFacingError(self.tr("That conversation is no longer available."))
        return await read_transcript(self._dify, self._threads.messages, thread)

    def _announce_finished(self, turn: ChatTurn) -> None:
        known = _is_uuid(turn.view_key)
        thread = self._threads.thread_by_id(uuid.UUID(turn.view_key)) if known else None
        title = thread.title if thread is not None and thread.title else ""
        self.answer_finished.emit(turn.view_key, title)
        if turn.view_key == self._view_key:
            self.voice.answer_finished(turn.answer.local_id)

    # Helpers ---------------------------------------------------------------------------------
    def _show(self, key: str, messages: list[ChatMessage]) -> None:
        self._view_key = key
        self.suggestions_changed.emit([])
        self.opening_changed.emit("")
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
        if thread is None:
            self.current_thread_changed.emit("", "")
        else:
            self.current_thread_changed.emit(key, thread.title or "")
        self.streaming_changed.emit(live is not None)

    @staticmethod
    def _fresh_chat_key() -> str:
        return f"new:{next(_new_chat_keys)}"

    def _require_user(self) -> uuid.UUID:
        user = self._threads.user_id
        if user is None:
            raise UserFacingError(self.tr("Sign in first."))
        return user

    def _rejection_text(self, exc: MessageRejected) -> str:
        if exc.reason == "empty":
            return self.tr("Type a message first.")
        return self.tr("Messages can be at most 10,000 characters; this one has {0}.").format(
            f"{exc.length:,}"
        )


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True

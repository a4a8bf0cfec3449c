"""The controller the window talks to: session, threads and chat, and their sequencing.

Each part is a small controller of its own; this one builds them around one task runner,
decides the start-up order (cached threads first, then the session) and the sign-out order
(push pending changes, revoke, then clear the user's local data).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
import uuid

from PySide6.QtCore import QObject, Signal

from hc_desktop.controller.audit_trail import AuditTrail
from hc_desktop.controller.chat_controller import ChatController
from hc_desktop.controller.session_controller import SessionController
from hc_desktop.controller.tasks import TaskRunner
from hc_desktop.controller.thread_filter_model import ThreadModels
from hc_desktop.controller.threads_controller import (
    FirstPagePeek,
    ThreadsController,
    UserDataOpener,
)
from hc_desktop.store.audit_log import AuditLog

if TYPE_CHECKING:
    from hc_desktop.auth.manager import SessionManager
    from hc_desktop.dify.client import DifyClient


class AppController(QObject):
    """Composes the feature controllers; the window binds to their signals and models."""

    notice = Signal(str)
    """A plain-language problem for the banner (from any background task)."""
    crashed = Signal(str)
    sign_out_pending = Signal(int)
    """Sign-out paused: this many local changes could not be pushed yet."""
    threads_ready = Signal(int)

    def __init__(
        self,
        *,
        sessions: SessionManager,
        dify: DifyClient,
        open_user_data: UserDataOpener,
        retention_days: int = 0,
        audit_file: Path | None = None,
        peek_first_page: FirstPagePeek | None = None,
        thread_models: ThreadModels | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self)
        log = AuditLog(audit_file) if audit_file is not None else None
        self.audit = AuditTrail(
            log, tasks=self.tasks, current_user=lambda: self.user_id, parent=self
        )
        self.threads = ThreadsController(
            tasks=self.tasks,
            dify=dify,
            open_user_data=open_user_data,
            retention_days=retention_days,
            audit=self.audit,
            peek_first_page=peek_first_page,
            models=thread_models,
            parent=self,
        )
        self.chat = ChatController(tasks=self.tasks, dify=dify, threads=self.threads, parent=self)
        self.session = SessionController(
            tasks=self.tasks,
            sessions=sessions,
            on_user=self._use_user,
            audit=self.audit,
            parent=self,
        )
        self.tasks.failed.connect(self.notice)
        self.tasks.crashed.connect(self.crashed)
        self.threads.notice.connect(self.notice)
        self.chat.notice.connect(self.notice)
        self.threads.threads_ready.connect(self.threads_ready)

    @property
    def user_id(self) -> uuid.UUID | None:
        return self.threads.user_id

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
            await self.threads.open_user(cached_user)
            last = await self.threads.last_open_thread()
            if last is not None:
                self.chat.select_thread(str(last.id))  # cached history shows at once
        if auto_sign_in is not None:
            await self.session.sign_in_now(*auto_sign_in)
        else:
            await self.session.restore()

    async def _use_user(self, user_id: uuid.UUID) -> None:
        if self.threads.user_id != user_id:
            self.chat.reset()
            await self.threads.open_user(user_id)

    def sign_out(self, *, force: bool = False) -> None:
        self.tasks.start(self._sign_out(force), key="session")

    async def _sign_out(self, force: bool) -> None:
        """Push what is pending (or ask first), revoke the session, clear local data."""
        if not force:
            try:
                pending = await self.threads.push_pending()
            except Exception:
                pending = -1  # unknown: treat as "some changes may be lost"
            if pending:
                self.sign_out_pending.emit(pending)
                return
        self.chat.reset()
        await self.session.sign_out()
        await self.threads.close_user(erase=True)
        await self.session.wipe_shared_profile()
        self.session.sign_in_required.emit("")

    def app_activated(self) -> None:
        """The window came to the front (or the machine woke): renew and pull now."""
        self.session.wake()
        self.threads.request_sync()

    async def shutdown(self) -> None:
        """Stop background work and close the stores; the app closes the clients."""
        await self.tasks.shutdown()
        shared = self.session.shared_workstation
        await self.threads.close_user(erase=shared)
        if shared:
            await self.session.wipe_shared_profile()  # nothing of this user stays behind
        self.session.detach()
        self.audit.close()

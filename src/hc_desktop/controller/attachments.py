"""Files the user attaches to their next message: checks, upload progress and errors.

The app's ``GET /parameters`` decide what may be attached (kinds, extensions, size per
kind, how many per message). Those rules are checked as files are added, so the user learns
at once why a file cannot go, instead of after an upload. Uploads happen when the message is
sent; a file that is already uploaded is not sent twice when the user tries again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
import itertools
import logging
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal

from hc_desktop.controller.tasks import user_message_of
from hc_desktop.dify.errors import DifyError
from hc_desktop.dify.features import (
    KIND_EXTENSIONS,
    FileUploadSettings,
    UploadSizeLimits,
    file_kind,
)

if TYPE_CHECKING:
    from hc_desktop.dify.client import DifyClient
    from hc_desktop.dify.models import AppParameters

_log = logging.getLogger("hc_desktop.attachments")
_ids = itertools.count(1)


class AttachmentState(StrEnum):
    READY = "ready"
    UPLOADING = "uploading"
    UPLOADED = "uploaded"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Attachment:
    """One file waiting to go with the next message."""

    local_id: int
    path: Path
    name: str
    size: int
    mime_type: str
    kind: str
    state: AttachmentState = AttachmentState.READY
    sent: int = 0
    """Bytes uploaded so far."""
    upload_file_id: str | None = None
    error: str = ""

    @property
    def is_image(self) -> bool:
        return self.kind == "image"

    def chat_reference(self) -> dict[str, str]:
        """The ``files`` item of the chat message (only once uploaded)."""
        assert self.upload_file_id is not None
        return {
            "type": self.kind,
            "transfer_method": "local_file",
            "upload_file_id": self.upload_file_id,
        }


class AttachmentUploadFailed(Exception):
    """An upload failed; the attachments stay, marked, and ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


class AttachmentsController(QObject):
    """The attachments of the message being written, and the app's rules for them."""

    changed = Signal()
    """Attachments were added, removed or changed state."""
    progress = Signal(int, int, int)
    """(local id, bytes sent, bytes in total) during an upload."""
    enabled_changed = Signal(bool)
    """Whether the app takes files from this computer at all."""
    notice = Signal(str)
    """Why a file could not be attached (for the banner)."""

    def __init__(self, *, dify: DifyClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dify = dify
        self._settings = FileUploadSettings()
        self._limits = UploadSizeLimits()
        self._items: list[Attachment] = []

    # State ---------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return self._settings.accepts_local_files

    @property
    def items(self) -> tuple[Attachment, ...]:
        return tuple(self._items)

    @property
    def settings(self) -> FileUploadSettings:
        return self._settings

    def apply_parameters(self, parameters: AppParameters) -> None:
        """Take the app's upload rules; attachments it no longer takes are dropped."""
        was = self.enabled
        self._settings = parameters.file_upload
        self._limits = parameters.upload_limits
        if not self.enabled and self._items:
            self.clear()
        if was != self.enabled:
            self.enabled_changed.emit(self.enabled)

    def allowed_extensions(self) -> list[str]:
        """Extensions (without dot) the file picker should offer; [] means anything."""
        found: list[str] = []
        for kind in self._settings.allowed_file_types:
            if kind == "custom":
                if not self._settings.allowed_file_extensions:
                    return []
                found += [e.lstrip(".") for e in self._settings.allowed_file_extensions]
            else:
                found += sorted(KIND_EXTENSIONS.get(kind, ()))
        return found

    # Adding and removing ---------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str | Path]) -> list[str]:
        """Attach files; returns (and announces) why any of them could not be attached."""
        problems: list[str] = []
        added = False
        for raw in paths:
            path = Path(raw)
            problem = self._check(path)
            if problem:
                problems.append(problem)
                continue
            mime, _ = mimetypes.guess_type(path.name)
            self._items.append(
                Attachment(
                    local_id=next(_ids),
                    path=path,
                    name=path.name,
                    size=path.stat().st_size,
                    mime_type=mime or "application/octet-stream",
                    kind=self._declared_kind(path.name),
                )
            )
            added = True
        if added:
            self.changed.emit()
        if problems:
            self.notice.emit(" ".join(problems))
        return problems

    def remove(self, local_id: int) -> None:
        before = len(self._items)
        self._items = [item for item in self._items if item.local_id != local_id]
        if len(self._items) != before:
            self.changed.emit()

    def clear(self) -> None:
        if self._items:
            self._items = []
            self.changed.emit()

    def _check(self, path: Path) -> str:
        """Why ``path`` cannot be attached ("" when it can)."""
        name = path.name
        if not self.enabled:
            return self.tr("This assistant does not accept files.")
        if len(self._items) >= self._settings.number_limits > 0:
            return self.tr("You can attach at most %n file(s) to one message.", "", self._count)
        if any(item.path == path for item in self._items):
            return self.tr("“{name}” is already attached.").format(name=name)
        try:
            size = path.stat().st_size
        except OSError:
            return self.tr("“{name}” could not be read.").format(name=name)
        if not path.is_file():
            return self.tr("“{name}” is not a file.").format(name=name)
        if not self._type_allowed(name):
            return self.tr("The assistant does not accept files like “{name}”.").format(name=name)
        kind = file_kind(name)
        limit = self._limits.for_kind(kind)
        if size > limit:
            return self.tr("“{name}” is {size}; the assistant accepts up to {limit}.").format(
                name=name, size=format_size(size), limit=format_size(limit)
            )
        if size == 0:
            return self.tr("“{name}” is empty.").format(name=name)
        return ""

    @property
    def _count(self) -> int:
        return self._settings.number_limits

    def _declared_kind(self, name: str) -> str:
        """The kind to send: the file's own, or ``custom`` when only its extension is allowed."""
        kind = file_kind(name)
        types = self._settings.allowed_file_types
        return "custom" if types and kind not in types and "custom" in types else kind

    def _type_allowed(self, name: str) -> bool:
        """Dify's rule: the file's kind must be allowed; extensions only matter for custom."""
        settings = self._settings
        kind = file_kind(name)
        if not settings.allowed_file_types or kind in settings.allowed_file_types:
            return True
        if "custom" in settings.allowed_file_types:
            extension = Path(name).suffix.lower()
            extensions = settings.allowed_file_extensions
            return not extensions or extension in extensions
        return False

    # Uploading -----------------------------------------------------------------------------
    async def upload_all(self, user: str) -> list[dict[str, str]]:
        """Upload what is not uploaded yet, in order; the message's ``files`` list.

        On a failure the attachments stay (the failed one marked with the reason) and
        :class:`AttachmentUploadFailed` says what went wrong.
        """
        for item in list(self._items):
            if item.upload_file_id is None:
                await self._upload(item, user)
        return [item.chat_reference() for item in self._items]

    async def _upload(self, item: Attachment, user: str) -> None:
        local_id = item.local_id
        self._update(local_id, state=AttachmentState.UPLOADING, sent=0, error="")

        def on_progress(sent: int, total: int) -> None:
            self._update(local_id, quiet=True, sent=sent)
            self.progress.emit(local_id, sent, total)

        try:
            uploaded = await self._dify.upload_file(
                item.path,
                user=user,
                filename=item.name,
                mime_type=item.mime_type,
                on_progress=on_progress,
            )
        except DifyError as error:
            message = self._upload_error(item.name, error)
            _log.info("attachment upload failed: %s", error.code)
            self._update(local_id, state=AttachmentState.FAILED, error=message)
            raise AttachmentUploadFailed(message) from None
        except OSError:
            message = self.tr("“{name}” could not be read.").format(name=item.name)
            self._update(local_id, state=AttachmentState.FAILED, error=message)
            raise AttachmentUploadFailed(message) from None
        except BaseException:
            self._update(local_id, state=AttachmentState.READY, sent=0)
            raise
        self._update(
            local_id, state=AttachmentState.UPLOADED, sent=item.size, upload_file_id=uploaded.id
        )

    def _upload_error(self, name: str, error: DifyError) -> str:
        code = error.code
        if code == "file_too_large":
            return self.tr("“{name}” is larger than the assistant accepts.").format(name=name)
        if code in ("unsupported_file_type", "invalid_param", "filename_not_exists_error"):
            return self.tr("The assistant does not accept “{name}”.").format(name=name)
        if code == "too_many_files":
            return self.tr("Files have to be sent one at a time.")
        if code.startswith("s3_") or (error.status is not None and error.status >= 500):
            return self.tr("The assistant could not store “{name}” right now. Try again.").format(
                name=name
            )
        reason = user_message_of(error) or ""
        return self.tr("“{name}” could not be uploaded. {reason}").format(name=name, reason=reason)

    def _update(self, local_id: int, *, quiet: bool = False, **changes: object) -> None:
        for index, item in enumerate(self._items):
            if item.local_id == local_id:
                self._items[index] = replace(item, **changes)  # type: ignore[arg-type]
                if not quiet:
                    self.changed.emit()
                return


def format_size(size: int) -> str:
    """A byte count as people read it, in the user's locale ("2.4 MB")."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)

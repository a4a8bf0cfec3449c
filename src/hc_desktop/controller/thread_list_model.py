"""The thread list as a Qt model, newest ``updated_at`` first.

Updates are fine-grained (insert, move, change, remove of one row) so a sync or a new
answer never resets the view; a full reset happens only on sign-in, sign-out or a reload.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from enum import IntEnum
from typing import Any
import uuid

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from hc_desktop.core.threads import Thread

_Index = QModelIndex | QPersistentModelIndex


class ThreadRoles(IntEnum):
    """Roles the delegate and tests read."""

    ThreadId = Qt.ItemDataRole.UserRole + 1
    Title = Qt.ItemDataRole.UserRole + 2
    Preview = Qt.ItemDataRole.UserRole + 3
    UpdatedAt = Qt.ItemDataRole.UserRole + 4
    Archived = Qt.ItemDataRole.UserRole + 5
    Thread = Qt.ItemDataRole.UserRole + 6


def _sort_key(thread: Thread) -> tuple[float, int]:
    """Newest first; ties broken by id so the order is stable."""
    return (-thread.updated_at.timestamp(), thread.id.int)


def search_text(thread: Thread) -> str:
    """What the search box matches: title and preview, case-folded."""
    return f"{thread.title or ''}\n{thread.last_message_preview or ''}".casefold()


def display_title(thread: Thread, untitled: str) -> str:
    """The title to show: the stored one, else the preview, else a placeholder."""
    return thread.title or thread.last_message_preview or untitled


class ThreadListModel(QAbstractListModel):
    """Threads of the signed-in user, sorted newest first."""

    def __init__(self, parent: QObject | None = None, *, untitled: str = "New chat") -> None:
        super().__init__(parent)
        self._threads: list[Thread] = []
        self._keys: list[tuple[float, int]] = []
        self._key_by_id: dict[uuid.UUID, tuple[float, int]] = {}
        self._haystacks: list[str] = []
        self._untitled = untitled

    # Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._threads)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._threads):
            return None
        thread = self._threads[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, ThreadRoles.Title):
            return display_title(thread, self._untitled)
        if role == Qt.ItemDataRole.ToolTipRole:
            return thread.title or None
        if role == Qt.ItemDataRole.EditRole:
            return thread.title or ""
        if role == ThreadRoles.ThreadId:
            return str(thread.id)
        if role == ThreadRoles.Preview:
            return thread.last_message_preview or ""
        if role == ThreadRoles.UpdatedAt:
            return thread.updated_at
        if role == ThreadRoles.Archived:
            return thread.archived
        if role == ThreadRoles.Thread:
            return thread
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update({int(role): QByteArray(role.name.encode()) for role in ThreadRoles})
        return names

    # Mutations ------------------------------------------------------------------------
    def reset(self, threads: Iterable[Thread]) -> None:
        """Replace everything (sign-in, sign-out, full reload)."""
        ordered = sorted(threads, key=_sort_key)
        self.beginResetModel()
        self._threads = ordered
        self._keys = [_sort_key(t) for t in ordered]
        self._key_by_id = {t.id: k for t, k in zip(ordered, self._keys, strict=True)}
        self._haystacks = [search_text(t) for t in ordered]
        self.endResetModel()

    def row_of(self, thread_id: uuid.UUID) -> int:
        """The row of a thread, or -1; O(log n) through the sort keys."""
        key = self._key_by_id.get(thread_id)
        return -1 if key is None else bisect.bisect_left(self._keys, key)

    def thread_at(self, row: int) -> Thread | None:
        return self._threads[row] if 0 <= row < len(self._threads) else None

    def thread_by_id(self, thread_id: uuid.UUID) -> Thread | None:
        row = self.row_of(thread_id)
        return self._threads[row] if row >= 0 else None

    def upsert(self, thread: Thread) -> None:
        """Insert a new thread or update one in place, moving it if its time changed."""
        key = _sort_key(thread)
        row = self.row_of(thread.id)
        if row < 0:
            target = bisect.bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), target, target)
            self._threads.insert(target, thread)
            self._keys.insert(target, key)
            self._key_by_id[thread.id] = key
            self._haystacks.insert(target, search_text(thread))
            self.endInsertRows()
            return
        old_key = self._keys.pop(row)
        target = bisect.bisect_left(self._keys, key)
        self._keys.insert(row, old_key)
        if target != row:
            # Qt wants the destination as a row of the list before the move.
            destination = target + 1 if target > row else target
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
            del self._threads[row]
            del self._keys[row]
            del self._haystacks[row]
            self._threads.insert(target, thread)
            self._keys.insert(target, key)
            self._haystacks.insert(target, search_text(thread))
            self._key_by_id[thread.id] = key
            self.endMoveRows()
        else:
            self._threads[row] = thread
            self._keys[row] = key
            self._haystacks[row] = search_text(thread)
            self._key_by_id[thread.id] = key
        index = self.index(target)
        self.dataChanged.emit(index, index)

    def remove(self, thread_id: uuid.UUID) -> Thread | None:
        row = self.row_of(thread_id)
        if row < 0:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        thread = self._threads.pop(row)
        del self._keys[row]
        del self._haystacks[row]
        del self._key_by_id[thread_id]
        self.endRemoveRows()
        return thread

    # Filtering support ------------------------------------------------------------------
    def accepts(self, row: int, archived: bool, needle: str) -> bool:
        """Whether a row belongs in a view of (archived?, search text)."""
        return self._threads[row].archived == archived and needle in self._haystacks[row]

    def matching_rows(self, archived: bool, needle: str) -> list[int]:
        """All rows of a view, in order; one pass over cached, case-folded text."""
        threads = self._threads
        if not needle:
            return [i for i, t in enumerate(threads) if t.archived == archived]
        return [
            i
            for i, text in enumerate(self._haystacks)
            if needle in text and threads[i].archived == archived
        ]

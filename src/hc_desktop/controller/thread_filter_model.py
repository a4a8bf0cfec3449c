"""Active/archived view and search over the thread list, fast at 100,000 threads.

``QSortFilterProxyModel`` asks Python for every row on each keystroke (about a quarter of a
second at 100,000 rows). This proxy instead keeps the list of accepted source rows, computed
in one pass over the source's cached search text, and maps single-row source changes
(insert, move, change, remove) to single-row changes of its own, so selection survives a
thread moving to the top.
"""

from __future__ import annotations

import bisect
from typing import Any
import uuid

from PySide6.QtCore import (
    QAbstractProxyModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from hc_desktop.controller.thread_list_model import ThreadListModel, ThreadRoles

_Index = QModelIndex | QPersistentModelIndex


class ThreadFilterModel(QAbstractProxyModel):
    """Rows of one view (active or archived) that contain the search text."""

    rename_requested = Signal(str, str)
    """(thread id, new title) from the list's inline editor."""

    def __init__(self, source: ThreadListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._archived = False
        self._needle = ""
        self._rows: list[int] = []
        self.setSourceModel(source)
        source.modelReset.connect(self._refilter)
        source.layoutChanged.connect(self._refilter)
        source.rowsInserted.connect(self._on_inserted)
        source.rowsRemoved.connect(self._on_removed)
        source.rowsMoved.connect(self._on_moved)
        source.dataChanged.connect(self._on_changed)
        self._refilter()

    # View settings -------------------------------------------------------------------------
    @property
    def archived_view(self) -> bool:
        return self._archived

    @property
    def search_text(self) -> str:
        return self._needle

    def set_archived_view(self, archived: bool) -> None:
        if archived != self._archived:
            self._archived = archived
            self._refilter()

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self._needle = needle
            self._refilter()

    # QAbstractProxyModel ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def index(self, row: int, column: int = 0, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or column != 0 or not 0 <= row < len(self._rows):
            return QModelIndex()
        return self.createIndex(row, 0)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def sibling(self, row: int, column: int, idx: _Index) -> QModelIndex:
        return self.index(row, column)

    def mapToSource(self, proxy_index: _Index) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._rows):
            return QModelIndex()
        return self._source.index(self._rows[proxy_index.row()], 0)

    def mapFromSource(self, source_index: _Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_row(source_index.row())
        return self.createIndex(row, 0) if row >= 0 else QModelIndex()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._source.data(self._source.index(self._rows[index.row()], 0), role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An inline rename: hand it to the controller, which stores it and updates the row."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        thread_id = self.data(index, ThreadRoles.ThreadId)
        if thread_id:
            self.rename_requested.emit(str(thread_id), str(value))
        return True

    def roleNames(self) -> dict[int, QByteArray]:
        return self._source.roleNames()

    def index_of(self, thread_id: str) -> QModelIndex:
        """The row showing a thread (invalid when filtered out); O(log n)."""
        try:
            source_row = self._source.row_of(uuid.UUID(thread_id))
        except ValueError:
            return QModelIndex()
        if source_row < 0:
            return QModelIndex()
        return self.mapFromSource(self._source.index(source_row, 0))

    # Source changes --------------------------------------------------------------------------
    def _proxy_row(self, source_row: int) -> int:
        position = bisect.bisect_left(self._rows, source_row)
        if position < len(self._rows) and self._rows[position] == source_row:
            return position
        return -1

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._source.matching_rows(self._archived, self._needle)
        self.endResetModel()

    def _accepts(self, source_row: int) -> bool:
        return self._source.accepts(source_row, self._archived, self._needle)

    def _on_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        count = last - first + 1
        start = bisect.bisect_left(self._rows, first)
        self._rows[start:] = [row + count for row in self._rows[start:]]
        for source_row in range(first, last + 1):
            if self._accepts(source_row):
                position = bisect.bisect_left(self._rows, source_row)
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, source_row)
                self.endInsertRows()

    def _on_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        count = last - first + 1
        start = bisect.bisect_left(self._rows, first)
        end = bisect.bisect_right(self._rows, last)
        # Survivors point at their new source rows before the removal is announced.
        self._rows[end:] = [row - count for row in self._rows[end:]]
        if end > start:
            self.beginRemoveRows(QModelIndex(), start, end - 1)
            del self._rows[start:end]
            self.endRemoveRows()

    def _on_moved(
        self, parent: QModelIndex, start: int, end: int, destination: QModelIndex, row: int
    ) -> None:
        """One source row moved (a thread got newer): move it here too, or hide/show it."""
        for offset, old in enumerate(range(start, end + 1)):
            new = (row - (end - start + 1)) + offset if row > end else row + offset
            self._move_one(old, new)

    def _move_one(self, old: int, new: int) -> None:
        old_proxy = self._proxy_row(old)
        # Every entry now names its current source row; the order is fixed up below.
        self._rows = [self._shift(r, old, new) for r in self._rows]
        accepted = self._accepts(new)
        if old_proxy >= 0:
            survivors = self._rows[:old_proxy] + self._rows[old_proxy + 1 :]
            if not accepted:
                self.beginRemoveRows(QModelIndex(), old_proxy, old_proxy)
                self._rows = survivors
                self.endRemoveRows()
                return
            new_proxy = bisect.bisect_left(survivors, new)
            if new_proxy != old_proxy:
                destination = new_proxy + 1 if new_proxy > old_proxy else new_proxy
                self.beginMoveRows(QModelIndex(), old_proxy, old_proxy, QModelIndex(), destination)
                survivors.insert(new_proxy, new)
                self._rows = survivors
                self.endMoveRows()
            index = self.index(new_proxy, 0)
            self.dataChanged.emit(index, index)
        elif accepted:
            position = bisect.bisect_left(self._rows, new)
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, new)
            self.endInsertRows()

    @staticmethod
    def _shift(row: int, old: int, new: int) -> int:
        if row == old:
            return new
        if old < row <= new:
            return row - 1
        if new <= row < old:
            return row + 1
        return row

    def _on_changed(
        self,
        top_left: _Index,
        bottom_right: _Index,
        roles: list[int] | None = None,
    ) -> None:
        for source_row in range(top_left.row(), bottom_right.row() + 1):
            proxy_row = self._proxy_row(source_row)
            accepted = self._accepts(source_row)
            if proxy_row >= 0 and accepted:
                index = self.index(proxy_row, 0)
                self.dataChanged.emit(index, index)
            elif proxy_row >= 0:
                self.beginRemoveRows(QModelIndex(), proxy_row, proxy_row)
                del self._rows[proxy_row]
                self.endRemoveRows()
            elif accepted:
                position = bisect.bisect_left(self._rows, source_row)
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, source_row)
                self.endInsertRows()


ThreadModels = tuple[ThreadListModel, ThreadFilterModel]


def new_thread_models(parent: QObject | None = None) -> ThreadModels:
    """The thread list's source model and the filtered view of it that the window shows
    (made before the controller when start-up paints the cached list first)."""
    untitled = QCoreApplication.translate("ThreadsController", "New chat")
    model = ThreadListModel(parent, untitled=untitled)
    return model, ThreadFilterModel(model, parent)

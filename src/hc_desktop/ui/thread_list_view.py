"""The thread list: a list view with a two-line delegate (title, preview) and times."""

from __future__ import annotations

from datetime import UTC, datetime
import re

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from hc_desktop.controller.thread_filter_model import ThreadFilterModel
from hc_desktop.controller.thread_list_model import ThreadRoles

_PAD = 6
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|`+|^#+\s*|^>\s*)", re.MULTILINE)


def plain_preview(text: str) -> str:
    """The stored preview as one line of plain text: markdown marks and line breaks go."""
    return " ".join(_MARKDOWN_MARKS.sub("", text).split())


class RelativeTime(QObject):
    """The list's time column in the user's language: a QObject so counts get plural forms."""

    def text(self, moment: datetime, now: datetime) -> str:
        """'now', '5 min', '2 h', '3 d', then the date in the user's locale."""
        seconds = max(0, int((now - moment).total_seconds()))
        minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
        if seconds < 60:
            return self.tr("now")
        if seconds < 3600:
            return self.tr("%Ln min", "", minutes)
        if seconds < 86400:
            return self.tr("%Ln h", "", hours)
        if seconds < 7 * 86400:
            return self.tr("%Ln d", "", days)
        day = moment.astimezone().date()
        date = QDate(day.year, day.month, day.day)
        return QLocale().toString(date, QLocale.FormatType.ShortFormat)


def relative_time(moment: datetime, now: datetime) -> str:
    """:meth:`RelativeTime.text` without keeping an object (tests, one-off texts)."""
    return RelativeTime().text(moment, now)


class ThreadDelegate(QStyledItemDelegate):
    """Paints title (bold), time and a one-line preview, elided to the row's width."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._times = RelativeTime(self)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(0, 2 * line + 3 * _PAD)  # width: whatever the view gives

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_backup = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = text_backup

        rect: QRect = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        dim_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )

        updated = index.data(ThreadRoles.UpdatedAt)
        when = self._times.text(updated, datetime.now(UTC)) if updated else ""
        title_font = QFont(option.font)
        title_font.setBold(True)
        title_metrics = QFontMetrics(title_font)
        body_metrics = QFontMetrics(option.font)
        when_width = body_metrics.horizontalAdvance(when) + _PAD

        painter.save()
        painter.setPen(palette.color(text_role))
        painter.setFont(title_font)
        title = title_metrics.elidedText(
            str(index.data(ThreadRoles.Title) or ""),
            Qt.TextElideMode.ElideRight,
            max(0, rect.width() - when_width),
        )
        top = QRect(rect.left(), rect.top(), rect.width(), title_metrics.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(option.font)
        painter.setPen(palette.color(dim_role))
        painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        preview = plain_preview(str(index.data(ThreadRoles.Preview) or ""))
        bottom = QRect(rect.left(), top.bottom() + _PAD, rect.width(), body_metrics.height())
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            body_metrics.elidedText(preview, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


class ThreadListView(QListView):
    """Lists threads; emits the chosen thread id and reports its first paints."""

    thread_activated = Signal(str)
    painted = Signal(int)
    """Emitted after each paint with the number of rows the model holds."""
    context_menu_requested = Signal(str, QPoint)
    """(thread id, global position) for the window's thread menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ThreadDelegate(self))
        self.setUniformItemSizes(True)
        # Lay rows out in batches: with 100,000 threads Qt would otherwise ask Python for
        # every row before the first paint and after every search keystroke.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(100)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # F2 and the context menu edit; a click only opens.
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows elide
        self.setAccessibleName(self.tr("Conversations"))
        self.setAccessibleDescription(
            self.tr("Your conversations, newest first. Enter opens, F2 renames, Delete deletes.")
        )
        self.activated.connect(self._emit_thread)
        self.clicked.connect(self._emit_thread)
        self.customContextMenuRequested.connect(self._on_context_menu)
        # Relative times ("5 min") stay current without touching the model.
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._refresh_times)
        self._clock.start()

    def _refresh_times(self) -> None:
        self.viewport().update()

    def current_thread_id(self) -> str | None:
        index = self.currentIndex()
        thread_id = index.data(ThreadRoles.ThreadId) if index.isValid() else None
        return str(thread_id) if thread_id else None

    def _on_context_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        thread_id = index.data(ThreadRoles.ThreadId)
        if thread_id:
            self.context_menu_requested.emit(str(thread_id), self.viewport().mapToGlobal(position))

    def rename_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.edit(index)

    def _emit_thread(self, index: QModelIndex) -> None:
        thread_id = index.data(ThreadRoles.ThreadId)
        if thread_id:
            self.thread_activated.emit(str(thread_id))

    def select_thread(self, thread_id: str) -> None:
        """Highlight a thread without re-opening it (nothing when it is filtered out)."""
        model = self.model()
        index = model.index_of(thread_id) if isinstance(model, ThreadFilterModel) else None
        if index is not None and index.isValid():
            self.setCurrentIndex(index)
        else:
            self.clearSelection()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit(self.model().rowCount())

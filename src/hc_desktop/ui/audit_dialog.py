"""The security log viewer: the audit trail's events, an integrity check and an export for IT.

The dialog only shows what the controller's :class:`AuditTrail` reports through signals;
reading, checking and writing the file happen off the event loop. It is created the first
time the user opens it (see :mod:`hc_desktop.ui.security_log_action`), so the window starts
without it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hc_desktop.controller.audit_trail import AuditTrail, ChainCheck
from hc_desktop.core.audit import AuditEvent, AuditRecord


def _event_names() -> dict[AuditEvent, str]:
    translate = QCoreApplication.translate  # literal contexts: lupdate reads them

    return {
        AuditEvent.SIGN_IN: translate("AuditDialog", "Signed in"),
        AuditEvent.SIGN_IN_FAILED: translate("AuditDialog", "Sign-in failed"),
        AuditEvent.SIGN_OUT: translate("AuditDialog", "Signed out"),
        AuditEvent.SESSION_EXPIRED: translate("AuditDialog", "Session ended by the server"),
        AuditEvent.LOCK: translate("AuditDialog", "Locked"),
        AuditEvent.UNLOCK: translate("AuditDialog", "Unlocked"),
        AuditEvent.UNLOCK_FAILED: translate("AuditDialog", "Unlock failed"),
        AuditEvent.EXPORT: translate("AuditDialog", "Conversation exported"),
        AuditEvent.PRINT: translate("AuditDialog", "Conversation printed"),
        AuditEvent.DELETE: translate("AuditDialog", "Conversation deleted"),
        AuditEvent.CACHE_ERASED: translate("AuditDialog", "Local data erased"),
        AuditEvent.AUDIT_EXPORTED: translate("AuditDialog", "Security log exported"),
    }


class AuditDialog(QDialog):
    """Lists the trail newest first; verifies the chain; exports a copy."""

    def __init__(self, trail: AuditTrail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trail = trail
        self.setWindowTitle(self.tr("Security log"))
        self.resize(720, 460)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Event"), self.tr("Conversation"), self.tr("Outcome")]
        )
        self.table.setAccessibleName(self.tr("Security events"))
        self.table.setAccessibleDescription(
            self.tr("Sign-ins, locks, exports and deletions on this computer, newest first.")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Security log status"))
        self.status.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("&Verify integrity"), self)
        self.verify_button.setAccessibleName(self.tr("Verify integrity"))
        self.verify_button.setAccessibleDescription(
            self.tr("Checks that no event was changed, removed or reordered.")
        )
        self.export_button = QPushButton(self.tr("&Export for IT…"), self)
        self.export_button.setAccessibleName(self.tr("Export for IT"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)

        self.verify_button.clicked.connect(self._verify)
        self.export_button.clicked.connect(self._choose_export_file)
        trail.entries_ready.connect(self._show_entries)
        trail.verified.connect(self._show_check)
        trail.exported.connect(self._show_export)

    def open_and_refresh(self) -> None:
        """Show the dialog (non-modal) and load the events again."""
        self.status.clear()
        self._trail.request_entries()
        self.show()
        self.raise_()
        self.activateWindow()

    # Reactions ---------------------------------------------------------------------------
    def _show_entries(self, records: list[AuditRecord]) -> None:
        names = _event_names()
        locale = QLocale()
        self.table.setRowCount(len(records))
        for row, record in enumerate(reversed(records)):
            when = QDateTime.fromMSecsSinceEpoch(int(record.at.timestamp() * 1000)).toLocalTime()
            cells = (
                locale.toString(when, QLocale.FormatType.ShortFormat),
                names.get(record.event, record.event.value),
                "" if record.thread_id is None else str(record.thread_id),
                record.outcome,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not records:
            self.status.setText(self.tr("No security events have been recorded yet."))

    def _verify(self) -> None:
        self.status.setText(self.tr("Checking…"))
        self._trail.request_verify()

    def _show_check(self, check: ChainCheck) -> None:
        if check.ok:
            text = self.tr("Intact: all {count} events are unchanged and in order.")
            self.status.setText(text.format(count=check.records))
        elif check.broken_file is None:
            self.status.setText(self.tr("The security log could not be read."))
        else:
            text = self.tr(
                "Broken: the log was changed at line {line} of {file} "
                "(after {count} intact events)."
            )
            self.status.setText(
                text.format(line=check.broken_line, file=check.broken_file, count=check.records)
            )

    def _choose_export_file(self) -> None:
        chooser = QFileDialog(self, self.tr("Export security log"))
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilter(self.tr("Security log (*.jsonl)"))
        chooser.setDefaultSuffix("jsonl")
        chooser.selectFile("hc-desktop-security-log.jsonl")
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self.export_to)
        chooser.open()

    def export_to(self, path: str) -> None:
        if path:
            self.status.setText(self.tr("Exporting…"))
            self._trail.request_export(path)

    def _show_export(self, written: bool, count: int) -> None:
        if written:
            self.status.setText(self.tr("Exported {count} events.").format(count=count))
            self._trail.request_entries()  # the export itself is now an event
        else:
            self.status.setText(self.tr("The security log could not be exported."))

"""Export a conversation to Markdown or PDF, or print it; nothing leaves the machine.

All three start from the same Markdown (``core.transcript``), so the file, the PDF and the
printout say the same thing: title, dates, who said what, and the disclaimer. The PDF is
Qt's own writer fed from memory, and every file is written atomically with owner-only
permissions. Heavy parts (print support, the PDF writer) load when first used.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
from datetime import UTC, date, datetime
import logging
import os
from pathlib import Path
import tempfile
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog

from hc_desktop.core.audit import AuditEvent
from hc_desktop.core.errors import UserFacingError
from hc_desktop.core.transcript import TranscriptWords, default_filename, render_markdown
from hc_desktop.ui.menus import menu_named, put_first

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice
    from PySide6.QtPrintSupport import QPrinter

    from hc_desktop.controller.app_controller import AppController
    from hc_desktop.ui.main_window import MainWindow

_log = logging.getLogger("hc_desktop.export")

_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


def transcript_words(disclaimer: str) -> TranscriptWords:
    """The document's fixed words in the user's language."""
    return TranscriptWords(
        disclaimer=disclaimer,
        user=QCoreApplication.translate("Export", "You"),
        assistant=QCoreApplication.translate("Export", "Health Companion"),
        untitled=QCoreApplication.translate("Export", "Conversation"),
        started=QCoreApplication.translate("Export", "Started"),
        updated=QCoreApplication.translate("Export", "Last updated"),
        exported=QCoreApplication.translate("Export", "Exported"),
        incomplete=QCoreApplication.translate(
            "Export",
            "Only the copy saved on this computer could be read; parts may be missing.",
        ),
    )


def write_private_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; the file is readable by its owner only."""
    handle, temporary = tempfile.mkstemp(prefix=".hc-export-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class _SealedDocument(QTextDocument):
    """A document that never loads anything: no file, no network, no image."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None


def transcript_document(markdown: str) -> QTextDocument:
    document = _SealedDocument()
    document.setMarkdown(markdown, _MARKDOWN)
    return document


def render_pdf(markdown: str) -> bytes:
    """The transcript as PDF bytes, laid out on the locale's paper size."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator(QCoreApplication.translate("Export", "Health Companion"))
    writer.setTitle(QCoreApplication.translate("Export", "Conversation"))
    us_paper = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    size = QPageSize.PageSizeId.Letter if us_paper else QPageSize.PageSizeId.A4
    writer.setPageSize(QPageSize(size))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    print_document(markdown, writer)
    del writer
    buffer.close()
    return bytes(data.data())


def print_document(markdown: str, device: QPagedPaintDevice) -> None:
    """Lay the transcript out on the pages of ``device`` (a printer or a PDF writer)."""
    transcript_document(markdown).print_(device)


class ExportUi(QObject):
    """File > Export as Markdown…, Export as PDF…, Print… for the conversation on screen."""

    exported = Signal(str, str)
    """(markdown | pdf | print, the file written or "") once it is done."""

    def __init__(
        self, window: MainWindow, controller: AppController, disclaimer: Callable[[], str]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._disclaimer = disclaimer
        self._thread_id = ""
        self._printer: QPrinter | None = None

        def action(text: str, shortcut: QKeySequence) -> QAction:
            created = QAction(text, window)
            created.setShortcut(shortcut)
            created.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(created)  # so the idle lock disables it with the others
            return created

        self.markdown_action = action(self.tr("Export as Markdown…"), QKeySequence("Ctrl+Shift+E"))
        self.pdf_action = action(self.tr("Export as PDF…"), QKeySequence("Ctrl+Shift+P"))
        self.print_action = action(self.tr("Print…"), QKeySequence(QKeySequence.StandardKey.Print))
        file_menu = menu_named(window, "file_menu", self.tr("&File"), first=True)
        put_first(file_menu, [self.markdown_action, self.pdf_action, self.print_action])
        self.markdown_action.triggered.connect(self.ask_markdown)
        self.pdf_action.triggered.connect(self.ask_pdf)
        self.print_action.triggered.connect(self.ask_print)
        controller.chat.current_thread_changed.connect(self._on_thread)

    def _on_thread(self, thread_id: str, _title: str) -> None:
        self._thread_id = thread_id

    def _open_thread(self) -> str | None:
        if not self._thread_id:
            self._window.status_label.setText(self.tr("Open a conversation to export or print it."))
            return None
        return self._thread_id

    # Asking ----------------------------------------------------------------------------------
    def ask_markdown(self) -> None:
        thread_id = self._open_thread()
        if thread_id is not None:
            self._ask_file(
                "md",
                self.tr("Markdown (*.md)"),
                lambda path: self._start(self.write_markdown(thread_id, path)),
            )

    def ask_pdf(self) -> None:
        thread_id = self._open_thread()
        if thread_id is not None:
            self._ask_file(
                "pdf",
                self.tr("PDF (*.pdf)"),
                lambda path: self._start(self.write_pdf(thread_id, path)),
            )

    def ask_print(self) -> None:
        """The system print dialog; the conversation is read once the user has said yes."""
        thread_id = self._open_thread()
        if thread_id is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer = printer
        dialog = QPrintDialog(printer, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._start(self.print_to(thread_id, printer)))
        QDialog.open(dialog)  # the window-modal open, not QPrintDialog's receiver overload

    def _ask_file(self, extension: str, name_filter: str, chosen: Callable[[Path], Any]) -> None:
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        suggested = Path(folder) / default_filename(date.today(), extension)
        dialog = QFileDialog(self._window, self.tr("Export conversation"), str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(extension)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: chosen(Path(name)))
        dialog.open()

    def _start(self, work: Any) -> None:
        self._controller.tasks.start(work, key="export")

    # Doing -----------------------------------------------------------------------------------
    async def markdown(self, thread_id: str) -> str:
        """The conversation as the Markdown every export is made from."""
        transcript = await self._controller.chat.transcript(thread_id)
        words = transcript_words(self._disclaimer())
        return render_markdown(transcript, words, datetime.now(UTC))

    async def write_markdown(self, thread_id: str, path: Path) -> None:
        text = await self.markdown(thread_id)
        await self._save(path, text.encode("utf-8"))
        self._finished("markdown", thread_id, str(path))

    async def write_pdf(self, thread_id: str, path: Path) -> None:
        data = render_pdf(await self.markdown(thread_id))
        await self._save(path, data)
        self._finished("pdf", thread_id, str(path))

    async def print_to(self, thread_id: str, printer: QPrinter) -> None:
        print_document(await self.markdown(thread_id), printer)
        self._finished("print", thread_id, "")

    async def _save(self, path: Path, data: bytes) -> None:
        try:
            await asyncio.to_thread(write_private_file, path, data)
        except OSError as exc:
            _log.info("export not written: %s", type(exc).__name__)
            raise UserFacingError(
                self.tr("The file could not be saved ({reason}).").format(
                    reason=exc.strerror or type(exc).__name__
                )
            ) from None

    def _finished(self, kind: str, thread_id: str, path: str) -> None:
        self._audit(AuditEvent.PRINT if kind == "print" else AuditEvent.EXPORT, thread_id)
        if kind == "print":
            self._window.status_label.setText(self.tr("Sent to the printer."))
        else:
            self._window.status_label.setText(self.tr("Conversation exported."))
        self.exported.emit(kind, path)

    def _audit(self, event: AuditEvent, thread_id: str) -> None:
        """Exports and printouts belong in the audit trail (event and thread id, no content)."""
        self._controller.audit.record(event, thread_id)

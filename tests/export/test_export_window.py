"""Export and print a real conversation from the window, and read every copy back."""

from __future__ import annotations

from datetime import date
import os
from pathlib import Path
import stat

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
import pytest

from hc_desktop.core.audit import AuditEvent
from hc_desktop.core.transcript import default_filename, escape_plain, format_moment
from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.ui.safety import disclaimer_text
from tests.export.conftest import Conversation
from tests.fixtures.qt import wait_until

ANSWER_PHRASES = ("Thanks for asking about", "Keep a steady routine:", "please speak with a doctor")


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(path: Path) -> str:
    with path.open("rb") as handle:
        reader = pypdf.PdfReader(handle)
        return _words(" ".join(page.extract_text() or "" for page in reader.pages))


def _assert_in_order(text: str, parts: list[str]) -> None:
    """Each part occurs after the one before it."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part[:40]!r} missing after position {position}"
        position = found + len(part)


def _assert_rendered_copy(text: str, conversation: Conversation) -> None:
    """What the PDF and the printout must say, read back as plain text."""
    app, thread = conversation.app, conversation.thread
    assert thread.title and thread.title in text
    assert format_moment(thread.created_at) in text
    first, second = conversation.questions
    _assert_in_order(text, ["You", first, "Health Companion", ANSWER_PHRASES[0]])
    _assert_in_order(text, ["You", second, "Health Companion", ANSWER_PHRASES[0]])
    _assert_in_order(text, [first, second])
    for phrase in ANSWER_PHRASES:
        assert text.count(phrase) == 2
    assert "**" not in text  # the answers' Markdown was rendered, not shown
    assert text.count("You") >= 2 and text.count("Health Companion") >= 2
    assert _words(disclaimer_text(app.window.safety.number)) in text


def _audit_events(conversation: Conversation) -> list[tuple[AuditEvent, str]]:
    audit = conversation.app.controller.audit
    records = conversation.app.aloop.run(audit.entries())
    return [(r.event, str(r.thread_id)) for r in records if r.thread_id is not None]


def test_export_as_markdown_from_the_file_menu(conversation: Conversation, tmp_path: Path) -> None:
    app, thread = conversation.app, conversation.thread
    window = app.window
    file_menu = window.menuBar().findChild(type(window.thread_menu), "file_menu")
    assert file_menu is not None
    assert file_menu.actions()[:3] == [
        window.exporter.markdown_action,
        window.exporter.pdf_action,
        window.exporter.print_action,
    ]

    app.activate()  # shortcuts act only in the active window
    app.qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    app.qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QFileDialog), timeout=5000
    )
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog)
    suggested = Path(dialog.selectedFiles()[0]).name
    assert suggested == default_filename(date.today(), "md")
    target = tmp_path / "my export.md"
    dialog.selectFile(str(target))
    dialog.accept()
    app.aloop.run(wait_until(target.exists, "the Markdown file"))

    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# {thread.title}\n")
    assert f"Started: {format_moment(thread.created_at)}" in text
    assert "Last updated: " in text and "Exported: " in text
    first, second = conversation.questions
    _assert_in_order(
        text,
        [
            "**You**",
            first,
            "**Health Companion**",
            conversation.answers[0],
            "**You**",
            escape_plain(second),
            "**Health Companion**",
            conversation.answers[1],
        ],
    )
    assert text.count(disclaimer_text(window.safety.number)) == 2
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # The user's question is escaped, so any Markdown reader shows it exactly as typed.
    document = QTextDocument()
    document.setMarkdown(text)
    assert second in document.toPlainText()
    assert (AuditEvent.EXPORT, str(thread.id)) in _audit_events(conversation)
    assert window.status_label.text() == window.exporter.tr("Conversation exported.")


def test_export_as_pdf_reads_back_with_the_same_text(
    conversation: Conversation, tmp_path: Path
) -> None:
    app, thread = conversation.app, conversation.thread
    target = tmp_path / "conversation.pdf"
    app.aloop.run(app.window.exporter.write_pdf(str(thread.id), target))
    assert target.read_bytes().startswith(b"%PDF")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    _assert_rendered_copy(_pdf_text(target), conversation)


def test_printing_lays_out_the_same_text(conversation: Conversation, tmp_path: Path) -> None:
    app, thread = conversation.app, conversation.thread
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    app.aloop.run(app.window.exporter.print_to(str(thread.id), printer))
    _assert_rendered_copy(_pdf_text(printed), conversation)
    assert (AuditEvent.PRINT, str(thread.id)) in _audit_events(conversation)


def test_print_opens_the_system_dialog_without_reading_anything_yet(
    conversation: Conversation, dify_server: DemoDifyServer
) -> None:
    app = conversation.app
    before = len(dify_server.requests)
    app.qtbot.keyClick(app.window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.inherits("QPrintDialog")
    dialog.reject()
    assert len(dify_server.requests) == before


def test_offline_the_export_uses_the_saved_copy_and_says_so(
    conversation: Conversation, dify_server: DemoDifyServer, tmp_path: Path
) -> None:
    app, thread = conversation.app, conversation.thread
    chat = app.controller.chat

    async def reopen() -> None:  # reading the history saves it on this computer
        chat.new_chat()
        chat.select_thread(str(thread.id))
        await wait_until(lambda: len(chat.messages.messages) == 4, "the history")
        await wait_until(lambda: not app.controller.tasks.running("history"), "the cache")

    app.aloop.run(reopen())
    dify_server.stop()
    target = tmp_path / "offline.md"
    app.aloop.run(app.window.exporter.write_markdown(str(thread.id), target))
    text = target.read_text(encoding="utf-8")
    assert "parts may be missing" in text
    # The cache orders turns by Dify's whole-second time stamps: both are there.
    assert conversation.questions[0] in text
    assert all(answer in text for answer in conversation.answers)


def test_without_an_open_conversation_nothing_is_asked(conversation: Conversation) -> None:
    app = conversation.app
    app.controller.chat.new_chat()
    app.window.exporter.markdown_action.trigger()
    assert QApplication.activeModalWidget() is None
    assert "Open a conversation" in app.window.status_label.text()


@pytest.mark.parametrize("kind", ["markdown", "pdf"])
def test_an_unwritable_place_is_reported_not_crashed(
    conversation: Conversation, tmp_path: Path, kind: str
) -> None:
    app, thread = conversation.app, conversation.thread
    notices: list[str] = []
    app.controller.notice.connect(notices.append)
    missing = tmp_path / "no such folder" / f"x.{kind}"
    write = (
        app.window.exporter.write_markdown if kind == "markdown" else app.window.exporter.write_pdf
    )
    app.controller.tasks.start(write(str(thread.id), missing), key="export")
    app.aloop.run(wait_until(lambda: bool(notices), "the failure notice"))
    assert "could not be saved" in notices[-1]
    assert not missing.exists()

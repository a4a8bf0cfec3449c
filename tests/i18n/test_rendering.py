"""Devanagari and Bengali on screen: real glyphs, wrapped or elided as the widget intends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
import uuid

from PySide6.QtCore import QLocale, QPoint, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPalette, QTextLayout
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from hc_desktop.app.i18n import Translations
from hc_desktop.controller.message_model import ChatMessage, MessageListModel, Role
from hc_desktop.controller.thread_list_model import ThreadListModel, ThreadRoles
from hc_desktop.core.threads import Thread
from hc_desktop.ui.chat_view import ChatView
from hc_desktop.ui.thread_list_view import RelativeTime, ThreadListView

UseLanguage = Callable[..., Translations]

HINDI_TITLE = "मधुमेह में सुबह का नाश्ता क्या होना चाहिए और कितनी बार खाना ठीक है"
HINDI_PREVIEW = "दिन में तीन बार संतुलित भोजन लें और मीठे पेय से बचें।"
BENGALI_ANSWER = (
    "উচ্চ রক্তচাপ কমাতে প্রতিদিন অন্তত ত্রিশ মিনিট হাঁটুন, লবণ কম খান, ধূমপান ছেড়ে দিন "
    "এবং নিয়মিত ওষুধ খান। মাথা ঘোরা, বুকে ব্যথা বা শ্বাসকষ্ট হলে দেরি না করে চিকিৎসকের "
    "সঙ্গে যোগাযোগ করুন।"
)


def assert_real_glyphs(text: str, font: QFont) -> None:
    """Qt shapes ``text`` with fonts that have its letters: real, varied glyphs (no tofu)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    letters = [ord(ch) for ch in text if ch.isalpha()]
    glyphs: list[int] = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        assert any(raw.supportsCharacter(ch) for ch in letters), raw.familyName()
        glyphs += run.glyphIndexes()
    assert glyphs and 0 not in glyphs, "a character has no glyph"
    assert len(set(glyphs)) > len(set(text.split())) // 2, "the same box for every letter"


def thread(title: str, preview: str, age: timedelta) -> Thread:
    now = datetime.now(UTC)
    return Thread(
        id=uuid.uuid4(),
        user_id=uuid.uuid4(),
        conversation_id=str(uuid.uuid4()),
        title=title,
        last_message_preview=preview,
        archived=False,
        created_at=now - age,
        updated_at=now - age,
    )


def test_a_hindi_thread_renders_in_the_list(qtbot: QtBot) -> None:
    model = ThreadListModel()
    view = ThreadListView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.reset([thread(HINDI_TITLE, HINDI_PREVIEW, timedelta(minutes=5))])
    view.resize(280, 200)
    view.show()
    qtbot.waitExposed(view)

    font = view.font()
    assert_real_glyphs(HINDI_TITLE, font)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    index = model.index(0, 0)
    size: QSize = view.itemDelegate().sizeHint(option, index)
    # Title and preview are two lines: the row is taller than one shaped Devanagari line.
    line = QTextLayout(HINDI_TITLE, font)
    line.beginLayout()
    first = line.createLine()
    first.setLineWidth(10_000)
    line.endLayout()
    assert size.height() >= 2 * first.height()

    # The title is elided to the row, not to nothing, and its pixels are painted.
    metrics = view.fontMetrics()
    elided = metrics.elidedText(index.data(ThreadRoles.Title), Qt.TextElideMode.ElideRight, 200)
    assert len(elided) > 5 and HINDI_TITLE.startswith(elided.rstrip("…"))
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    image.fill(view.palette().color(QPalette.ColorRole.Base))
    view.viewport().render(image, QPoint())
    row = view.visualRect(index)
    background = view.palette().color(QPalette.ColorRole.Base).rgb()
    inked = sum(
        1
        for x in range(row.left(), row.right(), 2)
        for y in range(row.top(), row.bottom(), 2)
        if image.pixel(x, y) != background
    )
    assert inked > 50


def test_a_bengali_answer_wraps_in_the_chat(qtbot: QtBot) -> None:
    model = MessageListModel()
    view = ChatView()
    qtbot.addWidget(view)
    view.set_model(model)
    model.reset(
        [
            ChatMessage.new(Role.USER, "উচ্চ রক্তচাপ কীভাবে কমাব?"),
            ChatMessage.new(Role.ASSISTANT, BENGALI_ANSWER),
        ]
    )
    view.resize(360, 400)
    view.show()
    qtbot.waitExposed(view)
    assert_real_glyphs(BENGALI_ANSWER, view.font())

    document = view.document()
    assert BENGALI_ANSWER in document.toPlainText()
    block = document.findBlock(document.toPlainText().index(BENGALI_ANSWER))
    layout = block.layout()
    assert layout.lineCount() > 2, "a long answer wraps onto several lines"
    text = block.text()
    for number in range(layout.lineCount() - 1):
        line = layout.lineAt(number)
        end = line.textStart() + line.textLength()
        # Lines break between words, never inside a conjunct or before a vowel sign.
        assert text[end - 1].isspace() or text[end - 1] in ",।", text[end - 3 : end + 2]
        assert line.naturalTextWidth() <= document.textWidth()


def test_relative_times_in_hindi(use_language: UseLanguage) -> None:
    use_language("hi")
    now = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
    times = RelativeTime()
    assert times.text(now - timedelta(seconds=20), now) == "अभी"
    assert times.text(now - timedelta(minutes=5), now) == "5 मिनट"
    assert times.text(now - timedelta(hours=1), now) == "1 घंटा"
    assert times.text(now - timedelta(hours=3), now) == "3 घंटे"
    assert times.text(now - timedelta(days=2), now) == "2 दिन"
    older = times.text(now - timedelta(days=30), now)
    assert older == QLocale(QLocale.Language.Hindi).toString(
        (now - timedelta(days=30)).astimezone().date(), QLocale.FormatType.ShortFormat
    )


def test_relative_times_in_bengali_use_bengali_digits(use_language: UseLanguage) -> None:
    use_language("bn")
    now = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
    times = RelativeTime()
    assert times.text(now - timedelta(minutes=25), now) == "২৫ মিনিট"
    older = times.text(now - timedelta(days=40), now)
    assert older and not any(ch.isascii() and ch.isdigit() for ch in older)
    assert any("০" <= ch <= "৯" for ch in older)

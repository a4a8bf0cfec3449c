"""Fuzz: untrusted markdown renders without crashing, loads nothing, opens only allowed links."""

from __future__ import annotations

from typing import Any, ClassVar

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.controller.message_model import ChatMessage, MessageListModel, MessageState, Role
from hc_desktop.ui import chat_view
from hc_desktop.ui.chat_view import ChatView
from hc_desktop.ui.link_policy import ALLOWED_SCHEMES, is_external_link_allowed

SCHEMES = [
    "http", "https", "mailto", "HTTPS", "file", "javascript", "data", "ftp", "hc-action",
    "qrc", "smb", "vbscript", "tel", "about", "",
]  # fmt: skip
targets = st.tuples(st.sampled_from(SCHEMES), st.text(max_size=25)).map(
    lambda parts: f"{parts[0]}:{parts[1]}" if parts[0] else parts[1]
)
urls = st.one_of(
    targets,
    st.sampled_from(
        [
            "https://example.org/a?b=c#d",
            "mailto:",
            "mailto:someone@example.org",
            "http://",
            "https:///path-only",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "//evil.example/x",
            "HTTP://EXAMPLE.ORG",
        ]
    ),
)


def table(columns: int, rows: int) -> str:
    head = "|" + "|".join(f"h{c}" for c in range(columns)) + "|"
    rule = "|" + "|".join("---" for _ in range(columns)) + "|"
    body = "\n".join(
        "|" + "|".join(f"[{r}](file:///{c})" for c in range(columns)) + "|" for r in range(rows)
    )
    return f"{head}\n{rule}\n{body}"


pieces = st.one_of(
    st.text(max_size=40),
    st.builds(lambda t, u: f"[{t}]({u})", st.text(max_size=8), urls),
    st.builds(lambda u: f"![img]({u})", urls),
    st.builds(lambda u: f"<{u}>", urls),
    st.builds(lambda u: f'<a href="{u}">x</a><img src="{u}">', urls),
    st.sampled_from(
        ["<script>alert(1)</script>", "<iframe src=x>", "```\ncode\n```", "> quote", "- [ ] task"]
    ),
    st.builds(table, st.integers(1, 12), st.integers(0, 12)),
)
markdown = st.lists(pieces, max_size=12).map("\n".join)


class RecordingView(ChatView):
    """The real view, noting what the document asked it to load and what it returned."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[tuple[int, str, Any]] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        result = super().loadResource(kind, name)
        self.loaded.append((kind, str(name), result))
        return result


class OpenedUrls:
    """Stands in for the system browser, which cannot run here."""

    opened: ClassVar[list[QUrl]] = []

    @classmethod
    def openUrl(cls, url: QUrl) -> bool:
        cls.opened.append(QUrl(url))
        return True


def anchors(document: QTextDocument) -> list[str]:
    found: list[str] = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor():
                found.append(fragment.charFormat().anchorHref())
            iterator += 1
        block = block.next()
    return found


@settings(max_examples=500, deadline=None)
@given(urls)
def test_only_web_and_mail_links_with_a_target_are_allowed(raw: str) -> None:
    url = QUrl(raw)
    if is_external_link_allowed(url):
        assert url.scheme().lower() in ALLOWED_SCHEMES
        assert url.host() or (url.scheme().lower() == "mailto" and url.path())


def test_untrusted_markdown_never_loads_anything_or_opens_a_refused_link(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat_view, "QDesktopServices", OpenedUrls)
    OpenedUrls.opened = []
    model = MessageListModel()
    view = RecordingView()
    qtbot.addWidget(view)
    view.set_model(model)
    view.resize(500, 400)
    refused: list[str] = []
    view.link_refused.connect(refused.append)

    @settings(max_examples=60, deadline=None)
    @given(markdown, st.sampled_from(list(MessageState)))
    def render(text: str, state: MessageState) -> None:
        model.reset(
            [ChatMessage.new(Role.USER, "q"), ChatMessage.new(Role.ASSISTANT, text, state=state)]
        )
        view.document().setTextWidth(480)
        view.viewport().repaint()
        for href in anchors(view.document()):
            view._on_anchor(QUrl(href))
        assert all(result is None for _kind, _name, result in view.loaded)
        assert all(is_external_link_allowed(url) for url in OpenedUrls.opened)

    render()
    view.loaded.clear()
    model.reset([ChatMessage.new(Role.ASSISTANT, table(60, 300) + "\n![x](file:///etc/passwd)")])
    view.viewport().repaint()
    assert any("passwd" in name for _kind, name, _result in view.loaded)  # it was asked for
    assert all(result is None for _kind, _name, result in view.loaded)
    assert not any(url.scheme().lower() not in ALLOWED_SCHEMES for url in OpenedUrls.opened)

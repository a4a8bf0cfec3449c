from __future__ import annotations

from datetime import UTC, datetime, timedelta
import uuid

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hc_desktop.controller.message_model import ChatMessage, MessageListModel, MessageState, Role
from hc_desktop.controller.thread_list_model import ThreadListModel, ThreadRoles
from hc_desktop.core.threads import Thread

_BASE = datetime(2026, 1, 1, tzinfo=UTC)
_USER = uuid.uuid4()


def _thread(minutes: int, title: str | None = "t", preview: str | None = "p") -> Thread:
    when = _BASE + timedelta(minutes=minutes)
    return Thread(uuid.uuid4(), _USER, f"conv-{uuid.uuid4()}", title, preview, False, when, when)


def _titles(model: ThreadListModel) -> list[str]:
    return [model.index(r, 0).data(ThreadRoles.Title) for r in range(model.rowCount())]


def test_thread_model_passes_qt_model_checks(qtmodeltester: ModelTester) -> None:
    model = ThreadListModel()
    model.reset([_thread(i, title=f"t{i}") for i in range(5)])
    qtmodeltester.check(model, force_py=True)
    moved = model.thread_at(4)
    assert moved is not None
    model.upsert(_thread(99, title="new"))
    model.upsert(Thread(**{**_as_dict(moved), "updated_at": _BASE + timedelta(minutes=100)}))
    model.remove(moved.id)
    qtmodeltester.check(model, force_py=True)


def _as_dict(thread: Thread) -> dict[str, object]:
    return {name: getattr(thread, name) for name in Thread.__slots__}


def test_thread_model_is_sorted_newest_first_and_moves_rows(qtbot: QtBot) -> None:
    model = ThreadListModel()
    threads = [_thread(i, title=f"t{i}") for i in range(4)]
    model.reset(threads)
    assert _titles(model) == ["t3", "t2", "t1", "t0"]

    oldest = threads[0]
    with qtbot.waitSignal(model.rowsMoved, timeout=1000):
        model.upsert(Thread(**{**_as_dict(oldest), "updated_at": _BASE + timedelta(hours=1)}))
    assert _titles(model) == ["t0", "t3", "t2", "t1"]
    assert model.row_of(oldest.id) == 0

    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.upsert(Thread(**{**_as_dict(threads[2]), "title": "renamed"}))
    assert _titles(model) == ["t0", "t3", "renamed", "t1"]

    model.upsert(_thread(30, title="middle"))
    assert _titles(model) == ["t0", "middle", "t3", "renamed", "t1"]
    assert model.remove(threads[3].id) is not None
    assert _titles(model) == ["t0", "middle", "renamed", "t1"]
    assert model.remove(threads[3].id) is None


def test_thread_model_falls_back_to_preview_then_placeholder() -> None:
    model = ThreadListModel(untitled="New chat")
    model.reset([_thread(1, title=None, preview="preview text"), _thread(0, None, None)])
    assert _titles(model) == ["preview text", "New chat"]


def test_message_model_updates_one_row(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = MessageListModel()
    first = ChatMessage.new(Role.USER, "question")
    answer = ChatMessage.new(Role.ASSISTANT, "", state=MessageState.STREAMING)
    model.append(first)
    model.append(answer)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update(answer.local_id, text="partial")
    assert blocker.args[0].row() == 1 and blocker.args[1].row() == 1
    model.prepend([ChatMessage.new(Role.USER, "older q"), ChatMessage.new(Role.ASSISTANT, "older")])
    assert [m.text for m in model.messages] == ["older q", "older", "question", "partial"]
    qtmodeltester.check(model, force_py=True)


def test_list_previews_show_plain_text() -> None:
    from hc_desktop.ui.thread_list_view import plain_preview

    assert plain_preview("Thanks for asking about **water**.\n\n# Tips\n> `sip` often") == (
        "Thanks for asking about water. Tips sip often"
    )

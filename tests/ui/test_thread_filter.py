from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
import random
import uuid

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hc_desktop.controller.thread_filter_model import ThreadFilterModel
from hc_desktop.controller.thread_list_model import ThreadListModel, ThreadRoles
from hc_desktop.core.threads import Thread

_BASE = datetime(2026, 1, 1, tzinfo=UTC)
_WORDS = ["water", "sleep", "back", "heart", "iron", "stress", "नींद", "ঘুম"]


def _thread(rng: random.Random, minute: int) -> Thread:
    when = _BASE + timedelta(minutes=minute)
    title = " ".join(rng.choices(_WORDS, k=2))
    return Thread(
        uuid.uuid4(), uuid.uuid4(), str(uuid.uuid4()), title, "p", rng.random() < 0.3, when, when
    )


def _visible_ids(proxy: ThreadFilterModel) -> list[str]:
    return [proxy.index(r, 0).data(ThreadRoles.ThreadId) for r in range(proxy.rowCount())]


def _expected_ids(source: ThreadListModel, archived: bool, needle: str) -> list[str]:
    rows = source.matching_rows(archived, needle.casefold())
    return [source.index(r, 0).data(ThreadRoles.ThreadId) for r in rows]


@pytest.mark.parametrize("seed", range(4))
def test_incremental_updates_match_a_full_refilter(seed: int, qtmodeltester: ModelTester) -> None:
    rng = random.Random(seed)
    source = ThreadListModel()
    threads = [_thread(rng, i) for i in range(40)]
    source.reset(threads)
    proxy = ThreadFilterModel(source)
    qtmodeltester.check(proxy, force_py=True)
    clock = 1000
    for _step in range(300):
        action = rng.random()
        if action < 0.25:
            clock += 1
            thread = _thread(rng, clock if rng.random() < 0.7 else rng.randrange(clock))
            threads.append(thread)
            source.upsert(thread)
        elif action < 0.55 and threads:
            index = rng.randrange(len(threads))
            clock += 1
            changed = replace(
                threads[index],
                title=" ".join(rng.choices(_WORDS, k=2)),
                archived=rng.random() < 0.3,
                updated_at=_BASE + timedelta(minutes=rng.choice([clock, rng.randrange(clock)])),
            )
            threads[index] = changed
            source.upsert(changed)
        elif action < 0.7 and threads:
            source.remove(threads.pop(rng.randrange(len(threads))).id)
        elif action < 0.85:
            proxy.set_search(rng.choice(["", "water", "ঘুম", "he", "zzz"]))
        else:
            proxy.set_archived_view(not proxy.archived_view)
        assert _visible_ids(proxy) == _expected_ids(source, proxy.archived_view, proxy.search_text)
    qtmodeltester.check(proxy, force_py=True)


def test_selection_follows_a_thread_that_moves_to_the_top(qtbot: QtBot) -> None:
    rng = random.Random(7)
    source = ThreadListModel()
    threads = [replace(_thread(rng, i), archived=False) for i in range(5)]
    source.reset(threads)
    proxy = ThreadFilterModel(source)
    from PySide6.QtCore import QPersistentModelIndex

    oldest = proxy.index(4, 0)
    persistent = QPersistentModelIndex(oldest)
    with qtbot.waitSignal(proxy.rowsMoved), qtbot.assertNotEmitted(proxy.modelReset):
        source.upsert(replace(threads[0], updated_at=_BASE + timedelta(days=1)))
    assert persistent.row() == 0
    assert persistent.data(ThreadRoles.ThreadId) == str(threads[0].id)


def test_search_matches_title_and_preview_case_insensitively() -> None:
    source = ThreadListModel()
    when = _BASE
    source.reset(
        [
            Thread(uuid.uuid4(), uuid.uuid4(), "a", "Blood Pressure", "numbers", False, when, when),
            Thread(
                uuid.uuid4(), uuid.uuid4(), "b", "Sleep", "about BLOOD tests", False, when, when
            ),
            Thread(uuid.uuid4(), uuid.uuid4(), "c", "Iron", "diet", False, when, when),
            Thread(uuid.uuid4(), uuid.uuid4(), "d", "blood (archived)", "x", True, when, when),
        ]
    )
    proxy = ThreadFilterModel(source)
    proxy.set_search("  blood ")
    assert sorted(proxy.index(r, 0).data(ThreadRoles.Title) for r in range(proxy.rowCount())) == [
        "Blood Pressure",
        "Sleep",
    ]
    proxy.set_archived_view(True)
    assert [proxy.index(r, 0).data(ThreadRoles.Title) for r in range(proxy.rowCount())] == [
        "blood (archived)"
    ]


def test_index_of_finds_visible_threads_only() -> None:
    rng = random.Random(3)
    source = ThreadListModel()
    threads = [replace(_thread(rng, i), archived=i == 0) for i in range(6)]
    source.reset(threads)
    proxy = ThreadFilterModel(source)
    visible = threads[3]
    index = proxy.index_of(str(visible.id))
    assert index.data(ThreadRoles.ThreadId) == str(visible.id)
    assert not proxy.index_of(str(threads[0].id)).isValid()  # archived: not in this view
    assert not proxy.index_of("not-a-uuid").isValid()

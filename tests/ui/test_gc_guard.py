"""Garbage collection in the running app: on the Qt thread only, and frozen once loaded."""

from __future__ import annotations

import gc

import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.controller.gc_guard import CHECK_INTERVAL_MS, MainThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.mark.usefixtures("automatic_collection")
def test_collection_moves_to_the_qt_thread_and_back(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        gc.collect()
        for _ in range(gc.get_threshold()[0] + 1):
            _Cycle()
        assert gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(
            lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=3 * CHECK_INTERVAL_MS
        )
    finally:
        collector.stop()
    assert gc.isenabled()


@pytest.mark.usefixtures("automatic_collection")
def test_the_loaded_app_is_frozen_once(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    assert gc.get_freeze_count() == 0
    loaded = [[n] for n in range(1000)]
    collector.settle()
    frozen = gc.get_freeze_count()
    assert frozen >= len(loaded)
    made_later = [[n] for n in range(1000)]
    collector.settle()  # a second user's data: nothing more is frozen
    assert gc.get_freeze_count() == frozen, "the objects made later stay collectable"
    assert made_later

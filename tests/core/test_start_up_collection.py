"""Start-up pauses the cyclic collector and freezes what it built once the window shows."""

from __future__ import annotations

import gc

import pytest

from hc_desktop.app.start_up_collection import StartUpCollection


@pytest.mark.usefixtures("automatic_collection")
def test_collection_waits_for_start_up_then_skips_what_it_built() -> None:
    with StartUpCollection() as start_up:
        assert not gc.isenabled()
        built = [[n] for n in range(1000)]
        start_up.settle()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(built)
        frozen = gc.get_freeze_count()
        made_later = [[n] for n in range(100)]
        assert gc.get_freeze_count() == frozen, "what comes later is collected as usual"
        assert made_later
    assert gc.isenabled()


@pytest.mark.usefixtures("automatic_collection")
def test_a_start_up_that_fails_resumes_collection_and_freezes_nothing() -> None:
    with pytest.raises(RuntimeError), StartUpCollection():
        raise RuntimeError("no display")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_switched_off_before_stays_off() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with StartUpCollection() as start_up:
            start_up.settle()
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()

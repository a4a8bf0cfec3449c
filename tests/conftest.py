"""Test-wide settings: offscreen Qt, isolated keyring and config, shared fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from collections.abc import Iterator
import gc

import pytest


@pytest.fixture(autouse=True, scope="session")
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """As in the app: no automatic collection, which could free Qt objects on a worker
    thread; each test ends with a collection on the main thread instead."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture
def automatic_collection() -> Iterator[None]:
    """The interpreter as the app finds it: automatic collection on, nothing frozen."""
    was_enabled = gc.isenabled()
    gc.unfreeze()
    gc.enable()
    try:
        yield
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


_tests_run = 0


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """Young garbage after every test, everything every 25 tests (a full pass is slow)."""
    global _tests_run
    yield
    _tests_run += 1
    gc.collect(2 if _tests_run % 25 == 0 else 1)


pytest_plugins = [
    "tests.fixtures.postgres",
    "tests.fixtures.dify",
    "tests.fixtures.auth",
    "tests.fixtures.qt",
]

"""Test-wide settings: offscreen Qt, isolated keyring and config, shared fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

pytest_plugins = [
    "tests.fixtures.postgres",
    "tests.fixtures.dify",
    "tests.fixtures.auth",
    "tests.fixtures.qt",
]

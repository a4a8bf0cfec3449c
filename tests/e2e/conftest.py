"""Shared fixtures for the end-to-end tests: a signed-in window on loopback servers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from tests.e2e.harness import Harness, endpoints_for, running_signed_in
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner


@pytest.fixture
def signed_in(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> Iterator[Harness]:
    """The real window, signed in to the loopback account, threads in a local file."""
    endpoints = endpoints_for(auth_server, dify_server)
    with running_signed_in(qtbot, aloop, endpoints, tmp_path, auth_account) as app:
        yield app

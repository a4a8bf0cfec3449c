"""A signed-in window on loopback servers with a two-question conversation on screen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hc_desktop.core.threads import Thread
from hc_desktop.demo.auth_server import DemoAuthServer
from hc_desktop.demo.dify_server import DemoDifyServer
from tests.e2e.harness import Harness, endpoints_for, running_app
from tests.fixtures.auth import AuthAccount
from tests.fixtures.qt import AsyncRunner, wait_until

FIRST_QUESTION = "How much water should I drink on a hot day?"
SECOND_QUESTION = "Is <b>salt</b> bad? 2 * 3 = 6 & [link](there) #tags"


@dataclass
class Conversation:
    app: Harness
    thread: Thread
    questions: tuple[str, str]
    answers: tuple[str, str]


@pytest.fixture
def conversation(
    qtbot: QtBot,
    aloop: AsyncRunner,
    tmp_path: Path,
    auth_server: DemoAuthServer,
    auth_account: AuthAccount,
    dify_server: DemoDifyServer,
    memory_keyring: object,
) -> Iterator[Conversation]:
    """Two questions asked through the composer; the thread has Dify's generated title."""
    endpoints = endpoints_for(auth_server, dify_server)
    with running_app(qtbot, aloop, endpoints, tmp_path / "data") as app:

        async def chat() -> Thread:
            await app.start_signed_in(auth_account.email, auth_account.password)
            for question in (FIRST_QUESTION, SECOND_QUESTION):
                await app.ask(question)
                await app.answer_settled()
            chat = app.controller.chat
            await wait_until(
                lambda: (
                    chat.current_thread is not None
                    and (chat.current_thread.title or "").startswith("About")
                ),
                "Dify's generated title",
            )
            assert chat.current_thread is not None
            return chat.current_thread

        thread = aloop.run(chat())
        app.activate()
        answers = (
            dify_server.scripted_answer(FIRST_QUESTION),
            dify_server.scripted_answer(SECOND_QUESTION),
        )
        yield Conversation(app, thread, (FIRST_QUESTION, SECOND_QUESTION), answers)

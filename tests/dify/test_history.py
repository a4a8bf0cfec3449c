"""History, conversation management, feedback, suggestions and parameters."""

from __future__ import annotations

import uuid

import pytest

from hc_desktop.demo.dify_server import DemoDifyServer
from hc_desktop.dify import AnswerDelta, AppParameters, Conversation, DifyError, HistoryMessage
from tests.dify.helpers import USER, collect, run
from tests.fixtures.dify import DifyClientFactory

EXCHANGES = [(f"Question {n}", f"Answer {n}") for n in range(45)]


def test_history_pages_backwards_with_first_id(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    conversation_id = dify_server.seed_conversation(USER, "Long chat", EXCHANGES)

    async def go() -> list[tuple[list[HistoryMessage], bool]]:
        pages = []
        async with dify_client_factory() as client:
            first_id = None
            while True:
                page = await client.messages(conversation_id, user=USER, first_id=first_id)
                pages.append((page.items, page.has_more))
                if not page.has_more:
                    return pages
                first_id = page.items[0].id

    pages = run(go())

    assert [(len(items), more) for items, more in pages] == [(20, True), (20, True), (5, False)]
    newest, middle, oldest = (items for items, _ in pages)
    assert [m.query for m in newest] == [q for q, _ in EXCHANGES[25:]]
    assert [m.query for m in middle] == [q for q, _ in EXCHANGES[5:25]]
    assert [(m.query, m.answer) for m in oldest] == EXCHANGES[:5]
    assert {m.conversation_id for m in oldest + middle + newest} == {conversation_id}
    first_ids = [r.query.get("first_id") for r in dify_server.requests if r.path == "/v1/messages"]
    assert first_ids == [None, newest[0].id, middle[0].id]


def test_history_holds_a_streamed_turn(dify_client_factory: DifyClientFactory) -> None:
    async def go() -> tuple[str, HistoryMessage, str]:
        async with dify_client_factory() as client:
            events = await collect(client, "How much water should I drink each day?")
            text = "".join(e.text for e in events if isinstance(e, AnswerDelta))
            first = next(e for e in events if isinstance(e, AnswerDelta))
            page = await client.messages(first.conversation_id, user=USER)
            return text, page.items[-1], first.message_id

    streamed, stored, message_id = run(go())
    assert stored.id == message_id
    assert stored.query == "How much water should I drink each day?"
    assert stored.answer == streamed
    assert stored.feedback_rating is None
    assert stored.created_at > 0


def test_conversations_page_newest_first_per_user(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    ids = dify_server.seed_conversations(USER, [(f"Chat {n}", [("q", "a")]) for n in range(5)])
    dify_server.seed_conversation("other-user", "Not mine", [("q", "a")])

    async def go() -> list[tuple[list[Conversation], bool]]:
        pages = []
        async with dify_client_factory() as client:
            last_id = None
            while True:
                page = await client.conversations(user=USER, last_id=last_id, limit=2)
                pages.append((page.items, page.has_more))
                if not page.has_more:
                    return pages
                last_id = page.items[-1].id

    pages = run(go())

    assert [more for _, more in pages] == [True, True, False]
    listed = [c for items, _ in pages for c in items]
    assert [c.id for c in listed] == ids[::-1]
    assert [c.name for c in listed] == [f"Chat {n}" for n in reversed(range(5))]
    assert all(c.created_at > 0 and c.updated_at >= c.created_at for c in listed)


def test_new_conversation_is_named_after_the_query_and_listed_first(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    dify_server.seed_conversation(USER, "Older", [("q", "a")])
    query = "What are some tips for better sleep?"

    async def go() -> Conversation:
        async with dify_client_factory() as client:
            await collect(client, query)
            return (await client.conversations(user=USER)).items[0]

    newest = run(go())
    assert newest.name == query[:20] + "…"


def test_rename_by_name_and_by_auto_generation(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    conversation_id = dify_server.seed_conversation(
        USER, "Untitled", [("How can I sleep better at night?", "Some ideas.")]
    )

    async def go() -> tuple[Conversation, Conversation, str]:
        async with dify_client_factory() as client:
            named = await client.rename_conversation(conversation_id, user=USER, name="Sleep")
            generated = await client.rename_conversation(
                conversation_id, user=USER, auto_generate=True
            )
            listed = (await client.conversations(user=USER)).items[0].name
            return named, generated, listed

    named, generated, listed = run(go())
    assert (named.id, named.name) == (conversation_id, "Sleep")
    assert generated.name == "About sleep better night"
    assert listed == generated.name
    bodies = [r.json for r in dify_server.requests if r.path.endswith("/name")]
    assert bodies == [
        {"user": USER, "auto_generate": False, "name": "Sleep"},
        {"user": USER, "auto_generate": True},
    ]


def test_rename_without_a_name_is_rejected(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    conversation_id = dify_server.seed_conversation(USER, "Chat", [("q", "a")])

    async def go() -> DifyError:
        async with dify_client_factory() as client:
            with pytest.raises(DifyError) as caught:
                await client.rename_conversation(conversation_id, user=USER, name="  ")
            return caught.value

    error = run(go())
    assert (error.status, error.code) == (400, "invalid_param")


def test_delete_conversation_then_it_is_gone(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    conversation_id = dify_server.seed_conversation(USER, "Chat", [("q", "a")])

    async def go() -> tuple[DifyError, DifyError, list[Conversation]]:
        async with dify_client_factory() as client:
            await client.delete_conversation(conversation_id, user=USER)
            with pytest.raises(DifyError) as history:
                await client.messages(conversation_id, user=USER)
            with pytest.raises(DifyError) as again:
                await client.delete_conversation(conversation_id, user=USER)
            return history.value, again.value, (await client.conversations(user=USER)).items

    history_error, second_delete, remaining = run(go())
    assert (history_error.status, history_error.code) == (404, "not_found")
    assert (second_delete.status, second_delete.code) == (404, "not_found")
    assert remaining == []
    delete = next(r for r in dify_server.requests if r.method == "DELETE")
    assert delete.path == f"/v1/conversations/{conversation_id}"
    assert delete.json == {"user": USER}
    assert delete.headers["content-type"] == "application/json"


def test_feedback_round_trip_shows_in_history(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    conversation_id = dify_server.seed_conversation(USER, "Chat", [("q1", "a1"), ("q2", "a2")])

    def ratings(items: list[HistoryMessage]) -> list[str | None]:
        return [m.feedback_rating for m in items]

    async def go() -> list[list[str | None]]:
        seen = []
        async with dify_client_factory() as client:
            items = (await client.messages(conversation_id, user=USER)).items
            await client.feedback(items[1].id, user=USER, rating="like", content="Helpful")
            seen.append(ratings((await client.messages(conversation_id, user=USER)).items))
            await client.feedback(items[1].id, user=USER, rating="dislike")
            seen.append(ratings((await client.messages(conversation_id, user=USER)).items))
            await client.feedback(items[1].id, user=USER, rating=None)
            seen.append(ratings((await client.messages(conversation_id, user=USER)).items))
            return seen

    assert run(go()) == [[None, "like"], [None, "dislike"], [None, None]]
    bodies = [r.json for r in dify_server.requests if r.path.endswith("/feedbacks")]
    assert bodies[0] == {"rating": "like", "user": USER, "content": "Helpful"}
    assert bodies[2] == {"rating": None, "user": USER}


def test_withdrawing_feedback_that_does_not_exist_is_rejected(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    conversation_id = dify_server.seed_conversation(USER, "Chat", [("q", "a")])

    async def go() -> DifyError:
        async with dify_client_factory() as client:
            message = (await client.messages(conversation_id, user=USER)).items[0]
            with pytest.raises(DifyError) as caught:
                await client.feedback(message.id, user=USER, rating=None)
            return caught.value

    error = run(go())
    assert (error.status, error.code) == (400, "invalid_param")


def test_feedback_on_unknown_message_is_not_found(dify_client_factory: DifyClientFactory) -> None:
    async def go() -> DifyError:
        async with dify_client_factory() as client:
            with pytest.raises(DifyError) as caught:
                await client.feedback(str(uuid.uuid4()), user=USER, rating="like")
            return caught.value

    error = run(go())
    assert (error.status, error.code, error.message) == (404, "not_found", "Message Not Exists.")


def test_suggested_questions_follow_the_topic(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    conversation_id = dify_server.seed_conversation(
        USER, "Chat", [("How do I manage stress at work?", "Some ideas.")]
    )

    async def go() -> list[str]:
        async with dify_client_factory() as client:
            message = (await client.messages(conversation_id, user=USER)).items[0]
            return await client.suggested(message.id, user=USER)

    suggestions = run(go())
    assert len(suggestions) == 3
    assert all("stress" in s and s.endswith("?") for s in suggestions)
    (request,) = [r for r in dify_server.requests if r.path.endswith("/suggested")]
    assert request.query == {"user": USER}


def test_parameters_describe_the_demo_app(dify_client_factory: DifyClientFactory) -> None:
    async def go() -> AppParameters:
        async with dify_client_factory() as client:
            return await client.parameters()

    parameters = run(go())
    assert parameters.opening_statement.startswith("Hello! I can share general health information")
    assert len(parameters.suggested_questions) == 3
    assert parameters.suggested_questions_after_answer_enabled
    assert parameters.raw["file_upload"]["enabled"] is False


def test_every_user_scoped_call_sends_the_user(
    dify_server: DemoDifyServer, dify_client_factory: DifyClientFactory
) -> None:
    async def go() -> None:
        async with dify_client_factory() as client:
            events = await collect(client, "Tips for staying active?")
            first = next(e for e in events if isinstance(e, AnswerDelta))
            await client.stop(first.task_id, user=USER)
            await client.messages(first.conversation_id, user=USER)
            await client.conversations(user=USER)
            await client.feedback(first.message_id, user=USER, rating="like")
            await client.suggested(first.message_id, user=USER)
            await client.rename_conversation(first.conversation_id, user=USER, name="Active")
            await client.delete_conversation(first.conversation_id, user=USER)

    run(go())

    requests = dify_server.requests
    assert len(requests) == 8
    for request in requests:
        sent = request.json.get("user") if request.method != "GET" else request.query.get("user")
        assert sent == USER, request.path

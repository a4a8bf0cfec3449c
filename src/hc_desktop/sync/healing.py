"""Self-healing: Dify conversations of this user that have no thread row get one.

A thread can go missing when a client crashed between Dify's reply and its insert. The row
is rebuilt with the seed's rules: the title from the first message, the preview from the
most recent turn. Conversations deleted here (tombstoned) are never brought back.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from hc_desktop.core.rules import default_title, message_preview
from hc_desktop.dify import Conversation, DifyClient, HistoryMessage

#: Dify's largest page.
PAGE_SIZE = 100
#: Bounds on one healing pass, so a huge account cannot stall a sync round.
MAX_CONVERSATION_PAGES = 100
MAX_HISTORY_PAGES = 50


@dataclass(frozen=True, slots=True)
class SeedValues:
    title: str | None
    preview: str | None


async def orphans(dify: DifyClient, user: str, known: Collection[str]) -> list[Conversation]:
    """The user's conversations whose id is not in ``known``, most recently active first."""
    found: list[Conversation] = []
    last_id: str | None = None
    for _ in range(MAX_CONVERSATION_PAGES):
        page = await dify.conversations(user=user, last_id=last_id, limit=PAGE_SIZE)
        found.extend(c for c in page.items if c.id not in known)
        if not page.has_more or not page.items:
            break
        last_id = page.items[-1].id
    return found


async def seed_values(dify: DifyClient, user: str, conversation: Conversation) -> SeedValues:
    """Title from the first query (or the conversation's name), preview from the latest turn."""
    newest: HistoryMessage | None = None
    oldest: HistoryMessage | None = None
    first_id: str | None = None
    for _ in range(MAX_HISTORY_PAGES):
        page = await dify.messages(conversation.id, user=user, first_id=first_id, limit=PAGE_SIZE)
        if not page.items:
            break
        if newest is None:
            newest = page.items[-1]
        oldest = page.items[0]
        if not page.has_more:
            break
        first_id = oldest.id
    source = oldest.query if oldest is not None else conversation.name
    title = default_title(source) or None
    preview = None
    if newest is not None:
        preview = message_preview(newest.answer or newest.query) or None
    return SeedValues(title, preview)

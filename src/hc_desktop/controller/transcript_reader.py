"""The whole of one conversation, for export and printing.

The window shows history a page at a time; an export needs every exchange. Dify holds the
complete history, so it is read page by page back to the first question. Offline, the copy
in the local message cache is used instead and the transcript says it may be incomplete.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
import logging
from typing import TYPE_CHECKING

from hc_desktop.core.threads import Thread
from hc_desktop.core.transcript import Exchange, Transcript
from hc_desktop.dify.errors import DifyError
from hc_desktop.dify.models import HistoryMessage

if TYPE_CHECKING:
    from hc_desktop.dify.client import DifyClient
    from hc_desktop.sync.messages import CachedMessage, MessageCache

_log = logging.getLogger("hc_desktop.transcript")

EXPORT_PAGE = 100
"""Dify's largest page of messages."""
MAX_PAGES = 1000


async def read_transcript(
    dify: DifyClient,
    cache: MessageCache | None,
    thread: Thread,
    *,
    page_size: int = EXPORT_PAGE,
    max_pages: int = MAX_PAGES,
) -> Transcript:
    """Every exchange of ``thread``, oldest first; from the offline copy when Dify fails."""
    try:
        items, complete = await _all_pages(dify, thread, page_size, max_pages)
    except DifyError as exc:
        cached = await cache.load(thread.conversation_id) if cache is not None else []
        if not cached:
            raise
        _log.info("transcript from the offline copy: %s", exc.code)
        return _transcript(thread, cached, complete=False)
    return _transcript(thread, items, complete=complete)


async def _all_pages(
    dify: DifyClient, thread: Thread, page_size: int, max_pages: int
) -> tuple[list[HistoryMessage], bool]:
    """Page back from the newest message until Dify says there is nothing older."""
    user = str(thread.user_id)
    page = await dify.messages(thread.conversation_id, user=user, limit=page_size)
    items = list(page.items)
    pages = 1
    while page.has_more and items:
        if pages >= max_pages:
            return items, False
        page = await dify.messages(
            thread.conversation_id, user=user, first_id=items[0].id, limit=page_size
        )
        pages += 1
        known = {item.id for item in items}
        older = [item for item in page.items if item.id not in known]
        if not older:
            break  # a server that repeats itself must not keep us paging forever
        items = older + items
    return items, True


def _transcript(
    thread: Thread, items: Sequence[HistoryMessage | CachedMessage], *, complete: bool
) -> Transcript:
    exchanges = tuple(
        Exchange(item.query, item.answer, datetime.fromtimestamp(item.created_at, UTC))
        for item in items
    )
    return Transcript(thread.title, thread.created_at, thread.updated_at, exchanges, complete)

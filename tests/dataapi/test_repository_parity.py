"""The repository behaviour every store has, over the Data API (RLS by the user's token)."""

from tests.store.test_repository_parity import (
    test_closed_store_refuses_work,
    test_create_if_absent_returns_the_existing_thread,
    test_create_then_read_back,
    test_delete,
    test_each_user_sees_and_changes_only_their_threads,
    test_every_change_moves_updated_at,
    test_lists_are_newest_first_and_split_by_archived,
)

__all__ = [
    "test_closed_store_refuses_work",
    "test_create_if_absent_returns_the_existing_thread",
    "test_create_then_read_back",
    "test_delete",
    "test_each_user_sees_and_changes_only_their_threads",
    "test_every_change_moves_updated_at",
    "test_lists_are_newest_first_and_split_by_archived",
]

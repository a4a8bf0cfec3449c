"""Small helpers shared by the store tests."""

from __future__ import annotations

from collections.abc import Callable
import time

import psycopg


def wait_until(condition: Callable[[], bool], *, timeout: float = 30.0) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met within the timeout")
        time.sleep(0.02)


def query(url: str, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Run one statement as the URL's user (autocommit) and return all rows."""
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(statement.encode(), params or None)
        return cursor.fetchall() if cursor.description else []


def execute(url: str, statement: str, params: tuple[object, ...] = ()) -> None:
    """Run one statement as the URL's user (autocommit)."""
    query(url, statement, params)

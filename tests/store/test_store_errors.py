"""Failures reach the user as StoreUnavailable with a plain message and no secrets."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.store.postgres import PostgresThreadStore
from hc_desktop.store.urls import mask_url, to_sqlalchemy_url
from tests.store.helpers import execute

USER = uuid.UUID("1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6")
SECRET = "pa55-w0rd-secret"


def failing_call(url: str) -> StoreUnavailable:
    async def scenario() -> StoreUnavailable:
        store = PostgresThreadStore(url, USER)
        try:
            with pytest.raises(StoreUnavailable) as failure:
                await store.list_threads()
            assert SECRET not in repr(store)
            return failure.value
        finally:
            await store.close()

    return asyncio.run(scenario())


def test_unreachable_server() -> None:
    error = failing_call(f"postgresql://someone:{SECRET}@127.0.0.1:1/db")

    assert error.user_message == (
        "the shared database is not available: the database server could not be reached"
    )
    assert error.retryable


@pytest.mark.postgres
def test_refused_login(pg_database: str) -> None:
    url = pg_database.replace("postgres@", f"nobody_here:{SECRET}@")

    error = failing_call(url)

    assert "refused the login" in error.user_message
    assert SECRET not in error.log_text


@pytest.mark.postgres
def test_check_schema_names_what_is_missing(pg_database: str) -> None:
    async def check() -> list[str]:
        store = PostgresThreadStore(pg_database, USER)
        try:
            return await store.check_schema()
        finally:
            await store.close()

    assert asyncio.run(check()) == []
    execute(pg_database, "ALTER TABLE health_companion.threads DROP COLUMN last_message_preview")
    assert asyncio.run(check()) == ["column last_message_preview is missing"]
    execute(pg_database, "DROP SCHEMA health_companion CASCADE")
    assert asyncio.run(check()) == ["table health_companion.threads is missing"]


def test_urls_are_converted_and_masked() -> None:
    url = f"postgresql://app:{SECRET}@db.example.org:6543/postgres?sslmode=require"

    converted = to_sqlalchemy_url(url)

    assert converted.drivername == "postgresql+psycopg"
    assert converted.password == SECRET
    assert converted.query == {"sslmode": "require"}
    assert SECRET not in mask_url(url)
    assert mask_url("::not a url::") == "<unparsable database URL>"
    with pytest.raises(ValueError, match="scheme"):
        to_sqlalchemy_url("sqlite:///x.db")

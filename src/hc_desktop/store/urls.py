"""Turning the libpq URLs users paste into SQLAlchemy URLs, and showing them safely."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}


def to_sqlalchemy_url(url: str) -> URL:
    """``postgresql://...`` (libpq form) -> ``postgresql+psycopg://...``."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValueError("the database URL is not of the form postgresql://...") from None
    if parsed.drivername not in _POSTGRES_SCHEMES:
        raise ValueError(f"unsupported database URL scheme {parsed.drivername!r}")
    return parsed.set(drivername="postgresql+psycopg")


def mask_url(url: str | URL) -> str:
    """The URL with any password replaced, fit for messages and logs."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except ArgumentError:
        return "<unparsable database URL>"
    return parsed.render_as_string(hide_password=True)

"""Plain-language descriptions of database failures, without secrets.

Driver messages can quote host names, user names and statement text. What reaches the user
or the log is a short classification plus the server's primary message for SQL errors.
"""

from __future__ import annotations

import sqlite3

import psycopg
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from hc_desktop.core.errors import StoreUnavailable

_AUTH_SQLSTATES = {"28000", "28P01"}
# Connection-time failures carry no SQLSTATE in psycopg; the server's text is all there is.
_LOGIN_REFUSED_HINTS = (
    "authentication failed",
    "no password supplied",
    "pg_hba.conf",
    'role "',
)


def _driver_error(exc: BaseException) -> BaseException:
    return exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc


def is_unavailable(exc: BaseException) -> bool:
    """True for failures to reach or log in to the database (as opposed to SQL errors)."""
    orig = _driver_error(exc)
    if isinstance(orig, psycopg.Error):
        sqlstate = orig.sqlstate or ""
        return sqlstate == "" or sqlstate.startswith(("08", "28", "57P", "53"))
    if isinstance(orig, sqlite3.OperationalError):
        return True
    return isinstance(exc, OperationalError | InterfaceError)


def describe(exc: BaseException) -> str:
    """One line that says what went wrong and holds no secret."""
    orig = _driver_error(exc)
    if isinstance(orig, psycopg.Error):
        sqlstate = orig.sqlstate or ""
        if sqlstate in _AUTH_SQLSTATES:
            return "the database refused the login (check user name and password)"
        if not sqlstate:
            return _describe_connection_failure(str(orig))
        primary = orig.diag.message_primary or type(orig).__name__
        return f"{primary} (SQLSTATE {sqlstate})"
    if isinstance(orig, sqlite3.Error):
        return f"local database error: {orig.args[0] if orig.args else type(orig).__name__}"
    if isinstance(exc, SQLAlchemyError):
        return f"database error ({type(exc).__name__})"
    return type(exc).__name__


def _describe_connection_failure(text: str) -> str:
    if 'database "' in text and "does not exist" in text:
        return "the database named in the URL does not exist"
    if any(hint in text for hint in _LOGIN_REFUSED_HINTS):
        return "the database refused the login (check user name and password)"
    return "the database server could not be reached"


def unavailable(exc: BaseException, what: str) -> StoreUnavailable:
    """A :class:`StoreUnavailable` for ``what`` ("the shared database", ...)."""
    return StoreUnavailable(f"{what} is not available: {describe(exc)}", retryable=True)
